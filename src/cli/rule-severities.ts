import { RULES_BY_ID } from '../core/rules';
import type { SeverityOverride } from '../core/rules';
import { closest } from '../core/rules/suggest';
import { UsageError } from './io';

export const RULES_USAGE = '[--rules id=off,id2=warning]';
const OVERRIDES: readonly SeverityOverride[] = ['error', 'warning', 'info', 'off'];

/**
 * `--rules api-no-auth=off,parameter-unused=info`: the `serverlessWorkbench.rules` setting on the command line.
 * An unknown rule id or severity is a usage error, never silently ignored.
 */
export function parseRuleSeverities(value: string | boolean | undefined): Record<string, SeverityOverride> {
  if (value === undefined) return {};
  if (typeof value !== 'string' || value.trim() === '')
    throw new UsageError(`--rules needs a value: ${RULES_USAGE.slice(1, -1)}`);
  const severities: Record<string, SeverityOverride> = {};
  for (const item of value
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s !== '')) {
    const [id, severity, ...rest] = item.split('=').map((s) => s.trim());
    if (severity === undefined || rest.length > 0)
      throw new UsageError(`--rules: '${item}' is not written id=severity (for example api-no-auth=off)`);
    if (!RULES_BY_ID.has(id)) {
      const guess = closest(id, RULES_BY_ID.keys());
      throw new UsageError(
        `--rules: unknown rule '${id}'${guess ? `; did you mean '${guess}'?` : ''} (the rule ids are listed in ` +
          `docs/rules.md)`,
      );
    }
    if (!(OVERRIDES as readonly string[]).includes(severity))
      throw new UsageError(`--rules: ${id}=${severity}: the severity must be one of ${OVERRIDES.join(', ')}`);
    severities[id] = severity as SeverityOverride;
  }
  return severities;
}
