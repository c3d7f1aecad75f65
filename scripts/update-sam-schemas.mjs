// Regenerates data/sam-schemas.json: every AWS::Serverless::* type's Properties, each SAM event type and the
// Globals section as validation schemas (the contract in src/core/schema/validation/schema-node.ts).
// Source: aws/serverless-application-model, schema_source/sam.schema.json (Apache-2.0). Properties SAM passes
// through to CloudFormation (`__samPassThrough.schemaPath`) take their schema from data/cfn-schemas/ (run
// scripts/update-cfn-schemas.mjs first), copied here with the definitions they use so that this file stands
// alone. scripts/schema-corrections.json gives back the maps SAM's schema cannot tell from intrinsics (a policy
// document in Policies); scripts/schema-combinations.json adds the keys SAM's transform rejects together.
// Run: node scripts/update-sam-schemas.mjs [folder holding sam.schema.json]  (default ../shared/corpus/sam-data)
import { existsSync, readFileSync } from 'fs';
import path from 'path';
import {
  applyCombinations,
  applyCorrections,
  applyEnums,
  readCfnSchemas,
  writeValidationSchemas,
} from './validation-schema-common.mjs';

const folder = path.resolve(process.argv[2] ?? new URL('../../shared/corpus/sam-data', import.meta.url).pathname);
if (!existsSync(path.join(folder, 'sam.schema.json'))) {
  console.error(`sam.schema.json not found in ${folder}; pass the folder holding it`);
  process.exit(2);
}
const schema = JSON.parse(readFileSync(path.join(folder, 'sam.schema.json'), 'utf8'));
const commit = existsSync(path.join(folder, 'SOURCE_COMMIT'))
  ? readFileSync(path.join(folder, 'SOURCE_COMMIT'), 'utf8').trim().split(/\s+/)[0]
  : 'unknown commit';
const cfn = readCfnSchemas();
const samDefinitions = schema.definitions;

const counts = { passThrough: 0, documentedPassThrough: 0, passThroughMissing: [], intrinsicBranches: 0 };
const definitions = {};

/** SAM's definition names carry their Python module; the last parts are enough and unique. */
const shortName = (name) =>
  name === '__main____Globals' ? 'Globals' : name.replace('samtranslator__internal__schema_source__', '');
const refTarget = (ref) => ref.replace('#/definitions/', '');

// ---- CloudFormation pass-through: copy the node and every definition it reaches ----

function copyCloudFormationDefinitions(node) {
  if (!node || typeof node !== 'object') return;
  if (node.$ref && !(node.$ref in definitions)) {
    definitions[node.$ref] = cfn.definitions[node.$ref];
    copyCloudFormationDefinitions(definitions[node.$ref]);
  }
  for (const value of Object.values(node)) copyCloudFormationDefinitions(value);
}

/**
 * `["definitions", "AWS::Lambda::Function", "properties", "Properties", "properties", "Architectures"]` or a nested
 * type's.
 */
function passThrough(schemaPath) {
  const [, owner, ...rest] = schemaPath;
  let node = owner.includes('.') ? cfn.definitions[owner] : cfn.resources[owner];
  const names = rest
    .filter((_, i) => i % 2 === 1)
    .filter((name, i) => !(i === 0 && !owner.includes('.') && name === 'Properties'));
  for (const name of names)
    node = node?.$ref ? cfn.definitions[node.$ref]?.properties?.[name] : node?.properties?.[name];
  if (!node) {
    // CloudFormation's registry no longer knows it (or never did): accept what SAM passes on.
    counts.passThroughMissing.push(schemaPath.join('/'));
    return {};
  }
  counts.passThrough++;
  copyCloudFormationDefinitions(node);
  return node;
}

// ---- SAM's JSON Schema → our subset ----

const KEPT = [
  'type',
  'enum',
  'pattern',
  'required',
  'minimum',
  'maximum',
  'minLength',
  'maxLength',
  'minItems',
  'maxItems',
];
const isAnything = (node) => Object.keys(node).length === 0;
/** SAM's `SamIntrinsicable[T]` is `anyOf: [{type: object}, T]`; the object branch stands for an intrinsic function. */
const isIntrinsicBranch = (branch) =>
  (Object.keys(branch).length === 1 && branch.type === 'object') || branch.$ref === '#/definitions/Ref';

function definition(name) {
  const key = shortName(name);
  if (!(key in definitions)) {
    definitions[key] = {}; // reserved first: definitions refer to themselves
    definitions[key] = convert(samDefinitions[name]);
  }
  return key;
}

