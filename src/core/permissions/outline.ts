import type { OutlineNode } from '../outline/outline';
import type { CheckedCall, FunctionPermissions } from './analyze';
import { displayPattern } from './arn';
import type { Statement } from './types';

const MAX_LISTED = 4;

function list(items: readonly string[]): string {
  return items.length > MAX_LISTED
    ? `${items.slice(0, MAX_LISTED).join(', ')} +${items.length - MAX_LISTED}`
    : items.join(', ');
}

function statementNode(id: string, s: Statement): OutlineNode {
  const actions = s.actions ? list(s.actions) : `everything except ${list(s.notActions ?? [])}`;
  const resources = s.resources
    ? list(s.resources.map((r) => displayPattern(r.pattern)))
    : `all but ${list((s.notResources ?? []).map((r) => displayPattern(r.pattern)))}`;
  return {
    id,
    kind: 'policy',
    icon: s.effect === 'Deny' ? 'error' : 'policy',
    span: s.origin.span,
    children: [],
    label: `${s.effect === 'Deny' ? 'Deny ' : ''}${actions}`,
    description: `on ${resources} · ${s.origin.label}`,
    tooltip:
      `${s.effect} ${(s.actions ?? s.notActions ?? []).join(', ')}\non ${resources}\nfrom ${s.origin.label}` +
      `${s.conditional ? '\n(with a Condition)' : ''}`,
  };
}

/** Why IAM's decision on a call is not known. */
function unknownBecause(c: CheckedCall): string {
  if (c.ownCredentials) return 'the client uses its own credentials, not the role';
  return c.doubt ?? 'role not visible';
}

/**
 * The explorer's Permissions node of a function: what the role grants and where each grant comes from,
 * what the role may hold that we cannot see, and what the code calls, marked granted or missing.
 */
export function permissionsOutline(f: FunctionPermissions): OutlineNode {
  const base = `${f.fn.logicalId}/permissions`;
  const missing = f.calls.filter((c) => c.decision === 'denied' || c.decision === 'implicitly-denied');
  const granted: OutlineNode[] = f.permissions.statements.map((s, i) => statementNode(`${base}/grant/${i}`, s));
  const unknown: OutlineNode[] = f.permissions.unknown.map((u, i) => ({
    id: `${base}/unknown/${i}`,
    kind: 'policy',
    icon: 'policy',
    label: 'Not visible here',
    description: u.reason,
    tooltip: `${u.reason} (${u.origin.label})`,
    span: u.origin.span,
    children: [],
  }));
  const calls: OutlineNode[] = f.calls.map((c, i) => {
    const isMissing = c.decision === 'denied' || c.decision === 'implicitly-denied';
    const status = isMissing
      ? 'missing'
      : c.decision === 'unknown'
        ? `not known (${unknownBecause(c)})`
        : `granted by ${c.decidedBy?.origin.label}`;
    const on = c.resource ? ` on ${displayPattern(c.resource.pattern)}` : '';
    return {
      id: `${base}/call/${i}`,
      kind: 'policy',
      icon: isMissing ? 'error' : 'policy',
      file: c.location.file,
      span: c.location.span,
      children: [],
      label: `${c.actions[0]}`,
      description: `${status}${on}`,
      tooltip:
        `${c.service} ${c.operation} ` +
        `needs ${c.actions[0]}${on}: ${status}${c.resourceVia ? `\n(${c.resourceVia})` : ''}`,
    };
  });
  const unresolved: OutlineNode[] = (f.needs?.unresolved ?? []).map((u, i) => ({
    id: `${base}/unresolved/${i}`,
    kind: 'policy',
    icon: 'policy',
    label: 'Unresolved call',
    description: u.reason,
    file: u.location.file,
    span: u.location.span,
    children: [],
  }));
  const problem =
    f.needs?.scan.problem ?? (f.needs ? undefined : 'the handler code was not scanned (no code folder or handler)');
  const codeChildren = [...calls, ...unresolved];
  const sections: OutlineNode[] = [
    {
      id: `${base}/granted`,
      kind: 'section',
      icon: 'folder',
      label: 'Granted',
      description: `${f.permissions.statements.length} statements`,
      children: [...granted, ...unknown],
    },
    {
      id: `${base}/code`,
      kind: 'section',
      icon: 'folder',
      label: 'Code calls',
      children: codeChildren,
      description:
        problem ??
        `${f.calls.length} actions${missing.length ? ` · ${missing.length} missing` : ''}` +
          `${f.needs?.scan.complete === false ? ' · scan incomplete' : ''}`,
    },
  ];
  return {
    id: base,
    kind: 'section',
    icon: missing.length > 0 ? 'error' : 'policy',
    label: 'Permissions',
    children: sections,
    description: missing.length > 0 ? `${missing.length} missing` : `${f.permissions.statements.length} statements`,
  };
}
