import type { MapNode, Node } from '../model/nodes';
import { mapAt, valueOf } from '../model/nodes';
import type { FunctionView, Template } from '../model/template';
import { nameToken, resourceNames, valuesOfType } from './arn';
import { POLICY_TEMPLATES } from './data';
import { evaluate } from './matcher';
import { expandPolicyTemplate } from './sam-templates';
import { statementOf } from './statements';
import type { AttachedManagedPolicy, CodeCall, EffectivePermissions, Fix, FixEdit, ResourcePattern } from './types';

/** What is missing on one resource (or on an untraced one): the actions and the resource pattern. */
export interface MissingGrant {
  readonly actions: readonly string[];
  readonly resource?: ResourcePattern;
}

/**
 * Templates made for a function's everyday use of a resource, preferred over special-purpose ones (backups, rotation).
 */
const GENERAL_PURPOSE =
  /(Crud|Read|Write|Poller|SendMessage|PublishMessage|Invoke|Execution|PutEvents|GetSecretValue|ParameterRead|Decrypt|Encrypt|PutMetric)Policy(_v2)?$/;

/**
 * The SAM policy template that grants every missing action on the resource with the fewest actions,
 * with the parameter value that names the resource (`TableName: !Ref OrdersTable`).
 */
export function fittingPolicyTemplate(
  template: Template,
  missing: MissingGrant,
): { name: string; parameter: string; value: string } | undefined {
  const id = missing.resource?.resourceIds[0];
  const resource = id ? template.resourceById.get(id) : undefined;
  const values = resource ? valuesOfType(resource.type) : undefined;
  if (!id || !values) return undefined;
  const candidates = [
    { yaml: `!Ref ${id}`, plain: { Ref: id } },
    ...Object.keys(values.attributes).map((a) => ({ yaml: `!GetAtt ${id}.${a}`, plain: { 'Fn::GetAtt': [id, a] } })),
  ];
  let best: { name: string; parameter: string; value: string; size: number } | undefined;
  const rank = (name: string, size: number): number => (GENERAL_PURPOSE.test(name) ? 0 : 10_000) + size;
  for (const [name, policy] of Object.entries(POLICY_TEMPLATES)) {
    if (policy.parameters.length !== 1) continue;
    const parameter = policy.parameters[0];
    for (const candidate of candidates) {
      const expansion = expandPolicyTemplate(name, { [parameter]: candidate.plain });
      if (!expansion.ok) continue;
      const origin = { file: template.fileName, span: { start: 0, end: 0 }, label: name };
      const statements = expansion.statements.flatMap((s) => statementOf(template, s, origin, 'policy-template') ?? []);
      if (!missing.actions.every((a) => evaluate(statements, a, missing.resource).decision === 'allowed')) continue;
      const size = statements.reduce((n, s) => n + (s.actions?.length ?? 1000), 0);
      if (!best || rank(name, size) < rank(best.name, best.size))
        best = { name, parameter, value: candidate.yaml, size };
      break;
    }
  }
  return best && { name: best.name, parameter: best.parameter, value: best.value };
}

/** A resource pattern as a CloudFormation value: `!GetAtt X.Arn` when that is exactly it, else a `!Sub`. */
export function resourceValue(template: Template, resource: ResourcePattern | undefined): string {
  if (!resource) return "'*'";
  for (const id of resource.resourceIds) {
    const type = template.resourceById.get(id)?.type;
    const arn = type
      ? valuesOfType(type)?.attributes.Arn?.(resourceNames(template).get(id) ?? nameToken(id))
      : undefined;
    if (arn === resource.pattern) return `!GetAtt ${id}.Arn`;
  }
  const sub = resource.pattern.replace(/\{([A-Za-z0-9:.]+)\}/g, '${$1}').replace(/^arn:aws:/, 'arn:${AWS::Partition}:');
  return `!Sub '${sub}'`;
}

