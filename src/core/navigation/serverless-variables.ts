import type { Node, Span } from '../model/nodes';
import { walk } from '../model/nodes';

/** `${self:custom.table}`: the dotted path into the same serverless.yml, with the span of the path. */
export interface SelfVariable {
  readonly path: string;
  readonly span: Span;
}

/** `${file(./config.yml):stage.table}`: another file, and optionally a path of keys inside it. */
export interface FileVariable {
  readonly file: string;
  readonly keyPath: readonly string[];
  readonly span: Span;
}

const SELF = /\$\{self:([A-Za-z0-9_\-]+(?:\.[A-Za-z0-9_\-]+)*)/g;
const FILE = /\$\{file\(([^)$]+)\)(?::([A-Za-z0-9_\-.]+))?/g;

/** Every `${self:...}` in the scalars below `node`, positioned in the raw text (quotes and all). */
export function selfVariables(node: Node, text: string): SelfVariable[] {
  return scan(node, text, SELF, (m, start) => ({
    path: m[1],
    span: { start: start + m.index + 7, end: start + m.index + 7 + m[1].length },
  }));
}

export function fileVariables(node: Node, text: string): FileVariable[] {
  return scan(node, text, FILE, (m, start) => {
    const file = m[1].trim().replace(/^['"]|['"]$/g, '');
    const at = start + m.index + 7;
    return {
      file,
      keyPath: m[2] ? m[2].split('.') : [],
      span: { start: at, end: at + m[1].length + (m[2] ? m[2].length + 2 : 1) },
    };
  });
}

function scan<T>(node: Node, text: string, pattern: RegExp, make: (m: RegExpExecArray, start: number) => T): T[] {
  const out: T[] = [];
  walk(node, (n) => {
    if (n.kind !== 'scalar' || typeof n.value !== 'string' || !n.value.includes('${')) return;
    const raw = text.slice(n.span.start, n.span.end);
    pattern.lastIndex = 0;
    for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) out.push(make(m, n.span.start));
  });
  return out;
}
