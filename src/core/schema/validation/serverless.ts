import type { MapNode, ScalarNode } from '../../model/nodes';
import { entryOf, stringOf, valueOf } from '../../model/nodes';
import type { Template } from '../../model/template';
import type { SchemaNode, ValidationSchemas } from './schema-node';
import type { CertainValue, ValidationContext, Validator } from './validate';
import type { FrameworkJudgement, Violation } from './violation';

/** What the violations of a serverless.yml's own keys name as their owner. */
export const SERVERLESS_OWNER = 'serverless.yml';

/**
 * How the framework treats a configuration that breaks its schema: `configValidationMode` (serverless v3 warns by
 * default, throws with `error`, says nothing with `off`;
 * https://www.serverless.com/framework/docs/configuration-validation).
 */
type ValidationMode = 'warn' | 'error' | 'off';
const DEFAULT_MODE: ValidationMode = 'warn';

/**
 * Checks the service's own configuration (everything but `resources`, which is CloudFormation and checked per
 * resource, and `custom`, which belongs to plugins and the user) against the framework's schema, and says how the
 * framework treats each violation. The document is checked as written: `${...}` values are unknown here, whatever
 * the model resolves them to, because the framework may resolve them otherwise (a stage, an option, a file) and a
 * wrong guess would be a false warning. Services of another provider are not checked: the schema is the aws
 * provider's.
 */
export function serverlessViolations(
  template: Template,
  schemas: ValidationSchemas,
  validator: Validator,
): readonly Violation[] {
  const root = template.root;
  const mode = validationMode(template);
  if (!root || !schemas.root || mode === 'off' || !isAwsService(template)) return [];
  validator.check(root, withProviderByName(schemas.root), {
    logicalId: undefined,
    owner: SERVERLESS_OWNER,
    path: [],
    keySpan: undefined,
  });
  // A plugin may declare its own top-level keys, function properties, event types and event properties
  // (configSchemaHandler.defineTopLevelProperty, defineFunctionProperties, defineFunctionEvent,
  // defineFunctionEventProperties: https://www.serverless.com/framework/docs/guides/plugins/custom-configuration).
  const pluginsListed = entryOf(root, 'plugins') !== undefined;
  return validator.violations.map((v) => {
    const framework: FrameworkJudgement = {
      mode: mode === 'error' ? 'error' : 'warn',
      pluginMayDefine: pluginsListed && v.kind === 'unknown-property' && isPluginExtensible(v.path),
    };
    return { ...v, framework };
  });
}

/**
 * How the framework reads values before validating them: a single value where a list belongs is a list of it (Ajv's
 * `coerceTypes: 'array'`, serverless/lib/classes/config-schema-handler/resolve-ajv-validate.js), and a whole value
 * `${self:path}` is the literal that path names in the same document (the framework resolves variables before it
 * validates).
 */
export function frameworkReading(template: Template): Pick<ValidationContext, 'scalarAsList' | 'variableValue'> {
  return { scalarAsList: true, variableValue: (node) => selfReference(template.root, node) };
}

/** `${self:a.b}`, a plain path: no fallback, no nested variable, no other source. */
const PLAIN_SELF_REFERENCE = /^\$\{self:([A-Za-z0-9_-]+(?:\.[A-Za-z0-9_-]+)*)\}$/;

/**
 * The value of a whole-value `${self:...}` when it is certain: the path names a written scalar with no variable of
 * its own. Anything else (a map, another variable, a file, a fallback) is left unknown.
 */
function selfReference(root: MapNode | undefined, node: ScalarNode): CertainValue | undefined {
  const match = typeof node.value === 'string' ? PLAIN_SELF_REFERENCE.exec(node.value) : null;
  if (!match) return undefined;
  let target = valueOf(root, match[1].split('.')[0]);
  for (const key of match[1].split('.').slice(1)) target = target?.kind === 'map' ? valueOf(target, key) : undefined;
  if (target?.kind !== 'scalar' || target.value === null) return undefined;
  if (typeof target.value === 'string' && target.value.includes('${')) return undefined;
  return { value: target.value, origin: `from self:${match[1]}` };
}

/**
 * `provider: aws` is short for `provider: {name: aws}`: the framework expands it before validating
 * (serverless/lib/classes/service.js), so the schema's map-only `provider` also takes a name.
 */
function withProviderByName(root: SchemaNode): SchemaNode {
  const provider = root.properties?.provider;
  if (!provider) return root;
  return { ...root, properties: { ...root.properties, provider: { anyOf: [{ type: 'string' }, provider] } } };
}

/** `configValidationMode` as written; a value the framework resolves later (a variable) leaves the default. */
function validationMode(template: Template): ValidationMode {
  const written = stringOf(valueOf(template.root, 'configValidationMode'));
  return written === 'warn' || written === 'error' || written === 'off' ? written : DEFAULT_MODE;
}

/** `provider.name` is aws, or not known here (a variable): another provider's plugin brings its own schema. */
function isAwsService(template: Template): boolean {
  const provider = valueOf(template.root, 'provider');
  const name = stringOf(provider?.kind === 'map' ? valueOf(provider, 'name') : provider);
  return name === undefined || name === 'aws' || name.includes('${');
}

/**
 * Where a plugin can add keys, by the path of the map that holds the unknown key: the top level, a function
 * (`functions.<name>`), a function's events (`functions.<name>.events`: the event types) and one event's own map
 * (`functions.<name>.events.<type>`). Function names match the framework's `^[a-zA-Z0-9-_]+$`, so the path's dots
 * separate keys.
 */
function isPluginExtensible(path: string): boolean {
  if (path === '') return true;
  const parts = path.split('.');
  return (
    parts[0] === 'functions' &&
    (parts.length === 2 || ((parts.length === 3 || parts.length === 4) && parts[2] === 'events'))
  );
}
