import * as fs from 'fs';
import * as path from 'path';

export type TomlValue = string | number | boolean | TomlValue[];
export type TomlTables = Record<string, Record<string, TomlValue>>;

/**
 * Reads the TOML that `sam deploy --guided` writes (samconfig.toml): `[a.b.c]` tables of `key = value` with
 * strings, numbers, booleans and one-line arrays. Errors carry the line number. Not a general TOML parser.
 */
export function parseSamconfig(text: string, file = 'samconfig.toml'): TomlTables {
  const tables: TomlTables = { '': {} };
  let current = tables[''];
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = stripComment(raw).trim();
    if (!line) return;
    const header = /^\[([A-Za-z0-9_.\- "]+)\]$/.exec(line);
    if (header) {
      const name = header[1].split('.').map((p) => p.trim().replace(/^"|"$/g, '')).join('.');
      current = tables[name] ??= {};
      return;
    }
    const kv = /^([A-Za-z0-9_\-"]+)\s*=\s*(.+)$/.exec(line);
    if (!kv) throw new Error(`${file}:${index + 1}: expected [table] or key = value`);
    current[kv[1].replace(/^"|"$/g, '')] = parseValue(kv[2].trim(), `${file}:${index + 1}`);
  });
  return tables;
}

/** Calls `visit` for each character outside quoted strings; `visit` returning true stops the scan there. */
function scanUnquoted(text: string, visit: (c: string, i: number) => boolean | void): void {
  let quote: string | undefined;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quote) {
      if (c === '\\' && quote === '"') i++;
      else if (c === quote) quote = undefined;
    } else if (c === '"' || c === "'") quote = c;
    else if (visit(c, i)) return;
  }
}

function stripComment(line: string): string {
  let end = line.length;
  scanUnquoted(line, (c, i) => {
    if (c !== '#') return false;
    end = i;
    return true;
  });
  return line.slice(0, end);
}

function parseValue(text: string, where: string): TomlValue {
  if (text.startsWith('"')) {
    try { return JSON.parse(text) as string; } catch { throw new Error(`${where}: unterminated or invalid string`); }
  }
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) throw new Error(`${where}: unterminated string`);
    return text.slice(1, -1);
  }
  if (text === 'true' || text === 'false') return text === 'true';
  if (text.startsWith('[')) {
    if (!text.endsWith(']')) throw new Error(`${where}: arrays must close on the same line`);
    const inner = text.slice(1, -1).trim();
    if (!inner) return [];
    return splitTopLevel(inner).map((part) => parseValue(part.trim(), where));
  }
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isNaN(n)) return n;
  throw new Error(`${where}: cannot read value ${text}`);
}

function splitTopLevel(text: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let start = 0;
  scanUnquoted(text, (c, i) => {
    if (c === '[') depth++;
    else if (c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(text.slice(start, i));
      start = i + 1;
    }
  });
  const last = text.slice(start);
  if (last.trim()) parts.push(last);
  return parts;
}

export interface DeployDefaults {
  readonly stackName?: string;
  readonly region?: string;
  readonly profile?: string;
  /** Where they came from, for messages. */
  readonly file?: string;
}

/**
 * Stack, Region and profile for an environment (`default` unless told), the way SAM CLI reads them:
 * `[<env>.deploy.parameters]` first, then `[<env>.global.parameters]`.
 */
export function readDeployDefaults(templateDir: string, environment = 'default'): DeployDefaults {
  const file = path.join(templateDir, 'samconfig.toml');
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch {
    return {};
  }
  const tables = parseSamconfig(text, file);
  const pick = (key: string): string | undefined => {
    for (const section of ['deploy', 'global']) {
      const v = tables[`${environment}.${section}.parameters`]?.[key];
      if (typeof v === 'string') return v;
    }
    return undefined;
  };
  return { stackName: pick('stack_name'), region: pick('region'), profile: pick('profile'), file };
}
