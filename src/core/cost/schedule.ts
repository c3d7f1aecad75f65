/**
 * How often a schedule fires in a month, for usage that follows the wiring: a function or state machine
 * run by `rate(1 day)` or `cron(0 2 * * ? *)` is invoked about 30 times, not a million. EventBridge
 * schedule expressions (`rate(value unit)`, six-field `cron(...)`); a month is 730 hours (AWS pricing pages).
 */
import { HOURS_PER_MONTH } from './prices';

const DAYS_PER_MONTH = HOURS_PER_MONTH / 24;

const MINUTES_PER_UNIT: Readonly<Record<string, number>> = {
  minute: 1,
  minutes: 1,
  hour: 60,
  hours: 60,
  day: 1440,
  days: 1440,
};
const DAY_NAMES = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
const MONTH_NAMES = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];

/** Firings per month, or undefined when the expression is not one we can read (then the defaults apply). */
export function firingsPerMonth(expression: string): number | undefined {
  const rate = /^rate\(\s*(\d+)\s+([a-z]+)\s*\)$/i.exec(expression.trim());
  if (rate) {
    const minutes = MINUTES_PER_UNIT[rate[2].toLowerCase()];
    const n = Number(rate[1]);
    return minutes && n > 0 ? (HOURS_PER_MONTH * 60) / (n * minutes) : undefined;
  }
  const cron = /^cron\((.*)\)$/i.exec(expression.trim());
  if (!cron) return undefined;
  const fields = cron[1].trim().split(/\s+/);
  if (fields.length !== 6) return undefined;
  const [minute, hour, dayOfMonth, month, dayOfWeek] = fields;
  const minutes = countOf(minute, 0, 59);
  const hours = countOf(hour, 0, 23);
  const months = countOf(month, 1, 12, MONTH_NAMES, 1);
  if (minutes === undefined || hours === undefined || months === undefined) return undefined;
  let days: number | undefined;
  if (isAny(dayOfMonth) && isAny(dayOfWeek)) days = DAYS_PER_MONTH;
  else if (isAny(dayOfMonth))
    days = mapDefined(countOf(dayOfWeek.replace(/#\d+$/, ''), 1, 7, DAY_NAMES, 1), (n) =>
      dayOfWeek.includes('#') ? 1 : (n * DAYS_PER_MONTH) / 7,
    );
  else days = /^L$|W$/.test(dayOfMonth) ? 1 : countOf(dayOfMonth, 1, 31);
  return days === undefined ? undefined : minutes * hours * days * (months / 12);
}

function isAny(field: string): boolean {
  return field === '*' || field === '?';
}

function mapDefined<T, U>(value: T | undefined, f: (v: T) => U): U | undefined {
  return value === undefined ? undefined : f(value);
}

/** How many values a cron field matches: `*`, `5`, `1,15`, `MON-FRI`, `0/15`, `*\/10`. */
function countOf(
  field: string,
  min: number,
  max: number,
  names: readonly string[] = [],
  firstNameValue = 0,
): number | undefined {
  if (isAny(field)) return max - min + 1;
  const value = (token: string): number | undefined => {
    const named = names.indexOf(token.toUpperCase());
    if (named >= 0) return named + firstNameValue;
    return /^\d+$/.test(token) ? Number(token) : undefined;
  };
  let count = 0;
  for (const part of field.split(',')) {
    const [range, stepText] = part.split('/');
    const step = stepText === undefined ? 1 : Number(stepText);
    if (!Number.isInteger(step) || step < 1) return undefined;
    let from: number | undefined;
    let to: number | undefined;
    if (range === '*') [from, to] = [min, max];
    else if (range.includes('-')) [from, to] = range.split('-').map(value);
    else [from, to] = [value(range), stepText === undefined ? value(range) : max];
    if (from === undefined || to === undefined || from > to) return undefined;
    count += Math.floor((to - from) / step) + 1;
  }
  return count;
}
