import type { AboutFunction, Fix, RelatedLocation, Report } from './types';

/**
 * A value written once in SAM `Globals` or a Serverless `provider` is inherited by every function that does not
 * set its own; a rule that judges each function's settings reports it once per function, on the same line. Those
 * reports become one: on the line where the value is written, naming every function that inherits it and
 * pointing at each, with one set of quick fixes. Functions that override the value have their own setting, so
 * they never report it. Reports are the same when they say the same thing (message, data, severity) about the
 * same text.
 */

/** One report as the engine publishes it: a rule's report with the functions it is about. */
export interface MergedReport {
  readonly report: Report;
  readonly functions: readonly AboutFunction[];
}

const SHARED_SOURCES: ReadonlySet<string> = new Set(['globals', 'provider']);

export function mergeInherited(reports: readonly Report[]): MergedReport[] {
  const merged: { report: Report; functions: AboutFunction[] }[] = [];
  const byKey = new Map<string, { report: Report; functions: AboutFunction[] }>();
  for (const report of reports) {
    const about = report.about;
    if (!about || !SHARED_SOURCES.has(about.source)) {
      merged.push({ report, functions: about ? [about] : [] });
      continue;
    }
    const key = JSON.stringify([
      report.messageId,
      report.span.start,
      report.span.end,
      report.severity,
      about.source,
      report.data,
    ]);
    const same = byKey.get(key);
    if (same) {
      // A function can break the same rule twice with one value (a Lambda@Edge function in two behaviors).
      if (!same.functions.some((f) => f.span.start === about.span.start)) same.functions.push(about);
      same.report = {
        ...same.report,
        related: union(same.report.related, report.related),
        fixes: distinctFixes(same.report.fixes, report.fixes),
      };
      continue;
    }
    const entry = { report, functions: [about] };
    byKey.set(key, entry);
    merged.push(entry);
  }
  return merged;
}

/** `{{subject}}`: "Function 'Api'", or "Each of functions 'Api' and 'Worker'" (singular, so every message reads on). */
export function subjectWords(functions: readonly AboutFunction[]): string {
  const names = functions.map((f) => `'${f.name}'`);
  return names.length === 1 ? `Function ${names[0]}` : `Each of functions ${listWords(names)}`;
}

/** `{{where}}`: where an inherited value was written, naming the function when the subject does not already. */
export function whereWords(functions: readonly AboutFunction[]): string {
  const [first] = functions;
  if (!first) return '';
  const one = functions.length === 1;
  switch (first.source) {
    case 'globals':
      return one ? ` (set in Globals, inherited by '${first.name}')` : ' (set in Globals)';
    case 'provider':
      return one ? ` (set in provider, inherited by function '${first.name}')` : ' (set in provider)';
    case 'default':
      return ` (the default for '${first.name}')`;
    default:
      return '';
  }
}

/** Related locations that point at each function inheriting the value. */
export function inheritingFunctions(functions: readonly AboutFunction[]): RelatedLocation[] {
  const [first] = functions;
  if (!first || !SHARED_SOURCES.has(first.source)) return [];
  const scope = first.source === 'globals' ? 'Globals' : 'provider';
  return functions.map((f) => ({ span: f.span, message: `'${f.name}' inherits this value from ${scope}` }));
}

function listWords(items: readonly string[]): string {
  return items.length <= 1 ? items.join('') : `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

function union(
  a: readonly RelatedLocation[] | undefined,
  b: readonly RelatedLocation[] | undefined,
): RelatedLocation[] {
  const seen = new Set<string>();
  return [...(a ?? []), ...(b ?? [])].filter((r) => {
    const key = `${r.span.start}:${r.span.end}:${r.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function distinctFixes(a: readonly Fix[] | undefined, b: readonly Fix[] | undefined): Fix[] {
  const seen = new Set<string>();
  return [...(a ?? []), ...(b ?? [])].filter((f) => {
    const key = JSON.stringify(f);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
