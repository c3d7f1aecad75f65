import { getLocation } from 'jsonc-parser';
import { LIMITS } from '../model/limits';
import type { MapEntry, MapNode, Span } from '../model/nodes';
import type { TemplateFormat } from '../model/template';

/**
 * Where the cursor is, in terms a completion understands: the chain of keys from the document root
 * (`'-'` for a list item), whether a key or a value is being typed, and the word typed so far. Read from
 * the text around the cursor rather than from the model, because the text being typed rarely parses.
 */
export interface CursorContext {
  readonly path: readonly string[];
  readonly position: 'key' | 'value';
  /** What has been typed of the current word, and its span (replaced by the completion). */
  readonly prefix: string;
  readonly replace: Span;
  /** The text of the line up to the cursor, for intrinsic functions written on it. */
  readonly lineBefore: string;
  /** Keys the map at the cursor already has (YAML; computed on demand, as it reads the whole block). */
  siblingKeys(): ReadonlySet<string>;
}

const WORD = /[A-Za-z0-9_:.\-]*$/;

/**
 * `root` (the model of the same text, when it parsed) lets the key chain start at the enclosing
 * top-level entry and its child, so that a cursor deep in a 2,000-resource template does not scan back
 * over every resource above it.
 */
export function cursorContext(
  text: string,
  offset: number,
  format: TemplateFormat,
  root?: MapNode,
): CursorContext | undefined {
  // The JSON reader below recurses per level; deeper than the model reads there is nothing to propose anyway.
  if (format === 'json' && jsonNestingAt(text, offset) > LIMITS.maxNestingDepth) return undefined;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const lineBefore = text.slice(lineStart, offset);
  const prefix = WORD.exec(lineBefore)?.[0] ?? '';
  const replace = {
    start: offset - prefix.length,
    end: offset + (/^[A-Za-z0-9_:.\-]*/.exec(text.slice(offset))?.[0].length ?? 0),
  };
  return format === 'json'
    ? jsonContext(text, offset, lineBefore, prefix, replace)
    : yamlContext(text, lineStart, lineBefore, prefix, replace, root ? enclosingEntries(root, lineStart) : []);
}

/** How many objects and arrays are open at `offset`, brackets inside strings aside. */
function jsonNestingAt(text: string, offset: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === BACKSLASH) i++;
      else if (c === QUOTE) inString = false;
    } else if (c === QUOTE) inString = true;
    else if (c === OPEN_BRACE || c === OPEN_BRACKET) depth++;
    else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) depth--;
  }
  return depth;
}

const [QUOTE, BACKSLASH, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET] = [...'"\\{}[]'].map((c) =>
  c.charCodeAt(0),
);

function jsonContext(text: string, offset: number, lineBefore: string, prefix: string, replace: Span): CursorContext {
  const location = getLocation(text, offset);
  const path = location.path.map((p) => (typeof p === 'number' ? '-' : p));
  const inKey = location.isAtPropertyKey;
  // A property being typed shows up as an empty last segment: the parent is what matters.
  const keys = inKey && path.length > 0 ? path.slice(0, -1) : path;
  const quoted = /"([^"]*)$/.exec(lineBefore);
  const word = quoted ? quoted[1] : prefix;
  return {
    path: keys,
    position: inKey ? 'key' : 'value',
    prefix: word,
    replace: { start: offset - word.length, end: replace.end },
    lineBefore,
    siblingKeys: () => new Set(),
  };
}

