import { CST } from 'yaml';
import type { Node, ScalarNode } from './nodes';
import { LIMITS } from './limits';
import type { ParseProblem, ParseResult } from './parse-result';
import { DuplicateKeys } from './duplicate-keys';
import { CLOUDFORMATION_TAG_NAMES, MapEntries, taggedNode } from './yaml-shared';

/**
 * The fast YAML reader: builds our nodes straight from `yaml`'s CST tokens, skipping its Composer and
 * document model (a third of the parse time on a large template, plus the garbage).
 *
 * It covers the YAML templates are written in: one document of block and flow maps and lists, scalars
 * and CloudFormation's `!Tags`. It returns undefined for anything else (anchors, aliases and `<<` merge
 * keys, `? keys`, pairs inside flow lists, other tags, directives, several documents, nesting beyond
 * LIMITS.maxNestingDepth) and for every text `yaml` would report an error on; parseYaml then lets `yaml`
 * compose the same tokens, which also words the message.
 * The checks below are those of `yaml`'s Composer (compose/resolve-*.js, version 2) for this subset;
 * test/unit/model/parse-yaml-equivalence.test.ts compares the result with `yaml`'s Composer on the
 * corpus and thousands of mutations of it.
 */
export function parseYamlFromCst(text: string, tokens: readonly CST.Token[]): ParseResult | undefined {
  let document: CST.Document | undefined;
  for (const token of tokens) {
    switch (token.type) {
      case 'document':
        if (document) return undefined;
        document = token;
        break;
      case 'byte-order-mark':
      case 'space':
      case 'comment':
      case 'newline':
        break;
      default:
        return undefined;
    }
  }
  if (!document) return undefined;
  const problems: ParseProblem[] = [];
  try {
    return { root: new CstReader(text, problems).document(document), problems };
  } catch (error) {
    if (error === OUTSIDE_SUBSET) return undefined;
    throw error;
  }
}

/** Thrown, one shared instance, where the text leaves the subset or `yaml` would report an error. */
const OUTSIDE_SUBSET = new Error('YAML outside the fast subset');

function outside(): never {
  throw OUTSIDE_SUBSET;
}

const KNOWN_TAGS: ReadonlySet<string> = new Set(CLOUDFORMATION_TAG_NAMES);

type Indicator = 'doc-start' | 'explicit-key-ind' | 'map-value-ind' | 'seq-item-ind';

interface Props {
  readonly found: CST.SourceToken | null;
  readonly comma: CST.SourceToken | null;
  readonly hasNewline: boolean;
  readonly hasComment: boolean;
  readonly tag: CST.SourceToken | null;
  readonly newlineAfterTag: CST.SourceToken | null;
  /** Offset after the last token. */
  readonly end: number;
}

class CstReader {
  /** Where the node converted last ends, trailing comments included (`yaml`'s `range[2]`). */
  private end = 0;
  /** Nodes open around the node being read; beyond the nesting limit the Composer path reports it. */
  private depth = 0;
  private readonly scalarFailed = (): never => outside();

  private readonly duplicates: DuplicateKeys;

  constructor(
    private readonly text: string,
    problems: ParseProblem[],
  ) {
    this.duplicates = new DuplicateKeys(text, problems);
  }

  document({ offset, start, value, end }: CST.Document): Node {
    const props = this.props(start, 'doc-start', value ?? end?.[0], offset, 0, true);
    if (props.found && value && (value.type === 'block-map' || value.type === 'block-seq') && !props.hasNewline)
      outside();
    const root = value ? this.node(value, props) : this.empty(props.end, start, props);
    for (const token of end ?? [])
      if (token.type !== 'space' && token.type !== 'comment' && token.type !== 'newline') outside();
    return root;
  }

  private node(token: CST.Token, props: Props): Node {
    if (++this.depth > LIMITS.maxNestingDepth) outside();
    let node: Node;
    switch (token.type) {
      case 'scalar':
      case 'single-quoted-scalar':
      case 'double-quoted-scalar':
      case 'block-scalar':
        node = this.scalar(token, props.tag !== null);
        break;
      case 'block-map':
        node = this.blockMap(token);
        break;
      case 'flow-collection':
        node = this.flowCollection(token);
        break;
      case 'block-seq':
        if (props.tag && (!props.newlineAfterTag || props.newlineAfterTag.offset < props.tag.offset)) outside();
        node = this.blockSeq(token);
        break;
      default:
        return outside();
    }
    this.depth--;
    return props.tag ? taggedNode(this.text, props.tag.source, node) : node;
  }

  private scalar(token: CST.FlowScalar | CST.BlockScalar, tagged: boolean): ScalarNode {
    const resolved = CST.resolveAsScalar(token, false, this.scalarFailed) ?? outside();
    const { value, range } = resolved;
    this.end = range[2];
    // A CloudFormation tag resolves to the text as written; only untagged plain scalars are typed.
    const typed = !tagged && token.type === 'scalar' ? coreSchemaValue(value) : value;
    return { kind: 'scalar', value: typed, span: { start: range[0], end: range[1] } };
  }

