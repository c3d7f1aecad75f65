import type { IntrinsicNode, MapEntry, MapNode, Node, Span } from '../nodes';
import { itemsOf, stringOf, syntheticScalar } from '../nodes';
import type { ParseProblem } from '../parse-result';
import type { CollectionOf } from './collections';

/**
 * `Fn::ForEach` as the AWS::LanguageExtensions transform expands it (CloudFormation template reference,
 * "Fn::ForEach"; the transform's RFC, aws-cloudformation/cfn-language-discussion RFC 0009):
 * `Fn::ForEach::<LoopName>: [Identifier, Collection, {OutputKey: OutputValue}]` in Resources, Outputs,
 * Conditions and inside resource properties is replaced by one copy of its output map per item, merged into the
 * map that holds the loop. In every copy `${Identifier}` and `&{Identifier}` (the item without its
 * non-alphanumeric characters) are replaced in keys and in Fn::Sub strings, and `Ref: Identifier` becomes the item.
 * Plain string values are left as written, as the transform leaves them.
 *
 * Copies keep the spans of the text they come from, so a finding in a copy lands inside the loop's body.
 */

/** The loop that produced an entry: its name and the span of its `Fn::ForEach::<Name>` key. */
export interface LoopOrigin {
  readonly loop: string;
  readonly span: Span;
}

/** A loop whose collection is known only at deploy time: it stays as written and its keys are patterns. */
export interface UnexpandedLoop {
  readonly loop: string;
  /** The `Fn::ForEach::<Name>` key. */
  readonly span: Span;
  /** The whole loop, key and value: references inside it that name its identifiers are not undefined names. */
  readonly extent: Span;
  /** Its identifier and those of the loops inside it. */
  readonly identifiers: ReadonlySet<string>;
  /** The section it sits in: `Resources`, `Outputs`, `Conditions`, or `Properties` for one inside a resource. */
  readonly section: string;
  /** Keys it may produce, each placeholder standing for any text. */
  readonly keys: readonly RegExp[];
}

export interface Expansion {
  /** The root with Resources, Outputs and Conditions expanded; the same object when nothing changed. */
  readonly root: MapNode;
  /** For each entry a loop produced (at any depth), the loop that made it. */
  readonly loopOf: ReadonlyMap<MapEntry, LoopOrigin>;
  readonly unexpanded: readonly UnexpandedLoop[];
  /** The collections of the loops that were expanded, as written: their references are uses too (`!Ref Names`). */
  readonly collections: readonly Node[];
}

const FOR_EACH_KEY = /^Fn::ForEach::(.*)$/;
const EXPANDED_SECTIONS: ReadonlySet<string> = new Set(['Resources', 'Outputs', 'Conditions']);
/** CloudFormation's own transform (Fn::ForEach, Fn::Length, Fn::ToJsonString, ...). */
export const LANGUAGE_EXTENSIONS_TRANSFORM = 'AWS::LanguageExtensions';
const FOR_EACH_ARITY = 3;

export function isForEachKey(key: string): boolean {
  return FOR_EACH_KEY.test(key);
}

/** Cheap look at the text: templates without a loop skip the pass entirely. */
export function mayHaveForEach(text: string): boolean {
  return text.includes('Fn::ForEach::');
}

interface Context {
  readonly collectionOf: CollectionOf;
  readonly problems: ParseProblem[];
  readonly hasTransform: boolean;
  readonly loopOf: Map<MapEntry, LoopOrigin>;
  readonly unexpanded: UnexpandedLoop[];
  readonly collections: Set<Node>;
}

interface Scope {
  readonly values: ReadonlyMap<string, string>;
  readonly loop?: LoopOrigin;
  readonly section: string;
}

export function expandForEach(
  root: MapNode,
  hasTransform: boolean,
  collectionOf: CollectionOf,
  problems: ParseProblem[],
): Expansion {
  const context: Context = {
    collectionOf,
    problems,
    hasTransform,
    loopOf: new Map(),
    unexpanded: [],
    collections: new Set(),
  };
  let changed = false;
  const entries = root.entries.map((entry) => {
    if (!EXPANDED_SECTIONS.has(entry.key) || entry.value.kind !== 'map') return entry;
    const value = expandMap(entry.value, { values: new Map(), section: entry.key }, context);
    if (value === entry.value) return entry;
    changed = true;
    return { ...entry, value };
  });
  return {
    root: changed ? { ...root, entries } : root,
    loopOf: context.loopOf,
    unexpanded: context.unexpanded,
    collections: [...context.collections],
  };
}

