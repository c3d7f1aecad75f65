import type { LineIndex } from './lines';
import type { LoadOptions } from './load';
import { resolvedCollections } from './language-extensions/collections';
import type { LoopOrigin } from './language-extensions/for-each';
import {
  expandForEach,
  isForEachKey,
  LANGUAGE_EXTENSIONS_TRANSFORM,
  mayHaveForEach,
} from './language-extensions/for-each';
import type { MapEntry, MapNode } from './nodes';
import { mapAt, stringOf, valueOf } from './nodes';
import { hasTransform } from './detect';
import type { ParseProblem } from './parse-result';
import { functionViewsOf } from './functions';
import { applyGlobals } from './sam/globals';
import { transformSam } from './sam/implicit';
import type { NamedEntry, Resource, Template, TemplateFormat, TemplateKind } from './template';
import type { TemplateResolver } from './resolve/resolver';
import { conditionOf, createResolver } from './resolve/resolver';

export interface TemplateBase {
  readonly fileName: string;
  readonly text: string;
  readonly format: TemplateFormat;
  readonly kind: TemplateKind;
  readonly lines: LineIndex;
  readonly root: MapNode;
}

/** Builds the model of a CloudFormation or SAM template from its parsed root. */
export function buildCloudFormation(
  base: TemplateBase,
  parseProblems: readonly ParseProblem[],
  options: LoadOptions = {},
): Template {
  const problems = [...parseProblems];
  const inputs = options.resolution;
  // Loop collections come from parameters and mappings, which loops do not make: the written sections answer them.
  const expansion = mayHaveForEach(base.text)
    ? expandForEach(
        base.root,
        hasTransform(base.root, LANGUAGE_EXTENSIONS_TRANSFORM),
        resolvedCollections(createResolver({ sections: base.root, inputs, isResource: () => false })),
        problems,
      )
    : undefined;
  const root = expansion?.root ?? base.root;
  const globals = base.kind === 'sam' ? mapAt(root, 'Globals') : undefined;
  const written = writtenResources(root, problems, expansion?.loopOf);
  const sam =
    base.kind === 'sam'
      ? transformSam(applyGlobals(written, valueOf(root, 'Globals'), problems), root, base.text, inputs)
      : { written, generated: [], conflicts: [] };
  const built = [...sam.written, ...sam.generated];
  const ids = new Set(built.map((r) => r.logicalId));
  const resolver = createResolver({ sections: root, inputs, isResource: (id) => ids.has(id) });
  const resources = withCreation(built, resolver);
  const template: Template = {
    ...base,
    problems,
    resources,
    resourceById: indexById(resources),
    resolver,
    parameters: namedEntries(root, 'Parameters'),
    conditions: namedEntries(root, 'Conditions'),
    mappings: namedEntries(root, 'Mappings'),
    outputs: namedEntries(root, 'Outputs'),
    globals,
    functions: [],
    ...(sam.conflicts.length ? { generatedIdConflicts: sam.conflicts } : {}),
    ...(expansion
      ? { expanded: { root, unexpandedLoops: expansion.unexpanded, loopCollections: expansion.collections } }
      : {}),
  };
  return { ...template, functions: functionViewsOf(template) };
}

export function indexById(resources: readonly Resource[]): Map<string, Resource> {
  const byId = new Map<string, Resource>();
  for (const r of resources) if (!byId.has(r.logicalId)) byId.set(r.logicalId, r);
  return byId;
}

/**
 * Each resource with its `Condition` and whether it is created. A generated resource follows the resource
 * that generates it: SAM and the framework give it the same condition.
 */
export function withCreation(resources: readonly Resource[], resolver: TemplateResolver): Resource[] {
  const written = new Map<string, string | undefined>();
  for (const r of resources)
    if (r.origin === 'written' && !written.has(r.logicalId)) written.set(r.logicalId, conditionOf(r.node));
  return resources.map((r) => {
    const condition = r.origin === 'written' ? conditionOf(r.node) : written.get(r.generatedBy?.logicalId ?? '');
    return condition === undefined
      ? { ...r, created: true }
      : { ...r, condition, created: resolver.created(condition) };
  });
}

/** A section's entries; a `Fn::ForEach` loop left unexpanded (its collection unknown) is no entry. */
export function namedEntries(root: MapNode | undefined, section: string): NamedEntry[] {
  const map = mapAt(root, section);
  return map
    ? map.entries.filter((e) => !isForEachKey(e.key)).map((e) => ({ name: e.key, nameSpan: e.keySpan, value: e.value }))
    : [];
}

/**
 * `Resources` as written (loops expanded); a `Resources` that is not a map is reported, not trusted. A loop left
 * unexpanded was reported by the expansion and makes no resource. A logical ID written twice (the parser reports
 * `duplicate-key`) is the last definition, as YAML and JSON loaders read it (PyYAML in SAM CLI and the SAM
 * translator, `JSON.parse`), at the place of the first, as a Python dict keeps it.
 */
export function writtenResources(
  root: MapNode | undefined,
  problems: ParseProblem[],
  loopOf?: ReadonlyMap<MapEntry, LoopOrigin>,
): Resource[] {
  const section = valueOf(root, 'Resources');
  if (!section) return [];
  if (section.kind !== 'map') {
    problems.push({
      code: 'template-structure',
      severity: 'error',
      span: section.span,
      message: `Resources must be a map of logical IDs to resources, not ${describe(section.kind)}.`,
    });
    return [];
  }
  const byId = new Map<string, Resource | undefined>();
  for (const entry of section.entries) {
    if (!isForEachKey(entry.key)) byId.set(entry.key, writtenResource(entry, problems, loopOf?.get(entry)));
  }
  return [...byId.values()].filter((r): r is Resource => r !== undefined);
}

function writtenResource(
  entry: MapEntry,
  problems: ParseProblem[],
  loop: LoopOrigin | undefined,
): Resource | undefined {
  const node = entry.value;
  if (node.kind !== 'map') {
    problems.push({
      code: 'template-structure',
      severity: 'error',
      span: node.span,
      message: `Resource '${entry.key}' must be a map with a Type, not ${describe(node.kind)}.`,
    });
    return undefined;
  }
  const type = stringOf(valueOf(node, 'Type'));
  if (type === undefined) {
    problems.push({
      code: 'template-structure',
      severity: 'error',
      span: entry.keySpan,
      message: `Resource '${entry.key}' has no Type.`,
    });
  }
  return {
    logicalId: entry.key,
    type: type ?? 'Unknown',
    origin: 'written',
    idSpan: entry.keySpan,
    span: { start: entry.keySpan.start, end: node.span.end },
    node,
    properties: mapAt(node, 'Properties'),
    ...(loop ? { expandedFrom: loop } : {}),
  };
}

function describe(kind: string): string {
  return kind === 'seq'
    ? 'a list'
    : kind === 'scalar'
      ? 'a single value'
      : kind === 'intrinsic'
        ? 'an intrinsic function'
        : 'a map';
}
