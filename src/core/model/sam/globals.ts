import type { MapEntry, MapNode, Node } from '../nodes';
import { itemsOf, mapAt, stringOf, valueOf } from '../nodes';
import type { ParseProblem } from '../parse-result';
import type { Resource } from '../template';

/** Which Globals section applies to which SAM resource type (samtranslator/plugins/globals/globals.py). */
const SECTION_FOR_TYPE: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'Function',
  'AWS::Serverless::Api': 'Api',
  'AWS::Serverless::HttpApi': 'HttpApi',
  'AWS::Serverless::SimpleTable': 'SimpleTable',
  'AWS::Serverless::StateMachine': 'StateMachine',
  'AWS::Serverless::LayerVersion': 'LayerVersion',
  'AWS::Serverless::CapacityProvider': 'CapacityProvider',
  'AWS::Serverless::WebSocketApi': 'WebSocketApi',
};

/** Properties that Globals may not set, per section (aws-facts.md, "Globals section rules"). */
export const GLOBALS_FORBIDDEN: Readonly<Record<string, readonly string[]>> = {
  Function: ['Role', 'Policies', 'FunctionName', 'Events'],
  Api: ['StageName', 'DefinitionBody'],
  HttpApi: ['StageName', 'DefinitionBody', 'DefinitionUri'],
};

export const GLOBALS_SECTIONS: readonly string[] = Object.values(SECTION_FOR_TYPE);

/**
 * Merges `Globals` into each SAM resource's properties with SAM's rules: a resource scalar replaces the
 * global; maps merge recursively with the resource winning; lists concatenate, globals first; differing
 * types keep the resource's value; `IgnoreGlobals` (`"*"` or a list of names) opts out. Merged entries keep
 * the spans where they were written, so a finding on an inherited value points into Globals.
 */
export function applyGlobals(resources: Resource[], globals: MapNode | undefined, problems: ParseProblem[]): Resource[] {
  if (!globals) return resources;
  for (const entry of globals.entries) {
    if (!GLOBALS_SECTIONS.includes(entry.key)) {
      problems.push({
        code: 'template-structure', severity: 'error', span: entry.keySpan,
        message: `'${entry.key}' is not supported in Globals. Must be one of: ${GLOBALS_SECTIONS.join(', ')}.`,
      });
    }
  }
  return resources.map((resource) => {
    const sectionName = SECTION_FOR_TYPE[resource.type];
    const section = sectionName ? mapAt(globals, sectionName) : undefined;
    if (!section) return resource;
    const usable = section.entries.filter((e) => !(GLOBALS_FORBIDDEN[sectionName] ?? []).includes(e.key) && !ignored(resource, e.key));
    if (usable.length === 0) return resource;
    const own = resource.properties;
    const merged = mergeMaps({ kind: 'map', entries: usable, span: section.span }, own);
    return { ...resource, properties: merged };
  });
}

function ignored(resource: Resource, property: string): boolean {
  const ignore = valueOf(resource.node, 'IgnoreGlobals');
  if (!ignore) return false;
  if (stringOf(ignore) === '*') return true;
  return itemsOf(ignore).some((i) => stringOf(i) === property);
}

function mergeMaps(global: MapNode, local: MapNode | undefined): MapNode {
  if (!local) return global;
  const entries: MapEntry[] = [];
  const localByKey = new Map(local.entries.map((e) => [e.key, e]));
  for (const g of global.entries) {
    const l = localByKey.get(g.key);
    entries.push(l ? { ...l, value: mergeValues(g.value, l.value) } : g);
  }
  for (const l of local.entries) if (!global.entries.some((g) => g.key === l.key)) entries.push(l);
  return { kind: 'map', entries, span: local.span };
}

function mergeValues(global: Node, local: Node): Node {
  if (global.kind === 'map' && local.kind === 'map') return mergeMaps(global, local);
  if (global.kind === 'seq' && local.kind === 'seq') {
    return { kind: 'seq', items: [...global.items, ...local.items], span: local.span };
  }
  return local;
}
