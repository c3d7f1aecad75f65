import type { Setting } from '../template';
import type { Evaluated, Provenance } from './types';

/** Steps that say where a value was inherited from rather than what produced it. */
const SCOPES = new Set(['globals', 'provider']);

/**
 * Where a value came from, in one phrase for hovers, tree descriptions, cost lines and messages:
 * "Default of parameter Mem", "Mappings EnvMap.prod.Memory, Default of parameter Env", "Lambda default
 * (condition IsProd is false)", "Default of parameter Mem, via Globals", "provider", "as written",
 * "left out (condition IsProd is false)" for an evaluated `AWS::NoValue`, or "unknown: <reason>".
 */
export function describeProvenance(subject: Setting<unknown> | Evaluated): string {
  const reason =
    'known' in subject ? (subject.known ? undefined : subject.absent ? undefined : subject.reason) : subject.unknown;
  if (reason !== undefined) return `unknown: ${reason}`;
  const steps: readonly Provenance[] = 'provenance' in subject ? subject.provenance : [];
  if ('known' in subject && subject.absent) return steps.length > 0 ? `left out (${steps[0].description})` : 'left out';
  // A setting inherited from Globals or the provider starts with that step; the rest say what produced it.
  const scope = steps.length > 0 && SCOPES.has(steps[0].origin) ? steps[0] : undefined;
  // One pass over the steps: this runs for every priced setting of every resource on each keystroke.
  const defaults: string[] = [];
  const causes: string[] = [];
  const computed: string[] = [];
  for (let i = scope ? 1 : 0; i < steps.length; i++) {
    const { origin, description } = steps[i];
    if (origin === 'default') defaults.push(description);
    else if (origin === 'computed') computed.push(description);
    else if (origin !== 'literal') causes.push(description);
  }
  const why = causes.length > 0 ? causes : computed;
  if (defaults.length > 0) {
    const main = defaults.join(', ');
    // The step that left the setting out is the reason; the steps behind it are in `provenance`.
    return why.length > 0 ? `${main} (${why[0]})` : main;
  }
  if (why.length === 0) return scope?.description ?? 'as written';
  const text = why.join(', ');
  return scope ? `${text}, via ${scope.description}` : text;
}

/**
 * Whether a setting's value is written where the setting is, or inherited as written from Globals or the
 * provider: its text says it all. Otherwise (a parameter, a mapping, a condition, a default) a reader needs
 * `describeProvenance` to know where it came from.
 */
export function isWrittenInPlace(setting: Setting<unknown>): boolean {
  return setting.provenance.every((s) => s.origin === 'literal' || SCOPES.has(s.origin));
}

/** "1024 MB — Default of parameter Mem", "unknown — parameter Mem has no Default and no value was given". */
export function formatSetting(setting: Setting<unknown>, unit?: string): string {
  if (setting.value === undefined) return `unknown — ${setting.unknown ?? 'not set'}`;
  const value = Array.isArray(setting.value) ? setting.value.join(', ') : String(setting.value);
  return `${value}${unit ? ` ${unit}` : ''} — ${describeProvenance(setting)}`;
}
