import type { FunctionView, Template } from '../model/template';
import { displayPattern } from './arn';
import type { ActionCatalogue } from './catalogue';
import { effectivePermissions } from './effective';
import { fixesFor, replaceManagedPolicy } from './fixes';
import type { Decision } from './matcher';
import { evaluate } from './matcher';
import type { FunctionNeeds } from './needs-of-function';
import { needsOf } from './needs-of-function';
import { statementFindings, managedPolicyFindings, unusedPermissionFindings } from './statement-rules';
import type { ReadFile } from './scan/files';
import type { HandlerScans } from './scans';
import { HandlerScansTable } from './scans';
import type { CodeCall, EffectivePermissions, Finding, Statement } from './types';

export interface CheckedCall extends CodeCall {
  readonly decision: Decision['decision'] | 'unknown';
  readonly decidedBy?: Statement;
  /** Why the analysis cannot tell whether IAM allows the call (`unknown` decisions reported at info). */
  readonly doubt?: string;
}

export interface FunctionPermissions {
  readonly fn: FunctionView;
  readonly permissions: EffectivePermissions;
  readonly needs?: FunctionNeeds;
  /** Every code call with the decision IAM would make; `unknown` when grants we cannot see might allow it. */
  readonly calls: readonly CheckedCall[];
}

export interface PermissionAnalysis {
  readonly functions: readonly FunctionPermissions[];
  readonly findings: readonly Finding[];
}

export interface AnalysisOptions {
  /** The handlers' scans; without them (or `readFile`), only the template's own statements are checked. */
  readonly scans?: HandlerScans;
  /** Reads handler sources to scan them now, when no `scans` are given. */
  readonly readFile?: ReadFile;
  /** The IAM action catalogue (unknown actions, resource-level support); without it those rules are skipped. */
  readonly catalogue?: ActionCatalogue;
}

/** Permissions of every function of the template, what their code needs, and the findings both ways. */
export function analyzePermissions(template: Template, options: AnalysisOptions = {}): PermissionAnalysis {
  const functions: FunctionPermissions[] = [];
  const findings: Finding[] = [];
  const scans = options.scans ?? (options.readFile && new HandlerScansTable(options.readFile));
  for (const fn of template.functions) {
    const permissions = effectivePermissions(template, fn);
    const needs = scans ? needsOf(template, fn, scans) : undefined;
    const calls = (needs?.calls ?? []).map((call) => check(permissions, call, options.catalogue));
    functions.push({ fn, permissions, needs, calls });
    findings.push(...missingPermissionFindings(template, fn, calls), ...cannotTellFindings(template, fn, calls));
    if (needs?.scan.complete) findings.push(...unusedPermissionFindings(fn, permissions, calls));
    findings.push(
      ...managedPolicyFindings(permissions, (policy) =>
        needs?.scan.complete ? replaceManagedPolicy(template, permissions, policy, calls) : [],
      ),
    );
  }
  findings.push(
    ...statementFindings(
      template,
      functions.map((f) => f.permissions),
      options.catalogue,
    ),
  );
  return { functions, findings: dedupe(findings) };
}

function check(permissions: EffectivePermissions, call: CodeCall, catalogue: ActionCatalogue | undefined): CheckedCall {
  // A client given its own credentials acts as another principal: the function's role does not decide.
  if (call.ownCredentials) return { ...call, decision: 'unknown' };
  const decision = evaluate(permissions.statements, call.actions[0], call.resource);
  if (decision.decision === 'implicitly-denied' && permissions.unknown.length > 0)
    return { ...call, decision: 'unknown' };
  if (decision.decision === 'implicitly-denied') {
    const doubt =
      actionDoubt(catalogue, call.actions[0]) ??
      (decision.unsure
        ? `${decision.unsure.origin.label} names a resource by a value this analysis does not model, which may ` +
          `be this one`
        : undefined);
    if (doubt) return { ...call, decision: 'unknown', doubt };
  }
  return { ...call, decision: decision.decision, decidedBy: 'by' in decision ? decision.by : undefined };
}

