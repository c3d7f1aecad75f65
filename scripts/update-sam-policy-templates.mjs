// Regenerates data/sam-policy-templates.json from SAM's policy_templates.json (Apache-2.0).
// Usage: node scripts/update-sam-policy-templates.mjs [path/to/policy_templates.json]
// Default source: ../shared/corpus/sam-data/policy_templates.json (a copy of
// aws/serverless-application-model samtranslator/policy_templates_data/policy_templates.json).
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { fileURLToPath } from 'url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const source = resolve(process.argv[2] ?? join(root, '../shared/corpus/sam-data/policy_templates.json'));
if (!existsSync(source)) {
  console.error(`policy templates not found at ${source}; pass the path to SAM's policy_templates.json`);
  process.exit(1);
}
const upstream = JSON.parse(readFileSync(source, 'utf8'));
const commitFile = join(dirname(source), 'SOURCE_COMMIT');
const [commit, date] = existsSync(commitFile)
  ? readFileSync(commitFile, 'utf8').trim().split(/\s+/)
  : ['unknown', 'unknown'];

// Only what the analysis needs: parameter names, description and the statements (Definition).
const templates = {};
for (const [name, t] of Object.entries(upstream.Templates).sort(([a], [b]) => a.localeCompare(b))) {
  templates[name] = {
    description: t.Description,
    parameters: Object.keys(t.Parameters ?? {}),
    statements: t.Definition.Statement,
  };
}
const out = {
  source:
    'https://github.com/aws/serverless-application-model/blob/develop/samtranslator/policy_templates_data/policy_templates.json',
  sourceCommit: commit,
  sourceDate: date,
  licence: 'Apache-2.0 (see data/sam-policy-templates.NOTICE and data/LICENSE-Apache-2.0)',
  generatedBy: 'scripts/update-sam-policy-templates.mjs',
  templates,
};
writeFileSync(join(root, 'data/sam-policy-templates.json'), `${JSON.stringify(out, null, 1)}\n`);
for (const [from, to] of [
  ['NOTICE', 'sam-policy-templates.NOTICE'],
  ['LICENSE', 'LICENSE-Apache-2.0'],
]) {
  if (existsSync(join(dirname(source), from))) copyFileSync(join(dirname(source), from), join(root, 'data', to));
}
console.log(`wrote ${Object.keys(templates).length} policy templates from ${commit}`);