/** Offset of the end of the line on which `offset` lies (before its line break). */
function lineEnd(text: string, offset: number): number {
  let at = offset;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  const nl = text.indexOf('\n', at);
  const end = nl < 0 ? text.length : nl;
  return text[end - 1] === '\r' ? end - 1 : end;
}

function columnOf(text: string, offset: number): number {
  return offset - (text.lastIndexOf('\n', offset - 1) + 1);
}

/** The column of the `-` of a block sequence item. */
function dashColumn(text: string, item: Node): number | undefined {
  const lineStart = text.lastIndexOf('\n', item.span.start - 1) + 1;
  const before = text.slice(lineStart, item.span.start);
  const dash = before.lastIndexOf('-');
  return dash < 0 ? undefined : dash;
}

/** Appends `lines` (already indented relative to the item) as a new item of a block sequence. */
function appendToSequence(template: Template, seq: Node, lines: string[]): FixEdit | undefined {
  if (seq.kind !== 'seq' || seq.items.length === 0 || template.text[seq.span.start] === '[') return undefined;
  const last = seq.items[seq.items.length - 1];
  const column = dashColumn(template.text, seq.items[0]);
  if (column === undefined) return undefined;
  const pad = ' '.repeat(column);
  const at = lineEnd(template.text, last.span.end);
  return {
    file: template.fileName,
    span: { start: at, end: at },
    text: lines.map((l, i) => `\n${pad}${i === 0 ? '- ' : '  '}${l}`).join(''),
  };
}

/** Adds `key:` with a one-item sequence as the last entry of a block map. */
function addKey(template: Template, map: MapNode, key: string, lines: string[]): FixEdit | undefined {
  const last = map.entries[map.entries.length - 1];
  if (!last || template.text[map.span.start] === '{') return undefined;
  const pad = ' '.repeat(columnOf(template.text, last.keySpan.start));
  const at = lineEnd(template.text, last.value.span.end);
  const body = lines.map((l, i) => `\n${pad}  ${i === 0 ? '- ' : '  '}${l}`).join('');
  return { file: template.fileName, span: { start: at, end: at }, text: `\n${pad}${key}:${body}` };
}

/** Edits that put a `Policies` item on a SAM function (appending to `Policies`, or creating it). */
function addToPolicies(template: Template, fn: FunctionView, lines: string[]): FixEdit | undefined {
  if (template.format !== 'yaml') return undefined;
  const policies = valueOf(fn.resource.node ? mapAt(fn.resource.node, 'Properties') : undefined, 'Policies');
  if (policies) return appendToSequence(template, policies, lines);
  const props = fn.resource.node ? mapAt(fn.resource.node, 'Properties') : undefined;
  return props ? addKey(template, props, 'Policies', lines) : undefined;
}

function statementLines(template: Template, missing: MissingGrant): string[] {
  return [
    'Effect: Allow',
    'Action:',
    ...missing.actions.map((a) => `  - ${a}`),
    `Resource: ${resourceValue(template, missing.resource)}`,
  ];
}

/**
 * Quick fixes for a function that lacks `missing`: the SAM policy template, an inline statement, a serverless.yml
 * statement.
 */
export function fixesFor(template: Template, fn: FunctionView, missing: MissingGrant): Fix[] {
  const fixes: Fix[] = [];
  if (template.kind === 'serverless') {
    const edit = addServerlessStatement(template, statementLines(template, missing));
    if (edit)
      fixes.push({
        title: `Add a statement for ${missing.actions.join(', ')} under provider.iam.role.statements`,
        edits: [edit],
        preferred: true,
      });
    return fixes;
  }
  if (fn.resource.type !== 'AWS::Serverless::Function' || fn.role) return fixes;
  const fitting = fittingPolicyTemplate(template, missing);
  if (fitting) {
    const edit = addToPolicies(template, fn, [`${fitting.name}:`, `  ${fitting.parameter}: ${fitting.value}`]);
    if (edit)
      fixes.push({
        title: `Add the SAM policy template ${fitting.name} (${fitting.parameter}: ${fitting.value})`,
        edits: [edit],
        preferred: true,
      });
  }
  const lines = statementLines(template, missing);
  const inline = addToPolicies(template, fn, ['Statement:', ...lines.map((l, i) => `${i === 0 ? '- ' : '  '}${l}`)]);
  if (inline)
    fixes.push({
      title: `Add a least-privilege statement for ${missing.actions.join(', ')}`,
      edits: [inline],
      preferred: !fitting,
    });
  return fixes;
}

