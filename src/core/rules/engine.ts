import type { Template } from '../model/template';
import { inheritingFunctions, mergeInherited, subjectWords, whereWords } from './inherited';
import { ALL_RULES } from './registry';
import { Suppressions } from './suppression';
import type { AnalysisInputs, Finding, Report, Rule, SeverityOverride } from './types';

/** A rule that threw: the analysis goes on without it, and the adapter reports it once. */
export interface RuleCrash {
  readonly ruleId: string;
  readonly message: string;
  readonly stack?: string;
}

export interface AnalysisResult {
  readonly findings: readonly Finding[];
  readonly crashes: readonly RuleCrash[];
}

/**
 * Runs every rule over one template: a pure function of the template and the inputs, so callers cache it by
 * template identity. Findings come back sorted by position; suppressed and switched-off rules are dropped;
 * a rule that throws becomes a `RuleCrash` and the others still run.
 */
export function analyzeTemplate(
  template: Template,
  inputs: AnalysisInputs,
  rules: readonly Rule[] = ALL_RULES,
): AnalysisResult {
  const steps = analysisSteps(template, inputs, rules);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

/**
 * `analyzeTemplate` one rule per step: the editor runs the steps in idle moments while the user types and drops
 * them when the text changes again, so no step holds the extension host longer than one rule takes.
 */
export function* analysisSteps(
  template: Template,
  inputs: AnalysisInputs,
  rules: readonly Rule[] = ALL_RULES,
): Generator<void, AnalysisResult> {
  const findings: Finding[] = [];
  const crashes: RuleCrash[] = [];
  const suppressions = new Suppressions(template);
  for (const rule of rules) {
    const override = inputs.severities?.[rule.id];
    if (override === 'off') continue;
    if (rule.meta.kinds && !rule.meta.kinds.includes(template.kind)) continue;
    runRule(rule, override, { template, inputs, suppressions, findings, crashes });
    yield;
  }
  // The template's findings first, then each other file's, each by position.
  findings.sort(
    (a, b) =>
      byPath(a.file?.path ?? '', b.file?.path ?? '') ||
      a.span.start - b.span.start ||
      a.span.end - b.span.end ||
      byPath(a.ruleId, b.ruleId),
  );
  return { findings, crashes };
}

interface RuleRun {
  readonly template: Template;
  readonly inputs: AnalysisInputs;
  readonly suppressions: Suppressions;
  readonly findings: Finding[];
  readonly crashes: RuleCrash[];
}

function runRule(rule: Rule, override: Exclude<SeverityOverride, 'off'> | undefined, run: RuleRun): void {
  const { template, inputs, suppressions, findings, crashes } = run;
  const reports: Report[] = [];
  const report = (r: Report): void => {
    if (r.fixes?.length && !rule.meta.fixable)
      throw new Error(`rule ${rule.id} reports a fix but its meta does not say fixable`);
    // A span in another file says nothing about which resource of the template it belongs to.
    if (suppressions.any && suppressions.isSuppressed(rule.id, r.file ? undefined : r.span, r.logicalId)) return;
    reports.push(r);
  };
  try {
    rule.check({ template, inputs, report });
  } catch (error) {
    const e = error instanceof Error ? error : new Error(String(error));
    crashes.push({ ruleId: rule.id, message: e.message, stack: e.stack });
  }
  for (const { report: r, functions } of mergeInherited(reports)) {
    const logicalId = functions.length > 1 ? undefined : r.logicalId;
    findings.push({
      ruleId: rule.id,
      severity: override ?? r.severity ?? rule.meta.severity,
      message: formatMessage(
        rule,
        functions.length > 0
          ? { ...r, data: { ...r.data, subject: subjectWords(functions), where: whereWords(functions) } }
          : r,
      ),
      span: r.span,
      ...(r.file ? { file: r.file } : {}),
      related: [...inheritingFunctions(functions), ...(r.related ?? [])],
      fixes: r.fixes ?? [],
      ...(logicalId !== undefined ? { logicalId } : {}),
    });
  }
}

/** Code-unit order: a locale comparison would load ICU's data at the first lint, for nothing a path needs. */
function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function formatMessage(rule: Rule, report: Report): string {
  const template = rule.messages[report.messageId];
  if (template === undefined) throw new Error(`rule ${rule.id} has no message '${report.messageId}'`);
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (_, name: string) => String(report.data?.[name] ?? `{{${name}}}`));
}
