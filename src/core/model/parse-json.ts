import { parseTree, printParseErrorCode } from 'jsonc-parser';
import type { Node as JsonNode, ParseError } from 'jsonc-parser';
import { DuplicateKeys } from './duplicate-keys';
import { longFormIntrinsic, MapEntry, Node, Span } from './nodes';
import { firstTooDeepJsonBracket, nestingTooDeep } from './nesting';
import type { ParseProblem, ParseResult } from './parse-result';

const BYTE_ORDER_MARK = '\ufeff';

/** JSON text → value tree, with offsets from jsonc-parser (tolerant: a broken file still yields a tree). */
export function parseJson(text: string): ParseResult {
  const tooDeep = firstTooDeepJsonBracket(text); // jsonc-parser and convert() recurse per level
  if (tooDeep !== undefined) return { root: undefined, problems: [nestingTooDeep('json-syntax', tooDeep)] };
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  // A byte order mark is no JSON token, but SAM CLI reads such a file (failing JSON, it loads it as YAML,
  // which allows one), so it is not an error here either.
  const real = text.startsWith(BYTE_ORDER_MARK) ? errors.filter((e) => e.offset !== 0) : errors;
  // jsonc-parser often reports two errors at one offset ("property name expected", "value expected"): keep the first.
  const firstAtOffset = real.filter((e, i) => real.findIndex((o) => o.offset === e.offset) === i);
  const problems: ParseProblem[] = firstAtOffset.map((e) => ({
    code: 'json-syntax',
    severity: 'error',
    message: `JSON: ${humanize(printParseErrorCode(e.error))}`,
    span: { start: e.offset, end: e.offset + Math.max(1, e.length) },
  }));
  return { root: tree ? convert(tree, new DuplicateKeys(text, problems)) : undefined, problems };
}

function humanize(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, '$1 $2').toLowerCase();
}

function convert(node: JsonNode, duplicates: DuplicateKeys): Node {
  const span: Span = { start: node.offset, end: node.offset + node.length };
  switch (node.type) {
    case 'object': {
      const entries: MapEntry[] = [];
      const seen = new Map<string, Span>();
      for (const prop of node.children ?? []) {
        const [k, v] = prop.children ?? [];
        if (!k) continue;
        const key = String(k.value);
        const keySpan = { start: k.offset, end: k.offset + k.length };
        const previous = seen.get(key);
        if (previous) {
          duplicates.report(key, keySpan, previous);
        } else {
          seen.set(key, keySpan);
        }
        const value = v
          ? convert(v, duplicates)
          : ({ kind: 'scalar', value: null, span: { start: keySpan.end, end: keySpan.end } } as Node);
        entries.push({ key, keySpan, value });
      }
      return longFormIntrinsic(entries, span) ?? { kind: 'map', entries, span };
    }
    case 'array':
      return { kind: 'seq', items: (node.children ?? []).map((c) => convert(c, duplicates)), span };
    case 'string':
    case 'number':
    case 'boolean':
    case 'null':
      return { kind: 'scalar', value: node.value as string | number | boolean | null, span };
    default:
      return { kind: 'scalar', value: null, span };
  }
}
