import type { Template } from '../model/template';
import { costKindOf, USAGE_KEYS } from './kinds';
import type { UsageFile, UsageProblem } from './usage-file';
import { misplacedKeyMessage, positionKey } from './usage-file';

/**
 * What the usage file says that this template's resources do not read: a key of another kind of resource
 * (`monthlyPublishes` on a function). A warning with the key's position: the file may serve other templates too.
 */
export function usageProblemsFor(template: Template, usage: UsageFile): UsageProblem[] {
  const problems: UsageProblem[] = [];
  const byName = new Map(template.functions.map((f) => [f.displayName, f.logicalId]));
  for (const [name, values] of Object.entries(usage.resources)) {
    const resource = template.resourceById.get(name) ?? template.resourceById.get(byName.get(name) ?? '');
    const kind = resource && costKindOf(template, resource);
    if (!resource || !kind) continue;
    for (const key of Object.keys(values)) {
      if (key in USAGE_KEYS[kind]) continue;
      const position = usage.positions?.get(positionKey(name, key));
      problems.push({
        severity: 'warning',
        message: misplacedKeyMessage(key, `${name} (${resource.type})`),
        span: position?.span ?? { start: 0, end: 0 },
        line: position?.line ?? 1,
        column: position?.column ?? 1,
      });
    }
  }
  return problems;
}
