import type { ResourcePattern, Statement } from './types';

const globCache = new Map<string, RegExp>();

/** IAM's wildcard match: `*` any run of characters, `?` one character. Actions compare case-insensitively. */
export function wildcardMatch(pattern: string, value: string, ignoreCase = false): boolean {
  if (pattern === '*') return true;
  if (!pattern.includes('*') && !pattern.includes('?')) return ignoreCase ? pattern.toLowerCase() === value.toLowerCase() : pattern === value;
  const key = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = globCache.get(key);
  if (!re) {
    const body = pattern.split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('');
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    globCache.set(key, re);
  }
  return re.test(value);
}

function actionApplies(statement: Statement, action: string): boolean {
  if (statement.actions) return statement.actions.some((p) => wildcardMatch(p, action, true));
  return !(statement.notActions ?? []).some((p) => wildcardMatch(p, action, true));
}

/**
 * Whether the statement covers the resource. An unknown resource (the code names it in a way we cannot
 * trace) is covered by any Allow, but only a Deny on every resource denies it: we report what we can show.
 */
function resourceApplies(statement: Statement, resource: ResourcePattern | undefined): boolean {
  const allow = statement.effect === 'Allow';
  if (statement.resources) {
    if (!resource) return allow ? statement.resources.length > 0 : statement.resources.some((r) => r.pattern === '*');
    return statement.resources.some((r) => wildcardMatch(r.pattern, resource.pattern));
  }
  if (!resource) return allow;
  return !(statement.notResources ?? []).some((r) => wildcardMatch(r.pattern, resource.pattern));
}

export type Decision =
  | { readonly decision: 'allowed'; readonly by: Statement }
  | { readonly decision: 'denied'; readonly by: Statement }
  | { readonly decision: 'implicitly-denied' };

/** IAM's evaluation for one principal policy set: an explicit Deny wins, then any Allow, else implicit deny. */
export function evaluate(statements: readonly Statement[], action: string, resource?: ResourcePattern): Decision {
  let allow: Statement | undefined;
  for (const s of statements) {
    if (!actionApplies(s, action) || !resourceApplies(s, resource)) continue;
    if (s.effect === 'Deny') {
      if (!s.conditional) return { decision: 'denied', by: s };
    } else {
      allow ??= s;
    }
  }
  return allow ? { decision: 'allowed', by: allow } : { decision: 'implicitly-denied' };
}

/** Whether a granted action pattern (`dynamodb:Put*`) covers a concrete action. */
export function actionCovers(pattern: string, action: string): boolean {
  return wildcardMatch(pattern, action, true);
}
