import type { Node } from '../nodes';
import { toPlain } from '../nodes';

/**
 * What SAM hashes for some logical IDs, rebuilt from the model: plain values as Python's
 * `json.dumps(value, separators=(",", ":"), sort_keys=True)` writes them (sorted keys, ASCII only).
 */
export function pythonJson(value: unknown): string {
  return JSON.stringify(sortKeys(value)).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

export function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) out[key] = sortKeys((value as Record<string, unknown>)[key]);
    return out;
  }
  return value;
}

/**
 * SAM's `resolve_parameter_refs` on plain values: `{Ref: P}` becomes P's default and `${P}` in an
 * `Fn::Sub` string is substituted; pseudo parameters and references to resources stay as written.
 */
export function parameterResolver(defaults: ReadonlyMap<string, Node>): (value: unknown) => unknown {
  const plainDefault = (name: string): unknown => {
    const node = defaults.get(name);
    return node ? toPlain(node) : undefined;
  };
  const resolve = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(resolve);
    if (!value || typeof value !== 'object') return value;
    const object = value as Record<string, unknown>;
    const keys = Object.keys(object);
    if (keys.length === 1 && typeof object.Ref === 'string') return plainDefault(object.Ref) ?? value;
    if (keys.length === 1 && typeof object['Fn::Sub'] === 'string') {
      return { 'Fn::Sub': object['Fn::Sub'].replace(/\$\{([^}!.]+)\}/g, (m, name: string) => String(plainDefault(name) ?? m)) };
    }
    return Object.fromEntries(keys.map((k) => [k, resolve(object[k])]));
  };
  return resolve;
}
