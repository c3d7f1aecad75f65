// Regenerates data/cfn-resource-types.json: every CloudFormation resource type with its properties,
// attributes, short documentation and allowed values, for completion and hover.
// Source: the npm package @aws-cdk/aws-service-spec (Apache-2.0), a database built from the CloudFormation
// registry schemas and the CloudFormation documentation. Run: node scripts/update-cfn-resource-types.mjs
import { readFileSync, writeFileSync } from 'fs';
import { createRequire } from 'module';
import { gunzipSync } from 'zlib';
import { compactType, firstSentence, shortDoc } from './schema-text.mjs';

const require = createRequire(import.meta.url);
const packageJson = require.resolve('@aws-cdk/aws-service-spec/package.json');
const { version } = JSON.parse(readFileSync(packageJson, 'utf8'));
const db = JSON.parse(gunzipSync(readFileSync(new URL('db.json.gz', `file://${packageJson}`))).toString('utf8')).schema;

const typeDefinitions = new Map(db.typeDefinition.entities.map((t) => [t.$id, t]));
const usedTypes = new Map();

/** A property type as a short string, remembering nested definitions so that they are written once. */
function typeName(type) {
  return compactType(type, (ref) => {
    const definition = typeDefinitions.get(ref);
    if (!definition) return 'Json';
    usedTypes.set(ref, definition);
    return { name: definition.name, ref };
  });
}

function propertiesOf(properties) {
  const out = {};
  for (const [name, p] of Object.entries(properties ?? {})) {
    const { text, ref, values } = typeName(p.type);
    out[name] = {
      doc: firstSentence(p.documentation),
      type: text,
      ...(p.required ? { required: true } : {}),
      ...(values ? { values } : {}),
      ...(ref ? { ref } : {}),
    };
  }
  return out;
}

const resources = {};
for (const r of db.resource.entities.sort((a, b) => a.cloudFormationType.localeCompare(b.cloudFormationType))) {
  const attributes = {};
  for (const [name, a] of Object.entries(r.attributes ?? {})) attributes[name] = shortDoc(a.documentation);
  // `!Ref` returns a resource's primary identifier for nearly every registry type.
  const ref = r.primaryIdentifier?.length === 1 ? { ref: r.primaryIdentifier[0] } : {};
  resources[r.cloudFormationType] = {
    doc: shortDoc(r.documentation),
    props: propertiesOf(r.properties),
    attrs: attributes,
    ...ref,
  };
}
// Nested definitions can use further definitions: keep resolving until nothing new appears.
const types = {};
for (
  let pending = [...usedTypes.keys()];
  pending.length > 0;
  pending = [...usedTypes.keys()].filter((k) => !(k in types))
) {
  for (const ref of pending) {
    const definition = usedTypes.get(ref);
    types[ref] = { name: definition.name, props: propertiesOf(definition.properties) };
  }
}

// Two files, because completing a nested property is rarer than completing a type or a top-level property,
// and each is read only when first needed.
const header = {
  source: `npm @aws-cdk/aws-service-spec ${version} (db.json.gz: CloudFormation registry schemas and documentation)`,
  licence: 'Apache-2.0',
  generated: new Date().toISOString().slice(0, 10),
};
writeFileSync(new URL('../data/cfn-resource-types.json', import.meta.url), JSON.stringify({ ...header, resources }));
writeFileSync(new URL('../data/cfn-property-types.json', import.meta.url), JSON.stringify({ ...header, types }));
console.log(
  `${Object.keys(resources).length} resource types → data/cfn-resource-types.json, ${Object.keys(types).length} ` +
    `property types → data/cfn-property-types.json`,
);
