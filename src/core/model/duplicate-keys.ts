import { LineIndex } from './lines';
import type { Span } from './nodes';
import type { ParseProblem } from './parse-result';

/**
 * Reports a key written twice in one map (CloudFormation rejects the template), saying where the first one is
 * as the editor and the command line count: line and column, 1-based. Shared by the YAML and JSON readers; the
 * line index is made on the first duplicate only, since most templates have none.
 */
export class DuplicateKeys {
  private lines: LineIndex | undefined;

  constructor(
    private readonly text: string,
    private readonly problems: ParseProblem[],
  ) {}

  report(key: string, keySpan: Span, first: Span): void {
    this.lines ??= new LineIndex(this.text);
    const at = this.lines.positionAt(first.start);
    this.problems.push({
      code: 'duplicate-key',
      severity: 'error',
      span: keySpan,
      message:
        `Duplicate key '${key}': CloudFormation rejects a template with duplicate keys (first defined at ` +
        `line ${at.line + 1}, column ${at.character + 1}).`,
      related: [{ span: first, message: `'${key}' first defined here` }],
    });
  }
}
