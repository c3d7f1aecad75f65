// Regenerates data/serverless-schema.json: the shape of serverless.yml, for schema validation.
// Source: the npm package serverless@3 (MIT), its own configuration schema as `serverless` assembles it: the core
// schema (lib/config-schema.js) extended by the AWS provider and every built-in event plugin through
// configSchemaHandler. The framework is started offline on a throwaway service and the schema read back; nothing
// is deployed or fetched. Run: node scripts/update-serverless-schema.mjs
//
// The derived schema keeps only what the validator understands (see src/core/schema/validation/schema-node.ts):
// the framework's wrappers for CloudFormation intrinsics are dropped (the validator knows intrinsics itself), and
// `functions.*.events` items become one object whose keys are the event types, so an unknown event type is an
// unknown key with "did you mean".
import fs from 'fs';
import os from 'os';
import path from 'path';
import { createRequire } from 'module';

const require = createRequire(import.meta.url);
const packageJson = require.resolve('serverless/package.json');
const { version } = JSON.parse(fs.readFileSync(packageJson, 'utf8'));
const slsRoot = path.dirname(packageJson);

async function frameworkSchema() {
  process.env.SLS_TELEMETRY_DISABLED = '1';
  process.env.SLS_NOTIFICATIONS_MODE = 'off';
  const serviceDir = fs.mkdtempSync(path.join(os.tmpdir(), 'sls-schema-'));
  const file = path.join(serviceDir, 'serverless.yml');
  fs.writeFileSync(file, 'service: schema\nframeworkVersion: "3"\nprovider:\n  name: aws\n');
  try {
    const Serverless = require(path.join(slsRoot, 'lib/serverless.js'));
    const readConfiguration = require(path.join(slsRoot, 'lib/configuration/read.js'));
    const configuration = await readConfiguration(file);
    const serverless = new Serverless({
      configuration,
      serviceDir,
      configurationFilename: 'serverless.yml',
      commands: ['print'],
      options: {},
    });
    await serverless.init();
    return serverless.configSchemaHandler.schema;
  } finally {
    fs.rmSync(serviceDir, { recursive: true, force: true });
  }
}

const CF_INTRINSIC_DEFINITION = /^awsCf/;
const KEPT = new Set([
  'type',
  'properties',
  'required',
  'additionalProperties',
  'patternProperties',
  'items',
  'enum',
  'pattern',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
  'anyOf',
  'oneOf',
  '$ref',
]);

const refName = (ref) => ref.replace('#/definitions/', '');
const isIntrinsicRef = (node) => typeof node?.$ref === 'string' && CF_INTRINSIC_DEFINITION.test(refName(node.$ref));

/** One node of the framework's schema in the validator's subset; `{}` when it accepts anything. */
function convert(node) {
  if (!node || typeof node !== 'object' || Array.isArray(node) || isIntrinsicRef(node)) return {};
  const out = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'const') out.enum = [value];
    else if (key === 'dependencies' && Object.values(value).every(Array.isArray)) out.dependentRequired = value;
    else if (!KEPT.has(key)) continue;
    else if (key === '$ref') out.$ref = refName(value);
    else if (key === 'properties' || key === 'patternProperties') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, convert(v)]));
    } else if (key === 'items') out.items = Array.isArray(value) ? {} : convert(value);
    else if (key === 'additionalProperties')
      out.additionalProperties = typeof value === 'boolean' ? value : convert(value);
    else if (key === 'anyOf' || key === 'oneOf') {
      const branches = value.filter((b) => !isIntrinsicRef(b)).map(convert);
      // A value that may be anything in one branch may be anything: keep no constraint rather than a wrong one.
      if (branches.some((b) => Object.keys(b).length === 0)) continue;
      if (branches.length === 1) Object.assign(out, branches[0]);
      else if (branches.length > 1) out[key] = branches;
    } else if (key === 'pattern') {
      try {
        new RegExp(value);
        out.pattern = value;
      } catch {
        // A pattern JavaScript cannot read is left out: a check that cannot run must not report.
      }
    } else out[key] = value;
  }
  if (Array.isArray(out.required) && out.required.length === 0) delete out.required;
  return out;
}

/** `events: [ {http: ...} | {sqs: ...} | ... ]` → items: one object whose keys are the event types. */
function eventsAsKeys(events) {
  const properties = {};
  for (const branch of events.items.anyOf) {
    const names = Object.keys(branch.properties ?? {}).filter((n) => n !== '__schemaWorkaround__');
    if (names.length === 1) properties[names[0]] = convert(branch.properties[names[0]]);
  }
  return { type: 'array', items: { type: 'object', properties, additionalProperties: false } };
}

const schema = await frameworkSchema();
const root = convert({ ...schema, definitions: undefined });
const functionSchema = schema.properties.functions.patternProperties;
const [functionNamePattern] = Object.keys(functionSchema);
root.properties.functions.patternProperties[functionNamePattern].properties.events = eventsAsKeys(
  functionSchema[functionNamePattern].properties.events,
);
// `resources` is CloudFormation (validated per resource against CloudFormation's schemas) and `custom` belongs to
// plugins and the user: neither is the framework's to judge.
root.properties.resources = { type: 'object' };
root.properties.custom = { type: 'object' };

const definitions = {};
for (const [name, node] of Object.entries(schema.definitions)) {
  if (!CF_INTRINSIC_DEFINITION.test(name)) definitions[name] = convert(node);
}
// The framework's runtime list froze with its release while Lambda kept adding runtimes (nodejs22.x deploys fine
// with serverless 3.40); the runtime-* rules judge runtimes from Lambda's own lifecycle data instead.
definitions.awsLambdaRuntime = { type: 'string' };

const out = {
  source:
    `npm package serverless@${version} (MIT), its configuration schema as the framework assembles it (core and ` +
    `AWS plugins); regenerate with node scripts/update-serverless-schema.mjs`,
  licence: 'MIT',
  generated: new Date().toISOString().slice(0, 10),
  root,
  definitions,
};
const target = new URL('../data/serverless-schema.json', import.meta.url);
fs.writeFileSync(target, `${JSON.stringify(out)}\n`);
const eventTypes = root.properties.functions.patternProperties[functionNamePattern].properties.events.items.properties;
console.log(
  `data/serverless-schema.json: ${(fs.statSync(target).size / 1024).toFixed(0)} KB, ` +
    `${Object.keys(definitions).length} definitions, ${Object.keys(eventTypes).length} event types`,
);
