/**
 * The grammar of EventBridge schedule expressions (EventBridge user guide, "Schedule expressions for rules";
 * EventBridge Scheduler user guide, "Schedule types on EventBridge Scheduler", which adds one-time `at(...)`).
 * `checkSchedule` returns the first mistake with its place inside the expression, so a finding can sit on the
 * one field that is wrong.
 */
export interface ScheduleMistake {
  /** Offsets into the expression. */
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** A replacement of [start, end) that makes the expression valid, when there is one obvious. */
  readonly replacement?: string;
}

interface CronField {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  /** Characters of this field beyond `, - * /` (the page's "Wildcards" column). */
  readonly special: RegExp;
  readonly allowed: string;
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const WEEKDAYS = ['SUN', 'MON', 'TUE', 'WED', 'THU', 'FRI', 'SAT'];
/** `?`, `L`, `LW`, `15W`, `L-3`. */
const DAY_OF_MONTH_SPECIAL = /^(\?|L|LW|L-\d+|\d+W)$/;
/** `?`, `L`, `6L`, `FRIL`, `3#2`, `MON#1`. */
const DAY_OF_WEEK_SPECIAL = /^(\?|L|(\d|[A-Z]{3})L|(\d|[A-Z]{3})#[1-5])$/;
const NONE = /^$/;

/** The six fields, in order, with the values the EventBridge page allows. */
const CRON_FIELDS: readonly CronField[] = [
  { name: 'minutes', min: 0, max: 59, special: NONE, allowed: '0-59' },
  { name: 'hours', min: 0, max: 23, special: NONE, allowed: '0-23' },
  { name: 'day-of-month', min: 1, max: 31, special: DAY_OF_MONTH_SPECIAL, allowed: '1-31, ?, L, W' },
  { name: 'month', min: 1, max: 12, names: MONTHS, special: NONE, allowed: '1-12 or JAN-DEC' },
  {
    name: 'day-of-week',
    min: 1,
    max: 7,
    names: WEEKDAYS,
    special: DAY_OF_WEEK_SPECIAL,
    allowed: '1-7 or SUN-SAT, ?, L, #',
  },
  { name: 'year', min: 1970, max: 2199, special: NONE, allowed: '1970-2199' },
];
const DAY_OF_MONTH = 2;
const DAY_OF_WEEK = 4;

const RATE_UNITS = ['minute', 'hour', 'day'];
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/;

/**
 * The first mistake of `expression`, or undefined when EventBridge accepts it. `allowAt`: Scheduler's one-time
 * schedules.
 */
export function checkSchedule(expression: string, allowAt: boolean): ScheduleMistake | undefined {
  const call = /^(rate|cron|at)\((.*)\)$/s.exec(expression);
  const kinds = allowAt ? 'rate(...), cron(...) or at(...)' : 'rate(...) or cron(...)';
  if (!call || (call[1] === 'at' && !allowAt))
    return { start: 0, end: expression.length, message: `A schedule expression is ${kinds}.` };
  const inner = call[1].length + 1;
  if (call[1] === 'rate') return checkRate(call[2], inner);
  if (call[1] === 'at') return checkAt(call[2], inner);
  return checkCron(call[2], inner);
}

function checkRate(body: string, offset: number): ScheduleMistake | undefined {
  const parts = tokens(body, offset);
  if (parts.length !== 2)
    return {
      start: offset,
      end: offset + body.length,
      message: 'rate(...) takes a value and a unit: rate(5 minutes).',
    };
  const [value, unit] = parts;
  if (!/^\d+$/.test(value.text) || Number(value.text) < 1)
    return { ...value, message: `The rate value '${value.text}' must be a positive whole number.` };
  const singular = unit.text.replace(/s$/, '');
  if (!RATE_UNITS.includes(singular))
    return { ...unit, message: `The rate unit '${unit.text}' must be minute(s), hour(s) or day(s).` };
  const expected = value.text === '1' ? singular : `${singular}s`;
  if (unit.text !== expected) {
    const why = value.text === '1' ? 'a value of 1 takes the singular' : 'a value above 1 takes the plural';
    return { ...unit, message: `The unit must be '${expected}': ${why}.`, replacement: expected };
  }
  return undefined;
}

function checkAt(body: string, offset: number): ScheduleMistake | undefined {
  const date = new Date(`${body}Z`);
  if (AT.test(body) && !Number.isNaN(date.getTime()) && date.toISOString().startsWith(body)) return undefined;
  return {
    start: offset,
    end: offset + body.length,
    message: `'${body}' is not a date and time written yyyy-mm-ddThh:mm:ss.`,
  };
}

function checkCron(body: string, offset: number): ScheduleMistake | undefined {
  const fields = tokens(body, offset);
  if (fields.length !== CRON_FIELDS.length) {
    return {
      start: offset,
      end: offset + body.length,
      message:
        `cron(...) has six fields (minutes hours day-of-month month day-of-week year); this one ` +
        `has ${fields.length}.`,
    };
  }
  for (let i = 0; i < fields.length; i++) {
    const mistake = checkField(fields[i].text, CRON_FIELDS[i]);
    if (mistake)
      return {
        ...fields[i],
        message:
          `'${fields[i].text}' is not a valid ${CRON_FIELDS[i].name} field ` +
          `(${CRON_FIELDS[i].allowed}): ${mistake}.`,
      };
  }
  const dayOfMonth = fields[DAY_OF_MONTH];
  const dayOfWeek = fields[DAY_OF_WEEK];
  const questions = [dayOfMonth, dayOfWeek].filter((f) => f.text === '?').length;
  if (questions === 1) return undefined;
  if (questions === 2)
    return { ...dayOfWeek, message: 'Day-of-month and day-of-week cannot both be ?: one of them must say which days.' };
  // The field left as * is the one the author did not mean to restrict.
  const loose = dayOfMonth.text === '*' ? dayOfMonth : dayOfWeek.text === '*' ? dayOfWeek : undefined;
  const at = loose ?? dayOfMonth;
  return {
    start: at.start,
    end: at.end,
    message: 'One of day-of-month and day-of-week must be ? (EventBridge cannot combine both).',
    replacement: loose ? '?' : undefined,
  };
}

/**
 * One field: items separated by commas, each `*`, a value, a range, optionally `/step`, or the field's special forms.
 */
function checkField(text: string, field: CronField): string | undefined {
  for (const item of text.split(',')) {
    if (field.special.test(item.toUpperCase())) {
      if (item !== '?' && text.includes(',')) return `'${item}' cannot be combined with other values`;
      continue;
    }
    const [base, step, extra] = item.split('/');
    if (extra !== undefined || (step !== undefined && !/^\d+$/.test(step)) || step === '0')
      return `'${item}' has an invalid step`;
    if (base === '*') continue;
    const bounds = base.split('-');
    if (bounds.length > 2) return `'${item}' is not a value or a range`;
    for (const bound of bounds) {
      const value = valueOf(bound, field);
      if (value === undefined) return `'${bound}' is not a value of this field`;
      if (value < field.min || value > field.max) return `${bound} is outside ${field.min}-${field.max}`;
    }
  }
  return undefined;
}

function valueOf(text: string, field: CronField): number | undefined {
  if (/^\d+$/.test(text)) return Number(text);
  const index = field.names?.indexOf(text.toUpperCase()) ?? -1;
  return index >= 0 ? index + 1 : undefined;
}

/** Whitespace-separated words with their offsets. */
function tokens(body: string, offset: number): { text: string; start: number; end: number }[] {
  return [...body.matchAll(/\S+/g)].map((m) => ({
    text: m[0],
    start: offset + m.index!,
    end: offset + m.index! + m[0].length,
  }));
}
