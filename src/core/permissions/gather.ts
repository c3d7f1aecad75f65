import type { Template } from '../model/template';
import { analyzePermissions } from './analyze';
import { loadCatalogue } from './catalogue';
import type { ReadFile } from './scan/files';
import type { PermissionInputs } from './scans';
import { HandlerScansTable } from './scans';
import { servicesOf } from './services';

/**
 * Everything the permission rules read for one template, gathered at once: every handler scanned through
 * `readFile`, and the catalogue of the services its statements and calls name (the command line's way).
 */
export async function gatherPermissionInputs(template: Template, readFile: ReadFile): Promise<PermissionInputs> {
  const scans = new HandlerScansTable(readFile);
  const services = servicesOf(analyzePermissions(template, { scans }));
  // The catalogue's package is loaded only for a template whose statements or code name a service.
  const catalogue = services.size > 0 ? await loadCatalogue(services).catch(() => undefined) : undefined;
  return { scans, ...(catalogue ? { catalogue } : {}) };
}
