import { parse, printParseErrorCode, type ParseError } from 'jsonc-parser';

export interface JsonProblem {
  readonly message: string;
  /** UTF-16 offset, and 1-based line and column, of the first error. */
  readonly offset: number;
  readonly line: number;
  readonly column: number;
}

export type JsonParse =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: JsonProblem };

/** Words for jsonc-parser's error codes that a person recognises. */
const WORDS: Record<string, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'property name expected',
  ValueExpected: 'value expected',
  ColonExpected: "':' expected",
  CommaExpected: "',' expected",
  CloseBraceExpected: "'}' expected",
  CloseBracketExpected: "']' expected",
  EndOfFileExpected: 'end of file expected',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid unicode escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in string',
};

/** Strict JSON (no comments, no trailing commas: what Lambda accepts), with the first error's position. */
export function parseJsonStrict(text: string): JsonParse {
  const errors: ParseError[] = [];
  const value = parse(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  if (errors.length === 0) return { ok: true, value };
  const first = errors[0];
  const before = text.slice(0, first.offset);
  const line = before.split('\n').length;
  const column = first.offset - (before.lastIndexOf('\n') + 1) + 1;
  const code = printParseErrorCode(first.error);
  return { ok: false, problem: { message: WORDS[code] ?? code, offset: first.offset, line, column } };
}

/** `file:line:column: message`, the form terminals and editors turn into links. */
export function formatJsonProblem(file: string, problem: JsonProblem): string {
  return `${file}:${problem.line}:${problem.column}: invalid JSON: ${problem.message}`;
}
