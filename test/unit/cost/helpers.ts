import { strict as assert } from 'assert';
import { estimateCost, formulaOf, parseUsageFile } from '../../../src/core/cost';
import type { CostOptions, CostReport, ResourceCost } from '../../../src/core/cost';
import { load } from '../helpers';

/** A SAM template with the given resources (YAML lines under `Resources:`). */
export function sam(...resourceLines: string[]): string {
  return ['Transform: AWS::Serverless-2016-10-31', 'Resources:', ...resourceLines.map((l) => `  ${l}`), ''].join('\n');
}

/** Estimates a template with a usage file given as YAML text (which must parse cleanly). */
export function estimate(templateText: string, usageText = 'version: 1\n', options: CostOptions = {}): CostReport {
  const { usage, problems } = parseUsageFile(usageText);
  assert.deepEqual(problems, [], 'the test usage file parses without problems');
  return estimateCost(load(templateText), usage, options);
}

export function resource(report: CostReport, logicalId: string): ResourceCost {
  const found = report.resources.find((r) => r.logicalId === logicalId);
  assert.ok(found, `${logicalId} is priced (priced: ${report.resources.map((r) => r.logicalId).join(', ')})`);
  return found;
}

/** The cost of one named line item of a resource. */
export function item(
  report: CostReport,
  logicalId: string,
  name: RegExp,
): { usd: number; quantity: number; unitUsd: number; formula: string; note?: string } {
  const r = resource(report, logicalId);
  const found = r.lineItems.find((li) => name.test(li.name));
  assert.ok(found, `${logicalId} has a line item ${name} (has: ${r.lineItems.map((li) => li.name).join('; ')})`);
  return { ...found, formula: formulaOf(found) };
}

/** Money compared to a tenth of a micro-dollar: hand-computed figures, float noise aside. */
export function assertUsd(actual: number, expected: number, what = 'cost'): void {
  assert.ok(Math.abs(actual - expected) < 1e-7, `${what}: expected ${expected}, got ${actual}`);
}

/** A function resource at 2-space indentation under Resources. */
export function fn(id: string, ...props: string[]): string[] {
  return [
    `${id}:`,
    '  Type: AWS::Serverless::Function',
    '  Properties:',
    '    Runtime: nodejs22.x',
    '    Handler: index.handler',
    ...props.map((p) => `    ${p}`),
  ];
}

/** A resource of any type at 2-space indentation under Resources, with properties (one YAML line each). */
export function typed(id: string, type: string, ...props: string[]): string[] {
  return [`${id}:`, `  Type: ${type}`, ...(props.length ? ['  Properties:', ...props.map((p) => `    ${p}`)] : [])];
}
