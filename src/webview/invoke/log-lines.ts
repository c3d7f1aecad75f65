// A Lambda log, line by line, as a reader wants it: the level of each line (for its colour), the message apart
// from the timestamp and request ID, and JSON messages pretty-printed. Pure, so unit tests run it in Node.

export type LogLevel = 'error' | 'warn' | 'info' | 'debug' | 'platform' | 'plain';

export interface LogLine {
  readonly level: LogLevel;
  /** The line as printed, or the JSON it carries pretty-printed (then over several lines). */
  readonly text: string;
  readonly json: boolean;
}

const LEVELS: Readonly<Record<string, LogLevel>> = {
  ERROR: 'error',
  FATAL: 'error',
  CRITICAL: 'error',
  WARN: 'warn',
  WARNING: 'warn',
  INFO: 'info',
  LOG: 'info',
  DEBUG: 'debug',
  TRACE: 'debug',
};

/** The Lambda service's own lines (https://docs.aws.amazon.com/lambda/latest/dg/monitoring-cloudwatchlogs.html). */
const PLATFORM = /^(START|END|REPORT|INIT_START|INIT_REPORT|EXTENSION|TELEMETRY) /;
/** Node.js runtime: `2024-01-01T00:00:00.000Z\t<request id>\tINFO\tmessage`. */
const NODE_LINE = /^\d{4}-\d\d-\d\dT[\d:.]+Z\t[\w-]+\t([A-Z]+)\t([\s\S]*)$/;
/** Python runtime's logging module: `[INFO]\t2024-01-01T00:00:00.000Z\t<request id>\tmessage`. */
const PYTHON_LINE = /^\[([A-Z]+)\]\t\S+\t[\w-]*\t?([\s\S]*)$/;
/** A Python traceback or an uncaught error's stack: the lines of one error. */
const ERROR_TEXT = /^(Traceback \(most recent call last\)|\s+at |\s+File "|[A-Za-z.]*(Error|Exception)\b:?)/;

export function logLines(logs: string): LogLine[] {
  return logs
    .replace(/\n$/, '')
    .split('\n')
    .filter((line, i, all) => line !== '' || i < all.length - 1)
    .map(logLine);
}

function logLine(line: string): LogLine {
  if (PLATFORM.test(line)) return { level: 'platform', text: line, json: false };
  const framed = NODE_LINE.exec(line) ?? PYTHON_LINE.exec(line);
  const framedLevel = framed ? LEVELS[framed[1]] : undefined;
  const message = framed && framedLevel ? framed[2] : line;
  const parsed = jsonObject(message);
  if (parsed) {
    const level = levelOf(parsed) ?? framedLevel ?? 'info';
    return { level, text: JSON.stringify(parsed, null, 2), json: true };
  }
  if (framedLevel) return { level: framedLevel, text: message, json: false };
  return { level: ERROR_TEXT.test(line) ? 'error' : 'plain', text: line, json: false };
}

/** Structured logging (Powertools, pino, Lambda's JSON log format) names the level in a field. */
function levelOf(record: Record<string, unknown>): LogLevel | undefined {
  const named = record.level ?? record.levelname ?? record.severity;
  return typeof named === 'string' ? LEVELS[named.toUpperCase()] : undefined;
}

function jsonObject(text: string): Record<string, unknown> | undefined {
  const trimmed = text.trim();
  if (!trimmed.startsWith('{') || !trimmed.endsWith('}')) return undefined;
  try {
    const value: unknown = JSON.parse(trimmed);
    return value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}