/** A map with its loops expanded and, inside a loop, its keys and values substituted. */
function expandMap(map: MapNode, scope: Scope, context: Context): MapNode {
  const out: MapEntry[] = [];
  const produced = new Map<string, MapEntry>();
  let changed = false;
  for (const entry of map.entries) {
    const loopName = FOR_EACH_KEY.exec(entry.key)?.[1];
    if (loopName === undefined) {
      const key = scope.values.size > 0 ? substitute(entry.key, scope.values) : entry.key;
      const value = substituteNode(entry.value, scope, context);
      if (key === entry.key && value === entry.value) out.push(entry);
      else out.push({ ...entry, key, value });
      changed ||= out[out.length - 1] !== entry;
      continue;
    }
    changed = true;
    for (const made of expandLoop(entry, loopName, scope, context)) {
      const clash = produced.get(made.key) ?? map.entries.find((e) => e.key === made.key && e !== made);
      if (clash) {
        context.problems.push({
          code: 'template-structure',
          severity: 'error',
          span: made.keySpan,
          message:
            `Fn::ForEach::${loopName} produces '${made.key}', which already exists here; CloudFormation rejects ` +
            `the template.`,
          related: [{ span: clash.keySpan, message: `'${made.key}' is first defined here` }],
        });
        continue;
      }
      produced.set(made.key, made);
      out.push(made);
    }
  }
  return changed ? { ...map, entries: out } : map;
}

/** The entries one loop produces, or the loop itself, kept as written, when its collection is unknown. */
function expandLoop(entry: MapEntry, loopName: string, scope: Scope, context: Context): MapEntry[] {
  if (!context.hasTransform) {
    context.problems.push({
      code: 'template-structure',
      severity: 'error',
      span: entry.keySpan,
      message:
        `Fn::ForEach needs 'Transform: ${LANGUAGE_EXTENSIONS_TRANSFORM}'; without it CloudFormation rejects the ` +
        `template.`,
    });
  }
  const shape = loopShape(entry, loopName, context.problems);
  if (!shape) return [];
  const collection = context.collectionOf(substituteNode(shape.collection, scope, context));
  if ('unknown' in collection) {
    context.problems.push({
      code: 'template-structure',
      severity: 'info',
      span: shape.collection.span,
      message:
        `The collection of Fn::ForEach::${loopName} is only known at deploy (${collection.unknown}), so what it ` +
        `produces is not listed.`,
    });
    context.unexpanded.push({
      loop: loopName,
      span: entry.keySpan,
      extent: { start: entry.keySpan.start, end: entry.value.span.end },
      identifiers: new Set([...scope.values.keys(), ...loopIdentifiers(entry.value)]),
      section: scope.section,
      keys: keyPatterns(shape.output),
    });
    return [entry];
  }
  context.collections.add(shape.collection);
  const origin = { loop: loopName, span: entry.keySpan };
  const made: MapEntry[] = [];
  for (const item of collection) {
    const values = new Map(scope.values).set(shape.identifier, item);
    const copy = expandMap(shape.output, { values, loop: origin, section: scope.section }, context);
    for (const e of copy.entries) {
      if (!context.loopOf.has(e)) context.loopOf.set(e, origin);
      made.push(e);
    }
  }
  return made;
}

interface LoopShape {
  readonly identifier: string;
  readonly collection: Node;
  readonly output: MapNode;
}

function loopShape(entry: MapEntry, loopName: string, problems: ParseProblem[]): LoopShape | undefined {
  const items = itemsOf(entry.value);
  const [identifierNode, collection, output] = items;
  const identifier = identifierNode?.kind === 'scalar' ? stringOf(identifierNode) : undefined;
  const problem = (span: Span, message: string): undefined => {
    problems.push({
      code: 'template-structure',
      severity: 'error',
      span,
      message: `Fn::ForEach::${loopName} ${message}`,
    });
    return undefined;
  };
  if (entry.value.kind !== 'seq' || items.length !== FOR_EACH_ARITY) {
    const found = entry.value.kind === 'seq' ? `${items.length} item${items.length === 1 ? '' : 's'}` : 'no list';
    return problem(
      entry.value.span,
      `takes a list of 3 items, [Identifier, Collection, {OutputKey: OutputValue}]; found ${found}.`,
    );
  }
  if (!loopName) return problem(entry.keySpan, 'needs a loop name after Fn::ForEach:: (Fn::ForEach::Topics).');
  if (!identifier) return problem(identifierNode.span, 'needs an identifier (a string) as its first item.');
  if (output.kind !== 'map') return problem(output.span, 'needs a map {OutputKey: OutputValue} as its third item.');
  return { identifier, collection, output };
}

