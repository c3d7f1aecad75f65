import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../../../src/core';
import { analyzeTemplate } from '../../../src/core/rules';
import { samValidation } from '../../../src/core/rules/sam-validation';
import { SHARED, hasShared } from '../helpers';
import { TODAY } from './rule-tester';

/**
 * The SAM translator's own test inputs: `error_*` ones the transform rejects (with its message beside them in
 * output/), the others it accepts. sam-validation must say nothing on the accepted ones and report as many of
 * the rejected ones as it can; some are rejected only for their schema shape, which the schema-* rules report.
 */
const CORPUS = path.join(SHARED, 'corpus', 'sam-translator');

/** Rejected inputs reported when this test was last raised; a regression fails here. */
const FLOOR = 144;

function findingsOn(file: string): string[] {
  const text = fs.readFileSync(path.join(CORPUS, 'input', file), 'utf8');
  const template = loadTemplate(text, file);
  if (!template) return [];
  const result = analyzeTemplate(template, { today: TODAY }, [samValidation]);
  assert.deepEqual(result.crashes, [], `sam-validation crashed on ${file}`);
  return result.findings.map((f) => {
    const { line, column } = template.lines.oneBased(f.span);
    return `${file}:${line}:${column} ${f.message}`;
  });
}

describe('sam-validation on the SAM translator corpus', function () {
  this.timeout(120_000);
  let inputs: string[] = [];

  before(function () {
    if (!hasShared || !fs.existsSync(CORPUS)) {
      console.log(`    skipped: ${CORPUS} is missing (set SWB_SHARED to the shared folder)`);
      this.skip();
    }
    inputs = fs
      .readdirSync(path.join(CORPUS, 'input'))
      .filter((f) => f.endsWith('.yaml'))
      .sort();
  });

  it('reports nothing on any input the translator accepts', () => {
    const findings = inputs.filter((f) => !f.startsWith('error_')).flatMap(findingsOn);
    assert.deepEqual(findings, []);
  });

  it('reports the inputs the translator rejects, at least as many as the floor', () => {
    const rejected = inputs.filter((f) => f.startsWith('error_'));
    const reported = rejected.filter((f) => findingsOn(f).length > 0).length;
    const share = ((100 * reported) / rejected.length).toFixed(1);
    console.log(`    sam-validation: ${reported} of ${rejected.length} translator errors reported (${share}%)`);
    assert.ok(reported >= FLOOR, `sam-validation reports ${reported} translator errors, fewer than the floor ${FLOOR}`);
  });
});