/** Appends a statement to provider.iam.role.statements (or provider.iamRoleStatements), creating the list if needed. */
function addServerlessStatement(template: Template, lines: string[]): FixEdit | undefined {
  const provider = mapAt(template.root, 'provider');
  if (!provider || template.format !== 'yaml') return undefined;
  const role = valueOf(valueOf(provider, 'iam'), 'role');
  const statements = valueOf(role, 'statements') ?? valueOf(provider, 'iamRoleStatements');
  if (statements) return appendToSequence(template, statements, lines);
  if (role?.kind === 'map') return addKey(template, role, 'statements', lines);
  if (valueOf(provider, 'iam')) return undefined;
  const last = provider.entries[provider.entries.length - 1];
  if (!last) return undefined;
  const pad = ' '.repeat(columnOf(template.text, last.keySpan.start));
  const at = lineEnd(template.text, last.value.span.end);
  const body = lines.map((l, i) => `\n${pad}      ${i === 0 ? '- ' : '  '}${l}`).join('');
  return {
    file: template.fileName,
    span: { start: at, end: at },
    text: `\n${pad}iam:\n${pad}  role:\n${pad}    statements:${body}`,
  };
}

/**
 * Replaces a broad managed policy in `Policies` by the SAM policy templates that grant what the code calls on
 * the resources it uses. Offered only when the code was scanned completely and every call the policy
 * allowed gets a template.
 */
export function replaceManagedPolicy(
  template: Template,
  permissions: EffectivePermissions,
  policy: AttachedManagedPolicy,
  calls: readonly CodeCall[],
): Fix[] {
  if (template.format !== 'yaml' || !policy.origin.label.startsWith('Policies')) return [];
  const own = permissions.statements.filter(
    (s) => s.kind === 'managed' && s.origin.span.start === policy.origin.span.start,
  );
  const covered = calls.filter((c) => evaluate(own, c.actions[0], c.resource).decision === 'allowed');
  if (covered.length === 0) return [];
  const byResource = new Map<string, CodeCall[]>();
  for (const c of covered) {
    if (!c.resource || c.resource.resourceIds.length === 0) return [];
    byResource.set(c.resource.pattern, [...(byResource.get(c.resource.pattern) ?? []), c]);
  }
  const templates: { name: string; parameter: string; value: string }[] = [];
  for (const group of byResource.values()) {
    const fitting = fittingPolicyTemplate(template, {
      actions: [...new Set(group.map((c) => c.actions[0]))],
      resource: group[0].resource,
    });
    if (!fitting) return [];
    if (!templates.some((t) => t.name === fitting.name && t.value === fitting.value)) templates.push(fitting);
  }
  const column = columnOf(template.text, policy.origin.span.start);
  const pad = ' '.repeat(column);
  const text = templates
    .map((t, i) => `${i === 0 ? '' : `\n${' '.repeat(column - 2)}- `}${t.name}:\n${pad}  ${t.parameter}: ${t.value}`)
    .join('');
  return [
    {
      title:
        `Replace ${policy.name} ` +
        `by ${templates.map((t) => `${t.name} (${t.parameter}: ${t.value})`).join(' and ')}`,
      edits: [{ file: template.fileName, span: policy.origin.span, text }],
      preferred: true,
    },
  ];
}
