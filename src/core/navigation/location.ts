import type { Span } from '../model/nodes';

/**
 * A place navigation leads to. `fileName` is absent for the template asked about; `note` says something
 * the user should know about the target (that SAM generates the name, that an export was not found).
 */
export interface NavigationTarget {
  readonly fileName?: string;
  readonly span: Span;
  readonly note?: string;
}

/** Reads a file by absolute path; undefined when it does not exist or cannot be read. */
export type ReadFile = (fileName: string) => string | undefined;
