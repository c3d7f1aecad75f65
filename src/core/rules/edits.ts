import type { MapNode, Node, ScalarNode, Span } from '../model/nodes';
import type { Template } from '../model/template';
import type { Fix, TextEdit } from './types';

/** Text written as is, already in the template's syntax (an intrinsic such as `!Sub '...'`). */
export class RawText {
  constructor(
    readonly yaml: string,
    readonly json: string,
  ) {}
}

export type PlainValue = string | number | boolean | RawText | { readonly [key: string]: PlainValue };

/** Replaces a scalar's value, keeping its quoting style in YAML so the line changes only where it must. */
export function replaceScalar(template: Template, node: Node, value: string | number): TextEdit {
  return replaceScalarAt(template, node.span, value);
}

/** `replaceScalar` for a scalar known by its span (a parameter's Default a provenance step points at). */
export function replaceScalarAt(template: Template, span: Span, value: string | number): TextEdit {
  const raw = template.text.slice(span.start, span.end);
  const quote = raw.startsWith("'") || raw.startsWith('"') ? raw[0] : undefined;
  if (quote === '"') return { span, newText: JSON.stringify(String(value)) };
  if (template.format === 'json') return { span, newText: JSON.stringify(value) };
  if (quote === "'") return { span, newText: `'${String(value).replace(/'/g, "''")}'` };
  return { span, newText: yamlScalar(value) };
}

/** Replaces any node (an intrinsic, a scalar) with a new value rendered in the template's syntax. */
export function replaceNode(template: Template, node: Node, value: PlainValue): TextEdit {
  if (node.kind === 'scalar' && typeof value !== 'object')
    return replaceScalar(template, node, typeof value === 'boolean' ? String(value) : value);
  return { span: node.span, newText: template.format === 'json' ? renderJson(value, '') : renderYamlInline(value) };
}

/**
 * Adds `path` (e.g. ['Properties', 'VisibilityTimeout']) below `map`, reusing the maps that exist and creating
 * the rest, as new lines after the last entry of the deepest existing map (or before the entry `before`).
 * Nothing else in the document moves.
 */
export function insertPath(
  template: Template,
  map: MapNode,
  path: readonly string[],
  value: PlainValue,
  before?: string,
): TextEdit {
  let target = map;
  let i = 0;
  for (; i < path.length - 1; i++) {
    const next = target.entries.find((e) => e.key === path[i])?.value;
    if (next?.kind !== 'map') break;
    target = next;
  }
  let nested: PlainValue = value;
  for (let j = path.length - 1; j > i; j--) nested = { [path[j]]: nested };
  return insertEntry(template, target, path[i], nested, before);
}

function insertEntry(template: Template, map: MapNode, key: string, value: PlainValue, before?: string): TextEdit {
  const text = template.text;
  const flow = text[map.span.start] === '{';
  const anchor = before !== undefined ? map.entries.find((e) => e.key === before) : undefined;
  if (template.format === 'json' || flow) return insertFlowEntry(template, map, key, value);
  if (map.entries.length === 0) throw new Error('cannot place a key in an empty block map');
  const indent = columnOf(text, map.entries[0].keySpan.start);
  const lines = yamlEntry(key, value, indent);
  if (anchor) {
    const at = lineStart(text, anchor.keySpan.start);
    return { span: { start: at, end: at }, newText: `${lines}\n` };
  }
  const last = map.entries[map.entries.length - 1];
  const at = lineEnd(text, contentEnd(text, last.value.span.end));
  return { span: { start: at, end: at }, newText: `${newline(text)}${lines}` };
}

