import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { CORPUS_FOLDERS, snapshotFile, snapshotOf } from '../../snapshots/corpus-findings';
import { hasShared, SHARED } from '../helpers';

/** Lines shown per side of a changed snapshot; the counts by rule say the rest. */
const SHOWN_LINES = 15;

/**
 * What changed between the saved findings and today's, worded for a person: the change in count per rule, then
 * the first lines that disappeared and appeared (order is by file and position, so a moved finding shows as both).
 */
function describeChange(saved: string, now: string): string {
  const count = (text: string): Map<string, number> => {
    const counts = new Map<string, number>();
    for (const line of text.split('\n').filter(Boolean)) counts.set(line, (counts.get(line) ?? 0) + 1);
    return counts;
  };
  const before = count(saved);
  const after = count(now);
  const only = (a: Map<string, number>, b: Map<string, number>) =>
    [...a].flatMap(([line, n]) => Array<string>(Math.max(0, n - (b.get(line) ?? 0))).fill(line));
  const removed = only(before, after);
  const added = only(after, before);
  const byRule = new Map<string, number>();
  const ruleOf = (line: string) =>
    / (?:error|warning|info) (\S+) /.exec(line)?.[1] ?? line.split(' ').slice(1, 3).join(' ');
  for (const line of removed) byRule.set(ruleOf(line), (byRule.get(ruleOf(line)) ?? 0) - 1);
  for (const line of added) byRule.set(ruleOf(line), (byRule.get(ruleOf(line)) ?? 0) + 1);
  const rules = [...byRule].filter(([, n]) => n !== 0).map(([id, n]) => `${n > 0 ? '+' : ''}${n} ${id}`);
  const show = (sign: string, lines: string[]) => [
    ...lines.slice(0, SHOWN_LINES).map((l) => `  ${sign} ${l}`),
    ...(lines.length > SHOWN_LINES ? [`  ${sign} ... ${lines.length - SHOWN_LINES} more`] : []),
  ];
  return [
    `${removed.length} findings gone, ${added.length} new${rules.length > 0 ? ` (${rules.join(', ')})` : ''}:`,
    ...show('-', removed),
    ...show('+', added),
  ].join('\n');
}

describe('findings of every rule over the shared corpus, against the saved snapshot', function () {
  this.timeout(60_000);
  before(function () {
    if (!hasShared) {
      console.log(`    (skipped: ${SHARED}/corpus is missing)`);
      this.skip();
    }
  });

  for (const folder of CORPUS_FOLDERS) {
    it(
      `${folder.dir}: no rule throws and the findings are those in ` +
        `test/snapshots/corpus-findings/${folder.name}.txt`,
      async () => {
        const now = await snapshotOf(path.join(SHARED, 'corpus'), folder);
        assert.deepEqual(
          now.split('\n').filter((l) => / CRASH /.test(l)),
          [],
          'a rule threw',
        );
        const file = snapshotFile(folder);
        const saved = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '';
        if (now !== saved) {
          assert.fail(
            `The findings on ${folder.dir} changed; if that is intended, run \`npm run snapshot\` and review the ` +
              `diff.\n${describeChange(saved, now)}`,
          );
        }
      },
    );
  }
});