/**
 * Most of SAM's pass-through properties name their CloudFormation property only in their documentation:
 * "passed directly to the [`Timeout`](...) property of an `AWS::Lambda::Function` resource" or "... of the
 * `AWS::Events::Rule` `Target` data type". A renamed property (`Region` → `AwsRegion`) is taken only when
 * it is a plain value: the text sometimes names the enclosing object instead.
 */
function documentedPassThrough(name, node) {
  const text = /CloudFormation compatibility\*: ([^\n]*)/.exec(node.markdownDescription ?? '')?.[1] ?? '';
  const match =
    /passed directly to the `?\[?`?\s*([A-Za-z0-9]+)`?\]?\([^)]*\)`? property of (?:an?|the) `([A-Za-z0-9:]+)(?:`? `| )?([A-Za-z0-9]*)`? (resource|data type|object)/.exec(
      text,
    );
  if (!match) return undefined;
  const [, cfnName, type, nested] = match;
  const owner = nested ? cfn.definitions[`${type}.${nested}`] : cfn.resources[type];
  const target = owner?.properties?.[cfnName];
  if (!target || (cfnName !== name && (target.$ref || target.type === 'object' || target.type === 'array')))
    return undefined;
  counts.documentedPassThrough++;
  copyCloudFormationDefinitions(target);
  return target;
}

function convert(node, name) {
  if (node.__samPassThrough) return passThrough(node.__samPassThrough.schemaPath);
  if (node.$ref) {
    const target = refTarget(node.$ref);
    return target === 'PassThroughProp' ? {} : { $ref: definition(target) };
  }
  if (node.allOf?.length === 1 && node.allOf[0].$ref === '#/definitions/PassThroughProp')
    return documentedPassThrough(name, node) ?? {};
  if (node.allOf?.length === 1) return convert(node.allOf[0]);
  if (node.anyOf) return union(node.anyOf);
  const out = {};
  for (const key of KEPT) if (node[key] !== undefined) out[key] = node[key];
  if (node.properties)
    out.properties = Object.fromEntries(Object.entries(node.properties).map(([name, p]) => [name, convert(p, name)]));
  if (node.items) out.items = convert(node.items);
  if (node.additionalProperties !== undefined) {
    out.additionalProperties =
      typeof node.additionalProperties === 'boolean' ? node.additionalProperties : convert(node.additionalProperties);
    if (typeof out.additionalProperties === 'object' && isAnything(out.additionalProperties))
      delete out.additionalProperties;
  }
  if (node.patternProperties)
    out.patternProperties = Object.fromEntries(Object.entries(node.patternProperties).map(([k, p]) => [k, convert(p)]));
  return out;
}

function union(branches) {
  const real = branches.filter((b) => !isIntrinsicBranch(b));
  counts.intrinsicBranches += branches.length - real.length;
  if (real.length === 0) return { type: 'object' };
  const converted = real.map(convert);
  if (converted.some(isAnything)) return {};
  if (converted.length === 1) return converted[0];
  if (converted.every((b) => Object.keys(b).length === 1 && typeof b.type === 'string'))
    return { type: [...new Set(converted.map((b) => b.type))] };
  return { anyOf: converted };
}

// ---- events: one definition per event type, chosen by `Type` ----

/** SAM's `Events` map lists every event definition in an anyOf; the validator picks one by the event's `Type`. */
function eventsByType(eventsNode) {
  const mapping = {};
  for (const option of eventsNode.additionalProperties.anyOf) {
    const name = refTarget(option.$ref);
    for (const type of samDefinitions[name].properties.Type.enum) mapping[type] = definition(name);
  }
  return { type: 'object', additionalProperties: { discriminator: { property: 'Type', mapping } } };
}

const resources = {};
for (const option of schema.properties.Resources.additionalProperties.anyOf) {
  const resource = samDefinitions[refTarget(option.$ref)];
  const type = resource?.properties?.Type?.enum?.[0];
  if (!type?.startsWith('AWS::Serverless::')) continue;
  const propertiesSchema = resource.properties.Properties;
  const propertiesDefinition = samDefinitions[refTarget(propertiesSchema.$ref ?? propertiesSchema.allOf[0].$ref)];
  resources[type] = convert(propertiesDefinition);
  const events = propertiesDefinition.properties?.Events;
  if (events) resources[type].properties.Events = eventsByType(events);
}
definition(refTarget(schema.properties.Globals.$ref));

