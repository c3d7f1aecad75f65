import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../../../src/core';
import { analyzeTemplate } from '../../../src/core/rules';
import { hasShared, SHARED } from '../helpers';
import { TODAY } from './rule-tester';
import { SCHEMAS } from './schema-catalog';

/** Every template of the shared corpus: SAM translator inputs (valid and error cases) and Serverless v3 fixtures. */
function corpusFiles(): string[] {
  const sam = path.join(SHARED, 'corpus/sam-translator/input');
  const files = fs.readdirSync(sam).filter((f) => /\.ya?ml$/.test(f)).map((f) => path.join(sam, f));
  const walk = (dir: string): void => {
    for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, e.name);
      if (e.isDirectory()) walk(full);
      else if (/^serverless\.(ya?ml|json)$/.test(e.name)) files.push(full);
    }
  };
  walk(path.join(SHARED, 'corpus/serverless-v3-fixtures'));
  return files;
}

describe('every rule over the shared corpus', function () {
  before(function () {
    if (!hasShared) {
      console.log(`    (skipped: ${SHARED}/corpus is missing)`);
      this.skip();
    }
  });

  it('no rule throws on any template, and the findings per rule are printed', () => {
    const counts = new Map<string, { findings: number; valid: number; error: number }>();
    const crashes: string[] = [];
    let templates = 0;
    for (const file of corpusFiles()) {
      const template = loadTemplate(fs.readFileSync(file, 'utf8'), file);
      if (!template) continue;
      templates++;
      const result = analyzeTemplate(template, { today: TODAY, schemas: SCHEMAS });
      crashes.push(...result.crashes.map((c) => `${path.basename(file)}: ${c.ruleId}: ${c.message}`));
      const fired = new Set(result.findings.map((f) => f.ruleId));
      for (const f of result.findings) {
        const c = counts.get(f.ruleId) ?? { findings: 0, valid: 0, error: 0 };
        c.findings++;
        counts.set(f.ruleId, c);
      }
      for (const id of fired) counts.get(id)![path.basename(file).startsWith('error_') ? 'error' : 'valid']++;
    }
    const rows = [...counts].sort((a, b) => b[1].findings - a[1].findings)
      .map(([id, c]) => `      ${id.padEnd(40)} ${String(c.findings).padStart(5)} findings in ${c.valid} valid and ${c.error} error_* templates`);
    console.log(`    ${templates} templates (today ${TODAY}):\n${rows.join('\n')}`);
    assert.deepEqual(crashes, []);
    assert.ok(templates > 800, `${templates} templates read`);
  });
});
