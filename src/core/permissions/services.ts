import type { PermissionAnalysis } from './analyze';

/**
 * The IAM service prefixes an analysis needs checked, so the catalogue loads only those: what the user wrote
 * (statements
 * and policy templates) and what the code calls. AWS managed policies and the role SAM adds are AWS's own actions,
 * so they never make a lint load the catalogue.
 */
export function servicesOf(analysis: PermissionAnalysis): Set<string> {
  const prefixes = new Set<string>();
  for (const f of analysis.functions) {
    for (const s of f.permissions.statements) {
      if (s.kind === 'managed' || s.kind === 'implicit') continue;
      for (const a of [...(s.actions ?? []), ...(s.notActions ?? [])])
        if (a.includes(':')) prefixes.add(a.split(':')[0].toLowerCase());
    }
    for (const c of f.calls)
      for (const a of [`${c.service}:`, ...c.actions]) prefixes.add(a.split(':')[0].toLowerCase());
  }
  return prefixes;
}
