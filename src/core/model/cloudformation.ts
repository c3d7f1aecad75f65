import type { LineIndex } from './lines';
import type { MapNode } from './nodes';
import { mapAt, stringOf, valueOf } from './nodes';
import type { ParseProblem } from './parse-result';
import { functionViewsOf } from './functions';
import { applyGlobals } from './sam/globals';
import { transformSam } from './sam/implicit';
import type { NamedEntry, Resource, Template, TemplateFormat, TemplateKind } from './template';
import type { TemplateResolver } from './resolve/resolver';
import { conditionOf, createResolver } from './resolve/resolver';
import type { ResolutionInputs } from './resolve/types';

export interface TemplateBase {
  readonly fileName: string;
  readonly text: string;
  readonly format: TemplateFormat;
  readonly kind: TemplateKind;
  readonly lines: LineIndex;
  readonly root: MapNode;
}

/** Builds the model of a CloudFormation or SAM template from its parsed root. */
export function buildCloudFormation(base: TemplateBase, parseProblems: readonly ParseProblem[], inputs?: ResolutionInputs): Template {
  const problems = [...parseProblems];
  const root = base.root;
  const globals = base.kind === 'sam' ? mapAt(root, 'Globals') : undefined;
  const written = writtenResources(root, problems);
  const sam = base.kind === 'sam'
    ? transformSam(applyGlobals(written, valueOf(root, 'Globals'), problems), root, base.text)
    : { written, generated: [] };
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
  for (const r of resources) if (r.origin === 'written' && !written.has(r.logicalId)) written.set(r.logicalId, conditionOf(r.node));
  return resources.map((r) => {
    const condition = r.origin === 'written' ? conditionOf(r.node) : written.get(r.generatedBy?.logicalId ?? '');
    return condition === undefined ? { ...r, created: true } : { ...r, condition, created: resolver.created(condition) };
  });
}

export function namedEntries(root: MapNode | undefined, section: string): NamedEntry[] {
  const map = mapAt(root, section);
  return map ? map.entries.map((e) => ({ name: e.key, nameSpan: e.keySpan, value: e.value })) : [];
}

/** `Resources` as written; a `Resources` that is not a map is reported, not trusted. */
export function writtenResources(root: MapNode | undefined, problems: ParseProblem[]): Resource[] {
  const section = valueOf(root, 'Resources');
  if (!section) return [];
  if (section.kind !== 'map') {
    problems.push({
      code: 'template-structure', severity: 'error', span: section.span,
      message: `Resources must be a map of logical IDs to resources, not ${describe(section.kind)}.`,
    });
    return [];
  }
  const resources: Resource[] = [];
  for (const entry of section.entries) {
    const node = entry.value;
    if (node.kind !== 'map') {
      problems.push({
        code: 'template-structure', severity: 'error', span: node.span,
        message: `Resource '${entry.key}' must be a map with a Type, not ${describe(node.kind)}.`,
      });
      continue;
    }
    const type = stringOf(valueOf(node, 'Type'));
    if (type === undefined) {
      problems.push({
        code: 'template-structure', severity: 'error', span: entry.keySpan,
        message: `Resource '${entry.key}' has no Type.`,
      });
    }
    resources.push({
      logicalId: entry.key,
      type: type ?? 'Unknown',
      origin: 'written',
      idSpan: entry.keySpan,
      span: { start: entry.keySpan.start, end: node.span.end },
      node,
      properties: mapAt(node, 'Properties'),
    });
  }
  return resources;
}

function describe(kind: string): string {
  return kind === 'seq' ? 'a list' : kind === 'scalar' ? 'a single value' : kind === 'intrinsic' ? 'an intrinsic function' : 'a map';
}
