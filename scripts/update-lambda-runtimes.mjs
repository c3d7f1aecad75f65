// Regenerates data/lambda-runtimes.json: every Lambda runtime id with its deprecation, block-create and
// block-update dates and its successor. Source: aws-cloudformation/cfn-lint,
// src/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json (MIT-0).
// Run: node scripts/update-lambda-runtimes.mjs [folder holding LmbdRuntimeLifecycle.json]  (default ../shared/corpus/lambda-runtimes)
import { existsSync, readFileSync, writeFileSync } from 'fs';
import path from 'path';

const folder = path.resolve(process.argv[2] ?? new URL('../../shared/corpus/lambda-runtimes', import.meta.url).pathname);
const file = path.join(folder, 'LmbdRuntimeLifecycle.json');
if (!existsSync(file)) {
  console.error(`LmbdRuntimeLifecycle.json not found in ${folder}; pass the folder that holds it`);
  process.exit(2);
}
const commit = existsSync(path.join(folder, 'SOURCE_COMMIT')) ? readFileSync(path.join(folder, 'SOURCE_COMMIT'), 'utf8').trim() : 'unknown commit';
const out = {
  source: `aws-cloudformation/cfn-lint ${commit}: src/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json`,
  licence: 'MIT-0',
  generated: new Date().toISOString().slice(0, 10),
  runtimes: JSON.parse(readFileSync(file, 'utf8')),
};
writeFileSync(new URL('../data/lambda-runtimes.json', import.meta.url), `${JSON.stringify(out, null, 1)}\n`);
console.log(`${Object.keys(out.runtimes).length} runtimes → data/lambda-runtimes.json`);
