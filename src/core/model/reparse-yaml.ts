import type { MapEntry, MapNode, Node, Span } from './nodes';
import type { ParseResult } from './parse-result';

/**
 * A parse that a later text can be re-read against: only clean readings in the common subset qualify (no
 * problems, no anchors or aliases), because then every block-map entry stands on its own and the reading of
 * the whole is the reading of its parts.
 */
export interface ReparseBase {
  readonly text: string;
  readonly result: ParseResult;
}

/** Reads one fragment of text the way the whole would be read; undefined when it is not clean. */
export type FragmentReader = (fragment: string) => ParseResult | undefined;

/**
 * The reading of `text`, an edit of `base.text`, made by reading again only the smallest block-map entry
 * the edit lies inside (one resource, one property), or undefined when the edit cannot be confined to one
 * (then the caller reads the whole text). Typing in a 500-resource template re-reads a few lines instead of
 * 130 KB.
 *
 * The entry's lines are read in a small document that gives them the context YAML's reading of them depends
 * on: the key lines of the maps around them (block indentation is measured from the line start, and nothing
 * in the clean subset refers across entries) and the line after them (where a value, a trailing comment or
 * an empty value ends depends on what follows). The edited entry must read as one entry at the same column,
 * under the same keys, and its key must not collide with a sibling; everything after it keeps its nodes,
 * moved.
 */
export function reparseYaml(base: ReparseBase, text: string, read: FragmentReader): ParseResult | undefined {
  const root = base.result.root;
  if (root?.kind !== 'map' || base.result.problems.length > 0) return undefined;
  const edit = editBetween(base.text, text);
  if (!edit) return { root, problems: [] };
  const path = innermostEntryPath(base.text, root, edit);
  if (path.length === 0) return undefined;
  const { parent, index, region } = path[path.length - 1];
  const old = parent.entries[index];

  const prefix = path
    .slice(0, -1)
    .map((step) => lineWithBreak(base.text, step.region.start))
    .join('');
  const end = region.end + edit.delta;
  const context = prefix + text.slice(region.start, end) + (end < text.length ? lineWithBreak(text, end) : '');
  const shift = region.start - prefix.length;
  const maps = mapsAlong(read(context), path.length);
  if (!maps) return undefined;
  const entry = maps[maps.length - 1].entries[0];
  if (entry.keySpan.start + shift !== old.keySpan.start) return undefined;
  if (entry.key !== old.key && (parent.entries.length === 1 || parent.entries.some((e) => e.key === entry.key)))
    return undefined; // a sole key renamed can turn its map into an intrinsic function (`Ref:`)

  let replaced = moved(entry, shift);
  // A map ends where the reading of its last value stopped: in the re-read lines when they end it (the path
  // runs through the last entry of it and of every map inside it), else beyond them, moved with the text.
  let endsInLines = true;
  for (let level = path.length - 1; level >= 0; level--) {
    const { parent: map, index: at } = path[level];
    endsInLines &&= at === map.entries.length - 1;
    if (endsInLines && maps[level].entries.length !== 1) return undefined;
    const entries = map.entries.map((e, i) => (i < at ? e : i === at ? replaced : moved(e, edit.delta)));
    const spanEnd = endsInLines ? maps[level].span.end + shift : map.span.end + edit.delta;
    const node: MapNode = { kind: 'map', entries, span: { start: map.span.start, end: spanEnd } };
    if (level === 0) return { root: node, problems: [] };
    const owner = path[level - 1].parent.entries[path[level - 1].index];
    replaced = { key: owner.key, keySpan: owner.keySpan, value: node };
  }
  return undefined;
}

/**
 * The maps of the small document down to the edited entry's, each led by the entry on the path (an outer
 * map may also hold the line after the edited lines, as a sibling), or undefined if it read otherwise.
 */
function mapsAlong(reading: ParseResult | undefined, depth: number): MapNode[] | undefined {
  if (!reading || reading.problems.length > 0) return undefined;
  const maps: MapNode[] = [];
  let node = reading.root;
  for (let level = 0; level < depth; level++) {
    if (node?.kind !== 'map' || node.entries.length === 0 || node.entries.length > 2) return undefined;
    maps.push(node);
    node = node.entries[0].value;
  }
  return maps;
}

function lineWithBreak(text: string, start: number): string {
  const newline = text.indexOf('\n', start);
  return text.slice(start, newline < 0 ? text.length : newline + 1);
}

interface Edit {
  /** First offset that differs. */
  readonly start: number;
  /** End of the replaced text in the old text. */
  readonly oldEnd: number;
  /** New length minus old length. */
  readonly delta: number;
}

const BLOCK = 1024;