  /** A missing value: null, or '' under a tag (`Key: !Ref`), placed like `yaml`'s composeEmptyNode. */
  private empty(offset: number, before: readonly CST.SourceToken[], props: Props): Node {
    const at = emptyScalarPosition(offset, before);
    this.end = props.hasComment ? props.end : at;
    const scalar: ScalarNode = { kind: 'scalar', value: props.tag ? '' : null, span: { start: at, end: at } };
    return props.tag ? taggedNode(this.text, props.tag.source, scalar) : scalar;
  }

  private blockMap(map: CST.BlockMap): Node {
    const entries = new MapEntries(this.duplicates);
    let offset = map.offset;
    let commentEnd: number | undefined;
    for (const { start, key, sep, value } of map.items) {
      const keyProps = this.props(start, 'explicit-key-ind', key ?? sep?.[0], offset, map.indent, true);
      if (keyProps.found) outside(); // `? key`
      if (key && key.type === 'block-seq') outside();
      if (key && 'indent' in key && key.indent !== map.indent) outside();
      if (!keyProps.tag && !sep) {
        commentEnd = keyProps.end;
        continue;
      }
      if (!key || keyProps.tag || keyProps.newlineAfterTag) outside();
      if (!isFlowScalar(key) || isMergeKey(key)) outside();
      // implicit keys are one line
      if (key.source.includes('\n') || key.end?.some((t) => t.type === 'newline')) outside();
      const keyNode = this.scalar(key, false);
      const keyName = String(keyNode.value);
      entries.key(keyName, keyNode.span);
      const valueProps = this.props(sep ?? [], 'map-value-ind', value, this.end, map.indent, false);
      offset = valueProps.end;
      if (!valueProps.found) outside(); // a key without a value
      if (value?.type === 'block-map' && !valueProps.hasNewline) outside(); // `a: b: c`
      const valueNode = value ? this.node(value, valueProps) : this.empty(offset, sep ?? [], valueProps);
      offset = this.end;
      entries.add(keyName, keyNode.span, valueNode);
    }
    if (commentEnd && commentEnd < offset) outside();
    this.end = commentEnd ?? offset;
    return entries.node({ start: map.offset, end: offset });
  }

  private blockSeq(seq: CST.BlockSequence): Node {
    const items: Node[] = [];
    let offset = seq.offset;
    let commentEnd: number | undefined;
    for (const { start, value } of seq.items) {
      const props = this.props(start, 'seq-item-ind', value, offset, seq.indent, true);
      if (!props.found) {
        if (props.tag || value) outside();
        commentEnd = props.end;
        continue;
      }
      items.push(value ? this.node(value, props) : this.empty(props.end, start, props));
      offset = this.end;
    }
    this.end = commentEnd ?? offset;
    return { kind: 'seq', items, span: { start: seq.offset, end: offset } };
  }

  /** `[a, !Ref b]` and `{a: 1}`; pairs in lists (`[a: 1]`), `{a}` and nested block collections step aside. */
  private flowCollection(flow: CST.FlowCollection): Node {
    const isMap = flow.start.source === '{';
    const items: Node[] = [];
    const entries = new MapEntries(this.duplicates);
    let offset = flow.offset + flow.start.source.length;
    flow.items.forEach(({ start, key, sep, value }, i) => {
      const props = this.props(start, 'explicit-key-ind', key ?? sep?.[0], offset, flow.indent, false, true);
      if (props.found) outside(); // `? key`
      if (!props.tag && !sep && !value) {
        // nothing between two commas, or after the last
        if (props.comma ? i === 0 : i < flow.items.length - 1) outside();
        offset = props.end;
        return;
      }
      if ((i === 0) !== (props.comma === null)) outside(); // a leading comma, or a missing one
      if (!isMap) {
        if (sep) outside();
        items.push(value ? this.flowValue(value, props) : this.empty(props.end, [], props));
      } else {
        if (!key || props.tag || !isFlowScalar(key) || isMergeKey(key)) outside();
        const keyNode = this.scalar(key, false);
        const keyName = String(keyNode.value);
        entries.key(keyName, keyNode.span);
        const valueProps = this.props(sep ?? [], 'map-value-ind', value, this.end, flow.indent, false, true);
        if (!valueProps.found || valueProps.comma) outside();
        entries.add(
          keyName,
          keyNode.span,
          value ? this.flowValue(value, valueProps) : this.empty(valueProps.end, sep ?? [], valueProps),
        );
      }
      offset = this.end;
    });
    const [close, ...rest] = flow.end;
    if (close?.source !== (isMap ? '}' : ']')) outside(); // unclosed
    const closeEnd = close.offset + close.source.length;
    this.end = closeEnd;
    for (const token of rest) {
      if (token.type !== 'space' && token.type !== 'comment' && token.type !== 'newline') outside();
      this.end += token.source.length;
    }
    const span = { start: flow.offset, end: closeEnd };
    return isMap ? entries.node(span) : { kind: 'seq', items, span };
  }

