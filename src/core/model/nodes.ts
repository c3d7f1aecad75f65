/**
 * The value tree every analysis reads. It is deliberately smaller than the YAML/JSON ASTs it is built
 * from: four node kinds, each with the source span (UTF-16 offsets into the document text) that
 * diagnostics, CodeLens and navigation land on.
 */
export interface Span {
  readonly start: number;
  readonly end: number;
}

export type Node = ScalarNode | MapNode | SeqNode | IntrinsicNode;

export interface ScalarNode {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  readonly span: Span;
}

export interface MapEntry {
  readonly key: string;
  readonly keySpan: Span;
  readonly value: Node;
}

export interface MapNode {
  readonly kind: 'map';
  readonly entries: readonly MapEntry[];
  readonly span: Span;
}

export interface SeqNode {
  readonly kind: 'seq';
  readonly items: readonly Node[];
  readonly span: Span;
}

/**
 * `!Ref X`, `{"Ref": "X"}`, `!GetAtt A.B`, `Fn::Sub: ...`: one node whatever the spelling.
 * `name` is the long form (`Ref`, `Fn::GetAtt`, `Condition`, ...) or the tag as written
 * (`!Custom`) for tags CloudFormation does not define, which are kept rather than rejected.
 */
export interface IntrinsicNode {
  readonly kind: 'intrinsic';
  readonly name: string;
  readonly nameSpan: Span;
  readonly argument: Node;
  readonly form: 'short' | 'long';
  readonly span: Span;
}

export const INTRINSIC_FUNCTIONS: ReadonlySet<string> = new Set([
  'Ref',
  'Condition',
  'Fn::GetAtt',
  'Fn::Sub',
  'Fn::Join',
  'Fn::If',
  'Fn::Select',
  'Fn::Split',
  'Fn::FindInMap',
  'Fn::GetAZs',
  'Fn::ImportValue',
  'Fn::Base64',
  'Fn::Cidr',
  'Fn::Equals',
  'Fn::And',
  'Fn::Or',
  'Fn::Not',
  'Fn::Transform',
  'Fn::Length',
  'Fn::ToJsonString',
  'Fn::ForEach',
]);

/** `!GetAtt` → `Fn::GetAtt`; `!Ref` and `!Condition` have no `Fn::` prefix. */
export function intrinsicNameForTag(tag: string): string | undefined {
  const bare = tag.slice(1);
  if (bare === 'Ref' || bare === 'Condition') return bare;
  const long = `Fn::${bare}`;
  return INTRINSIC_FUNCTIONS.has(long) ? long : undefined;
}

/**
 * `{Ref: X}` and `Fn::Sub: ...` alone in a map are the long forms of the intrinsics. `Condition: IsProd`
 * is also a resource attribute; only a lone `{Condition: Name}` naming a string is the function.
 */
export function longFormIntrinsic(entries: readonly MapEntry[], span: Span): IntrinsicNode | undefined {
  if (entries.length !== 1) return undefined;
  const [e] = entries;
  if (!INTRINSIC_FUNCTIONS.has(e.key)) return undefined;
  if (e.key === 'Condition' && e.value.kind !== 'scalar') return undefined;
  return { kind: 'intrinsic', name: e.key, nameSpan: e.keySpan, argument: e.value, form: 'long', span };
}

/**
 * Maps with more entries than this are looked up through an index made on first use: a section of
 * thousands of resources, parameters or `custom` values is read by name once per reference to it, and a
 * scan each time would make the template's analysis quadratic. Smaller maps are scanned, which is faster.
 */
const INDEXED_MAP_SIZE = 32;
const keyIndexes = new WeakMap<MapNode, Map<string, MapEntry>>();

/** The first entry with `key`, as CloudFormation's own reading of a duplicate key is reported elsewhere. */
export function entryOf(map: Node | undefined, key: string): MapEntry | undefined {
  if (!map || map.kind !== 'map') return undefined;
  if (map.entries.length <= INDEXED_MAP_SIZE) {
    for (const e of map.entries) if (e.key === key) return e;
    return undefined;
  }
  let index = keyIndexes.get(map);
  if (!index) {
    index = new Map();
    for (const e of map.entries) if (!index.has(e.key)) index.set(e.key, e);
    keyIndexes.set(map, index);
  }
  return index.get(key);
}

export function valueOf(map: Node | undefined, key: string): Node | undefined {
  return entryOf(map, key)?.value;
}

