import { isWrittenInPlace } from '../model/resolve/describe';
import type { FunctionView, Setting } from '../model/template';

/** What a function's explorer line can show, in the order the user picks (`explorer.descriptionFields`). */
export type DescriptionField = 'runtime' | 'memory' | 'timeout' | 'cost';

/**
 * Runtime first: a narrow sidebar cuts the end of a description, and what a function runs on is what a reader
 * looks for first; the monthly figure, the longest part, goes last.
 */
export const DEFAULT_DESCRIPTION_FIELDS: readonly DescriptionField[] = ['runtime', 'memory', 'timeout', 'cost'];

export type DescriptionParts = Readonly<Partial<Record<DescriptionField, string>>>;

/**
 * "nodejs22.x", "1024 MB*", "30 s": the resolved values, a `*` on those not written in place (a parameter,
 * a mapping, a condition, the service's default; the tooltip says which), "?" where the value is unknown.
 */
export function functionParts(fn: FunctionView): DescriptionParts {
  const runtime = fn.packageType === 'Image' ? 'image' : fn.runtime ? compactSetting(fn.runtime) : 'no runtime';
  return { runtime, memory: compactSetting(fn.memorySize, 'MB'), timeout: compactSetting(fn.timeout, 's') };
}

/** The parts in the order of `fields`, skipping those not chosen or not known, joined as the tree shows them. */
export function composeDescription(parts: DescriptionParts, fields: readonly DescriptionField[]): string {
  return fields
    .map((f) => parts[f])
    .filter(Boolean)
    .join(' · ');
}

/**
 * A description with a fixed text and the monthly cost (a template, a resource): the cost before the text when
 * the user put it before the runtime, after it otherwise, and not at all when they left it out.
 */
export function withCost(
  text: string | undefined,
  cost: string | undefined,
  fields: readonly DescriptionField[],
): string {
  const costAt = fields.indexOf('cost');
  const shown = costAt < 0 ? undefined : cost;
  const costFirst = costAt >= 0 && costAt < Math.max(0, fields.indexOf('runtime'));
  return (costFirst ? [shown, text] : [text, shown]).filter(Boolean).join(' · ');
}

function compactSetting(setting: Setting<unknown>, unit?: string): string {
  const value = setting.value === undefined ? '?' : String(setting.value);
  return `${value}${unit ? ` ${unit}` : ''}${setting.value !== undefined && !isWrittenInPlace(setting) ? '*' : ''}`;
}
