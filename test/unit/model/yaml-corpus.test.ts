import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { parseJson } from '../../../src/core/model/parse-json';
import { parseYaml } from '../../../src/core/model/parse-yaml';
import { SHARED, hasShared } from '../helpers';

/**
 * Every template AWS's own tools accept must read without a syntax error: the SAM translator's valid
 * inputs (it loads them with PyYAML), cfn-lint's `good` templates and the Serverless Framework's fixtures.
 */
const CORPUS = path.join(SHARED, 'corpus');

function filesUnder(dir: string, name: RegExp): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return filesUnder(full, name);
    return name.test(entry.name) ? [full] : [];
  });
}

describe('templates AWS tools accept read without syntax errors', function () {
  this.timeout(120_000);

  it("the SAM translator's valid inputs, cfn-lint's good templates and the Serverless fixtures", function () {
    if (!hasShared) {
      console.log(`    skipped: ${CORPUS} is missing (set SWB_SHARED to the shared folder)`);
      this.skip();
    }
    const files = [
      ...filesUnder(path.join(CORPUS, 'sam-translator', 'input'), /^(?!error_).*\.ya?ml$/),
      ...filesUnder(path.join(CORPUS, 'cfn-lint-fixtures', 'templates', 'good'), /\.(ya?ml|json)$/),
      ...filesUnder(path.join(CORPUS, 'serverless-v3-fixtures'), /\.ya?ml$/),
    ];
    const findings: string[] = [];
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const result = file.endsWith('.json') ? parseJson(text) : parseYaml(text);
      for (const p of result.problems) {
        if (p.code === 'yaml-syntax' || p.code === 'json-syntax')
          findings.push(`${path.relative(CORPUS, file)} at ${p.span.start}: ${p.message}`);
      }
    }
    assert.ok(files.length > 600, `expected the corpus's ~700 accepted templates, found ${files.length}`);
    assert.deepStrictEqual(findings, []);
  });
});
