import type { Span } from '../model/nodes';
import type { RuntimeLifecycle, SchemaCatalog } from '../schema/catalog';
import type { CompletionProposal } from './items';

/** Whether a date (YYYY-MM-DD) has passed on `today`. */
export function isPast(date: string | null, today: Date): boolean {
  return date !== null && date <= today.toISOString().slice(0, 10);
}

/** One line on a runtime's lifecycle, as the hover and the completion list show it. */
export function lifecycleSummary(id: string, life: RuntimeLifecycle, today: Date): string {
  const parts: string[] = [];
  if (life.deprecated)
    parts.push(`${isPast(life.deprecated, today) ? 'deprecated since' : 'deprecation'} ${life.deprecated}`);
  if (life.createBlock)
    parts.push(
      `${isPast(life.createBlock, today) ? 'creating functions blocked since' : 'function creation blocked from'} ` +
        `${life.createBlock}`,
    );
  if (life.updateBlock)
    parts.push(
      `${isPast(life.updateBlock, today) ? 'updates blocked since' : 'updates blocked from'} ${life.updateBlock}`,
    );
  if (life.successor && isPast(life.deprecated, today)) parts.push(`move to ${life.successor}`);
  return parts.length ? `${id}: ${parts.join('; ')}` : `${id}: no deprecation date announced`;
}

/** Lambda runtimes, supported ones first (latest deprecation date first), deprecated ones marked. */
export function runtimeValues(catalog: SchemaCatalog, today: Date, replace: Span): CompletionProposal[] {
  const entries = Object.entries(catalog.runtimes());
  const ranked = entries.sort(([a, x], [b, y]) => {
    const dead = Number(isPast(x.deprecated, today)) - Number(isPast(y.deprecated, today));
    return dead || (y.deprecated ?? '9999').localeCompare(x.deprecated ?? '9999') || a.localeCompare(b);
  });
  return ranked.map(([id, life], i) => ({
    label: id,
    kind: 'value',
    detail: isPast(life.deprecated, today)
      ? `deprecated ${life.deprecated}`
      : life.deprecated
        ? `supported until ${life.deprecated}`
        : 'supported',
    documentation: lifecycleSummary(id, life, today),
    deprecated: isPast(life.deprecated, today),
    replace,
    sortText: String(i).padStart(3, '0'),
  }));
}
