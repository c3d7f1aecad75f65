import type { MapNode, Node, Template } from '../../../src/core';
import type { SchemaNode, ValidationSchemas } from '../../../src/core/schema/validation/schema-node';

/**
 * The keys a template writes that the validation data would call unknown: every map key of every written
 * resource's Properties (and SAM Globals), at any depth, checked against the closed objects of the schema.
 * What an intrinsic function stands for is not looked into: only the validator knows what it resolves to.
 */
export function unknownKeys(template: Template, cfn: ValidationSchemas, sam: ValidationSchemas): string[] {
  const found: string[] = [];
  for (const resource of template.resources) {
    if (resource.origin !== 'written' || !resource.node) continue;
    const file = resource.type.startsWith('AWS::Serverless::') ? sam : cfn;
    const schema = file.resource(resource.type);
    const properties = entry(resource.node, 'Properties');
    if (schema && properties) walk(properties, schema, file, `${resource.type}`, found);
  }
  if (template.kind === 'sam' && template.globals)
    walk(template.globals, sam.definition('Globals')!, sam, 'Globals', found);
  return found;
}

function entry(map: MapNode, key: string): Node | undefined {
  return map.entries.find((e) => e.key === key)?.value;
}

function resolve(schema: SchemaNode, file: ValidationSchemas): SchemaNode {
  let node = schema;
  for (let hops = 0; node.$ref && hops < 10; hops++) node = file.definition(node.$ref)!;
  return node;
}

function walk(node: Node, schema: SchemaNode, file: ValidationSchemas, where: string, found: string[]): void {
  const target = resolve(schema, file);
  if (node.kind === 'intrinsic' || node.kind === 'scalar') return;
  if (node.kind === 'seq') {
    if (target.items) node.items.forEach((item, i) => walk(item, target.items!, file, `${where}[${i}]`, found));
    return;
  }
  if (target.discriminator) {
    const type = entry(node, target.discriminator.property);
    const definition = type?.kind === 'scalar' ? target.discriminator.mapping[String(type.value)] : undefined;
    if (type?.kind === 'scalar' && !definition)
      found.push(`${where}: ${target.discriminator.property} ${String(type.value)}`);
    if (definition)
      walk(node, { $ref: definition }, file, `${where}(${String(type!.kind === 'scalar' ? type!.value : '')})`, found);
    return;
  }
  if (target.anyOf) {
    // The branch that leaves the fewest keys unknown is the one the author meant.
    const attempts = target.anyOf.map((branch) => {
      const inBranch: string[] = [];
      walk(node, branch, file, where, inBranch);
      return inBranch;
    });
    found.push(...attempts.reduce((best, a) => (a.length < best.length ? a : best)));
    return;
  }
  for (const { key, value } of node.entries) {
    if (key.startsWith('Fn::')) continue;
    const child =
      target.properties?.[key] ??
      Object.entries(target.patternProperties ?? {}).find(([pattern]) => new RegExp(pattern).test(key))?.[1] ??
      (typeof target.additionalProperties === 'object' ? target.additionalProperties : undefined);
    if (child) walk(value, child, file, `${where}.${key}`, found);
    else if (target.additionalProperties === false) found.push(`${where}.${key}`);
  }
}
