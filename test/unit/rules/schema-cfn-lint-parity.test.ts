import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { loadTemplate } from '../../../src/core';
import { analyzeTemplate } from '../../../src/core/rules';
import { SHARED, hasShared } from '../helpers';
import { TODAY } from './rule-tester';
import { catalog } from '../completion/catalog';

const FIXTURES = path.join(SHARED, 'corpus', 'cfn-lint-fixtures');
/** The folders whose templates cfn-lint's own snapshot tests lint (results/<folder>/<name>_<ext>.json). */
const FOLDERS = ['quickstart', 'integration', 'public'];

/** What we report on cfn-lint's fixtures today: a floor, so that a change that loses findings fails here. */
const MATCHED_AT_LEAST = 13;

interface CfnLintFinding {
  readonly Filename: string;
  readonly Location: { readonly Start: { readonly LineNumber: number } };
  readonly Message: string;
  readonly Rule: { readonly Id: string };
}

/**
 * cfn-lint's results come from its strict mode unless a `non_strict/` run sits beside them. Strict mode calls
 * `'30' is not of type 'integer'` and `1 is not of type 'string'` errors; CloudFormation converts such scalars
 * (as our schema rules do), so those findings are not ones to match.
 */
const STRICT_ONLY = /^('?)(-?\d+(\.\d+)?|true|false|True|False)\1 is not of type '(integer|number|boolean|string)'$/;

interface Lintable {
  readonly template: string;
  readonly findings: readonly CfnLintFinding[];
  readonly strict: boolean;
}

function lintables(): Lintable[] {
  const out: Lintable[] = [];
  for (const folder of FOLDERS) {
    const results = path.join(FIXTURES, 'results', folder);
    for (const name of fs
      .readdirSync(results)
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      const [, base, ext] = /^(.*)_(yaml|json)\.json$/.exec(name) ?? [];
      if (!base) continue;
      const nonStrict = path.join(results, 'non_strict', name);
      const strict = !fs.existsSync(nonStrict);
      const findings = JSON.parse(
        fs.readFileSync(strict ? path.join(results, name) : nonStrict, 'utf8'),
      ) as CfnLintFinding[];
      // The results name the template they were made from (`metadata_yaml.json` is `metdata.yaml`).
      const written = findings[0]?.Filename.replace(/^test\/fixtures\/templates\//, '') ?? `${folder}/${base}.${ext}`;
      const template = path.join(FIXTURES, 'templates', written);
      if (fs.existsSync(template)) out.push({ template, findings, strict });
    }
  }
  return out;
}

describe('schema rules beside cfn-lint on its quickstart, integration and public templates', () => {
  it(
    "report cfn-lint's schema findings (E30xx) at the same " + 'line, and no schema error where cfn-lint sees none',
    function () {
      if (!hasShared || !fs.existsSync(path.join(FIXTURES, 'results'))) {
        console.log(`      skipped: needs ${FIXTURES}/results`);
        this.skip();
      }
      let theirs = 0;
      let matched = 0;
      let strictOnly = 0;
      const missed: string[] = [];
      const extras: string[] = [];
      for (const { template: file, findings, strict } of lintables()) {
        const relative = path.relative(FIXTURES, file);
        const template = loadTemplate(fs.readFileSync(file, 'utf8'), file);
        assert.ok(template, relative);
        const ours = analyzeTemplate(template, { today: TODAY, schemas: catalog })
          .findings.filter((f) => f.ruleId.startsWith('schema-'))
          .map((f) => ({ line: template.lines.oneBased(f.span).line, text: `${f.ruleId} ${f.message}` }));
        const ourLines = new Set(ours.map((o) => o.line));
        for (const f of findings.filter((f) => f.Rule.Id.startsWith('E30'))) {
          if (strict && STRICT_ONLY.test(f.Message)) {
            strictOnly++;
            continue;
          }
          theirs++;
          if (ourLines.has(f.Location.Start.LineNumber)) matched++;
          else missed.push(`${relative}:${f.Location.Start.LineNumber} ${f.Rule.Id} ${f.Message}`);
        }
        const theirLines = new Set(findings.map((f) => f.Location.Start.LineNumber));
        for (const o of ours) if (!theirLines.has(o.line)) extras.push(`${relative}:${o.line} ${o.text}`);
      }
      console.log(
        `      cfn-lint schema findings (E30xx) we report at the same line: ${matched} of ${theirs} ` +
          `(${((100 * matched) / theirs).toFixed(1)}%)`,
      );
      console.log(
        `      left out: ${strictOnly} of cfn-lint's strict-mode type findings on numbers and booleans written as ` +
          `text, which CloudFormation converts`,
      );
      console.log(`      ours where cfn-lint reports nothing: ${extras.length}`);
      assert.ok(
        matched >= MATCHED_AT_LEAST,
        `matched ${matched}, floor ${MATCHED_AT_LEAST}; missed:\n${missed.join('\n')}`,
      );
      assert.deepEqual(extras, []);
    },
  );
});
