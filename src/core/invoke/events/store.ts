import * as fs from 'fs';
import * as path from 'path';
import { formatJsonProblem, parseJsonStrict } from '../json-file';
import { LAMBDA_LIMITS } from '../limits';

/** `.serverless-workbench/events/<LogicalId>/`: where a function's saved events live. */
export function eventsDir(workspaceDir: string, logicalId: string): string {
  return path.join(workspaceDir, '.serverless-workbench', 'events', logicalId);
}

/** Saved event files of a function, newest first. */
export function listSavedEvents(workspaceDir: string, logicalId: string): string[] {
  const dir = eventsDir(workspaceDir, logicalId);
  let names: string[];
  try {
    names = fs.readdirSync(dir).filter((n) => n.endsWith('.json'));
  } catch {
    return [];
  }
  const mtime = (n: string) => {
    try {
      return fs.statSync(path.join(dir, n)).mtimeMs;
    } catch {
      return 0;
    }
  };
  return names.sort((a, b) => mtime(b) - mtime(a) || a.localeCompare(b)).map((n) => path.join(dir, n));
}

/** File-name-safe version of an event name. */
function safeName(name: string): string {
  return name.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '') || 'event';
}

/** Writes a new event file (never over an existing one: `name-2.json` then) and returns its path. */
export function saveEvent(workspaceDir: string, logicalId: string, name: string, payload: unknown): string {
  const dir = eventsDir(workspaceDir, logicalId);
  fs.mkdirSync(dir, { recursive: true });
  const base = safeName(name);
  let file = path.join(dir, `${base}.json`);
  for (let i = 2; fs.existsSync(file); i++) file = path.join(dir, `${base}-${i}.json`);
  fs.writeFileSync(file, `${JSON.stringify(payload, null, 2)}\n`);
  return file;
}

export type EventText = { readonly ok: true; readonly text: string } | { readonly ok: false; readonly message: string };

/** An event's JSON text, checked before anything runs: a broken file is reported with line and column. */
export function checkEventText(text: string, source: string): EventText {
  const size = Buffer.byteLength(text);
  // Lambda refuses such a request before the function runs (RequestTooLargeException); so do we.
  if (size > LAMBDA_LIMITS.syncPayloadBytes)
    return {
      ok: false,
      message:
        `${source} is ${size} bytes: Lambda's request payload limit is ${LAMBDA_LIMITS.syncPayloadBytes} bytes ` +
        `(RequestTooLargeException).`,
    };
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, text: '{}' };
  const parsed = parseJsonStrict(text);
  if (!parsed.ok) return { ok: false, message: formatJsonProblem(source, parsed.problem) };
  return { ok: true, text };
}

export function readEventFile(file: string): EventText {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    return { ok: false, message: `Cannot read event file ${file}: ${(error as Error).message}` };
  }
  return checkEventText(text, file);
}
