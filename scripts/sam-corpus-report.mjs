// Compares the model's deployed resources with the SAM translator's expected output, template by template.
// Usage: node scripts/sam-corpus-report.mjs [regex over input file names] [--all]
// Prints the resources only one side has (hash suffixes compared by prefix) for each mismatching template;
// with --all, every template that matches the pattern and each resource with its producer, line and reason.
import { createRequire } from 'module';
import fs from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';

const root = path.dirname(path.dirname(fileURLToPath(import.meta.url)));
const require = createRequire(import.meta.url);
require('./register-ts.cjs');
const { deployedResources } = require('../src/core/index.ts');
const { compareWithTranslator } = require('../test/unit/model/sam-corpus-compare.ts');

const args = process.argv.slice(2);
const all = args.includes('--all');
const pattern = new RegExp(args.find((a) => !a.startsWith('--')) ?? '.');
const corpus = path.join(process.env.SWB_SHARED ?? path.resolve(root, '../shared'), 'corpus/sam-translator');
if (!fs.existsSync(corpus)) {
  console.error(`${corpus} is missing: set SWB_SHARED to the shared folder`);
  process.exit(2);
}

let shown = 0;
for (const file of fs
  .readdirSync(path.join(corpus, 'input'))
  .filter((f) => !f.startsWith('error_') && pattern.test(f))
  .sort()) {
  const result = compareWithTranslator(corpus, file);
  if (!result || (!all && result.missing.length === 0 && result.extra.length === 0)) continue;
  shown++;
  console.log(`## ${file}`);
  for (const k of result.missing) console.log(`  missing ${k}`);
  for (const k of result.extra) console.log(`  extra   ${k}`);
  if (!all || !result.template) continue;
  for (const d of deployedResources(result.template.resources)) {
    const by = d.resource.generatedBy;
    const line = result.template.lines.oneBased(d.resource.idSpan).line;
    console.log(`  ${d.logicalId} ${d.type}${by ? `  ← ${by.logicalId}, line ${line}: ${by.reason}` : ''}`);
  }
}
console.log(`${shown} template(s) listed`);
