import type { PermissionAnalysis } from './analyze';

/** The IAM service prefixes an analysis mentions, so the catalogue loads only those. */
export function servicesOf(analysis: PermissionAnalysis): Set<string> {
  const prefixes = new Set<string>();
  for (const f of analysis.functions) {
    for (const s of f.permissions.statements) {
      for (const a of [...(s.actions ?? []), ...(s.notActions ?? [])]) if (a.includes(':')) prefixes.add(a.split(':')[0].toLowerCase());
    }
    for (const c of f.calls) for (const a of [`${c.service}:`, ...c.actions]) prefixes.add(a.split(':')[0].toLowerCase());
  }
  return prefixes;
}