// ---- what the SAM transform accepts beyond its schema ----
// Every valid input of the SAM translator's own tests is accepted by SAM; these keys appear there and the
// transform reads (or knowingly ignores) them though sam.schema.json leaves them out.
const RULE_STATE = () => cfn.resources['AWS::Events::Rule'].properties.State;
const RULE_NAME = () => cfn.resources['AWS::Events::Rule'].properties.Name;
const ENABLED = () => ({ type: 'boolean' });
const ACCEPTED_BEYOND_SCHEMA = [
  // EventBridgeRule and CloudWatchEvent are one event source in the transform (samtranslator/model/eventsources/push.py
  // CloudWatchEvent/EventBridgeRule): both take the rule's State, Enabled and RuleName.
  ['aws_serverless_function__CloudWatchEventProperties', { RuleName: RULE_NAME }],
  ['aws_serverless_function__EventBridgeRuleEventProperties', { State: RULE_STATE, Enabled: ENABLED }],
  [
    'aws_serverless_statemachine__CloudWatchEventProperties',
    { State: RULE_STATE, Enabled: ENABLED, RuleName: RULE_NAME },
  ],
  ['aws_serverless_statemachine__EventBridgeRuleEventProperties', { State: RULE_STATE, Enabled: ENABLED }],
  // A REST API's Lambda authorizer ignores the HTTP API authorizer's settings rather than rejecting them.
  ['LambdaTokenAuthorizer', { EnableSimpleResponses: () => ({}), AuthorizerPayloadFormatVersion: () => ({}) }],
  ['LambdaRequestAuthorizer', { EnableSimpleResponses: () => ({}), AuthorizerPayloadFormatVersion: () => ({}) }],
  // The transform reads either spelling of the VPC endpoint list.
  ['EndpointConfiguration', { VpcEndpointIds: () => definitions.EndpointConfiguration.properties.VPCEndpointIds }],
  // Event source mappings' OnFailure takes the destination's Type (SQS, SNS, S3) for the policy SAM writes.
  ['AWS::Lambda::EventSourceMapping.OnFailure', { Type: () => ({ type: 'string' }) }],
];
for (const [name, extra] of ACCEPTED_BEYOND_SCHEMA) {
  const node = definitions[name];
  for (const [key, schemaOf] of Object.entries(extra)) {
    if (node.properties[key])
      throw new Error(`${name}.${key} is in SAM's schema now: remove it from ACCEPTED_BEYOND_SCHEMA`);
    node.properties = { ...node.properties, [key]: schemaOf() };
  }
}

const sorted = (record) => Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
const file = {
  source:
    `https://github.com/aws/serverless-application-model commit ${commit}, schema_source/sam.schema.json; ` +
    `pass-through properties from data/cfn-schemas/; regenerate: node scripts/update-sam-schemas.mjs <folder ` +
    `holding sam.schema.json>`,
  licence:
    'Apache-2.0 (SAM schema; see data/LICENSE-Apache-2.0), MIT (CloudFormation schemas from ' +
    '@awboost/cfn-resource-types; see data/cfn-schemas.NOTICE)',
  generated: new Date().toISOString().slice(0, 10),
  resources: sorted(resources),
  definitions: sorted(definitions),
};
const corrections = applyCorrections(file, 'sam');
const combinations = applyCombinations(file, 'sam');
const addedEnums = applyEnums(file, 'sam');
const size = writeValidationSchemas('sam-schemas', file);
const eventTypes = Object.values(resources).flatMap((r) =>
  Object.keys(r.properties?.Events?.additionalProperties?.discriminator?.mapping ?? {}),
);
console.log(
  `${Object.keys(resources).length} SAM resource types, ${eventTypes.length} event ` +
    `types, ${Object.keys(definitions).length} definitions → data/sam-schemas.json (${size} bytes)`,
);
console.log(
  `${counts.passThrough} pass-through properties from CloudFormation by schema ` +
    `path, ${counts.documentedPassThrough} by their documentation, ${counts.intrinsicBranches} intrinsic-function ` +
    `branches collapsed, ${corrections} corrections from schema-corrections.json, ${combinations} ` +
    `combinations, ${addedEnums} enums from schema-enums.json`,
);
console.log(
  `pass-through properties CloudFormation does not know (accepted as ` +
    `anything): ${counts.passThroughMissing.length} ${counts.passThroughMissing.join(' ')}`,
);
