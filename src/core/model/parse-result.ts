import type { Node, Span } from './nodes';

/** A problem found while reading the text, before any rule runs. */
export interface ParseProblem {
  readonly code:
    | 'yaml-syntax'
    | 'json-syntax'
    | 'duplicate-key'
    | 'template-structure'
    | 'template-too-large'
    | 'not-text'
    | 'serverless-variable'
    | 'serverless-structure';
  readonly severity: 'error' | 'warning' | 'info';
  readonly message: string;
  readonly span: Span;
  readonly related?: readonly { span: Span; message: string }[];
}

export interface ParseResult {
  readonly root: Node | undefined;
  readonly problems: ParseProblem[];
}
