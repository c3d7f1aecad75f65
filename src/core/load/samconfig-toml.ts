import type { SamconfigEntry, SamconfigRead, SamconfigTables, SamconfigValue } from './samconfig-types';

class TomlError extends Error {
  constructor(
    readonly line: number,
    message: string,
  ) {
    super(message);
  }
}

/**
 * Reads the TOML that `sam deploy --guided` and people write in samconfig.toml: `[a.b.c]` tables of
 * `key = value` with strings, numbers, booleans and arrays (which may span lines). Not a general TOML parser
 * (no inline tables, dotted keys or multi-line strings, which SAM CLI's files do not use); what it cannot
 * read is a problem with its line, never an exception.
 */
export function parseSamconfigToml(text: string): SamconfigRead {
  const tables: Record<string, Record<string, SamconfigEntry>> = { '': {} };
  let current = tables[''];
  const lines = text.split(/\r?\n/);
  try {
    for (let index = 0; index < lines.length; index++) {
      const line = stripComment(lines[index]).trim();
      if (!line) continue;
      const header = /^\[([A-Za-z0-9_.\- "]+)\]$/.exec(line);
      if (header) {
        const name = header[1]
          .split('.')
          .map((p) => p.trim().replace(/^"|"$/g, ''))
          .join('.');
        current = tables[name] ??= {};
        continue;
      }
      const kv = /^([A-Za-z0-9_\-"]+)\s*=\s*(.+)$/.exec(line);
      if (!kv) throw new TomlError(index + 1, 'expected [table] or key = value');
      const first = index + 1;
      let valueText = kv[2].trim();
      // An array closes on a later line: gather its lines (comments stripped) until the brackets balance.
      while (valueText.startsWith('[') && bracketDepth(valueText) > 0 && index + 1 < lines.length) {
        valueText += ` ${stripComment(lines[++index]).trim()}`;
      }
      current[kv[1].replace(/^"|"$/g, '')] = { value: parseValue(valueText, first), line: first };
    }
  } catch (error) {
    if (error instanceof TomlError) return { ok: false, line: error.line, message: error.message };
    throw error;
  }
  return { ok: true, tables: tables as SamconfigTables };
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

function bracketDepth(text: string): number {
  let depth = 0;
  scanUnquoted(text, (c) => {
    if (c === '[') depth++;
    else if (c === ']') depth--;
  });
  return depth;
}

function parseValue(text: string, line: number): SamconfigValue {
  if (text.startsWith('"')) {
    try {
      return JSON.parse(text) as string;
    } catch {
      throw new TomlError(line, 'unterminated or invalid string');
    }
  }
  if (text.startsWith("'")) {
    if (!text.endsWith("'") || text.length < 2) throw new TomlError(line, 'unterminated string');
    return text.slice(1, -1);
  }
  if (text === 'true' || text === 'false') return text === 'true';
  if (text.startsWith('[')) {
    if (!text.endsWith(']') || bracketDepth(text) !== 0) throw new TomlError(line, 'an array is not closed');
    const inner = text.slice(1, -1).trim();
    if (!inner) return [];
    return splitTopLevel(inner).map((part) => parseValue(part.trim(), line));
  }
  const n = Number(text.replace(/_/g, ''));
  if (!Number.isNaN(n)) return n;
  throw new TomlError(line, `cannot read the value ${text}`);
}

/** Array items split at top-level commas; a trailing comma (allowed by TOML) adds no item. */
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
