import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../../../src/core';
import { SHARED, hasShared } from '../helpers';
import { compareWithTranslator } from './sam-corpus-compare';

/**
 * Every non-error input of the SAM translator's own test suite, compared with the CloudFormation the
 * translator produces (see sam-corpus-compare.ts). Mismatches go to test-results/sam-corpus.txt;
 * `node scripts/sam-corpus-report.mjs [pattern] [--all]` shows them per template with reasons and lines.
 */
const CORPUS = path.join(SHARED, 'corpus', 'sam-translator');
const REPORT = path.resolve(__dirname, '../../../test-results/sam-corpus.txt');

/** Measured when this test was written (every template exact); a regression fails here. */
const FLOOR = { exactTemplates: 543, matchedResources: 4179, maxExtraResources: 0, exactIds: 3910 };

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
    const inputs = fs
      .readdirSync(path.join(CORPUS, 'input'))
      .filter((f) => f.endsWith('.yaml') && !f.startsWith('error_'))
      .sort();
    let exact = 0;
    let compared = 0;
    let expectedTotal = 0;
    let matched = 0;
    let extraTotal = 0;
    let exactIds = 0;
    const lines: string[] = [];
    for (const file of inputs) {
      const result = compareWithTranslator(CORPUS, file);
      if (!result) continue;
      compared++;
      expectedTotal += result.expected.length;
      matched += result.expected.length - result.missing.length;
      extraTotal += result.extra.length;
      exactIds += result.exactIds;
      if (result.missing.length === 0 && result.extra.length === 0) exact++;
      else
        lines.push(
          `${file}\n${result.missing
            .map((k) => `  missing ${k}`)
            .concat(result.extra.map((k) => `  extra   ${k}`))
            .join('\n')}`,
        );
    }
    const summary =
      `SAM corpus: ${exact}/${compared} templates exact; resources ${matched}/${expectedTotal} ` +
      `matched, ${extraTotal} extra; ` +
      `${exactIds}/${expectedTotal} logical IDs exact including hash suffixes`;
    fs.mkdirSync(path.dirname(REPORT), { recursive: true });
    fs.writeFileSync(REPORT, `${summary}\n\n${lines.join('\n')}\n`);
    console.log(`    ${summary} (mismatches in ${path.relative(process.cwd(), REPORT)})`);
    assert.ok(
      exact >= FLOOR.exactTemplates,
      `${summary}: fewer exact templates than the floor ${FLOOR.exactTemplates}`,
    );
    assert.ok(
      matched >= FLOOR.matchedResources,
      `${summary}: fewer matched resources than the floor ${FLOOR.matchedResources}`,
    );
    assert.ok(exactIds >= FLOOR.exactIds, `${summary}: fewer exact logical IDs than the floor ${FLOOR.exactIds}`);
    assert.ok(
      extraTotal <= FLOOR.maxExtraResources,
      `${summary}: more resources SAM does not generate than ${FLOOR.maxExtraResources}`,
    );
  });

  it('builds a model without an internal error for every translator input, the 287 error cases included', function () {
    skipWithoutCorpus(this);
    const failures: string[] = [];
    for (const file of fs.readdirSync(path.join(CORPUS, 'input')).filter((f) => f.endsWith('.yaml'))) {
      const template = loadTemplate(fs.readFileSync(path.join(CORPUS, 'input', file), 'utf8'), file);
      for (const p of template?.problems ?? [])
        if (/could not build the model/.test(p.message)) failures.push(`${file}: ${p.message}`);
    }
    assert.deepEqual(failures, []);
  });

  it(
    'survives broken variants of every translator input ' + '(a line deleted, a value replaced, a line indented)',
    function () {
      skipWithoutCorpus(this);
      let seed = 42;
      const random = (): number => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
      const mutations: ((line: string) => string | undefined)[] = [
        () => undefined,
        (line) => line.replace(/:\s.*$/, ': 5'),
        (line) => line.replace(/^(\s*)(\S)/, '$1  $2'),
      ];
      const failures: string[] = [];
      for (const file of fs.readdirSync(path.join(CORPUS, 'input')).filter((f) => f.endsWith('.yaml'))) {
        const lines = fs.readFileSync(path.join(CORPUS, 'input', file), 'utf8').split('\n');
        mutations.forEach((mutate, m) => {
          const at = Math.floor(random() * lines.length);
          const changed = mutate(lines[at]);
          const text = [
            ...lines.slice(0, at),
            ...(changed === undefined ? [] : [changed]),
            ...lines.slice(at + 1),
          ].join('\n');
          const template = loadTemplate(text, file);
          for (const p of template?.problems ?? [])
            if (/could not build the model/.test(p.message))
              failures.push(`${file} (mutation ${m} at line ${at + 1}): ${p.message}`);
        });
      }
      assert.deepEqual(failures, []);
    },
  );
});
