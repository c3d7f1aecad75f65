import { parseJson } from '../../../src/core/model/parse-json';
import type { MapEntry, Node, Span } from '../../../src/core';
import type { ParseResult } from '../../../src/core/model/parse-result';

/**
 * Deep input without going through the parser (which has its own depth work): the JSON text of a
 * template whose `"@DEEP@"` placeholder is replaced by a nest thousands of levels deep, and the value
 * tree a parser gives for that text, with exact spans. Everything here is iterative, so the helper
 * itself survives the depths it makes.
 */
export const PLACEHOLDER = '"@DEEP@"';

export type NestKind = 'map' | 'seq' | 'intrinsic';

export interface DeepInput {
  readonly text: string;
  readonly parsed: ParseResult;
  /** The innermost node of the nest, the one a depth limit cuts off. */
  readonly innermost: Node;
}

/**
 * `{"Key": {"Key": ... "leaf" }}`, `[[... "leaf" ]]` or `{"Fn::Base64": {"Fn::Base64": ... "leaf"}}`, `depth` levels.
 */
export function deepInput(shallowJson: string, kind: NestKind, depth: number): DeepInput {
  const at = shallowJson.indexOf(PLACEHOLDER);
  if (at < 0 || shallowJson.indexOf(PLACEHOLDER, at + 1) >= 0)
    throw new Error(`the template needs exactly one ${PLACEHOLDER}`);
  const { open, close } = DELIMITERS[kind];
  const leafText = '"leaf"';
  const nestText = open.repeat(depth) + leafText + close.repeat(depth);
  const text = shallowJson.slice(0, at) + nestText + shallowJson.slice(at + PLACEHOLDER.length);

  const leafStart = at + open.length * depth;
  let node: Node = { kind: 'scalar', value: 'leaf', span: { start: leafStart, end: leafStart + leafText.length } };
  const innermost = node;
  for (let level = depth - 1; level >= 0; level--) {
    const span: Span = {
      start: at + open.length * level,
      end: leafStart + leafText.length + close.length * (depth - level),
    };
    node = wrap(kind, node, span);
  }

  const shallow = parseJson(shallowJson);
  if (!shallow.root || shallow.problems.length > 0) throw new Error('the shallow template must be valid JSON');
  const shift = nestText.length - PLACEHOLDER.length;
  const root = replacePlaceholder(shallow.root, at, node, shift);
  return { text, parsed: { root, problems: [] }, innermost };
}

const DELIMITERS: Readonly<Record<NestKind, { open: string; close: string }>> = {
  map: { open: '{"Key": ', close: '}' },
  seq: { open: '[', close: ']' },
  intrinsic: { open: '{"Fn::Base64": ', close: '}' },
};

function wrap(kind: NestKind, inner: Node, span: Span): Node {
  // The key starts one character after the brace: `{"Key": ` / `{"Fn::Base64": `.
  const keyOf = (key: string): Span => ({ start: span.start + 1, end: span.start + 1 + key.length + 2 });
  switch (kind) {
    case 'seq':
      return { kind: 'seq', items: [inner], span };
    case 'map':
      return { kind: 'map', entries: [{ key: 'Key', keySpan: keyOf('Key'), value: inner }], span };
    case 'intrinsic':
      return {
        kind: 'intrinsic',
        name: 'Fn::Base64',
        nameSpan: keyOf('Fn::Base64'),
        argument: inner,
        form: 'long',
        span,
      };
  }
}

/** The shallow tree with the placeholder's node swapped for the nest and every later span moved by `shift`. */
function replacePlaceholder(node: Node, at: number, nest: Node, shift: number): Node {
  const move = (span: Span): Span => ({
    start: span.start > at ? span.start + shift : span.start,
    end: span.end > at ? span.end + shift : span.end,
  });
  if (node.kind === 'scalar') return node.span.start === at ? nest : { ...node, span: move(node.span) };
  if (node.kind === 'seq')
    return { ...node, span: move(node.span), items: node.items.map((i) => replacePlaceholder(i, at, nest, shift)) };
  if (node.kind === 'intrinsic') {
    return {
      ...node,
      span: move(node.span),
      nameSpan: move(node.nameSpan),
      argument: replacePlaceholder(node.argument, at, nest, shift),
    };
  }
  const entries: MapEntry[] = node.entries.map((e) => ({
    key: e.key,
    keySpan: move(e.keySpan),
    value: replacePlaceholder(e.value, at, nest, shift),
  }));
  return { ...node, span: move(node.span), entries };
}
