import { POLICY_TEMPLATES } from './data';

export type Expansion =
  { readonly ok: true; readonly statements: unknown[] } | { readonly ok: false; readonly message: string };

/**
 * Expands a SAM policy template the way the SAM translator does: every `{"Ref": <Parameter>}` in the
 * template's statements is replaced by the value the user gave (kept as written, intrinsics included);
 * parameters the template does not declare are ignored; a missing one is an error.
 */
export function expandPolicyTemplate(name: string, parameters: Readonly<Record<string, unknown>>): Expansion {
  const template = POLICY_TEMPLATES[name];
  if (!template) return { ok: false, message: `'${name}' is not a SAM policy template.` };
  const missing = template.parameters.filter((p) => parameters[p] === undefined);
  if (missing.length > 0) {
    return { ok: false, message: `${name} needs the parameter${missing.length > 1 ? 's' : ''} ${missing.join(', ')}.` };
  }
  const substitute = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(substitute);
    if (!value || typeof value !== 'object') return value;
    const entries = Object.entries(value);
    if (
      entries.length === 1 &&
      entries[0][0] === 'Ref' &&
      typeof entries[0][1] === 'string' &&
      template.parameters.includes(entries[0][1])
    ) {
      return parameters[entries[0][1]];
    }
    return Object.fromEntries(entries.map(([k, v]) => [k, substitute(v)]));
  };
  return { ok: true, statements: template.statements.map(substitute) };
}

export function isPolicyTemplate(name: string): boolean {
  return Object.prototype.hasOwnProperty.call(POLICY_TEMPLATES, name);
}