/** JSON objects and YAML flow maps: a new member after the last one (or first, in an empty map). */
function insertFlowEntry(template: Template, map: MapNode, key: string, value: PlainValue): TextEdit {
  const text = template.text;
  const json = template.format === 'json';
  const render = (v: PlainValue, indent: string): string => (json ? renderJson(v, indent) : renderYamlInline(v));
  const keyText = json ? JSON.stringify(key) : key;
  const last = map.entries[map.entries.length - 1];
  if (!last) {
    const at = map.span.start + 1;
    return { span: { start: at, end: at }, newText: `${keyText}: ${render(value, '')}` };
  }
  const multiline = text.slice(map.span.start, last.keySpan.start).includes('\n');
  const indent = multiline ? ' '.repeat(columnOf(text, last.keySpan.start)) : '';
  const separator = multiline ? `,${newline(text)}${indent}` : ', ';
  return {
    span: { start: last.value.span.end, end: last.value.span.end },
    newText: `${separator}${keyText}: ${render(value, indent)}`,
  };
}

function yamlEntry(key: string, value: PlainValue, indent: number): string {
  const pad = ' '.repeat(indent);
  if (typeof value === 'object' && !(value instanceof RawText)) {
    const children = Object.entries(value).map(([k, v]) => yamlEntry(k, v, indent + 2));
    return [`${pad}${key}:`, ...children].join('\n');
  }
  return `${pad}${key}: ${value instanceof RawText ? value.yaml : yamlScalar(value)}`;
}

function renderYamlInline(value: PlainValue): string {
  if (value instanceof RawText) return value.yaml;
  if (typeof value === 'object')
    return `{ ${Object.entries(value)
      .map(([k, v]) => `${k}: ${renderYamlInline(v)}`)
      .join(', ')} }`;
  return yamlScalar(value);
}

function renderJson(value: PlainValue, indent: string): string {
  if (value instanceof RawText) return value.json;
  if (typeof value === 'object') {
    const inner = `${indent}  `;
    return `{\n${Object.entries(value)
      .map(([k, v]) => `${inner}${JSON.stringify(k)}: ${renderJson(v, inner)}`)
      .join(',\n')}\n${indent}}`;
  }
  return JSON.stringify(value);
}

/** A YAML scalar, quoted only when plain style would change its meaning. */
export function yamlScalar(value: string | number | boolean): string {
  if (typeof value !== 'string') return String(value);
  const plainIsSafe =
    value !== '' &&
    !/^[\s!&*{}[\]|>'"%@`#,?:-]|[:#]\s|\s$|^(true|false|yes|no|on|off|null|~|[-+]?[\d.]+(e[-+]?\d+)?)$/i.test(value) &&
    !value.includes(': ');
  return plainIsSafe ? value : `'${value.replace(/'/g, "''")}'`;
}

export function columnOf(text: string, offset: number): number {
  return offset - lineStart(text, offset);
}

export function lineStart(text: string, offset: number): number {
  const nl = Math.max(text.lastIndexOf('\n', offset - 1), text.lastIndexOf('\r', offset - 1));
  return nl + 1;
}

function lineEnd(text: string, offset: number): number {
  const match = /\r?\n|\r/g;
  match.lastIndex = offset;
  const m = match.exec(text);
  return m ? m.index : text.length;
}

/** The end of a value's own text: YAML block values may extend over trailing blank lines and comments. */
function contentEnd(text: string, end: number): number {
  let at = end;
  while (at > 0 && /\s/.test(text[at - 1])) at--;
  return at;
}

function newline(text: string): string {
  return text.includes('\r\n') ? '\r\n' : '\n';
}

export function isScalar(node: Node | undefined): node is ScalarNode {
  return node?.kind === 'scalar';
}

/** A quoted key or scalar without its quotes, so that a rename keeps them. */
export function unquoted(template: Template, span: Span): Span {
  const first = template.text[span.start];
  return first === '"' || first === "'" ? { start: span.start + 1, end: span.end - 1 } : span;
}

/** "Change to 'X'": the text at `span` replaced by a suggested name, the fix a user most likely wants. */
export function renameFix(span: Span, to: string): Fix {
  return { title: `Change to '${to}'`, edits: [{ span, newText: to }], preferred: true };
}
