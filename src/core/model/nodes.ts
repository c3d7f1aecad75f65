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
  'Ref', 'Condition', 'Fn::GetAtt', 'Fn::Sub', 'Fn::Join', 'Fn::If', 'Fn::Select', 'Fn::Split',
  'Fn::FindInMap', 'Fn::GetAZs', 'Fn::ImportValue', 'Fn::Base64', 'Fn::Cidr', 'Fn::Equals',
  'Fn::And', 'Fn::Or', 'Fn::Not', 'Fn::Transform', 'Fn::Length', 'Fn::ToJsonString', 'Fn::ForEach',
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

export function entryOf(map: Node | undefined, key: string): MapEntry | undefined {
  if (!map || map.kind !== 'map') return undefined;
  for (const e of map.entries) if (e.key === key) return e;
  return undefined;
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

/** Plain JavaScript value of a node, intrinsics in their long JSON form (`{"Fn::GetAtt": [...]}`). */
export function toPlain(node: Node): unknown {
  switch (node.kind) {
    case 'scalar': return node.value;
    case 'seq': return node.items.map(toPlain);
    case 'map': {
      const out: Record<string, unknown> = {};
      for (const e of node.entries) out[e.key] = toPlain(e.value);
      return out;
    }
    case 'intrinsic': {
      let arg = toPlain(node.argument);
      if (node.name === 'Fn::GetAtt' && typeof arg === 'string') {
        const dot = arg.indexOf('.');
        arg = dot < 0 ? [arg] : [arg.slice(0, dot), arg.slice(dot + 1)];
      }
      return { [node.name]: arg };
    }
  }
}

/** Depth-first walk; `visit` returning false skips the node's children. */
export function walk(node: Node, visit: (node: Node, parents: readonly Node[]) => boolean | void): void {
  const parents: Node[] = [];
  const step = (n: Node): void => {
    if (visit(n, parents) === false) return;
    parents.push(n);
    if (n.kind === 'map') for (const e of n.entries) step(e.value);
    else if (n.kind === 'seq') for (const i of n.items) step(i);
    else if (n.kind === 'intrinsic') step(n.argument);
    parents.pop();
  };
  step(node);
}

/** Nodes made by the model (Globals merges, Serverless defaults) reuse the spans of their sources. */
export function syntheticMap(entries: MapEntry[], span: Span): MapNode {
  return { kind: 'map', entries, span };
}

export function syntheticScalar(value: string | number | boolean | null, span: Span): ScalarNode {
  return { kind: 'scalar', value, span };
}