  private flowValue(value: CST.Token, props: Props): Node {
    if (value.type === 'block-map' || value.type === 'block-seq') outside();
    return this.node(value, props);
  }

  /** `yaml`'s resolveProps for this subset: the tokens before a node, with every error it reports. */
  private props(
    tokens: readonly CST.SourceToken[],
    indicator: Indicator,
    next: CST.Token | undefined,
    offset: number,
    parentIndent: number,
    startOnNewline: boolean,
    flow = false,
  ): Props {
    let atNewline = startOnNewline;
    let hasSpace = startOnNewline;
    let hasComment = false;
    let hasNewline = false;
    let reqSpace = false;
    let tab: CST.SourceToken | null = null;
    let tag: CST.SourceToken | null = null;
    let newlineAfterTag: CST.SourceToken | null = null;
    let found: CST.SourceToken | null = null;
    let comma: CST.SourceToken | null = null;
    for (const token of tokens) {
      if (reqSpace) {
        if (token.type !== 'space' && token.type !== 'newline' && token.type !== 'comma') outside();
        reqSpace = false;
      }
      if (tab) {
        if (atNewline && token.type !== 'comment' && token.type !== 'newline') outside(); // tab as indentation
        tab = null;
      }
      switch (token.type) {
        case 'space':
          if (!flow && (indicator !== 'doc-start' || next?.type !== 'flow-collection') && token.source.includes('\t'))
            tab = token;
          hasSpace = true;
          break;
        case 'comment':
          if (!hasSpace) outside();
          hasComment = true;
          atNewline = false;
          break;
        case 'newline':
          atNewline = true;
          hasNewline = true;
          if (tag) newlineAfterTag = token;
          hasSpace = true;
          break;
        case 'tag':
          if (tag || !KNOWN_TAGS.has(token.source)) outside();
          tag = token;
          atNewline = false;
          hasSpace = false;
          reqSpace = true;
          break;
        case indicator:
          if (tag || found) outside();
          found = token;
          atNewline = indicator === 'seq-item-ind' || indicator === 'explicit-key-ind';
          hasSpace = false;
          break;
        case 'comma':
          if (!flow || comma) outside();
          comma = token;
          atNewline = false;
          hasSpace = false;
          break;
        default:
          outside(); // anchors, stray tokens
      }
    }
    const last = tokens[tokens.length - 1];
    const end = last ? last.offset + last.source.length : offset;
    if (
      reqSpace &&
      next &&
      next.type !== 'space' &&
      next.type !== 'newline' &&
      next.type !== 'comma' &&
      (next.type !== 'scalar' || next.source !== '')
    )
      outside();
    if (tab && ((atNewline && tab.indent <= parentIndent) || next?.type === 'block-map' || next?.type === 'block-seq'))
      outside();
    return { found, comma, hasNewline, hasComment, tag, newlineAfterTag, end };
  }
}

function isFlowScalar(token: CST.Token): token is CST.FlowScalar {
  return token.type === 'scalar' || token.type === 'single-quoted-scalar' || token.type === 'double-quoted-scalar';
}

/** `<<`, which YamlConverter resolves as a merge key. */
function isMergeKey(token: CST.FlowScalar): boolean {
  return token.type === 'scalar' && token.source === '<<';
}

/** `yaml`'s emptyScalarPosition: just after the indicator and its spaces, before comments and newlines. */
function emptyScalarPosition(offset: number, before: readonly CST.SourceToken[]): number {
  for (let i = before.length - 1; i >= 0; --i) {
    const type = before[i].type;
    if (type === 'space' || type === 'comment' || type === 'newline') {
      offset -= before[i].source.length;
      continue;
    }
    for (let j = i + 1; before[j]?.type === 'space'; j++) offset += before[j].source.length;
    break;
  }
  return offset;
}

/** Plain scalars typed as YAML 1.2's core schema does (`yaml`'s default): null, booleans, numbers. */
export function coreSchemaValue(text: string): string | number | boolean | null {
  if (/^(?:~|[Nn]ull|NULL)?$/.test(text)) return null;
  if (/^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(text)) return text[0] === 't' || text[0] === 'T';
  if (/^0o[0-7]+$/.test(text)) return parseInt(text.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(text)) return parseInt(text, 10);
  if (/^0x[0-9a-fA-F]+$/.test(text)) return parseInt(text.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(text)) {
    return text.slice(-3).toLowerCase() === 'nan'
      ? NaN
      : text[0] === '-'
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY;
  }
  if (
    /^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(text) ||
    /^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(text)
  ) {
    return parseFloat(text);
  }
  return text;
}
