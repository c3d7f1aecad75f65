import {
  Alias,
  Composer,
  CST,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  Lexer,
  Parser,
  Scalar,
  YAMLParseError,
} from 'yaml';
import type { Document, DocumentOptions, Node as YamlNode, ParsedNode, ParseOptions, SchemaOptions, Tags } from 'yaml';
import { toPlain } from './nodes';
import type { MapEntry, Node, Span } from './nodes';
import type { ParseProblem, ParseResult } from './parse-result';
import { LIMITS } from './limits';
import { firstTooDeepYamlCollection, nestingTooDeep } from './nesting';
import { DuplicateKeys } from './duplicate-keys';
import { CLOUDFORMATION_TAG_NAMES, MapEntries, taggedNode } from './yaml-shared';
import { parseYamlFromCst } from './parse-yaml-cst';
import { reparseYaml } from './reparse-yaml';
import type { ReparseBase } from './reparse-yaml';

/**
 * CloudFormation's short forms declared as identity tags for scalars, lists and maps, so that `yaml` keeps
 * them without building an "unresolved tag" warning for each (which costs a quarter of the parse time).
 * Tags outside this list still parse, with a warning we ignore, and are kept as written.
 */
const CLOUDFORMATION_TAGS: Tags = CLOUDFORMATION_TAG_NAMES.flatMap((tag) => {
  const identity = <T>(value: T): T => value;
  return [
    { tag, resolve: identity },
    { tag, collection: 'seq' as const, resolve: identity },
    { tag, collection: 'map' as const, resolve: identity },
  ] as Tags;
});

export const YAML_OPTIONS: ParseOptions & DocumentOptions & SchemaOptions = {
  uniqueKeys: false, // duplicates are reported by us, with both positions, and parsing goes on
  prettyErrors: false,
  strict: false,
  customTags: CLOUDFORMATION_TAGS,
};

/** Reads one token stream of a YAML text into our value tree. */
export type YamlTokenReader = (text: string, tokens: readonly CST.Token[]) => ParseResult;

/**
 * YAML text → value tree, accepting what PyYAML's safe loader (SAM CLI's and cfn-lint's reader) accepts.
 * `yaml` lexes strictly first. Only where its Lexer cut a flow collection short for want of indentation
 * (`Schema: {` ... `}` at the key's column) and the reading has errors is the text lexed again with flow
 * collections read as PyYAML reads them (see tokenize), and that reading is kept when it has no error.
 * Otherwise the strict reading stays: its recovery keeps the rest of a document being typed.
 *
 * `read` is the fast CST reader with `yaml`'s Composer behind it; tests pass the Composer alone.
 */
export function parseYaml(text: string, read: YamlTokenReader = readFastOrComposed): ParseResult {
  const strict = tokenize(text, false);
  const result = read(text, strict.tokens);
  if (!strict.flowCutShort || !hasSyntaxError(result)) return result;
  const lenient = read(text, tokenize(text, true).tokens);
  return hasSyntaxError(lenient) ? result : lenient;
}

/** A reading, and what a later edit of the text can be re-read against (only a clean reading qualifies). */
export interface YamlReading {
  readonly result: ParseResult;
  readonly base: ReparseBase | undefined;
}

/**
 * `parseYaml`, re-reading only the edited entry when `previous` is the clean reading of an earlier version
 * of the text (see reparseYaml): the keystroke path of the editor.
 */
export function readYaml(text: string, previous?: ReparseBase): YamlReading {
  const reparsed = previous && reparseYaml(previous, text, readCleanFragment);
  if (reparsed) return { result: reparsed, base: { text, result: reparsed } };
  const strict = tokenize(text, false);
  const fast = strict.flowCutShort ? undefined : parseYamlFromCst(text, strict.tokens);
  if (fast) return { result: fast, base: fast.problems.length === 0 ? { text, result: fast } : undefined };
  return { result: parseYaml(text), base: undefined };
}