export function mapAt(map: Node | undefined, key: string): MapNode | undefined {
  const v = valueOf(map, key);
  return v?.kind === 'map' ? v : undefined;
}

export function stringOf(node: Node | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return typeof node.value === 'string' ? node.value : String(node.value);
}

/** A number from a scalar, accepting the quoted numbers CloudFormation also accepts (`"512"`). */
export function numberOf(node: Node | undefined): number | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'number') return node.value;
  if (typeof node.value === 'string' && node.value.trim() !== '' && !Number.isNaN(Number(node.value))) {
    return Number(node.value);
  }
  return undefined;
}

export function booleanOf(node: Node | undefined): boolean | undefined {
  if (node?.kind !== 'scalar') return undefined;
  if (typeof node.value === 'boolean') return node.value;
  if (node.value === 'true' || node.value === 'false') return node.value === 'true';
  return undefined;
}

export function itemsOf(node: Node | undefined): readonly Node[] {
  return node?.kind === 'seq' ? node.items : [];
}

/**
 * Plain JavaScript value of a node, intrinsics in their long JSON form (`{"Fn::GetAtt": [...]}`).
 * Iterative, so no nesting can overflow the stack: each container is made empty, its keys placed in
 * document order, and its values filled in as the work list reaches them.
 */
export function toPlain(node: Node): unknown {
  const top: { value?: unknown } = {};
  const work: { node: Node; into: Record<string | number, unknown>; key: string | number }[] = [
    { node, into: top, key: 'value' },
  ];
  for (let next = work.pop(); next; next = work.pop()) {
    const { node: n, into, key } = next;
    switch (n.kind) {
      case 'scalar':
        into[key] = n.value;
        break;
      case 'seq': {
        const out: unknown[] = n.items.map(() => undefined);
        into[key] = out;
        for (let i = n.items.length - 1; i >= 0; i--)
          work.push({ node: n.items[i], into: out as unknown as Record<number, unknown>, key: i });
        break;
      }
      case 'map': {
        const out: Record<string, unknown> = {};
        into[key] = out;
        for (const e of n.entries) out[e.key] = undefined;
        // Taken in document order, so a duplicate key keeps its last value, as YAML and JSON loaders do.
        for (let i = n.entries.length - 1; i >= 0; i--)
          work.push({ node: n.entries[i].value, into: out, key: n.entries[i].key });
        break;
      }
      case 'intrinsic': {
        const out: Record<string, unknown> = {};
        into[key] = out;
        const arg = n.argument;
        if (n.name === 'Fn::GetAtt' && arg.kind === 'scalar' && typeof arg.value === 'string') {
          const dot = arg.value.indexOf('.');
          out[n.name] = dot < 0 ? [arg.value] : [arg.value.slice(0, dot), arg.value.slice(dot + 1)];
        } else work.push({ node: arg, into: out, key: n.name });
        break;
      }
    }
  }
  return top.value;
}

/** The `index`th child of a node (map values, list items, an intrinsic's argument), undefined past the last. */
function childAt(node: Node, index: number): Node | undefined {
  switch (node.kind) {
    case 'map':
      return node.entries[index]?.value;
    case 'seq':
      return node.items[index];
    case 'intrinsic':
      return index === 0 ? node.argument : undefined;
    case 'scalar':
      return undefined;
  }
}

/**
 * Depth-first walk; `visit` returning false skips the node's children. `parents` holds the ancestors,
 * outermost first. Iterative, so no nesting can overflow the stack.
 */
export function walk(node: Node, visit: (node: Node, parents: readonly Node[]) => boolean | void): void {
  const parents: Node[] = [];
  /** For each node in `parents`, the index of its next child to visit. */
  const nextChild: number[] = [];
  if (visit(node, parents) === false) return;
  parents.push(node);
  nextChild.push(0);
  while (parents.length > 0) {
    const level = parents.length - 1;
    const child = childAt(parents[level], nextChild[level]++);
    if (!child) {
      parents.pop();
      nextChild.pop();
    } else if (visit(child, parents) !== false) {
      parents.push(child);
      nextChild.push(0);
    }
  }
}

/** Nodes made by the model (Globals merges, Serverless defaults) reuse the spans of their sources. */
export function syntheticMap(entries: MapEntry[], span: Span): MapNode {
  return { kind: 'map', entries, span };
}

export function syntheticScalar(value: string | number | boolean | null, span: Span): ScalarNode {
  return { kind: 'scalar', value, span };
}
