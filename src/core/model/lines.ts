import type { Span } from './nodes';

/** 0-based line and UTF-16 character, as VS Code counts them. */
export interface LineCharacter {
  readonly line: number;
  readonly character: number;
}

/** Converts offsets to lines and characters with a binary search over the line starts. */
export class LineIndex {
  private readonly starts: number[];

  constructor(readonly text: string) {
    this.starts = text.includes('\r') ? lineStartsAnyBreak(text) : lineStartsLf(text);
  }

  get lineCount(): number {
    return this.starts.length;
  }

  positionAt(offset: number): LineCharacter {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= clamped) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo, character: clamped - this.starts[lo] };
  }

  offsetAt(position: LineCharacter): number {
    if (position.line >= this.starts.length) return this.text.length;
    const start = this.starts[Math.max(0, position.line)];
    const next = position.line + 1 < this.starts.length ? this.starts[position.line + 1] : this.text.length;
    return Math.min(start + Math.max(0, position.character), next);
  }

  /** 1-based line and column, as terminals, SARIF and the CLI's JSON print them. */
  oneBased(span: Span): { line: number; column: number; endLine: number; endColumn: number } {
    const s = this.positionAt(span.start);
    const e = this.positionAt(span.end);
    return { line: s.line + 1, column: s.character + 1, endLine: e.line + 1, endColumn: e.character + 1 };
  }
}

/**
 * Line starts of a text with only `\n` breaks: found by `indexOf`, which scans natively (a keystroke's model
 * indexes the whole text again, three times faster so than character by character).
 */
function lineStartsLf(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}

/** Line starts where `\r\n`, `\r` and `\n` each end a line, as VS Code counts them. */
function lineStartsAnyBreak(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) i++;
      starts.push(i + 1);
    }
  }
  return starts;
}

/**
 * A file other than the template that an analysis read and points into (a handler's source), with the text as
 * it was read, so every presentation places a span in it without reading the file again.
 */
export interface SourceFile {
  /** Absolute path. */
  readonly path: string;
  readonly lines: LineIndex;
}
