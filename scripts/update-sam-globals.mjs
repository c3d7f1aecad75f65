// Regenerates data/sam-globals.json: which properties each SAM Globals section accepts.
// Sources (all from aws/serverless-application-model, Apache-2.0, in ../shared/corpus):
//   - sam-data/sam.schema.json: the `<type>__Globals` definitions;
//   - sam-translator/output/error_*.json: the translator's own "Must be one of the following values - [...]" lists,
//     which name properties the schema lacks (FileSystemConfigs, FunctionUrlConfig, ...);
//   - sam-translator/input/*.yaml without errors: Globals keys the translator accepted.
// Usage: node scripts/update-sam-globals.mjs [path/to/shared/corpus]
import fs from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';
import YAML from 'yaml';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const corpus = process.argv[2] ?? process.env.SWB_SHARED_CORPUS ?? path.resolve(root, '../shared/corpus');
const schema = JSON.parse(fs.readFileSync(path.join(corpus, 'sam-data/sam.schema.json'), 'utf8'));
const translator = path.join(corpus, 'sam-translator');
const commit = fs.readFileSync(path.join(translator, 'SOURCE_COMMIT'), 'utf8').trim();

const sections = new Map();
const accept = (section, property) => {
  if (!sections.has(section)) sections.set(section, new Set());
  sections.get(section).add(property);
};

const main = schema.definitions['__main____Globals'].properties;
for (const [section, ref] of Object.entries(main)) {
  sections.set(section, new Set());
  const name = (ref.$ref ?? ref.allOf?.[0]?.$ref ?? '').split('/').pop();
  for (const property of Object.keys(schema.definitions[name]?.properties ?? {})) accept(section, property);
}

for (const file of fs
  .readdirSync(path.join(translator, 'output'))
  .filter((f) => f.startsWith('error_') && f.endsWith('.json'))) {
  const message = JSON.parse(fs.readFileSync(path.join(translator, 'output', file), 'utf8')).errorMessage ?? '';
  const m = /is not a supported property of '(\w+)'\. Must be one of the following values - \[([^\]]*)\]/.exec(message);
  if (m) for (const property of m[2].split(',').map((s) => s.trim().replace(/^'|'$/g, ''))) accept(m[1], property);
}

for (const file of fs
  .readdirSync(path.join(translator, 'input'))
  .filter((f) => !f.startsWith('error_') && f.endsWith('.yaml'))) {
  const doc = YAML.parse(fs.readFileSync(path.join(translator, 'input', file), 'utf8'), {
    logLevel: 'silent',
    customTags: [],
  });
  for (const [section, properties] of Object.entries(doc?.Globals ?? {})) {
    if (sections.has(section) && properties && typeof properties === 'object')
      for (const p of Object.keys(properties)) accept(section, p);
  }
}

const data = {
  source:
    `aws/serverless-application-model ${commit}: schema_source Globals definitions, translator error messages ` +
    `and accepted test inputs (tests/translator)`,
  licence: 'Apache-2.0',
  generatedBy: 'scripts/update-sam-globals.mjs',
  sections: Object.fromEntries(
    [...sections].sort(([a], [b]) => a.localeCompare(b)).map(([s, props]) => [s, [...props].sort()]),
  ),
};
fs.writeFileSync(path.join(root, 'data/sam-globals.json'), `${JSON.stringify(data, null, 2)}\n`);
console.log(
  `data/sam-globals.json: ${sections.size} sections, ${[...sections.values()].reduce((n, s) => n + s.size, 0)} ` +
    `properties`,
);
