import type { Span } from '../model/nodes';

export type CompletionKind =
  | 'type'
  | 'property'
  | 'value'
  | 'resource'
  | 'parameter'
  | 'condition'
  | 'mapping'
  | 'attribute'
  | 'snippet'
  | 'policy'
  | 'event'
  | 'keyword'
  | 'variable';

/** One proposal; `insertText` is a VS Code snippet when `snippet` is set (`${1:name}` placeholders). */
export interface CompletionProposal {
  readonly label: string;
  readonly kind: CompletionKind;
  readonly detail?: string;
  readonly documentation?: string;
  readonly insertText?: string;
  readonly snippet?: boolean;
  readonly replace: Span;
  readonly sortText?: string;
  readonly deprecated?: boolean;
  /** Ask the editor to complete again after inserting (`!GetAtt Queue.` → its attributes). */
  readonly retrigger?: boolean;
}
