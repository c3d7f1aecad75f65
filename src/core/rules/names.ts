import type { Node } from '../model/nodes';
import { stringOf } from '../model/nodes';
import { analysedRoot, mayBeMadeByLoop } from '../model/language-extensions/loops';
import type { Template } from '../model/template';

/** CloudFormation's pseudo parameters (CloudFormation user guide, "Pseudo parameters reference"). */
export const PSEUDO_PARAMETERS: readonly string[] = [
  'AWS::AccountId', 'AWS::NotificationARNs', 'AWS::NoValue', 'AWS::Partition', 'AWS::Region', 'AWS::StackId',
  'AWS::StackName', 'AWS::URLSuffix',
];

/**
 * Properties SAM lets `Ref` reach on its resources (`!Ref MyFunction.Alias`, `!Ref MyApi.Stage`): SAM developer
 * guide, "Referencing generated CloudFormation resources".
 */
const SAM_REFERENCEABLE: ReadonlySet<string> = new Set([
  'Alias', 'Version', 'DestinationTopic', 'DestinationQueue', 'Stage', 'Deployment', 'DomainName', 'DomainNameV2',
  'BasePathMapping', 'UsagePlan', 'UsagePlanKey', 'ApiKey', 'Name',
]);
/** The APIs SAM creates for events without an explicit API (aws-facts.md §F). */
const SAM_IMPLICIT_APIS: ReadonlySet<string> = new Set(['ServerlessRestApi', 'ServerlessHttpApi']);

/** Root sections whose values may reference other names; Parameters, Mappings and Metadata hold plain data. */
const DATA_SECTIONS: ReadonlySet<string> = new Set(['Parameters', 'Mappings', 'Metadata', 'AWSTemplateFormatVersion', 'Description', 'Transform']);

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

export function isRefTarget(template: Template, name: string): boolean {
  if (isResourceName(template, name) || PSEUDO_PARAMETERS.includes(name)) return true;
  if (template.parameters.some((p) => p.name === name)) return true;
  return isSamReferenceable(template, name);
}

/** `MyFunction.Alias`, `MyApi.Stage`, `ServerlessRestApi.Deployment`: a generated resource reached through its SAM owner. */
export function isSamReferenceable(template: Template, name: string): boolean {
  if (template.kind !== 'sam') return false;
  const [owner, property] = name.split('.', 2);
  if (property === undefined || !SAM_REFERENCEABLE.has(property)) return false;
  return SAM_IMPLICIT_APIS.has(owner) || (template.resourceById.get(owner)?.type.startsWith('AWS::Serverless::') ?? false);
}

/** The string items of a scalar or a list of scalars (DependsOn, Fn::FindInMap arguments). */
export function stringItems(node: Node | undefined): { value: string; node: Node }[] {
  const items = node?.kind === 'seq' ? node.items : node ? [node] : [];
  return items.flatMap((n) => {
    const value = stringOf(n);
    return value !== undefined && n.kind === 'scalar' ? [{ value, node: n }] : [];
  });
}
