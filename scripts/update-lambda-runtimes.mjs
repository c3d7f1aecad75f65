// Regenerates data/lambda-runtimes.json from cfn-lint's Lambda runtime lifecycle table (MIT-0), which cfn-lint
// keeps in step with the "Lambda runtimes" page of the AWS docs.
//   node scripts/update-lambda-runtimes.mjs [path-or-url]
// Default source: ../shared/corpus/lambda-runtimes/LmbdRuntimeLifecycle.json; with internet, pass
// https://raw.githubusercontent.com/aws-cloudformation/cfn-lint/main/src/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json
import { readFileSync, writeFileSync } from 'fs';
import { fileURLToPath } from 'url';
import path from 'path';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const source = process.argv[2] ?? path.resolve(root, '../shared/corpus/lambda-runtimes/LmbdRuntimeLifecycle.json');

/**
 * Runtime ids that Lambda's API accepts (botocore `Runtime` enum, 2026-08-07) but cfn-lint's table does not
 * list yet. Their dates come from endoflife.date where known (Lambda developer guide, "Lambda runtimes").
 */
const ADDITIONS = {
  'java8.al2023': { deprecated: '2029-06-30', createBlock: null, updateBlock: '2029-08-31', successor: null },
  'java11.al2023': { deprecated: '2029-06-30', createBlock: null, updateBlock: '2029-08-31', successor: null },
  'java17.al2023': { deprecated: '2029-06-30', createBlock: null, updateBlock: '2029-08-31', successor: null },
  'nodejs26.x': { deprecated: null, createBlock: null, updateBlock: null, successor: null },
  'python3.15': { deprecated: null, createBlock: null, updateBlock: null, successor: null },
};

const text = /^https?:/.test(source) ? await (await fetch(source)).text() : readFileSync(source, 'utf8');
const upstream = JSON.parse(text);
const runtimes = {};
for (const id of Object.keys(upstream).sort()) {
  const r = upstream[id];
  runtimes[id] = {
    deprecated: r.deprecated ?? null,
    createBlock: r['create-block'] ?? null,
    updateBlock: r['update-block'] ?? null,
    successor: r.successor ?? null,
  };
}
for (const [id, r] of Object.entries(ADDITIONS)) runtimes[id] ??= r;

let commit = 'main';
try {
  commit = readFileSync(path.join(path.dirname(source), 'SOURCE_COMMIT'), 'utf8').trim();
} catch {
  // A URL or a copy without its SOURCE_COMMIT: name the branch.
}
const out = {
  source:
    `aws-cloudformation/cfn-lint src/cfnlint/data/AdditionalSpecs/LmbdRuntimeLifecycle.json (${commit}), from ` +
    `the AWS "Lambda runtimes" page; additions from the botocore Runtime enum and endoflife.date (see ` +
    `scripts/update-lambda-runtimes.mjs)`,
  licence: 'MIT-0 (cfn-lint data)',
  date: new Date().toISOString().slice(0, 10),
  fields:
    'deprecated: end of security patches; createBlock: new functions rejected; updateBlock: updates rejected; ' +
    'successor: the runtime to move to (null = current)',
  runtimes,
};
writeFileSync(path.join(root, 'data/lambda-runtimes.json'), `${JSON.stringify(out, null, 2)}\n`);
console.log(`data/lambda-runtimes.json: ${Object.keys(runtimes).length} runtimes from ${source}`);
