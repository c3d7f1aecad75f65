import { strict as assert } from 'assert';
import { analyzeTemplate } from '../../../src/core/rules';
import type { AnalysisInputs, Finding, Rule, Severity, TextEdit } from '../../../src/core/rules';
import type { Template } from '../../../src/core';
import type { ResolutionInputs } from '../../../src/core/model/resolve/types';
import { load } from '../helpers';

export interface ValidCase {
  readonly name: string;
  readonly text: string;
  readonly fileName?: string;
  readonly inputs?: Partial<AnalysisInputs>;
  /** Values from outside the template (parameter overrides, Region), as samconfig.toml or the CLI give them. */
  readonly resolution?: ResolutionInputs;
}

export interface ExpectedFinding {
  /** 1-based "line:column-endLine:endColumn", as the Problems panel and the CLI print it. */
  readonly range: string;
  /** The exact text the range covers. */
  readonly text: string;
  readonly message?: RegExp;
  readonly severity?: Severity;
  /** The text of each related location, in order, when the case checks them. */
  readonly related?: readonly string[];
}

export interface InvalidCase extends ValidCase {
  readonly findings: readonly ExpectedFinding[];
}

export const TODAY = '2026-11-23';

export function run(template: Template, rule: Rule, inputs: Partial<AnalysisInputs> = {}): Finding[] {
  const result = analyzeTemplate(template, { today: TODAY, ...inputs }, [rule]);
  assert.deepEqual(result.crashes, [], `${rule.id} crashed`);
  return [...result.findings];
}

export function rangeOf(template: Template, finding: Finding): string {
  const r = template.lines.oneBased(finding.span);
  return `${r.line}:${r.column}-${r.endLine}:${r.endColumn}`;
}

/** ESLint's RuleTester, for our rules: valid cases report nothing, invalid ones exactly these findings. */
export function ruleTester(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  describe(rule.id, () => {
    for (const c of cases.valid) {
      it(`valid: ${c.name}`, () => {
        const findings = run(load(c.text, c.fileName, { resolution: c.resolution }), rule, c.inputs);
        assert.deepEqual(
          findings.map((f) => f.message),
          [],
        );
      });
    }
    for (const c of cases.invalid) {
      it(`invalid: ${c.name}`, () => {
        const template = load(c.text, c.fileName, { resolution: c.resolution });
        const findings = run(template, rule, c.inputs);
        assert.deepEqual(
          findings.map((f) => ({ range: rangeOf(template, f), text: template.text.slice(f.span.start, f.span.end) })),
          c.findings.map((e) => ({ range: e.range, text: e.text })),
          findings.map((f) => f.message).join('\n'),
        );
        c.findings.forEach((e, i) => {
          if (e.message) assert.match(findings[i].message, e.message);
          if (e.related)
            assert.deepEqual(
              findings[i].related.map((r) => template.text.slice(r.span.start, r.span.end)),
              e.related,
            );
          assert.equal(findings[i].severity, e.severity ?? rule.meta.severity);
          assert.equal(findings[i].ruleId, rule.id);
        });
      });
    }
  });
}

/** A SAM template with one function `Api` of this runtime and these properties (each a line under Properties). */
export function samFunction(runtime: string, ...props: string[]): string {
  return [
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Api:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    `      Runtime: ${runtime}`,
    ...props.map((p) => `      ${p}`),
    '',
  ].join('\n');
}

/** Applies edits the way VS Code applies a WorkspaceEdit: all against the original text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  return [...edits]
    .sort((a, b) => b.span.start - a.span.start)
    .reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.end), text);
}

/** A template with these lines (Parameters, Conditions, ...) put before its `Resources:`. */
export function withSections(text: string, ...lines: string[]): string {
  return text.replace(/^Resources:\n/m, `${lines.join('\n')}\nResources:\n`);
}

/** Puts `Condition: <name>` on resource `logicalId` of a YAML template written with two-space indents. */
export function withCondition(text: string, logicalId: string, name: string): string {
  return text.replace(new RegExp(`^  ${logicalId}:\\n`, 'm'), `  ${logicalId}:\n    Condition: ${name}\n`);
}
