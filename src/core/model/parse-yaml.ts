import { Alias, Composer, isAlias, isMap, isPair, isScalar, isSeq, Parser, Scalar, YAMLParseError } from 'yaml';
import type { CST, Document, DocumentOptions, Node as YamlNode, ParsedNode, ParseOptions, SchemaOptions, Tags } from 'yaml';
import type { Node, Span } from './nodes';
import type { ParseProblem, ParseResult } from './parse-result';
import { LIMITS } from './limits';
import { CLOUDFORMATION_TAG_NAMES, MapEntries, taggedNode } from './yaml-shared';
import { parseYamlFromCst } from './parse-yaml-cst';

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

/**
 * YAML text → value tree. Templates in the common subset of YAML are read straight from `yaml`'s CST
 * (half the time); anything else (anchors, `? keys`, several documents, errors, ...) is composed by
 * `yaml` from the same tokens into its document model, which also words every syntax error.
 */
export function parseYaml(text: string): ParseResult {
  const tokens = [...new Parser().parse(text)];
  return parseYamlFromCst(text, tokens) ?? resultOfDocument(text, composeDocument(text, tokens));
}

/** What `parseDocument(text, YAML_OPTIONS)` does, from tokens already parsed. */
function composeDocument(text: string, tokens: readonly CST.Token[]): Document.Parsed {
  let doc: Document.Parsed | undefined;
  for (const next of new Composer(YAML_OPTIONS).compose(tokens, true, text.length)) {
    if (!doc) {
      doc = next;
    } else {
      doc.errors.push(new YAMLParseError([next.range[0], next.range[1]], 'MULTIPLE_DOCS', 'Source contains multiple documents; please use YAML.parseAllDocuments()'));
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
    const span = /^Flow (sequence|map|collection)/.test(message) ? unclosedOpener(text, e.pos[0]) ?? spanOfPos(e.pos, text) : spanOfPos(e.pos, text);
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

class YamlConverter {
  private aliasBudget = LIMITS.maxAliasExpansion;
  private readonly anchorSizes = new Map<YamlNode, number>();

  constructor(private readonly text: string, private readonly problems: ParseProblem[]) {}

  convert(node: YamlNode | Alias | null | undefined, fallbackAt = 0): Node {
    if (!node) return { kind: 'scalar', value: null, span: { start: fallbackAt, end: fallbackAt } };
    if (isAlias(node)) return this.convertAlias(node);
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
    const entries = new MapEntries(this.problems);
    for (const item of items) {
      if (!isPair(item)) continue;
      const keyNode = item.key as YamlNode | null;
      const key = keyNode && isScalar(keyNode) ? String(keyNode.value) : keyNode ? String(keyNode) : '';
      const keySpan = keyNode ? rangeSpan(keyNode) : { start: span.start, end: span.start };
      entries.key(key, keySpan);
      entries.add(key, keySpan, this.convert(item.value as YamlNode, keySpan.end));
    }
    return entries.node(span);
  }

  /**
   * Aliases share the converted anchor instead of copying it, and every use is charged the anchor's
   * size: a "billion laughs" document runs out of budget after a bounded amount of work.
   */
  private convertAlias(alias: Alias): Node {
    const span = rangeSpan(alias as unknown as YamlNode);
    const target = alias.resolve(undefined as never) as YamlNode | undefined;
    if (!target) {
      this.problems.push({ code: 'yaml-syntax', severity: 'error', span, message: `Unknown alias *${alias.source}` });
      return { kind: 'scalar', value: null, span };
    }
    this.aliasBudget -= this.sizeOf(target);
    if (this.aliasBudget < 0) {
      if (this.aliasBudget + this.sizeOf(target) >= 0) {
        this.problems.push({
          code: 'yaml-syntax', severity: 'error', span,
          message: `YAML aliases expand to more than ${LIMITS.maxAliasExpansion} nodes; expansion stopped here (an alias bomb?)`,
        });
      }
      return { kind: 'scalar', value: null, span };
    }
    return this.convert(target);
  }

  private sizeOf(node: YamlNode | Alias | null | undefined): number {
    if (!node) return 1;
    if (isAlias(node)) {
      const t = node.resolve(undefined as never) as YamlNode | undefined;
      return t && t !== node ? this.sizeOf(t) : 1;
    }
    const known = this.anchorSizes.get(node);
    if (known !== undefined) return known;
    this.anchorSizes.set(node, 1); // guards against self-reference while measuring
    let size = 1;
    if (isSeq(node)) for (const i of node.items) size += this.sizeOf(i as YamlNode);
    else if (isMap(node)) for (const p of node.items) if (isPair(p)) size += 1 + this.sizeOf(p.value as YamlNode);
    size = Math.min(size, Number.MAX_SAFE_INTEGER);
    this.anchorSizes.set(node, size);
    return size;
  }
}

function rangeSpan(node: YamlNode): Span {
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