/** A fragment in the fast subset read without a problem, else undefined (the whole text is read instead). */
export function readCleanFragment(fragment: string): ParseResult | undefined {
  const strict = tokenize(fragment, false);
  if (strict.flowCutShort) return undefined;
  const result = parseYamlFromCst(fragment, strict.tokens);
  return result && result.problems.length === 0 ? result : undefined;
}

function hasSyntaxError(result: ParseResult): boolean {
  return result.problems.some((p) => p.code === 'yaml-syntax');
}

/**
 * Templates in the common subset of YAML are read straight from `yaml`'s CST (half the time); anything
 * else (anchors, `? keys`, several documents, errors, ...) is composed by `yaml` from the same tokens.
 */
function readFastOrComposed(text: string, tokens: readonly CST.Token[]): ParseResult {
  return parseYamlFromCst(text, tokens) ?? readComposed(text, tokens);
}

/** `yaml`'s document model, which also words every syntax error; refused beyond the nesting limit. */
export function readComposed(text: string, tokens: readonly CST.Token[]): ParseResult {
  const tooDeep = firstTooDeepYamlCollection(tokens); // the Composer and YamlConverter recurse per level
  if (tooDeep !== undefined) return { root: undefined, problems: [nestingTooDeep('yaml-syntax', tooDeep)] };
  return resultOfDocument(text, composeDocument(text, tokens));
}

interface LexerInternals {
  flowLevel: number;
  indentNext: number;
  parseNext(next: string): Generator<string, string | null | undefined>;
}

/**
 * `yaml`'s tokens for `text`, and whether its Lexer ended a flow collection early because a line in it
 * was not indented past the collection's owner (the spec asks for that; PyYAML does not).
 *
 * With `flowLenient`, indentation is ignored inside `[...]` and `{...}` as PyYAML's scanner does ("In the
 * flow context, indentation is ignored", scanner.py): continuation lines and the closing bracket may sit
 * at or left of the key's column. A tab may start them too, as libyaml (PyYAML's CSafeLoader) and YAML
 * 1.2 allow and `yaml` already allows after enough spaces. The Lexer keeps the indentation a line needs
 * in `indentNext`; each flow step runs with it at zero and puts it back after, so the block context after
 * the collection is lexed as before. A `---` or `...` at column 0 still ends the collection, as in PyYAML.
 */
function tokenize(text: string, flowLenient: boolean): { tokens: CST.Token[]; flowCutShort: boolean } {
  const lexer = new Lexer();
  const internals = lexer as unknown as LexerInternals;
  if (flowLenient && typeof internals.parseNext === 'function') {
    // a Lexer without it reads strictly
    const parseNext = internals.parseNext;
    internals.parseNext = function* (this: LexerInternals, next: string) {
      if (this.flowLevel === 0) return yield* parseNext.call(this, next);
      const indentNext = this.indentNext;
      this.indentNext = 0;
      const after = yield* parseNext.call(this, next);
      this.indentNext = indentNext;
      return after;
    };
  }
  const parser = new Parser();
  const tokens: CST.Token[] = [];
  let flowCutShort = false;
  for (const lexeme of lexer.lex(text)) {
    if (lexeme === CST.FLOW_END) flowCutShort = true;
    for (const token of parser.next(lexeme)) tokens.push(token);
  }
  for (const token of parser.end()) tokens.push(token);
  return { tokens, flowCutShort };
}

/** What `parseDocument(text, YAML_OPTIONS)` does, from tokens already parsed. */
function composeDocument(text: string, tokens: readonly CST.Token[]): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(YAML_OPTIONS).compose(tokens, true, text.length)) {
    if (!doc) {
      doc = next;
    } else {
      doc.errors.push(
        new YAMLParseError(
          [next.range[0], next.range[1]],
          'MULTIPLE_DOCS',
          'Source contains multiple documents; please use YAML.parseAllDocuments()',
        ),
      );
      break;
    }
  }
  return doc as Document.Parsed; // compose(…, forceDoc = true) always yields one
}

