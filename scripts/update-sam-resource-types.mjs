// Regenerates data/sam-resource-types.json: the SAM resource types with their properties, the event
// types each accepts and the policy templates with their parameters, for completion and hover.
// Source: aws/serverless-application-model, schema_source/sam.schema.json and
// samtranslator/policy_templates_data/policy_templates.json (Apache-2.0).
// Run: node scripts/update-sam-resource-types.mjs [folder holding both files]  (default ../shared/corpus/sam-data)
import { existsSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { firstSentence, shortDoc } from './schema-text.mjs';

const folder = path.resolve(process.argv[2] ?? new URL('../../shared/corpus/sam-data', import.meta.url).pathname);
if (!existsSync(path.join(folder, 'sam.schema.json'))) {
  console.error(
    `sam.schema.json not found in ${folder}; pass the folder holding sam.schema.json and policy_templates.json`,
  );
  process.exit(2);
}
const schema = JSON.parse(readFileSync(path.join(folder, 'sam.schema.json'), 'utf8'));
const policyTemplates = JSON.parse(readFileSync(path.join(folder, 'policy_templates.json'), 'utf8'));
const commit = existsSync(path.join(folder, 'SOURCE_COMMIT'))
  ? readFileSync(path.join(folder, 'SOURCE_COMMIT'), 'utf8').trim()
  : 'unknown commit';
const definitions = schema.definitions;

const refName = (ref) => ref?.replace('#/definitions/', '');
/** The definition a property points at, when that definition has properties of its own. */
function nestedDefinition(p) {
  const ref = p.$ref ?? p.allOf?.[0]?.$ref ?? p.items?.$ref ?? p.additionalProperties?.$ref;
  const name = refName(ref);
  return name && definitions[name]?.properties ? name : undefined;
}

/** SAM documents each property as markdown with `*Type*:`, `*Required*:` and `*Valid values*:` lines. */
function describe(p) {
  const markdown = p.markdownDescription ?? p.__samPassThrough?.markdownDescriptionOverride ?? '';
  const line = (label) => new RegExp(`\\*${label}\\*: ([^\\n]*)`).exec(markdown)?.[1]?.trim();
  const prose = markdown.split(/\s*\n\*(Type|Required|Valid values|Default|CloudFormation compatibility)\*/)[0];
  const type = (line('Type') ?? '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/\\\$1/g, '|')
    .trim();
  const valid = line('Valid values');
  const values = valid ? [...valid.matchAll(/`([^`]+)`/g)].map((m) => m[1]) : (p.enum ?? undefined);
  return {
    doc: firstSentence(prose.replace(/ {2}$/gm, '')),
    type: type || 'Json',
    required: line('Required')?.startsWith('Yes') || undefined,
    values: values?.length ? values : undefined,
  };
}

const types = {};
function propertiesOf(definitionName) {
  const out = {};
  for (const [name, p] of Object.entries(definitions[definitionName]?.properties ?? {})) {
    const nested = nestedDefinition(p);
    if (nested && !(nested in types)) {
      types[nested] = null; // reserve first: definitions can refer to themselves
      types[nested] = { name: nested.split('__').pop(), props: propertiesOf(nested) };
    }
    out[name] = { ...describe(p), ...(nested ? { ref: nested } : {}) };
  }
  return out;
}

/** Event definitions listed under a resource's `Events`: their `Type` enum, doc and properties. */
function eventsOf(propertiesDefinition) {
  const events = definitions[propertiesDefinition]?.properties?.Events;
  const out = {};
  for (const option of events?.additionalProperties?.anyOf ?? []) {
    const definition = definitions[refName(option.$ref)];
    const type = definition?.properties?.Type?.enum?.[0];
    if (!type) continue;
    const props = definition.properties.Properties;
    const propsDefinition = refName(props?.allOf?.[0]?.$ref ?? props?.$ref);
    out[type] = {
      doc: firstSentence(describe(definition.properties.Type).doc || `${type} event`),
      props: propsDefinition ? propertiesOf(propsDefinition) : {},
    };
  }
  return out;
}

const resources = {};
const events = {};
for (const option of schema.properties.Resources.additionalProperties.anyOf) {
  const name = refName(option.$ref);
  const type = definitions[name]?.properties?.Type?.enum?.[0];
  if (!type?.startsWith('AWS::Serverless::')) continue;
  const propertiesDefinition = refName(
    definitions[name].properties.Properties?.$ref ?? definitions[name].properties.Properties?.allOf?.[0]?.$ref,
  );
  resources[type] = {
    doc: shortDoc(definitions[propertiesDefinition]?.markdownDescription ?? ''),
    props: propertiesOf(propertiesDefinition),
  };
  const eventTypes = eventsOf(propertiesDefinition);
  if (Object.keys(eventTypes).length > 0) events[type] = eventTypes;
}

const policies = {};
for (const [name, t] of Object.entries(policyTemplates.Templates)) {
  policies[name] = { doc: t.Description ?? '', params: Object.keys(t.Parameters ?? {}) };
}

const out = {
  source:
    `aws/serverless-application-model ${commit}: schema_source/sam.schema.json, ` +
    `samtranslator/policy_templates_data/policy_templates.json`,
  licence: 'Apache-2.0',
  generated: new Date().toISOString().slice(0, 10),
  resources,
  events,
  types,
  policyTemplates: policies,
};
writeFileSync(new URL('../data/sam-resource-types.json', import.meta.url), JSON.stringify(out));
console.log(
  `${Object.keys(resources).length} SAM resource types, ${Object.keys(policies).length} policy templates → ` +
    `data/sam-resource-types.json`,
);
