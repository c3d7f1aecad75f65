// Where a lint finding is, in the command line's terms: paths as the user named them, 1-based positions.
import * as path from 'path';
import type { Template } from '../core';
import type { Finding, SourceFile } from '../core/rules';

export interface FileFindings {
  /** The template's path as the user named it (or as found under a folder they named). */
  readonly file: string;
  readonly template: Template;
  readonly findings: readonly Finding[];
}

/**
 * A path to print for a finding's file: the template as named, another file (a handler's source) the same way,
 * relative to the template's folder as named, so `lint app/template.yaml` prints `app/src/index.js`.
 */
export function displayPath(r: FileFindings, file: SourceFile | undefined): string {
  if (!file) return r.file;
  if (path.isAbsolute(r.file)) return file.path;
  return path.join(path.dirname(r.file), path.relative(path.dirname(r.template.fileName), file.path));
}

/** 1-based line and column of a span in the file it is in (the template's, or another file's as it was read). */
export function position(r: FileFindings, at: { span: Finding['span']; file?: SourceFile }) {
  return (at.file?.lines ?? r.template.lines).oneBased(at.span);
}
