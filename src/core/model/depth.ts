import { LIMITS } from './limits';
import type { MapEntry, Node, Span } from './nodes';
import type { ParseProblem, ParseResult } from './parse-result';

/** The parse result with every value nested deeper than `LIMITS.maxNestingDepth` cut off and reported. */
export function withBoundedDepth(parsed: ParseResult): ParseResult {
  if (!parsed.root) return parsed;
  const problems = [...parsed.problems];
  const root = boundedDepth(parsed.root, problems);
  return root === parsed.root ? parsed : { root, problems };
}

/**
 * `node` with each value at the deepest level the model reads (`LIMITS.maxNestingDepth`, the root being
 * level 1) replaced by a null when it has children of its own, and one `template-structure` problem at the
 * first place cut. Unchanged subtrees keep their identity, so a template of ordinary depth comes back as is.
 * The recursion stops at that level, so it is bounded by the limit it enforces.
 */
export function boundedDepth(node: Node, problems: ParseProblem[]): Node {
  const { bounded, cuts } = withoutDeepValues(node);
  if (cuts.length > 0) {
    const more = cuts.length > 1 ? ` (and at ${cuts.length - 1} more ${cuts.length === 2 ? 'place' : 'places'})` : '';
    problems.push({
      code: 'template-structure',
      severity: 'error',
      span: openingOf(cuts[0]),
      message:
        `This value is nested more than ${LIMITS.maxNestingDepth} levels deep${more}; what lies deeper is not read. ` +
        'No real template nests this deep, and SAM CLI and cfn-lint cannot read it either.',
    });
  }
  return bounded;
}

/** `node` cut at `LIMITS.maxNestingDepth`, and the values cut (for a caller that reports them its own way). */
export function withoutDeepValues(node: Node): { readonly bounded: Node; readonly cuts: readonly Node[] } {
  const cuts: Node[] = [];
  return { bounded: cut(node, 1, cuts), cuts };
}

function cut(node: Node, level: number, cuts: Node[]): Node {
  if (node.kind === 'scalar') return node;
  if (level >= LIMITS.maxNestingDepth) {
    if (node.kind !== 'intrinsic' && (node.kind === 'map' ? node.entries : node.items).length === 0) return node;
    cuts.push(node);
    return { kind: 'scalar', value: null, span: node.span };
  }
  switch (node.kind) {
    case 'map': {
      let entries: MapEntry[] | undefined;
      node.entries.forEach((e, k) => {
        const value = cut(e.value, level + 1, cuts);
        if (value !== e.value) (entries ??= node.entries.slice(0, k)).push({ ...e, value });
        else entries?.push(e);
      });
      return entries ? { ...node, entries } : node;
    }
    case 'seq': {
      let items: Node[] | undefined;
      node.items.forEach((item, k) => {
        const value = cut(item, level + 1, cuts);
        if (value !== item) (items ??= node.items.slice(0, k)).push(value);
        else items?.push(item);
      });
      return items ? { ...node, items } : node;
    }
    case 'intrinsic': {
      const argument = cut(node.argument, level + 1, cuts);
      return argument === node.argument ? node : { ...node, argument };
    }
  }
}

/** Where a map, list or intrinsic starts: its first key, its function name, or its opening bracket. */
export function openingOf(node: Node): Span {
  if (node.kind === 'map' && node.entries.length > 0) return node.entries[0].keySpan;
  if (node.kind === 'intrinsic') return node.nameSpan;
  return { start: node.span.start, end: node.span.start + 1 };
}