/**
 * `yaml` gives exact ranges and keeps CloudFormation's `!Tags` as unresolved local tags, which we turn
 * into intrinsic nodes here (so any tag, known or not, is kept, never fatal).
 */
export function resultOfDocument(text: string, doc: Document.Parsed): ParseResult {
  const problems: ParseProblem[] = [];
  for (const e of doc.errors) {
    const message = firstLine(e.message);
    const span = /^Flow (sequence|map|collection)/.test(message)
      ? (unclosedOpener(text, e.pos[0]) ?? spanOfPos(e.pos, text))
      : spanOfPos(e.pos, text);
    problems.push({ code: 'yaml-syntax', severity: 'error', message, span });
  }
  const converter = new YamlConverter(text, problems);
  const root = doc.contents ? converter.convert(doc.contents as ParsedNode) : undefined;
  return { root, problems };
}

function firstLine(message: string): string {
  const i = message.indexOf(' at line ');
  return (i > 0 ? message.slice(0, i) : message.split('\n')[0]).trim();
}

/**
 * `yaml` reports an unclosed `[` or `{` where it gave up (often the end of the file); the user needs the
 * bracket that was never closed, so walk back to it.
 */
function unclosedOpener(text: string, at: number): Span | undefined {
  let depth = 0;
  for (let i = Math.min(at, text.length) - 1; i >= 0; i--) {
    const c = text[i];
    if (c === ']' || c === '}') depth++;
    else if (c === '[' || c === '{') {
      if (depth === 0) return { start: i, end: i + 1 };
      depth--;
    }
  }
  return undefined;
}

function spanOfPos(pos: [number, number], text: string): Span {
  const start = Math.min(pos[0], text.length);
  return { start, end: Math.max(start, Math.min(pos[1], text.length)) };
}

/** What a map's items become before `<<` merges are resolved: an entry, or the maps one `<<` merges in. */
type MapSlot = { readonly entry: MapEntry } | { readonly merged: readonly Node[] };

/**
 * `yaml`'s nodes → ours, in document order, so every alias meets the latest anchor of its name before
 * it, as PyYAML's Composer does.
 */
class YamlConverter {
  private aliasBudget = LIMITS.maxAliasExpansion;
  private aliasBudgetReported = false;
  /** Converted anchored nodes by name; undefined while the anchored node itself is being converted. */
  private readonly anchors = new Map<string, Node | undefined>();
  private readonly anchorSpans = new Map<string, Span>();
  private readonly expansions = new WeakMap<Node, Expansion>();
  /** Nodes open around the one being converted. */
  private depth = 0;

  private readonly duplicates: DuplicateKeys;

  constructor(
    private readonly text: string,
    private readonly problems: ParseProblem[],
  ) {
    this.duplicates = new DuplicateKeys(text, problems);
  }

  convert(node: YamlNode | Alias | null | undefined, fallbackAt = 0): Node {
    if (!node) return { kind: 'scalar', value: null, span: { start: fallbackAt, end: fallbackAt } };
    if (isAlias(node)) return this.convertAlias(node);
    const anchor = node.anchor;
    if (anchor) this.defineAnchor(anchor, rangeSpan(node).start);
    this.depth++;
    const converted = this.convertTagged(node);
    this.depth--;
    if (anchor) this.anchors.set(anchor, converted);
    return converted;
  }

  /** YAML lets an anchor be defined again; PyYAML's Composer ("found duplicate anchor") does not. */
  private defineAnchor(name: string, nodeStart: number): void {
    const start = this.text.lastIndexOf(`&${name}`, nodeStart);
    const span = { start, end: start + name.length + 1 };
    const first = this.anchorSpans.get(name);
    if (first) {
      this.problems.push({
        code: 'yaml-syntax',
        severity: 'error',
        span,
        related: [{ span: first, message: `&${name} first defined here` }],
        message: `Anchor &${name} is defined twice; SAM CLI and cfn-lint (PyYAML) reject a template that does this`,
      });
    } else {
      this.anchorSpans.set(name, span);
    }
    this.anchors.set(name, undefined);
  }

