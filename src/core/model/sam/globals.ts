import * as GLOBALS_DATA from '../../../../data/sam-globals.json';
import type { MapEntry, MapNode, Node } from '../nodes';
import { entryOf, stringOf } from '../nodes';
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

/** The properties each Globals section accepts (data/sam-globals.json, from SAM's schema and translator tests). */
export const GLOBALS_SUPPORTED: Readonly<Record<string, readonly string[]>> = GLOBALS_DATA.sections;

/** Sorted, as the translator lists them in its error message. */
export const GLOBALS_SECTIONS: readonly string[] = Object.keys(GLOBALS_SUPPORTED).sort();

const INVALID = "'Globals' section is invalid.";

/**
 * Merges `Globals` into each SAM resource's properties with SAM's rules: a resource scalar (or intrinsic)
 * replaces the global; maps merge recursively with the resource winning; lists concatenate, globals first;
 * differing types keep the resource's value; `IgnoreGlobals` (`"*"` or a list of names) opts out. Merged
 * entries keep the spans where they were written, so a finding on an inherited value points into Globals.
 * What SAM rejects (a Globals that is not a map, an unknown section or property, a bad IgnoreGlobals item)
 * becomes a problem at its key and is not merged.
 */
export function applyGlobals(resources: Resource[], globals: Node | undefined, problems: ParseProblem[]): Resource[] {
  const sections = usableSections(globals, problems);
  if (sections.size === 0) return resources;
  return resources.map((resource) => {
    const sectionName = SECTION_FOR_TYPE[resource.type];
    const section = sectionName ? sections.get(sectionName) : undefined;
    if (!section) return resource;
    const ignoredNames = ignoredProperties(resource, sectionName, problems);
    const usable = ignoredNames === '*' ? [] : section.entries.filter((e) => !ignoredNames.has(e.key));
    if (usable.length === 0) return resource;
    return {
      ...resource,
      properties: mergeMaps({ kind: 'map', entries: usable, span: section.span }, resource.properties),
    };
  });
}

/** The sections SAM would accept, each with only its supported properties; what it would reject is reported. */
function usableSections(globals: Node | undefined, problems: ParseProblem[]): Map<string, MapNode> {
  const usable = new Map<string, MapNode>();
  if (!globals) return usable;
  const report = (span: MapEntry['keySpan'], message: string): void => {
    problems.push({ code: 'template-structure', severity: 'error', span, message: `${INVALID} ${message}` });
  };
  if (globals.kind !== 'map' || globals.entries.length === 0) {
    report(globals.span, 'It must be a non-empty dictionary.');
    return usable;
  }
  for (const entry of globals.entries) {
    const supported = GLOBALS_SUPPORTED[entry.key];
    if (!supported) {
      report(entry.keySpan, `'${entry.key}' is not supported. Must be one of: ${GLOBALS_SECTIONS.join(', ')}.`);
      continue;
    }
    if (entry.value.kind !== 'map') {
      report(entry.value.span, `The '${entry.key}' section must be a map of properties.`);
      continue;
    }
    const properties = entry.value.entries.filter((p) => {
      if (supported.includes(p.key)) return true;
      report(
        p.keySpan,
        `'${p.key}' is not a supported property of '${entry.key}' in Globals. Must be one of: ${supported.join(', ')}.`,
      );
      return false;
    });
    usable.set(entry.key, { kind: 'map', entries: properties, span: entry.value.span });
  }
  return usable;
}

/** `IgnoreGlobals: '*'` or a list of property names the section supports; anything else is reported. */
function ignoredProperties(resource: Resource, section: string, problems: ParseProblem[]): '*' | Set<string> {
  const entry = entryOf(resource.node, 'IgnoreGlobals');
  if (!entry) return new Set();
  if (stringOf(entry.value) === '*') return '*';
  const names = new Set<string>();
  const items = entry.value.kind === 'seq' ? entry.value.items : [entry.value];
  for (const item of items) {
    const name = stringOf(item);
    if (name !== undefined && GLOBALS_SUPPORTED[section].includes(name)) {
      names.add(name);
      continue;
    }
    problems.push({
      code: 'template-structure',
      severity: 'error',
      span: item.span,
      message:
        `Resource ${resource.logicalId} has invalid resource attribute 'IgnoreGlobals' on item ` +
        `'${name ?? 'this value'}': use '*' or names of properties Globals.${section} supports.`,
    });
  }
  return names;
}

function mergeMaps(global: MapNode, local: MapNode | undefined): MapNode {
  if (!local) return global;
  const localByKey = new Map(local.entries.map((e) => [e.key, e]));
  const globalKeys = new Set(global.entries.map((g) => g.key));
  const entries: MapEntry[] = global.entries.map((g) => {
    const l = localByKey.get(g.key);
    return l ? { ...l, value: mergeValues(g.value, l.value) } : g;
  });
  for (const l of local.entries) if (!globalKeys.has(l.key)) entries.push(l);
  return { kind: 'map', entries, span: local.span };
}

/** SAM's tokens: maps merge, lists concatenate, anything else (scalars, intrinsics, mixed kinds) is the resource's. */
function mergeValues(global: Node, local: Node): Node {
  if (global.kind === 'map' && local.kind === 'map') return mergeMaps(global, local);
  if (global.kind === 'seq' && local.kind === 'seq') {
    return { kind: 'seq', items: [...global.items, ...local.items], span: local.span };
  }
  return local;
}