/** The one replaced range that turns `before` into `after` (common prefix and suffix), or undefined if equal. */
function editBetween(before: string, after: string): Edit | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  let start = 0;
  // Whole blocks first: comparing slices runs natively, a character loop over 130 KB does not.
  while (start + BLOCK <= shorter && before.slice(start, start + BLOCK) === after.slice(start, start + BLOCK))
    start += BLOCK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  const sameBlockFromEnd = (n: number): boolean =>
    before.slice(before.length - n - BLOCK, before.length - n) ===
    after.slice(after.length - n - BLOCK, after.length - n);
  while (suffix + BLOCK <= shorter - start && sameBlockFromEnd(suffix)) suffix += BLOCK;
  while (
    suffix < shorter - start &&
    before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)
  )
    suffix++;
  return { start, oldEnd: before.length - suffix, delta: after.length - before.length };
}

interface PathStep {
  readonly parent: MapNode;
  readonly index: number;
  /** The entry's whole lines in the old text: from its key's line start to the next sibling's line start. */
  readonly region: Span;
}

/** The block-map entries, outermost first, whose lines strictly contain the edit (the last is re-read). */
function innermostEntryPath(text: string, root: MapNode, edit: Edit): PathStep[] {
  const path: PathStep[] = [];
  let map: MapNode | undefined = root;
  while (map && isBlockMap(text, map)) {
    const step = entryAround(text, map, edit);
    if (!step) break;
    path.push(step);
    const value: Node = map.entries[step.index].value;
    map = value.kind === 'map' ? value : undefined;
  }
  return path;
}

function entryAround(text: string, map: MapNode, edit: Edit): PathStep | undefined {
  const { entries } = map;
  for (let i = 0; i < entries.length; i++) {
    const start = lineStart(text, entries[i].keySpan.start);
    if (start === undefined || start >= edit.start) return undefined;
    const next = entries[i + 1];
    const end = next ? lineStart(text, next.keySpan.start) : afterTrailingNotes(text, entries[i].value.span.end);
    if (end === undefined) return undefined;
    // Strictly inside: an edit touching the first or last character could join or split lines with a neighbour.
    if (edit.oldEnd < end) return { parent: map, index: i, region: { start, end } };
  }
  return undefined;
}

/** A block map's span starts at its first key; a flow map's at its `{`, whose entries are not line-based. */
function isBlockMap(text: string, map: MapNode): boolean {
  return map.entries.length > 0 && text.charCodeAt(map.span.start) !== 0x7b; /* { */
}

/** The start of the line `offset` is on, if only spaces precede it there (a key that starts its line). */
function lineStart(text: string, offset: number): number | undefined {
  let i = offset;
  while (i > 0 && text.charCodeAt(i - 1) === 0x20) i--;
  return i === 0 || text.charCodeAt(i - 1) === 0x0a ? i : undefined;
}

/**
 * The start of the first line after `offset`'s that holds more than spaces and a comment: a last entry's
 * region takes the notes below it, because an edit of its value (to `|`, say) can make them part of it.
 */
function afterTrailingNotes(text: string, offset: number): number | undefined {
  let line = lineAfter(text, offset);
  while (line !== undefined && line < text.length && /^ *(#.*)?\r?$/.test(lineAt(text, line)))
    line = lineAfter(text, line + 1);
  return line;
}

/** The start of the line after the one `offset` ends on (a value's end may already be one). */
function lineAfter(text: string, offset: number): number | undefined {
  if (offset > 0 && text.charCodeAt(offset - 1) === 0x0a) return offset;
  const newline = text.indexOf('\n', offset);
  return newline < 0 ? undefined : newline + 1;
}

function lineAt(text: string, start: number): string {
  const newline = text.indexOf('\n', start);
  return text.slice(start, newline < 0 ? text.length : newline);
}

function shifted(span: Span, delta: number): Span {
  return { start: span.start + delta, end: span.end + delta };
}

function moved(entry: MapEntry, delta: number): MapEntry {
  return { key: entry.key, keySpan: shifted(entry.keySpan, delta), value: movedNode(entry.value, delta) };
}

/**
 * `node` with every span `delta` further on (a copy: nodes are shared by the models built before). Every node after
 * an edit is copied, so this is the re-read's largest cost: each copy is one literal of its kind's fixed shape.
 */
function movedNode(node: Node, delta: number): Node {
  if (delta === 0) return node;
  const span = shifted(node.span, delta);
  switch (node.kind) {
    case 'scalar':
      return { kind: 'scalar', value: node.value, span };
    case 'map': {
      const entries = new Array<MapEntry>(node.entries.length);
      for (let i = 0; i < entries.length; i++) entries[i] = moved(node.entries[i], delta);
      return { kind: 'map', entries, span };
    }
    case 'seq': {
      const items = new Array<Node>(node.items.length);
      for (let i = 0; i < items.length; i++) items[i] = movedNode(node.items[i], delta);
      return { kind: 'seq', items, span };
    }
    case 'intrinsic':
      return {
        kind: 'intrinsic',
        name: node.name,
        nameSpan: shifted(node.nameSpan, delta),
        argument: movedNode(node.argument, delta),
        form: node.form,
        span,
      };
  }
}