/** `${Id}` becomes the item; `&{Id}` the item with only its letters and digits. Other placeholders stay. */
function substitute(text: string, values: ReadonlyMap<string, string>): string {
  return text.replace(/([$&])\{([^}]+)\}/g, (whole, sigil: string, name: string) => {
    const value = values.get(name);
    if (value === undefined) return whole;
    return sigil === '$' ? value : value.replace(/[^0-9A-Za-z]/g, '');
  });
}

function substituteNode(node: Node, scope: Scope, context: Context): Node {
  switch (node.kind) {
    case 'scalar':
      return node;
    case 'map':
      return expandMap(node, scope, context);
    case 'seq': {
      const items = node.items.map((i) => substituteNode(i, scope, context));
      return items.every((i, n) => i === node.items[n]) ? node : { ...node, items };
    }
    case 'intrinsic':
      return scope.values.size > 0
        ? substituteIntrinsic(node, scope, context)
        : withArgument(node, substituteNode(node.argument, scope, context));
  }
}

function substituteIntrinsic(node: IntrinsicNode, scope: Scope, context: Context): Node {
  if (node.name === 'Ref') {
    const argument = substituteNode(node.argument, scope, context);
    const item = scope.values.get(stringOf(argument) ?? '');
    return item !== undefined && argument.kind === 'scalar'
      ? syntheticScalar(item, node.span)
      : withArgument(node, argument);
  }
  if (node.name === 'Fn::Sub') {
    const [template, variables] = node.argument.kind === 'seq' ? node.argument.items : [node.argument];
    const text = template?.kind === 'scalar' ? stringOf(template) : undefined;
    if (text === undefined) return withArgument(node, substituteNode(node.argument, scope, context));
    const replaced = substitute(text, scope.values);
    if (replaced === text) return withArgument(node, substituteNode(node.argument, scope, context));
    // Nothing left for Fn::Sub to replace: the string itself, as the transform writes `!Ref {Fn::Sub: 'Subnet${Id}'}` →
    // `!Ref SubnetA`.
    if (!replaced.includes('${')) return syntheticScalar(replaced, template.span);
    const scalar = syntheticScalar(replaced, template.span);
    return withArgument(
      node,
      node.argument.kind === 'seq'
        ? { ...node.argument, items: [scalar, ...(variables ? [substituteNode(variables, scope, context)] : [])] }
        : scalar,
    );
  }
  return withArgument(node, substituteNode(node.argument, scope, context));
}

function withArgument(node: IntrinsicNode, argument: Node): IntrinsicNode {
  return argument === node.argument ? node : { ...node, argument };
}

/** Identifiers of the loops at or below a loop's value (`[Id, Collection, {...}]`). */
function loopIdentifiers(value: Node): string[] {
  const found: string[] = [];
  const visit = (node: Node): void => {
    if (node.kind === 'seq') node.items.forEach(visit);
    else if (node.kind === 'intrinsic') visit(node.argument);
    else if (node.kind === 'map') {
      for (const e of node.entries) {
        const identifier = FOR_EACH_KEY.test(e.key) ? stringOf(itemsOf(e.value)[0]) : undefined;
        if (identifier) found.push(identifier);
        visit(e.value);
      }
    }
  };
  const identifier = stringOf(itemsOf(value)[0]);
  if (identifier) found.push(identifier);
  visit(value);
  return found;
}

/** `SNSTopic${Name}` → /^SNSTopic.*$/; a nested loop contributes the keys of its own output map. */
function keyPatterns(output: MapNode): RegExp[] {
  return output.entries.flatMap((e) => {
    if (FOR_EACH_KEY.test(e.key)) {
      const inner = itemsOf(e.value)[2];
      return inner?.kind === 'map' ? keyPatterns(inner) : [];
    }
    const pattern = e.key
      .split(/[$&]\{[^}]+\}/)
      .map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('.*');
    return [new RegExp(`^${pattern}$`)];
  });
}
