import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../../src/core';
import type { LoadOptions, Span, Template } from '../../src/core';

/** The read-only corpus beside the checkout; tests that need it skip when it is absent. */
export const SHARED = process.env.SWB_SHARED ?? path.resolve(__dirname, '../../../shared');
export const hasShared = fs.existsSync(path.join(SHARED, 'corpus'));

export function load(text: string, fileName = 'template.yaml', options: LoadOptions = {}): Template {
  const template = loadTemplate(text, fileName, options);
  if (!template) throw new Error(`${fileName} was not recognised as a template`);
  return template;
}

/** The source text a span covers, which is what a user sees highlighted. */
export function textAt(template: Template, span: Span): string {
  return template.text.slice(span.start, span.end);
}

/** 1-based "line:column" of a span's start, as the Problems panel shows it. */
export function where(template: Template, span: Span): string {
  const { line, column } = template.lines.oneBased(span);
  return `${line}:${column}`;
}

/** Joins lines so templates in tests read like templates. */
export function yaml(...lines: string[]): string {
  return `${lines.join('\n')}\n`;
}
