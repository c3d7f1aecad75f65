import type { Node } from '../model/nodes';
import { stringOf } from '../model/nodes';
import { analysedRoot, mayBeMadeByLoop } from '../model/language-extensions/loops';
import type { Reference } from '../model/references';
import { PSEUDO_PARAMETERS, referenceTarget } from '../model/references';
import type { Template } from '../model/template';

/** Root sections whose values may reference other names; Parameters, Mappings and Metadata hold plain data. */
const DATA_SECTIONS: ReadonlySet<string> = new Set([
  'Parameters',
  'Mappings',
  'Metadata',
  'AWSTemplateFormatVersion',
  'Description',
  'Transform',
]);

/** Sections that reference names, with `Fn::ForEach` loops expanded as CloudFormation expands them. */
export function referencingSections(template: Template): Node[] {
  return (analysedRoot(template)?.entries ?? []).filter((e) => !DATA_SECTIONS.has(e.key)).map((e) => e.value);
}

/** A resource of the template, or one a loop whose collection is only known at deploy may produce. */
export function isResourceName(template: Template, name: string): boolean {
  return template.resourceById.has(name) || mayBeMadeByLoop(template, 'Resources', name);
}

/** Names a Ref may target: parameters, resources (written and generated) and pseudo parameters. */
export function refTargets(template: Template): string[] {
  return [...template.parameters.map((p) => p.name), ...template.resourceById.keys(), ...PSEUDO_PARAMETERS];
}

/**
 * Whether a Ref, GetAtt or Sub variable names something the deployed stack has, counting the names a loop whose
 * collection is only known at deploy may make.
 */
export function isDefinedReference(
  template: Template,
  reference: Pick<Reference, 'kind' | 'target' | 'attribute'>,
): boolean {
  return (
    referenceTarget(template, reference).kind !== 'undefined' ||
    mayBeMadeByLoop(template, 'Resources', reference.target)
  );
}

/** The string items of a scalar or a list of scalars (DependsOn, Fn::FindInMap arguments). */
export function stringItems(node: Node | undefined): { value: string; node: Node }[] {
  const items = node?.kind === 'seq' ? node.items : node ? [node] : [];
  return items.flatMap((n) => {
    const value = stringOf(n);
    return value !== undefined && n.kind === 'scalar' ? [{ value, node: n }] : [];
  });
}
