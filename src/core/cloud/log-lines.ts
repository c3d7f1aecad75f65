import type { LogEvent } from './logs';

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'platform';

/** A log event as the log view shows it: its level for the colour and, for JSON, the value pretty-printed. */
export interface LogLine {
  readonly timestamp: number;
  readonly text: string;
  readonly level?: LogLevel;
  /** The JSON part of the line, indented, when the line is or ends with a JSON object or array. */
  readonly json?: string;
  /** Where in `text` the JSON part starts (what comes before it, such as the time and level, stays as written). */
  readonly jsonStart?: number;
  readonly logStreamName?: string;
}

const LEVELS: Readonly<Record<string, LogLevel>> = {
  FATAL: 'fatal',
  CRITICAL: 'fatal',
  ERROR: 'error',
  WARN: 'warn',
  WARNING: 'warn',
  INFO: 'info',
  DEBUG: 'debug',
  TRACE: 'trace',
};

/**
 * Lambda's lines and its runtimes' formats: platform lines (`START`, `END`, `REPORT`, `INIT_START`, `INIT_REPORT`,
 * `EXTENSION`, `TELEMETRY`), Node.js `<time>\t<request id>\tINFO\t<message>`, Python `[INFO]\t<time>\t<id>\t<message>`,
 * and the JSON log format's `"level"` field ("Configuring advanced logging controls for Lambda functions",
 * https://docs.aws.amazon.com/lambda/latest/dg/monitoring-logs.html#monitoring-cloudwatchlogs-advanced).
 */
const PLATFORM = /^(START|END|REPORT|INIT_START|INIT_REPORT|EXTENSION|TELEMETRY|RESTORE_START|RESTORE_REPORT)\b/;
const TAB_LEVEL = /^(?:\S+\t\S+\t|\[)(FATAL|CRITICAL|ERROR|WARN|WARNING|INFO|DEBUG|TRACE)[\]\t]/;

export function presentLogEvent(event: LogEvent): LogLine {
  const text = event.message.replace(/\n$/, '');
  const json = jsonPart(text);
  const level = PLATFORM.test(text)
    ? 'platform'
    : (levelOfJson(json?.value) ??
      LEVELS[TAB_LEVEL.exec(text)?.[1] ?? ''] ??
      (/^Task timed out after|\bUncaught\b|Runtime\.\w+Error/.test(text) ? 'error' : undefined));
  return {
    timestamp: event.timestamp,
    text,
    ...(level ? { level } : {}),
    ...(json ? { json: JSON.stringify(json.value, null, 2), jsonStart: json.at } : {}),
    ...(event.logStreamName ? { logStreamName: event.logStreamName } : {}),
  };
}

function jsonPart(text: string): { value: unknown; at: number } | undefined {
  for (const open of ['{', '[']) {
    const at = text.indexOf(open);
    if (at < 0) continue;
    try {
      const value: unknown = JSON.parse(text.slice(at));
      if (value !== null && typeof value === 'object') return { value, at };
    } catch {
      // Not JSON from here to the end of the line: the line is plain text.
    }
  }
  return undefined;
}

function levelOfJson(value: unknown): LogLevel | undefined {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return undefined;
  const level = (value as { level?: unknown }).level;
  return typeof level === 'string' ? LEVELS[level.toUpperCase()] : undefined;
}
