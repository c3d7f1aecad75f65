import type { MapNode, Node, Span } from '../model/nodes';
import { entryOf, itemsOf, mapAt, stringOf, valueOf, walk } from '../model/nodes';
import { isPseudoParameter, nameSpan, referencesIn, referenceTarget } from '../model/references';
import type { Reference, SamProperty } from '../model/references';
import type { Template } from '../model/template';
import { selfVariables } from './serverless-variables';

/**
 * What a name refers to. Resources and parameters share one namespace (`!Ref X` may be either, and
 * CloudFormation rejects a template that uses a name for both); conditions, mappings and outputs have
 * their own. `export` is an output's `Export.Name`, `self` a path in a serverless.yml (`custom.table`).
 */
export type Namespace = 'id' | 'condition' | 'mapping' | 'output' | 'export' | 'self';

export type UseKind =
  'Ref' | 'GetAtt' | 'Sub' | 'DependsOn' | 'Condition' | 'If' | 'FindInMap' | 'ImportValue' | 'Connector' | 'self';

/** One place a name appears: where it is defined or where it is used, with the span of the name only. */
export interface Occurrence {
  readonly namespace: Namespace;
  readonly name: string;
  readonly span: Span;
  readonly role: 'definition' | 'use';
  readonly via?: UseKind;
  readonly attribute?: string;
}

/** Every definition and use of a name in one template, looked up by position or by name in O(log n). */
export interface SymbolIndex {
  readonly occurrences: readonly Occurrence[];
  at(offset: number): Occurrence | undefined;
  definition(namespace: Namespace, name: string): Occurrence | undefined;
  uses(namespace: Namespace, name: string): readonly Occurrence[];
  /** Every name defined in a namespace, in document order. */
  defined(namespace: Namespace): readonly Occurrence[];
  /** Every use of any name of a namespace, in document order. */
  usedIn(namespace: Namespace): readonly Occurrence[];
}

const cache = new WeakMap<Template, SymbolIndex>();

/** The index of a template, built once per model (models are immutable, so identity is the cache key). */
export function symbolIndex(template: Template): SymbolIndex {
  let index = cache.get(template);
  if (!index) {
    index = buildIndex(template);
    cache.set(template, index);
  }
  return index;
}

function buildIndex(template: Template): SymbolIndex {
  const found: Occurrence[] = [];
  // Keys are defined with the name only, without the quotes of a JSON or quoted YAML key.
  const define = (namespace: Namespace, name: string, span: Span): void => {
    found.push({
      namespace,
      name,
      span: nameSpan({ kind: 'scalar', value: name, span }, name, template.text),
      role: 'definition',
    });
  };
  const use = (namespace: Namespace, name: string, span: Span, via: UseKind, attribute?: string): void => {
    found.push({ namespace, name, span, role: 'use', via, ...(attribute ? { attribute } : {}) });
  };

  for (const p of template.parameters) define('id', p.name, p.nameSpan);
  for (const c of template.conditions) define('condition', c.name, c.nameSpan);
  for (const m of template.mappings) define('mapping', m.name, m.nameSpan);
  for (const o of template.outputs) {
    define('output', o.name, o.nameSpan);
    const exportName = valueOf(valueOf(o.value, 'Export'), 'Name');
    if (exportName) define('export', exportKey(exportName, template.text), exportName.span);
  }
  for (const r of writtenResources(template)) define('id', r.logicalId, r.idSpan);
  for (const r of derivedResources(template))
    found.push({ namespace: 'id', name: r.logicalId, span: r.idSpan, role: 'definition' });

  const root = template.root;
  if (root) {
    for (const ref of referencesIn(root, template.text)) {
      if (isPseudoParameter(ref.target)) continue;
      const owned = ref.kind === 'Ref' && ref.target.includes('.') ? samOwner(template, ref) : undefined;
      if (owned)
        use(
          'id',
          owned.owner,
          { start: ref.span.start, end: ref.span.start + owned.owner.length },
          ref.kind,
          owned.property,
        );
      else use('id', ref.target, ref.span, ref.kind, ref.attribute);
    }
    collectAttributeUses(template, use);
    collectIntrinsicUses(root, template.text, use);
    if (template.kind === 'serverless') collectSelfVariables(template, root, define, use);
  }
  return makeIndex(found);
}

