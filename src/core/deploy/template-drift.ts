import { isDeepStrictEqual } from 'util';
import { toPlain } from '../model/nodes';
import { parseYaml } from '../model/parse-yaml';
import type { Template } from '../model/template';

/** The properties a function's code is named by: the only part of its definition Sync Code may change. */
const CODE_PROPERTIES = new Set(['CodeUri', 'Code']);

type Resources = Readonly<Record<string, unknown>>;

/**
 * Why syncing only the code of `logicalId` would leave the stack behind the local template, or undefined when it
 * would not: the set of resources differs, or the function's definition differs in more than its code
 * (`CodeUri`/`Code`, which the deployed template holds as an S3 location). `deployedBody` is the stack's template
 * as it was submitted (GetTemplate with TemplateStage Original), before the SAM transform, as the local one is.
 */
export function templateChange(local: Template, deployedBody: string, logicalId: string): string | undefined {
  const parsed = parseYaml(deployedBody).root;
  const deployed = resourcesOf(parsed && toPlain(parsed));
  const written = resourcesOf(local.root && toPlain(local.root));
  if (!deployed || !written) return undefined;
  const added = Object.keys(written).filter((id) => !(id in deployed));
  const removed = Object.keys(deployed).filter((id) => !(id in written));
  if (added.length > 0 || removed.length > 0) {
    const said = [
      added.length > 0 ? `added ${added.join(', ')}` : '',
      removed.length > 0 ? `removed ${removed.join(', ')}` : '',
    ];
    return `resources were ${said.filter(Boolean).join(' and ')}`;
  }
  if (!isDeepStrictEqual(withoutCode(written[logicalId]), withoutCode(deployed[logicalId])))
    return `${logicalId}'s definition changed beyond its code`;
  return undefined;
}

function resourcesOf(document: unknown): Resources | undefined {
  const resources = (document as { Resources?: unknown } | undefined)?.Resources;
  return resources && typeof resources === 'object' ? (resources as Resources) : undefined;
}

function withoutCode(resource: unknown): unknown {
  const { Properties, ...rest } = (resource ?? {}) as { Properties?: Record<string, unknown> };
  if (!Properties || typeof Properties !== 'object') return resource;
  return {
    ...rest,
    Properties: Object.fromEntries(Object.entries(Properties).filter(([k]) => !CODE_PROPERTIES.has(k))),
  };
}
