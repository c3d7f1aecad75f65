import type { CST } from 'yaml';
import { LIMITS } from './limits';
import type { ParseProblem } from './parse-result';

/**
 * Nesting beyond LIMITS.maxNestingDepth is refused before any recursive reader runs (`yaml`'s Composer,
 * jsonc-parser, our converters), so a 10,000-deep `[[[…]]]` is a message at its position, not a stack
 * overflow. Both checks below walk without recursion.
 */
export function nestingTooDeep(code: 'yaml-syntax' | 'json-syntax', at: number): ParseProblem {
  return {
    code,
    severity: 'error',
    span: { start: at, end: at + 1 },
    message:
      `Maps and lists nest deeper than ${LIMITS.maxNestingDepth} levels here; the template is not read further ` +
      `(SAM CLI and cfn-lint cannot read it either).`,
  };
}

/** Offset of the first collection in document order that is nested too deep, if any. */
export function firstTooDeepYamlCollection(tokens: readonly CST.Token[]): number | undefined {
  const pending: [CST.Token, number][] = [];
  for (let i = tokens.length - 1; i >= 0; i--) pending.push([tokens[i], 0]);
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [token, depth] = next;
    if (token.type === 'document') {
      if (token.value) pending.push([token.value, depth]);
    } else if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') {
      if (depth >= LIMITS.maxNestingDepth) return token.offset;
      for (let i = token.items.length - 1; i >= 0; i--) {
        const item: { key?: CST.Token | null; value?: CST.Token } = token.items[i];
        if (item.value) pending.push([item.value, depth + 1]);
        if (item.key) pending.push([item.key, depth + 1]);
      }
    }
  }
  return undefined;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACKET = 0x5b;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACKET = 0x5d;
const CLOSE_BRACE = 0x7d;

/** Offset of the first `[` or `{` that opens a level deeper than the limit, outside strings. */
export function firstTooDeepJsonBracket(text: string): number | undefined {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) {
      inString = true;
    } else if (c === OPEN_BRACKET || c === OPEN_BRACE) {
      if (++depth > LIMITS.maxNestingDepth) return i;
    } else if ((c === CLOSE_BRACKET || c === CLOSE_BRACE) && depth > 0) {
      depth--;
    }
  }
  return undefined;
}