/** `!Ref MyFunction.Alias` uses `MyFunction`: SAM's dotted reference to what it generates for that resource. */
function samOwner(template: Template, ref: Reference): SamProperty | undefined {
  const target = referenceTarget(template, ref);
  return target.kind === 'sam-property' ? target : target.kind === 'resource' ? target.through : undefined;
}

/**
 * Resources as written in the document. For a serverless.yml these are read from `resources.Resources`
 * itself, whatever the model adds for functions and layers (those have names the framework derives).
 */
export function writtenResources(
  template: Template,
): { logicalId: string; idSpan: Span; node?: MapNode; type: string }[] {
  if (template.kind !== 'serverless') return template.resources.filter((r) => r.origin === 'written' && r.node);
  const section = mapAt(mapAt(template.root, 'resources'), 'Resources');
  return (section?.entries ?? []).flatMap((e) =>
    e.value.kind === 'map'
      ? [{ logicalId: e.key, idSpan: e.keySpan, node: e.value, type: stringOf(valueOf(e.value, 'Type')) ?? 'Unknown' }]
      : [],
  );
}

/**
 * Names the framework derives from what is written (`HelloLambdaFunction` from function `hello`): a
 * `!Ref` to one goes to the function's key, though the key does not spell the name.
 */
function derivedResources(template: Template): { logicalId: string; idSpan: Span }[] {
  if (template.kind !== 'serverless') return [];
  const written = new Set(writtenResources(template).map((r) => r.logicalId));
  return template.resources.filter((r) => r.origin === 'written' && !written.has(r.logicalId));
}

type UseFn = (namespace: Namespace, name: string, span: Span, via: UseKind, attribute?: string) => void;

/** Resource attributes that name other entities: `DependsOn`, `Condition`, and SAM connectors' `Id`. */
function collectAttributeUses(template: Template, use: UseFn): void {
  const text = template.text;
  const scalarUse = (node: Node | undefined, namespace: Namespace, via: UseKind): void => {
    const name = stringOf(node);
    if (node && name) use(namespace, name, nameSpan(node, name, text), via);
  };
  for (const r of writtenResources(template)) {
    const dependsOn = valueOf(r.node, 'DependsOn');
    if (dependsOn?.kind === 'seq') for (const item of dependsOn.items) scalarUse(item, 'id', 'DependsOn');
    else scalarUse(dependsOn, 'id', 'DependsOn');
    scalarUse(valueOf(r.node, 'Condition'), 'condition', 'Condition');
    if (r.type === 'AWS::Serverless::Connector') {
      const props = mapAt(r.node, 'Properties');
      for (const end of ['Source', 'Destination']) {
        const value = valueOf(props, end);
        for (const item of value?.kind === 'seq' ? value.items : [value])
          scalarUse(valueOf(item, 'Id'), 'id', 'Connector');
      }
    }
    for (const connector of mapAt(r.node, 'Connectors')?.entries ?? []) {
      scalarUse(valueOf(valueOf(valueOf(connector.value, 'Properties'), 'Destination'), 'Id'), 'id', 'Connector');
    }
  }
  for (const o of template.outputs)
    if (o.value.kind === 'map') scalarUse(entryOf(o.value, 'Condition')?.value, 'condition', 'Condition');
}