/** Why the action a call was mapped to may not be the one IAM checks: it is not in the IAM reference. */
function actionDoubt(catalogue: ActionCatalogue | undefined, action: string): string | undefined {
  if (!catalogue) return undefined;
  const [prefix, name] = action.split(':');
  const actions = catalogue.actionsOf(prefix);
  if (!actions) return `'${prefix}' is not an IAM service prefix, so the action this call needs is not known`;
  return actions.has(name.toLowerCase())
    ? undefined
    : `${action} is not in the IAM reference, so the action this call needs is not known`;
}

/** `iam-missing-permission` at info on each call whose permission the analysis cannot decide, saying why. */
function cannotTellFindings(template: Template, fn: FunctionView, calls: readonly CheckedCall[]): Finding[] {
  return calls
    .filter((c) => c.doubt)
    .map((c) => ({
      ruleId: 'iam-missing-permission',
      severity: 'info',
      functionId: fn.logicalId,
      ...c.location,
      message: `Cannot tell whether the role of ${fn.displayName} allows ${c.operation}: ${c.doubt}.`,
      related: [
        { file: template.fileName, span: fn.resource.idSpan, message: `the role of ${fn.displayName} is defined here` },
      ],
    }));
}

/** `iam-missing-permission`, twice: on each call in the code and once per action and resource on the function. */
function missingPermissionFindings(template: Template, fn: FunctionView, calls: readonly CheckedCall[]): Finding[] {
  const missing = calls.filter((c) => c.decision === 'implicitly-denied' || c.decision === 'denied');
  const byGrant = new Map<string, CheckedCall[]>();
  for (const c of missing) {
    const key = `${c.actions[0]} ${c.resource?.pattern ?? ''}`;
    byGrant.set(key, [...(byGrant.get(key) ?? []), c]);
  }
  const fnLocation = { file: template.fileName, span: fn.resource.idSpan };
  const findings: Finding[] = [];
  for (const group of byGrant.values()) {
    const [first] = group;
    const action = first.actions[0];
    const on = first.resource ? ` on ${displayPattern(first.resource.pattern)}` : '';
    const why = first.decision === 'denied' ? ` (denied by ${first.decidedBy?.origin.label})` : '';
    // One fix for everything missing on this resource, so reads and writes get one policy template, not two.
    const onResource = [
      ...new Set(missing.filter((c) => c.resource?.pattern === first.resource?.pattern).map((c) => c.actions[0])),
    ];
    const fixes =
      onResource.length > 1
        ? [
            ...fixesFor(template, fn, { actions: onResource, resource: first.resource }),
            ...fixesFor(template, fn, { actions: [action], resource: first.resource }),
          ]
        : fixesFor(template, fn, { actions: [action], resource: first.resource });
    findings.push({
      ruleId: 'iam-missing-permission',
      severity: 'error',
      functionId: fn.logicalId,
      ...fnLocation,
      fixes,
      message: `${fn.displayName} calls ${first.operation} but its role does not allow ${action}${on}${why}.`,
      related: group.map((c) => ({ ...c.location, message: `${c.operation} is called here` })),
    });
    for (const c of group) {
      findings.push({
        ruleId: 'iam-missing-permission',
        severity: 'error',
        functionId: fn.logicalId,
        ...c.location,
        fixes,
        message:
          `${action}${on} is not allowed for ${fn.displayName}${why}: this call fails with ` +
          `AccessDenied.${c.resourceVia ? ` (${c.resourceVia})` : ''}`,
        related: [{ ...fnLocation, message: `the role of ${fn.displayName} is defined here` }],
      });
    }
  }
  return findings;
}

/** A function's statements can be shared (Globals, one role, a serverless provider): report each place once. */
function dedupe(findings: Finding[]): Finding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.ruleId}|${f.file}|${f.span.start}|${f.span.end}|${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