/** Key chain from indentation: each earlier line less indented than the current one is a parent. */
function yamlContext(
  text: string,
  lineStart: number,
  lineBefore: string,
  prefix: string,
  replace: Span,
  anchors: readonly MapEntry[],
): CursorContext {
  const keyValue = /^(\s*)(?:-\s+)*([^\s:#][^:#]*?):(?:\s+(.*))?$/.exec(lineBefore);
  const item = /^(\s*)((?:-\s+)+)(.*)$/.exec(lineBefore);
  let indent: number;
  const path: string[] = [];
  let position: 'key' | 'value';
  if (keyValue && keyValue[3] !== undefined) {
    indent = lineBefore.indexOf(keyValue[2]);
    path.push(keyValue[2].trim());
    position = 'value';
  } else if (item) {
    indent = item[1].length;
    position = 'key';
    path.push('-');
  } else {
    indent = /^\s*/.exec(lineBefore)![0].length;
    position = 'key';
  }
  const parents = parentKeys(text, lineStart, indent, anchors);
  return {
    path: [...parents, ...path],
    position,
    prefix,
    replace,
    lineBefore,
    siblingKeys: () => siblingKeys(text, lineStart, item ? indent + item[2].length : indent, item !== null),
  };
}

function parentKeys(text: string, lineStart: number, indent: number, anchors: readonly MapEntry[]): string[] {
  const chain: string[] = [];
  let limit = indent;
  let end = lineStart - 1;
  // The deepest anchor is a key line above the cursor: scan down to it, then its ancestors are known.
  const anchor = anchors[anchors.length - 1];
  const stop = anchor ? text.lastIndexOf('\n', anchor.keySpan.start) + 1 : 0;
  while (end > 0 && limit > 0) {
    if (anchor && end < stop) {
      if (limit > 0) chain.unshift(...anchors.slice(0, -1).map((a) => a.key));
      break;
    }
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end).replace(/\r$/, '');
    end = start - 1;
    if (/^\s*(#|$)/.test(line)) continue;
    const m = /^(\s*)((?:-\s+)*)([^\s:#'"][^:#]*?|'[^']*'|"[^"]*"):(\s|$)/.exec(line);
    const leading = /^\s*/.exec(line)![0].length;
    if (m) {
      const keyColumn = m[1].length + m[2].length;
      if (keyColumn < limit) {
        chain.unshift(m[3].replace(/^['"]|['"]$/g, ''));
        limit = keyColumn;
        // `- Key:`: the key is inside a list item whose dash is further left.
        if (m[2]) {
          chain.unshift('-');
          limit = leading;
        }
      }
    } else if (leading < limit && /^\s*-/.test(line)) {
      chain.unshift('-');
      limit = leading;
    } else if (leading < limit) {
      break; // a block scalar or flow text that is not a key: the structure above is unknown
    }
  }
  return chain;
}

/**
 * The top-level entry and its child entry whose key lines come before `lineStart` and whose region
 * (up to the next sibling key) holds it. Both levels are maps in every template kind (`Resources.X`,
 * `functions.f`), and a child's key line is where the backwards scan can stop.
 */
function enclosingEntries(root: MapNode, lineStart: number): MapEntry[] {
  const out: MapEntry[] = [];
  let entries: readonly MapEntry[] = root.entries;
  for (let depth = 0; depth < 2; depth++) {
    const entry = lastStartingBefore(entries, lineStart);
    if (!entry) break;
    out.push(entry);
    if (entry.value.kind !== 'map') break;
    entries = entry.value.entries;
  }
  return out;
}

/** Binary search: the last entry whose key starts before `offset` (entries are in document order). */
function lastStartingBefore(entries: readonly MapEntry[], offset: number): MapEntry | undefined {
  let lo = 0;
  let hi = entries.length - 1;
  let found: MapEntry | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (entries[mid].keySpan.start < offset) {
      found = entries[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/**
 * Keys at `indent` in the map around the cursor's line: upwards to the line that opens the map (a parent
 * key, or the `- ` that starts this list item), downwards to the first line less indented or the next
 * list item. A cursor on a new `- ` starts a new map, so nothing above it counts.
 */
function siblingKeys(text: string, lineStart: number, indent: number, startsItem: boolean): Set<string> {
  const keys = new Set<string>();
  const keyAt = (line: string): string | undefined => {
    const key = /^(\s*(?:-\s+)?)([^\s:#'"][^:#]*?):(\s|$)/.exec(line);
    return key && key[1].length === indent ? key[2] : undefined;
  };
  const leadingOf = (line: string): number => /^\s*/.exec(line)![0].length;
  const lineEnd = text.indexOf('\n', lineStart);
  for (let end = lineStart - 1; !startsItem && end > 0;) {
    const start = text.lastIndexOf('\n', end - 1) + 1;
    const line = text.slice(start, end);
    end = start - 1;
    if (/^\s*(#|$)/.test(line)) continue;
    const key = keyAt(line);
    if (key) keys.add(key);
    if (leadingOf(line) < indent) break; // the parent key, or the `- ` opening this item (whose key was taken)
  }
  for (let start = lineEnd < 0 ? text.length : lineEnd + 1; start < text.length;) {
    const next = text.indexOf('\n', start);
    const end = next < 0 ? text.length : next;
    const line = text.slice(start, end);
    start = end + 1;
    if (/^\s*(#|$)/.test(line)) continue;
    if (leadingOf(line) < indent) break;
    const key = keyAt(line);
    if (key) keys.add(key);
  }
  return keys;
}
