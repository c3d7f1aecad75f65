import { strict as assert } from 'assert';
import { loadTemplate, toPlain, valueOf } from '../../../src/core';
import type { LoadOptions, Template } from '../../../src/core';
import { where } from '../helpers';

/** Loads a serverless.yml (or .json) and checks that it was read as one. */
export function sls(text: string, options: LoadOptions = {}, fileName = 'serverless.yml'): Template {
  const template = loadTemplate(text, fileName, options);
  assert.ok(template, 'not recognised as a template');
  assert.equal(template.kind, 'serverless');
  return template;
}

/** The resolved value at a dotted path of the document. */
export function resolvedAt(t: Template, path: string): unknown {
  let node = t.serverless!.resolved as Parameters<typeof valueOf>[0];
  for (const key of path.split('.')) node = valueOf(node, key);
  assert.ok(node, `${path} missing`);
  return toPlain(node);
}

/** Problems as the Problems panel lists them: 1-based position and message. */
export function messages(t: Template): string[] {
  return t.problems.map((p) => `${where(t, p.span)} ${p.message}`);
}