/** `!If [Cond, ...]`, `!Condition Cond`, `!FindInMap [Map, ...]` and `!ImportValue Name`. */
function collectIntrinsicUses(root: Node, text: string, use: UseFn): void {
  walk(root, (n) => {
    if (n.kind !== 'intrinsic') return;
    const first = n.argument.kind === 'seq' ? itemsOf(n.argument)[0] : n.argument;
    const name = stringOf(first);
    if (n.name === 'Fn::ImportValue') {
      const key = first ? exportKey(first, text) : undefined;
      if (first && key)
        use('export', key, first.kind === 'intrinsic' ? first.argument.span : first.span, 'ImportValue');
      return;
    }
    if (!first || !name) return;
    if (n.name === 'Fn::If' && n.argument.kind === 'seq') use('condition', name, nameSpan(first, name, text), 'If');
    else if (n.name === 'Condition') use('condition', name, nameSpan(first, name, text), 'Condition');
    else if (n.name === 'Fn::FindInMap' && n.argument.kind === 'seq')
      use('mapping', name, nameSpan(first, name, text), 'FindInMap');
  });
}

/**
 * An export name as a comparable key: the literal, or for `!Sub` the string with each `${...}` kept as
 * written, so that `!Sub '${AWS::StackName}-TableArn'` on both sides matches.
 */
export function exportKey(node: Node, text: string): string {
  if (node.kind === 'intrinsic' && node.name === 'Fn::Sub') {
    const template = node.argument.kind === 'seq' ? itemsOf(node.argument)[0] : node.argument;
    return stringOf(template) ?? text.slice(node.span.start, node.span.end);
  }
  return stringOf(node) ?? text.slice(node.span.start, node.span.end);
}

function collectSelfVariables(
  template: Template,
  root: MapNode,
  define: (ns: Namespace, name: string, span: Span) => void,
  use: UseFn,
): void {
  const defined = new Set<string>();
  for (const v of selfVariables(root, template.text)) {
    use('self', v.path, v.span, 'self');
    if (defined.has(v.path)) continue;
    defined.add(v.path);
    const key = keyAtPath(root, v.path.split('.'));
    if (key) define('self', v.path, key);
  }
}

/** The key span at a dotted path of map keys, or undefined when some segment is missing. */
export function keyAtPath(root: Node | undefined, segments: readonly string[]): Span | undefined {
  let node: Node | undefined = root;
  let span: Span | undefined;
  for (const segment of segments) {
    const entry = entryOf(node, segment);
    if (!entry) return undefined;
    span = entry.keySpan;
    node = entry.value;
  }
  return span;
}

function makeIndex(found: Occurrence[]): SymbolIndex {
  const occurrences = found.sort((a, b) => a.span.start - b.span.start);
  const definitions = new Map<string, Occurrence>();
  const uses = new Map<string, Occurrence[]>();
  const byNamespace = new Map<Namespace, Occurrence[]>();
  const usesByNamespace = new Map<Namespace, Occurrence[]>();
  const append = <K>(map: Map<K, Occurrence[]>, key: K, o: Occurrence): void => {
    const list = map.get(key);
    if (list) list.push(o);
    else map.set(key, [o]);
  };
  for (const o of occurrences) {
    const key = `${o.namespace}:${o.name}`;
    if (o.role === 'definition') {
      if (!definitions.has(key)) definitions.set(key, o);
      append(byNamespace, o.namespace, o);
    } else {
      append(uses, key, o);
      append(usesByNamespace, o.namespace, o);
    }
  }
  return {
    occurrences,
    at(offset) {
      let lo = 0;
      let hi = occurrences.length - 1;
      let best = -1;
      while (lo <= hi) {
        const mid = (lo + hi) >> 1;
        if (occurrences[mid].span.start <= offset) {
          best = mid;
          lo = mid + 1;
        } else hi = mid - 1;
      }
      for (let i = best; i >= 0 && i > best - 4; i--) {
        const o = occurrences[i];
        if (o.span.start <= offset && offset <= o.span.end) return o;
      }
      return undefined;
    },
    definition: (namespace, name) => definitions.get(`${namespace}:${name}`),
    uses: (namespace, name) => uses.get(`${namespace}:${name}`) ?? [],
    defined: (namespace) => byNamespace.get(namespace) ?? [],
    usedIn: (namespace) => usesByNamespace.get(namespace) ?? [],
  };
}