  private convertTagged(node: YamlNode): Node {
    const converted = this.convertUntagged(node);
    const tag = node.tag;
    if (tag && tag.startsWith('!') && !tag.startsWith('!!')) return taggedNode(this.text, tag, converted);
    return converted;
  }

  private convertUntagged(node: YamlNode): Node {
    const span = rangeSpan(node);
    if (isScalar(node)) return { kind: 'scalar', value: scalarValue(node), span };
    if (isSeq(node)) {
      return { kind: 'seq', items: node.items.map((i) => this.convert(i as YamlNode, span.end)), span };
    }
    if (isMap(node)) return this.convertMap(node.items, span);
    return { kind: 'scalar', value: null, span };
  }

  private convertMap(items: unknown[], span: Span): Node {
    const entries = new MapEntries(this.duplicates);
    const slots: MapSlot[] = [];
    for (const item of items) {
      if (!isPair(item)) continue;
      const keyNode = item.key as YamlNode | Alias | null;
      const keySpan = keyNode ? rangeSpan(keyNode) : { start: span.start, end: span.start };
      if (isMergeKey(keyNode)) {
        slots.push({ merged: this.mergedMaps(this.convert(item.value as YamlNode, keySpan.end)) });
        continue;
      }
      const key = this.keyText(keyNode);
      entries.key(key, keySpan);
      slots.push({ entry: { key, keySpan, value: this.convert(item.value as YamlNode, keySpan.end) } });
    }
    for (const entry of resolveMerges(slots)) entries.add(entry.key, entry.keySpan, entry.value);
    return entries.node(span);
  }

  private keyText(keyNode: YamlNode | Alias | null): string {
    if (!keyNode) return '';
    if (isAlias(keyNode) || keyNode.anchor) {
      const key = this.convert(keyNode);
      return key.kind === 'scalar' ? String(key.value) : JSON.stringify(toPlain(key));
    }
    return isScalar(keyNode) ? String(keyNode.value) : String(keyNode);
  }

  /** What `<<: *a` or `<<: [*a, *b]` merges in, as PyYAML's flatten_mapping accepts: maps only. */
  private mergedMaps(value: Node): readonly Node[] {
    const maps = value.kind === 'seq' ? value.items : [value];
    if (maps.every(isMapLike)) return maps;
    this.problems.push({
      code: 'yaml-syntax',
      severity: 'error',
      span: value.span,
      message: 'A merge key << takes an alias of a map, or a list of them (like <<: [*a, *b])',
    });
    return maps.filter(isMapLike);
  }

  /**
   * An alias is the anchored node itself, shared, with the anchor's spans (what it says is written
   * there). Each use is charged the node's expanded size, so a "billion laughs" document stops at the
   * budget after work proportional to its text, and what the tree expands to stays bounded.
   */
  private convertAlias(alias: Alias): Node {
    const span = rangeSpan(alias);
    const name = alias.source;
    const target = this.anchors.get(name);
    if (!target) {
      const message = this.anchors.has(name)
        ? `Alias *${name} is inside the node anchored &${name}: a recursive structure no template can hold`
        : `Unknown alias *${name}: no anchor &${name} before it`;
      this.problems.push({ code: 'yaml-syntax', severity: 'error', span, message });
      return { kind: 'scalar', value: null, span };
    }
    const { size, height } = this.expansion(target);
    if (this.depth + height > LIMITS.maxNestingDepth) {
      this.problems.push({
        code: 'yaml-syntax',
        severity: 'error',
        span,
        message:
          `Alias *${name} would nest maps and lists deeper than ${LIMITS.maxNestingDepth} levels here; it is not ` +
          `expanded`,
      });
      return { kind: 'scalar', value: null, span };
    }
    if (size > this.aliasBudget) {
      if (!this.aliasBudgetReported) {
        this.aliasBudgetReported = true;
        this.problems.push({
          code: 'yaml-syntax',
          severity: 'error',
          span,
          message:
            `YAML aliases expand to more than ${LIMITS.maxAliasExpansion} nodes; expansion stopped here (an ` +
            `alias bomb?)`,
        });
      }
      return { kind: 'scalar', value: null, span };
    }
    this.aliasBudget -= size;
    return target;
  }

