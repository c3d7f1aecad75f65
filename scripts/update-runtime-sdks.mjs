// Checks data/lambda-runtime-sdks.json against data/lambda-runtimes.json, and with --refresh first sets the
// JavaScript v3 version to the newest @aws-sdk/client-s3 in the npm registry (the registry npm is configured with).
//   node scripts/update-runtime-sdks.mjs [--refresh]
// The Lambda developer guide lists no version per runtime any more ("Runtime-included SDK versions" in
// lambda-nodejs.html and lambda-python.html: the version depends on the runtime version and the Region), so the
// versions are the registry's; see the file's "versions" note. Exits 1, naming each problem, when the file is wrong.
import { execFileSync } from 'child_process';
import { readFileSync, writeFileSync } from 'fs';
import path from 'path';
import { fileURLToPath } from 'url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const file = path.join(root, 'data/lambda-runtime-sdks.json');
const data = JSON.parse(readFileSync(file, 'utf8'));
const runtimes = Object.keys(JSON.parse(readFileSync(path.join(root, 'data/lambda-runtimes.json'), 'utf8')).runtimes);

/** The v3 clients share one version line; client-s3 is published at every release. */
const V3_PROBE = '@aws-sdk/client-s3';

if (process.argv.includes('--refresh')) {
  const v3 = data.sdks.find((sdk) => sdk.imports.includes('@aws-sdk/*'));
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  v3.version = execFileSync(npm, ['view', V3_PROBE, 'version'], { encoding: 'utf8' }).trim();
  data.date = new Date().toISOString().slice(0, 10);
}

const problems = [];
const VERSION = /^\d+\.(\d+\.\d+|x)$/;
const folders = new Set();
for (const sdk of data.sdks) {
  for (const key of ['family', 'name', 'version', 'registry']) {
    if (typeof sdk[key] !== 'string' || !sdk[key]) problems.push(`${sdk.name ?? '?'}: no ${key}`);
  }
  if (!['nodejs', 'python'].includes(sdk.family)) problems.push(`${sdk.name}: unknown family ${sdk.family}`);
  if (!VERSION.test(sdk.version)) problems.push(`${sdk.name}: version ${sdk.version} is neither 1.2.3 nor 1.x`);
  if (!Array.isArray(sdk.imports) || sdk.imports.length === 0) problems.push(`${sdk.name}: no imports`);
  // The cache folder is <family>/<version>: two SDKs there would share (and prune) each other's packages.
  const folder = `${sdk.family}/${sdk.version}`;
  if (folders.has(folder)) problems.push(`${sdk.name}: shares the cache folder ${folder}`);
  folders.add(folder);
  for (const runtime of sdk.runtimes) {
    if (!runtimes.includes(runtime)) problems.push(`${sdk.name}: ${runtime} is not in data/lambda-runtimes.json`);
    if (!runtime.startsWith(sdk.family)) problems.push(`${sdk.name}: ${runtime} is not a ${sdk.family} runtime`);
  }
}
// Every Node.js and Python runtime Lambda has had includes exactly one SDK.
for (const runtime of runtimes.filter((r) => /^(nodejs|python)/.test(r))) {
  const sdks = data.sdks.filter((sdk) => sdk.runtimes.includes(runtime)).map((sdk) => sdk.name);
  if (sdks.length !== 1) problems.push(`${runtime}: in ${sdks.length} SDK entries (${sdks.join(', ') || 'none'})`);
}

if (problems.length > 0) {
  for (const p of problems) console.error(`data/lambda-runtime-sdks.json: ${p}`);
  process.exit(1);
}
if (process.argv.includes('--refresh')) writeFileSync(file, `${JSON.stringify(data, null, 2)}\n`);
console.log(
  `data/lambda-runtime-sdks.json: ${data.sdks.map((s) => `${s.name} ${s.version} (${s.runtimes.length} runtimes)`).join('; ')}`,
);
