import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { deployedResources, loadTemplate } from '../../../src/core';
import { SHARED, hasShared } from '../helpers';

/**
 * Every non-error input of the SAM translator's own test suite, compared with the CloudFormation the
 * translator produces: the (logical ID, type) pairs our model lists for the deployed template against the
 * expected output's Resources. IDs ending in a 10-hex hash compare by prefix (see collector.ts hashedId).
 */
const CORPUS = path.join(SHARED, 'corpus', 'sam-translator');
const REPORT = path.resolve(__dirname, '../../../test-results/sam-corpus.txt');

/** Measured when this test was written; raise them when the model gets better, never lower them. */
const FLOOR = { exactTemplates: 542, matchedResources: 4178 };

const HASH_SUFFIX = /[0-9a-f]{10}$/;

/** A hash suffix is 10 lower-case hex digits with at least one digit (a word like `Deadbeefed` is no hash). */
function normalise(logicalId: string): string {
  const m = HASH_SUFFIX.exec(logicalId);
  return m && /[0-9]/.test(m[0]) ? `${logicalId.slice(0, -10)}#` : logicalId;
}

function keysOf(pairs: Iterable<{ logicalId: string; type: string }>): string[] {
  return [...pairs].map((p) => `${normalise(p.logicalId)} ${p.type}`).sort();
}

function difference(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const k of b) counts.set(k, (counts.get(k) ?? 0) + 1);
  const out: string[] = [];
  for (const k of a) {
    const n = counts.get(k) ?? 0;
    if (n > 0) counts.set(k, n - 1);
    else out.push(k);
  }
  return out;
}

function skipWithoutCorpus(context: Mocha.Context): void {
  if (!hasShared || !fs.existsSync(CORPUS)) {
    console.log(`    skipped: ${CORPUS} is missing (set SWB_SHARED to the shared folder)`);
    context.skip();
  }
}

describe('SAM translator corpus', function () {
  this.timeout(120_000);
  it('lists the resources the SAM transform deploys, for every valid translator input', function () {
    skipWithoutCorpus(this);
    const inputs = fs.readdirSync(path.join(CORPUS, 'input')).filter((f) => f.endsWith('.yaml') && !f.startsWith('error_')).sort();
    let exact = 0;
    let compared = 0;
    let expectedTotal = 0;
    let matched = 0;
    let extraTotal = 0;
    const lines: string[] = [];
    for (const file of inputs) {
      const outputFile = path.join(CORPUS, 'output', file.replace(/\.yaml$/, '.json'));
      if (!fs.existsSync(outputFile)) continue;
      const expectedResources = (JSON.parse(fs.readFileSync(outputFile, 'utf8')) as { Resources?: Record<string, { Type: unknown }> }).Resources ?? {};
      // A resource without a string Type passes through the translator as written; the model calls its type 'Unknown'.
      const expected = keysOf(Object.entries(expectedResources).map(([logicalId, r]) => ({ logicalId, type: typeof r.Type === 'string' ? r.Type : 'Unknown' })));
      const template = loadTemplate(fs.readFileSync(path.join(CORPUS, 'input', file), 'utf8'), file);
      const actual = template ? keysOf(deployedResources(template.resources)) : [];
      compared++;
      const missing = difference(expected, actual);
      const extra = difference(actual, expected);
      expectedTotal += expected.length;
      matched += expected.length - missing.length;
      extraTotal += extra.length;
      if (missing.length === 0 && extra.length === 0) exact++;
      else lines.push(`${file}\n${missing.map((k) => `  missing ${k}`).concat(extra.map((k) => `  extra   ${k}`)).join('\n')}`);
    }
    const summary = `SAM corpus: ${exact}/${compared} templates exact; resources ${matched}/${expectedTotal} matched, ${extraTotal} extra`;
    fs.mkdirSync(path.dirname(REPORT), { recursive: true });
    fs.writeFileSync(REPORT, `${summary}\n\n${lines.join('\n')}\n`);
    console.log(`    ${summary} (mismatches in ${path.relative(process.cwd(), REPORT)})`);
    assert.ok(exact >= FLOOR.exactTemplates, `${summary}: fewer exact templates than the floor ${FLOOR.exactTemplates}`);
    assert.ok(matched >= FLOOR.matchedResources, `${summary}: fewer matched resources than the floor ${FLOOR.matchedResources}`);
  });

  it('builds a model without an internal error for every translator input, the 287 error cases included', function () {
    skipWithoutCorpus(this);
    const failures: string[] = [];
    for (const file of fs.readdirSync(path.join(CORPUS, 'input')).filter((f) => f.endsWith('.yaml'))) {
      const template = loadTemplate(fs.readFileSync(path.join(CORPUS, 'input', file), 'utf8'), file);
      for (const p of template?.problems ?? []) if (/could not build the model/.test(p.message)) failures.push(`${file}: ${p.message}`);
    }
    assert.deepEqual(failures, []);
  });
});