  /**
   * Nodes the tree has at and below `node` once shared aliases are counted at each use, and how deep it
   * goes: an alias may not take the tree past the nesting limit that the text itself is held to.
   */
  private expansion(node: Node): Expansion {
    const known = this.expansions.get(node);
    if (known) return known;
    const children =
      node.kind === 'map'
        ? node.entries.map((e) => e.value)
        : node.kind === 'seq'
          ? node.items
          : node.kind === 'intrinsic'
            ? [node.argument]
            : [];
    let size = 1 + (node.kind === 'map' ? node.entries.length : 0); // keys count too
    let height = 0;
    for (const child of children) {
      const inner = this.expansion(child);
      size = Math.min(size + inner.size, Number.MAX_SAFE_INTEGER);
      height = Math.max(height, inner.height);
    }
    const expansion = { size, height: height + 1 };
    this.expansions.set(node, expansion);
    return expansion;
  }
}

interface Expansion {
  readonly size: number;
  readonly height: number;
}

/** A plain `<<` key: YAML 1.1's merge key, which PyYAML resolves (`"<<"` quoted is an ordinary key). */
function isMergeKey(key: YamlNode | Alias | null): boolean {
  return isScalar(key) && key.type === 'PLAIN' && key.value === '<<' && !key.tag;
}

/** A map, or a map of one intrinsic key that we read as the long form (`{Ref: X}`). */
function isMapLike(node: Node): boolean {
  return node.kind === 'map' || (node.kind === 'intrinsic' && node.form === 'long');
}

function entriesOfMapLike(node: Node): readonly MapEntry[] {
  if (node.kind === 'map') return node.entries;
  return node.kind === 'intrinsic' ? [{ key: node.name, keySpan: node.nameSpan, value: node.argument }] : [];
}

/**
 * The entries of a map with its `<<` merges applied as PyYAML's flatten_mapping does: keys written in
 * the map win over merged ones; within one `<<: [*a, *b]`, earlier maps win over later ones; a later `<<`
 * key wins over an earlier one. Merged entries take the place of their `<<` key.
 */
function resolveMerges(slots: readonly MapSlot[]): MapEntry[] {
  if (!slots.some((s) => 'merged' in s)) return slots.map((s) => (s as { entry: MapEntry }).entry);
  const taken = new Set(slots.flatMap((s) => ('entry' in s ? [s.entry.key] : [])));
  const mergedAt = new Map<number, MapEntry[]>();
  for (let i = slots.length - 1; i >= 0; i--) {
    const slot = slots[i];
    if (!('merged' in slot)) continue;
    const entries: MapEntry[] = [];
    for (const map of slot.merged) {
      for (const entry of entriesOfMapLike(map)) {
        if (taken.has(entry.key)) continue;
        taken.add(entry.key);
        entries.push(entry);
      }
    }
    mergedAt.set(i, entries);
  }
  return slots.flatMap((slot, i) => ('entry' in slot ? [slot.entry] : (mergedAt.get(i) ?? [])));
}

function rangeSpan(node: YamlNode | Alias): Span {
  const r = (node as { range?: [number, number, number] }).range;
  return r ? { start: r[0], end: r[1] } : { start: 0, end: 0 };
}

function scalarValue(node: Scalar): string | number | boolean | null {
  const v = node.value;
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}
