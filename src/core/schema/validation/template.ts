import type { Node, Span } from '../../model/nodes';
import { entryOf, stringOf, syntheticMap, valueOf, walk } from '../../model/nodes';
import type { Resource, Template } from '../../model/template';
import type { SchemaCatalog } from '../catalog';
import type { RefTargets } from './intrinsic-shape';
import { isNoValue } from './intrinsic-shape';
import type { SchemaNode, ValidationSchemas } from './schema-node';
import { frameworkReading, serverlessViolations } from './serverless';
import type { Place, ValidationContext } from './validate';
import { Validator } from './validate';
import type { Violation } from './violation';

/** The definition of `data/sam-schemas.json` that SAM's `Globals` section is checked against. */
export const SAM_GLOBALS_DEFINITION = 'Globals';

/** Custom resources take whatever properties their provider reads (AWS::CloudFormation::CustomResource reference). */
function isCustomResource(type: string): boolean {
  return type.startsWith('Custom::') || type === 'AWS::CloudFormation::CustomResource';
}

const cache = new WeakMap<Template, { readonly catalog: SchemaCatalog; readonly violations: readonly Violation[] }>();

/**
 * Every written resource's `Properties` (SAM types against SAM's schemas, the rest against CloudFormation's),
 * SAM's `Globals` section and a serverless.yml's own configuration (against the framework's schema), once per template
 * and catalog: the schema rules share this one pass. Values SAM merges
 * from Globals are checked where they are written, in `Globals`, not again in every function.
 * Types the data does not know and custom resources are not checked.
 */
export function schemaViolations(template: Template, catalog: SchemaCatalog): readonly Violation[] {
  const cached = cache.get(template);
  if (cached?.catalog === catalog) return cached.violations;
  const violations = validate(template, catalog);
  cache.set(template, { catalog, violations });
  return violations;
}

function validate(template: Template, catalog: SchemaCatalog): readonly Violation[] {
  const targets = refTargets(template);
  const validators = new Map<ValidationSchemas, Validator>();
  const opaque = new Set<Node>();
  // Most templates use no macro: their maps need no search for one.
  const hasMacros = /Fn::Transform|!Transform/.test(template.text);
  const newValidator = (
    schemas: ValidationSchemas,
    framework?: Pick<ValidationContext, 'scalarAsList' | 'variableValue'>,
  ): Validator =>
    new Validator({
      definition: schemas.definition,
      resolver: template.resolver,
      refTargets: targets,
      opaque,
      frameworkVariables: template.kind === 'serverless',
      text: template.text,
      ...framework,
    });
  const validatorFor = (schemas: ValidationSchemas): Validator => {
    let validator = validators.get(schemas);
    if (!validator) {
      validator = newValidator(schemas);
      validators.set(schemas, validator);
    }
    return validator;
  };

  for (const resource of template.resources) {
    const typeEntry = writtenTypeEntry(resource);
    if (!typeEntry || isCustomResource(resource.type)) continue;
    const schemas = catalog.validationSchemas(resource.type.startsWith('AWS::Serverless::') ? 'sam' : 'cfn');
    const schema = schemas.resource(resource.type);
    if (!schema) continue;
    const properties = entryOf(resource.node, 'Properties');
    if (properties && hasMacros) markOpaque(properties.value, opaque);
    // SAM merges Globals into the resource before CloudFormation sees it, so a required property may come from there.
    const merged = resource.properties;
    const place: Place = {
      logicalId: resource.logicalId,
      owner: resource.type,
      path: ['Properties'],
      keySpan: properties?.keySpan ?? typeEntry.span,
      resource: resource.node,
      ...(properties ? {} : { propertiesMissing: true }),
      ...(merged && merged !== properties?.value ? { merged } : {}),
    };
    // `Properties: !Ref AWS::NoValue` leaves the resource without properties: its required ones are missing.
    const written =
      properties && !isNoValue(properties.value)
        ? properties.value
        : syntheticMap([], properties?.value.span ?? typeEntry.span);
    validatorFor(schemas).check(written, schema, place);
  }

  const globals = template.kind === 'sam' ? entryOf(template.root, 'Globals') : undefined;
  if (globals) {
    const schemas = catalog.validationSchemas('sam');
    const schema: SchemaNode | undefined = schemas.definition(SAM_GLOBALS_DEFINITION);
    if (schema) {
      if (hasMacros) markOpaque(globals.value, opaque);
      validatorFor(schemas).check(globals.value, schema, {
        logicalId: undefined,
        owner: 'Globals',
        path: ['Globals'],
        keySpan: globals.keySpan,
        partial: true,
      });
    }
  }
  const own = [...validators.values()].flatMap((v) => v.violations);
  if (template.kind !== 'serverless') return distinct(own);
  const schemas = catalog.validationSchemas('serverless');
  return distinct([
    ...serverlessViolations(template, schemas, newValidator(schemas, frameworkReading(template))),
    ...own,
  ]);
}

/**
 * A written resource's `Type` entry (its line is where a missing `Properties` is reported). Serverless functions and
 * layers are written without one: the framework's own schema covers them.
 */
function writtenTypeEntry(resource: Resource): { readonly span: Span } | undefined {
  if (resource.origin !== 'written' || !resource.node) return undefined;
  const entry = entryOf(resource.node, 'Type');
  if (!entry || stringOf(entry.value) !== resource.type) return undefined;
  return { span: { start: entry.keySpan.start, end: entry.value.span.end } };
}

/**
 * Maps at or above a `Fn::Transform` (`AWS::Include` is one) are filled by the macro at deploy, so their keys,
 * missing or unknown, are not judged.
 */
function markOpaque(root: Node, opaque: Set<Node>): void {
  walk(root, (node, parents) => {
    const isTransform =
      (node.kind === 'intrinsic' && node.name === 'Fn::Transform') ||
      (node.kind === 'map' && node.entries.some((e) => e.key === 'Fn::Transform'));
    if (!isTransform) return;
    opaque.add(node);
    for (const parent of parents) if (parent.kind === 'map') opaque.add(parent);
  });
}

function refTargets(template: Template): RefTargets {
  const types = new Map<string, string>();
  for (const p of template.parameters) types.set(p.name, stringOf(valueOf(p.value, 'Type')) ?? 'String');
  return { parameterType: (name) => types.get(name), isResource: (name) => template.resourceById.has(name) };
}

/** Resources a `Fn::ForEach` loop copies share the loop body's spans: one violation per place is enough. */
function distinct(violations: readonly Violation[]): Violation[] {
  const seen = new Set<string>();
  return violations.filter((v) => {
    const key =
      `${v.kind}|${v.span.start}|${v.span.end}|` + `${'property' in v ? v.property : ''}|${'key' in v ? v.key : ''}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
