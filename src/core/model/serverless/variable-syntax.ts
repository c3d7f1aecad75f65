/**
 * The Serverless Framework v3 variable syntax, `${source:address, fallback, 'literal'}`, parsed into a
 * small tree with offsets into the string. It follows the framework's own rules
 * (lib/configuration/variables/parse.js): a source type starts with a lower-case letter, so
 * CloudFormation's `${AWS::Region}` or `${MyResource}` are not variables and stay text; fallbacks are
 * tried left to right; a quoted string, a number, `true`, `false` or `null` may end the list;
 * addresses and parameters may contain nested variables.
 */

/** Text with variables in it, in order. */
export type Template = readonly (string | VariableExpression)[];

export interface VariableExpression {
  /** Offsets of `${` and one past `}` in the string the template was parsed from. */
  readonly start: number;
  readonly end: number;
  readonly sources: readonly VariableSource[];
}

export type VariableSource =
  | {
      readonly kind: 'reference';
      readonly type: string;
      readonly params: readonly Template[];
      readonly address: Template | undefined;
    }
  | { readonly kind: 'literal'; readonly value: string | number | boolean | null };

export class VariableSyntaxError extends Error {
  constructor(
    message: string,
    readonly index: number,
  ) {
    super(message);
  }
}

/** Whether a string may contain a variable at all: the cheap test done on every scalar. */
export function mayContainVariable(text: string): boolean {
  return text.includes('${');
}

/** Parses a string into text and variables; throws `VariableSyntaxError` with the offset of the mistake. */
export function parseTemplate(text: string): Template {
  return new Parser(text).template(text.length, () => false);
}

const TYPE_START = /[a-z]/;
const WORD_CHAR = /[A-Za-z0-9.]/;
const SOURCE_TYPE = /^[a-z][a-zA-Z0-9]*$/;

class Parser {
  private i = 0;

  constructor(private readonly s: string) {}

  /** Text up to `end` or until `stop` says so at depth zero, with the variables in it. */
  template(end: number, stop: (c: string) => boolean): Template {
    const parts: (string | VariableExpression)[] = [];
    let textStart = this.i;
    while (this.i < end && !stop(this.s[this.i])) {
      const c = this.s[this.i];
      if (c === '\\') {
        this.i += 2; // an escaped character is never the start of a variable
        continue;
      }
      if (c === '$' && this.s[this.i + 1] === '{') {
        const start = this.i;
        const expression = this.expression();
        if (expression) {
          if (start > textStart) parts.push(this.s.slice(textStart, start));
          parts.push(expression);
          textStart = this.i;
          continue;
        }
        this.i = start + 2; // `${AWS::Region}`, `${Resource}`: CloudFormation's, not ours
        continue;
      }
      this.i++;
    }
    this.i = Math.min(this.i, end);
    if (this.i > textStart) parts.push(this.s.slice(textStart, this.i));
    return parts;
  }

  /** At `${`: a variable, or undefined (position unchanged) when the braces are not the framework's. */
  private expression(): VariableExpression | undefined {
    const start = this.i;
    let j = start + 2;
    if (!TYPE_START.test(this.s[j] ?? '')) return undefined;
    while (j < this.s.length && WORD_CHAR.test(this.s[j])) j++;
    const next = this.s[j];
    if (next !== ':' && next !== '(') return undefined;
    if (next === ':' && this.s[j + 1] === ':') return undefined;
    this.i = start + 2;
    const sources: VariableSource[] = [];
    for (;;) {
      sources.push(this.source(sources.length === 0));
      this.skipSpaces();
      const c = this.s[this.i];
      if (c === '}') {
        this.i++;
        return { start, end: this.i, sources };
      }
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === undefined) throw new VariableSyntaxError('This variable is never closed: a "}" is missing.', start);
      throw new VariableSyntaxError(`Unexpected "${c}" in a variable; sources are separated by commas.`, this.i);
    }
  }

  private source(first: boolean): VariableSource {
    this.skipSpaces();
    const c = this.s[this.i];
    if (c === '"' || c === "'") return { kind: 'literal', value: this.quoted() };
    const wordStart = this.i;
    while (this.i < this.s.length && WORD_CHAR.test(this.s[this.i])) this.i++;
    const word = this.s.slice(wordStart, this.i);
    const after = this.s[this.i];
    if (after === ':' || after === '(') {
      if (!SOURCE_TYPE.test(word)) throw new VariableSyntaxError(`"${word}" is not a variable source name.`, wordStart);
      const params = after === '(' ? this.params() : [];
      let address: Template | undefined;
      if (this.s[this.i] === ':') {
        this.i++;
        address = this.address();
      }
      return { kind: 'reference', type: word, params, address };
    }
    if (first || word === '') {
      throw new VariableSyntaxError(
        c === undefined
          ? 'This variable is never closed: a "}" is missing.'
          : `A variable source is expected at "${c}".`,
        wordStart,
      );
    }
    return { kind: 'literal', value: literalOf(word, wordStart) };
  }

  private params(): Template[] {
    this.i++; // (
    const params: Template[] = [];
    for (;;) {
      this.skipSpaces();
      const c = this.s[this.i];
      if (c === ')') {
        this.i++;
        return params;
      }
      if (c === undefined || c === '}') throw new VariableSyntaxError('A ")" is missing after the parameters.', this.i);
      if (c === ',') {
        this.i++;
        continue;
      }
      if (c === '"' || c === "'") params.push([this.quoted()]);
      else params.push(trimTemplate(this.nested((ch) => ch === ',' || ch === ')' || ch === '}')));
    }
  }

  private address(): Template {
    this.skipSpaces();
    const c = this.s[this.i];
    if (c === '"' || c === "'") return [this.quoted()];
    return trimTemplate(this.nested((ch) => ch === ',' || ch === '}'));
  }

  /** A parameter or address: text that may hold nested variables, up to a delimiter outside them. */
  private nested(stop: (c: string) => boolean): Template {
    return this.template(this.s.length, stop);
  }

  private quoted(): string {
    const quote = this.s[this.i];
    const start = this.i;
    this.i++;
    let out = '';
    while (this.i < this.s.length && this.s[this.i] !== quote) {
      if (quote === '"' && this.s[this.i] === '\\') this.i++;
      out += this.s[this.i] ?? '';
      this.i++;
    }
    if (this.i >= this.s.length) throw new VariableSyntaxError('This quoted string is never closed.', start);
    this.i++;
    return out;
  }

  private skipSpaces(): void {
    while (this.s[this.i] === ' ') this.i++;
  }
}

function literalOf(word: string, at: number): string | number | boolean | null {
  if (word === 'true') return true;
  if (word === 'false') return false;
  if (word === 'null') return null;
  if (word.trim() !== '' && !Number.isNaN(Number(word))) return Number(word);
  throw new VariableSyntaxError(
    `"${word}" is not a valid fallback: quote text ('${word}'), or use a number, true, false or null.`,
    at,
  );
}

function trimTemplate(parts: Template): Template {
  const out = [...parts];
  if (typeof out[0] === 'string') out[0] = out[0].trimStart();
  const last = out.length - 1;
  if (typeof out[last] === 'string') out[last] = (out[last] as string).trimEnd();
  return out.filter((p) => p !== '');
}

/** The expression as a user wrote it, for messages and the list of unresolved variables. */
export function expressionText(source: string, expression: VariableExpression): string {
  return source.slice(expression.start, expression.end);
}
