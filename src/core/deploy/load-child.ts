import { loadTemplateFile } from '../load/loader';
import { readBoundedFile } from '../load/node-files';
import type { Template } from '../model/template';

/** A nested template (`Location`, `TemplateURL`) read from disk into a model, or undefined when it is none. */
export function loadChildTemplate(file: string): Template | undefined {
  const loaded = loadTemplateFile(file, { readFile: readBoundedFile });
  return loaded.ok ? loaded.template : undefined;
}
