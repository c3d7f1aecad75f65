import type { IntrinsicNode, MapNode, Node, Span } from '../model/nodes';
import { itemsOf, mapAt, stringOf, valueOf, walk } from '../model/nodes';
import { analysedRoot, isLoopIdentifier, mayBeMadeByLoop } from '../model/language-extensions/loops';
import type { Reference } from '../model/references';
import { PSEUDO_PARAMETERS, referencedLogicalId, referencesIn, referenceTarget } from '../model/references';
import type { Resource, Template } from '../model/template';
import { defineRule } from './define';
import { insertPath, renameFix, unquoted } from './edits';
import { attributesOf, hasAttribute } from './getatt-attributes';
import { isDefinedReference, isResourceName, referencingSections, refTargets, stringItems } from './names';
import { closest, didYouMean } from './suggest';
import type { Fix, RuleContext } from './types';

const REFERENCE_FACT =
  'Ref and Fn::GetAtt must name a parameter, a resource of the template or a pseudo parameter; Fn::Sub variables ' +
  'follow the same rule (CloudFormation user guide, "Intrinsic function reference"). Names SAM and the ' +
  'Serverless Framework generate (MyFunctionRole, ServerlessRestApi, HelloLambdaFunction) exist after the ' +
  'transform and resolve (SAM developer guide, "Generated AWS CloudFormation resources").';

/** A reference with where it sits: the resource and top-level property (or attribute) it is written under. */
interface PlacedReference {
  readonly ref: Reference;
  readonly resource?: string;
  readonly property?: string;
}

/** References per template, computed once (one walk) and shared by the reference rules and the cycle check. */
const referenceCache = new WeakMap<Template, PlacedReference[]>();

function placedReferences(template: Template): PlacedReference[] {
  let placed = referenceCache.get(template);
  if (placed) return placed;
  placed = [];
  const sections = referencingSections(template);
  const add = (ref: Reference, resource?: string, property?: string): void => {
    if (!isLoopIdentifier(template, ref.target, ref.span)) placed!.push({ ref, resource, property });
  };
  for (const collection of template.expanded?.loopCollections ?? [])
    for (const ref of referencesIn(collection, template.text)) add(ref);
  for (const entry of analysedRoot(template)?.entries ?? []) {
    if (!sections.includes(entry.value)) continue;
    if (entry.key !== 'Resources' || entry.value.kind !== 'map') {
      for (const ref of referencesIn(entry.value, template.text)) add(ref);
      continue;
    }
    for (const resource of entry.value.entries) {
      // A loop left unexpanded (its collection is only known at deploy) belongs to no resource yet.
      if (resource.value.kind !== 'map') for (const ref of referencesIn(resource.value, template.text)) add(ref);
      for (const attribute of resource.value.kind === 'map' ? resource.value.entries : []) {
        const properties =
          attribute.key === 'Properties' && attribute.value.kind === 'map' ? attribute.value.entries : [attribute];
        for (const p of properties) {
          const property = attribute.key === 'Properties' ? p.key : attribute.key;
          for (const ref of referencesIn(p.value, template.text)) add(ref, resource.key, property);
        }
      }
    }
  }
  referenceCache.set(template, placed);
  return placed;
}

/** Each reference once: a loop's body is copied per item, and its references with it, all at the same place. */
function referencesOf(template: Template): Reference[] {
  const seen = new Set<string>();
  return placedReferences(template)
    .map((p) => p.ref)
    .filter((r) => {
      const key = `${r.kind} ${r.target} ${r.attribute ?? ''} ${r.span.start} ${r.span.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
}

/** "Add parameter X": a String parameter in Parameters, created before Resources when there is none. */
function addParameterFix(template: Template, name: string): Fix[] {
  if (template.kind === 'serverless' || !template.root || !/^[A-Za-z0-9]+$/.test(name)) return [];
  const parameters = mapAt(template.root, 'Parameters');
  const edit =
    parameters && parameters.entries.length > 0
      ? insertPath(template, parameters, [name], { Type: 'String' })
      : insertPath(template, template.root, ['Parameters', name], { Type: 'String' }, 'Resources');
  return [{ title: `Add parameter '${name}'`, edits: [edit] }];
}

function undefinedName(context: RuleContext, ref: Reference, messageId: string): void {
  const { template } = context;
  const suggestion = closest(ref.target, refTargets(template));
  const fixes = suggestion ? [renameFix(ref.span, suggestion)] : [];
  if (ref.kind !== 'GetAtt' && !ref.target.includes('::')) fixes.push(...addParameterFix(template, ref.target));
  context.report({ messageId, data: { name: ref.target, suggestion: didYouMean(suggestion) }, span: ref.span, fixes });
}

export const refUndefined = defineRule({
  id: 'ref-undefined',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary: 'A Ref names no parameter, resource or pseudo parameter of the template.',
      why:
        'CloudFormation rejects the template ("Unresolved resource dependencies [X] in the Resources block of ' +
        'the template").',
      fact: REFERENCE_FACT,
      example: 'Environment:\n  Variables:\n    TABLE: !Ref OrdrsTable',
      fix: 'Correct the name (the quick fix offers the closest one) or add the missing parameter (quick fix).',
    },
  },
  messages: { undefined: "Ref to '{{name}}', which is not a parameter or resource of this template.{{suggestion}}" },
  check(context) {
    for (const ref of referencesOf(context.template)) {
      if (ref.kind === 'Ref' && !isDefinedReference(context.template, ref)) undefinedName(context, ref, 'undefined');
    }
  },
});

export const getattUndefined = defineRule({
  id: 'getatt-undefined',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary: 'A Fn::GetAtt names a resource the template does not have.',
      why:
        'CloudFormation rejects the template ("Template error: instance of Fn::GetAtt references undefined ' +
        'resource X").',
      fact: REFERENCE_FACT,
      example: 'Queue: !GetAtt OrderQueue.Arn   # the resource is OrdersQueue',
      fix: 'Correct the name (the quick fix offers the closest resource).',
    },
  },
  messages: { undefined: "GetAtt of '{{name}}', which is not a resource of this template.{{suggestion}}" },
  check(context) {
    const { template } = context;
    for (const ref of referencesOf(template)) {
      if (ref.kind !== 'GetAtt' || isDefinedReference(template, ref)) continue;
      const suggestion = closest(ref.target, template.resourceById.keys());
      context.report({
        messageId: 'undefined',
        data: { name: ref.target, suggestion: didYouMean(suggestion) },
        span: ref.span,
        fixes: suggestion ? [renameFix(ref.span, suggestion)] : [],
      });
    }
  },
});

/** The span of the attribute name after `Target.` (short form) or of the second list item. */
function attributeSpan(template: Template, ref: Reference): Span {
  const node = ref.node.kind === 'intrinsic' ? ref.node.argument : ref.node;
  const second = node.kind === 'seq' ? itemsOf(node)[1] : undefined;
  if (second) return second.kind === 'scalar' ? unquoted(template, second.span) : second.span;
  const start = ref.span.end + 1;
  return { start, end: start + (ref.attribute?.length ?? 0) };
}

export const getattAttributeInvalid = defineRule({
  id: 'getatt-attribute-invalid',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary:
        'A Fn::GetAtt (or ${Resource.Attribute} in Fn::Sub) asks for an attribute the resource type does not return.',
      why:
        'CloudFormation rejects the template ("Template error: resource X does not support attribute type Y in ' +
        'Fn::GetAtt").',
      fact:
        'Each type\'s attributes are listed under "Return values" in the CloudFormation resource reference (read ' +
        'from the CloudFormation registry schemas in data/cfn-resource-types.json, every type). SAM resources ' +
        'answer with the attributes of the type they become under the same logical ID (an ' +
        'AWS::Serverless::Function those of AWS::Lambda::Function: Arn, SnapStartResponse, not Name); the ' +
        'resources SAM generates beside them are reached through their own names or the referenceable properties ' +
        '(MyFunction.Alias, MyApi.Stage; SAM developer guide, "Generated AWS CloudFormation resources"). Custom ' +
        'resources and third-party types are not checked.',
      example: 'QueueUrl: !GetAtt OrdersQueue.Url   # SQS returns Arn, QueueName, QueueUrl',
      fix:
        'Use one of the attributes the message lists (the quick fix offers the closest). For a queue URL use ' +
        '!Ref; for a table name use !Ref.',
    },
  },
  messages: {
    invalid: "'{{resource}}' ({{type}}) has no attribute '{{attribute}}'.{{suggestion}} It returns: {{attributes}}.",
  },
  check(context) {
    const { template } = context;
    const catalog = context.inputs.schemas;
    if (!catalog) return;
    for (const ref of referencesOf(template)) {
      if (ref.kind === 'Ref' || ref.attribute === undefined) continue;
      const target = referenceTarget(template, ref);
      const resource = target.kind === 'resource' && !target.through ? target.resource : undefined;
      const attributes = resource && attributesOf(catalog, resource.type);
      if (!resource || !attributes || hasAttribute(attributes, ref.attribute)) continue;
      const span =
        ref.kind === 'Sub'
          ? { start: ref.span.end + 1, end: ref.span.end + 1 + ref.attribute.length }
          : attributeSpan(template, ref);
      const suggestion = closest(ref.attribute, attributes);
      context.report({
        messageId: 'invalid',
        data: {
          resource: ref.target,
          type: resource.type,
          attribute: ref.attribute,
          suggestion: didYouMean(suggestion),
          attributes: attributes.join(', '),
        },
        span,
        related: [{ span: resource.idSpan, message: `${ref.target} is ${resource.type}` }],
        fixes: suggestion ? [renameFix(span, suggestion)] : [],
      });
    }
  },
});

export const subVariableUndefined = defineRule({
  id: 'sub-variable-undefined',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary: "A ${Name} in Fn::Sub names no parameter, resource, pseudo parameter or variable of the Sub's own map.",
      why: 'CloudFormation rejects the template. A literal ${...} that should stay as is must be written ${!...}.',
      fact: REFERENCE_FACT,
      example: "Value: !Sub 'arn:aws:s3:::${BuckeName}/*'",
      fix:
        "Correct the name (quick fix), add it to the Sub's variable map, add a parameter (quick fix), or escape " +
        'it as ${!Name}.',
    },
  },
  messages: { undefined: "'${{{name}}}' in Fn::Sub names no parameter, resource or Sub variable.{{suggestion}}" },
  check(context) {
    const { template } = context;
    for (const ref of referencesOf(template)) {
      if (ref.kind !== 'Sub') continue;
      if (!isDefinedReference(template, ref)) undefinedName(context, ref, 'undefined');
    }
  },
});

export const dependsOnUndefined = defineRule({
  id: 'dependson-undefined',
  meta: {
    severity: 'error',
    fixable: true,
    docs: {
      summary: 'DependsOn names a resource the template does not have.',
      why: 'CloudFormation rejects the template ("Template format error: Unresolved resource dependencies").',
      fact:
        'DependsOn takes logical IDs of resources in the same template (CloudFormation user guide, "DependsOn ' +
        'attribute"); SAM-generated names count (SAM developer guide, "Generated AWS CloudFormation resources").',
      example: 'DependsOn: OrdersTabel',
      fix: 'Correct the name (quick fix) or remove the entry.',
    },
  },
  messages: { undefined: "DependsOn '{{name}}', which is not a resource of this template.{{suggestion}}" },
  check(context) {
    const { template } = context;
    for (const resource of template.resources) {
      for (const item of stringItems(valueOf(resource.node, 'DependsOn'))) {
        if (isResourceName(template, item.value)) continue;
        const suggestion = closest(item.value, template.resourceById.keys());
        const span = unquoted(template, item.node.span);
        context.report({
          messageId: 'undefined',
          data: { name: item.value, suggestion: didYouMean(suggestion) },
          span,
          logicalId: resource.logicalId,
          fixes: suggestion ? [renameFix(span, suggestion)] : [],
        });
      }
    }
  },
});

/** Every place a condition is named: resource and output `Condition`, `Fn::If`'s first argument, `!Condition`. */
function conditionUses(template: Template): { name: string; node: Node }[] {
  const uses: { name: string; node: Node }[] = [];
  const attribute = (map: Node | undefined): void => {
    const item = stringItems(valueOf(map, 'Condition'))[0];
    if (item && valueOf(map, 'Condition')?.kind === 'scalar') uses.push({ name: item.value, node: item.node });
  };
  for (const r of template.resources) attribute(r.node);
  for (const o of template.outputs) attribute(o.value);
  for (const section of referencingSections(template)) {
    walk(section, (n) => {
      if (n.kind !== 'intrinsic') return;
      const target = n.name === 'Fn::If' ? itemsOf(n.argument)[0] : n.name === 'Condition' ? n.argument : undefined;
      const name = stringOf(target);
      if (target && name !== undefined) uses.push({ name, node: target });
    });
  }
  return uses;
}

export const conditionUndefined = defineRule({
  id: 'condition-undefined',
  meta: {
    severity: 'error',
    fixable: true,
    kinds: ['sam', 'cloudformation'],
    docs: {
      summary: 'A Condition attribute, Fn::If or Condition function names a condition the template does not define.',
      why: 'CloudFormation rejects the template ("Template format error: Unresolved condition dependency X").',
      fact:
        'Conditions are defined in the Conditions section and referenced by name (CloudFormation user guide, ' +
        '"Conditions").',
      example: 'Condition: IsProdution',
      fix: 'Correct the name (quick fix) or define the condition.',
    },
  },
  messages: { undefined: "Condition '{{name}}' is not defined in Conditions.{{suggestion}}" },
  check(context) {
    const { template } = context;
    const names = template.conditions.map((c) => c.name);
    for (const use of conditionUses(template)) {
      if (names.includes(use.name) || mayBeMadeByLoop(template, 'Conditions', use.name)) continue;
      const suggestion = closest(use.name, names);
      const span = unquoted(template, use.node.span);
      context.report({
        messageId: 'undefined',
        data: { name: use.name, suggestion: didYouMean(suggestion) },
        span,
        fixes: suggestion ? [renameFix(span, suggestion)] : [],
      });
    }
  },
});

function findInMaps(template: Template): IntrinsicNode[] {
  const found: IntrinsicNode[] = [];
  for (const section of referencingSections(template)) {
    walk(section, (n) => {
      if (n.kind === 'intrinsic' && n.name === 'Fn::FindInMap') found.push(n);
    });
  }
  return found;
}

export const findInMapUndefined = defineRule({
  id: 'findinmap-undefined',
  meta: {
    severity: 'error',
    fixable: true,
    kinds: ['sam', 'cloudformation'],
    docs: {
      summary: 'Fn::FindInMap names a mapping, or a literal top-level or second-level key, that does not exist.',
      why: 'CloudFormation rejects the template, or fails the deploy when the lookup runs.',
      fact:
        'Fn::FindInMap [MapName, TopLevelKey, SecondLevelKey] reads the Mappings section (CloudFormation user ' +
        'guide, "Fn::FindInMap"); keys given by Ref are resolved at deploy time and not checked.',
      example: '!FindInMap [RegionMap, !Ref AWS::Region, AMI]   # with no RegionMap under Mappings',
      fix: 'Correct the name (quick fix) or add the entry to Mappings.',
    },
  },
  messages: {
    mapping: "Mapping '{{name}}' is not defined in Mappings.{{suggestion}}",
    key: "Mapping '{{mapping}}' has no key '{{name}}'.{{suggestion}}",
  },
  check(context) {
    const { template } = context;
    const mappings = new Map(template.mappings.map((m) => [m.name, m.value]));
    for (const call of findInMaps(template)) {
      const [mapName, topKey, secondKey, fallback] = itemsOf(call.argument);
      const name = stringOf(mapName);
      // With a DefaultValue (AWS::LanguageExtensions) a missing key is no error: the lookup returns the default.
      if (fallback && name !== undefined && mappings.has(name)) continue;
      if (!mapName || name === undefined || mapName.kind !== 'scalar') continue;
      const report = (
        messageId: string,
        node: Node,
        value: string,
        candidates: readonly string[],
        mapping?: string,
      ): void => {
        const suggestion = closest(value, candidates);
        const span = unquoted(template, node.span);
        context.report({
          messageId,
          data: { name: value, mapping: mapping ?? '', suggestion: didYouMean(suggestion) },
          span,
          fixes: suggestion ? [renameFix(span, suggestion)] : [],
        });
      };
      const mapping = mappings.get(name);
      if (!mapping) {
        report('mapping', mapName, name, [...mappings.keys()]);
        continue;
      }
      let level: Node | undefined = mapping;
      for (const key of [topKey, secondKey]) {
        const value = key?.kind === 'scalar' ? stringOf(key) : undefined;
        if (!key || value === undefined || level?.kind !== 'map') break;
        const next: Node | undefined = valueOf(level, value);
        if (!next) {
          report(
            'key',
            key,
            value,
            (level as MapNode).entries.map((e) => e.key),
            name,
          );
          break;
        }
        level = next;
      }
    }
  },
});

/**
 * Properties of SAM resources that the transform moves into other resources, so their references are not edges of this
 * one.
 */
const SAM_MOVED_PROPERTIES: ReadonlySet<string> = new Set([
  'Events',
  'Policies',
  'Connectors',
  'DeploymentPreference',
  'DataSources',
  'Functions',
  'Resolvers',
]);

/**
 * Whether a property's references stay dependencies of the resource after the transform. `Policies` move into
 * the role SAM generates, but the function (or state machine) is created after that role, so what the policies
 * reference still comes first: `LambdaInvokePolicy: { FunctionName: !Ref MyFunction }` in MyFunction fails with
 * "Circular dependency between resources: [MyFunction, MyFunctionRole]" (aws/serverless-application-model#1204).
 * With a `Role` of its own, SAM generates no role and ignores `Policies`.
 */
function staysDependency(owner: Resource | undefined, property: string | undefined): boolean {
  if (!owner?.type.startsWith('AWS::Serverless::') || !SAM_MOVED_PROPERTIES.has(property ?? '')) return true;
  return property === 'Policies' && valueOf(owner.properties, 'Role') === undefined;
}

/** Resource → resources it needs first: its references (Ref, GetAtt, Sub) and DependsOn. */
function dependencyGraph(template: Template): Map<string, { target: string; span: Span }[]> {
  const graph = new Map<string, { target: string; span: Span }[]>();
  const written = (id: string): boolean => template.resourceById.get(id)?.origin === 'written';
  for (const r of template.resources) {
    if (r.origin === 'written' && r.node && !graph.has(r.logicalId)) graph.set(r.logicalId, []);
  }
  for (const { ref, resource, property } of placedReferences(template)) {
    if (!resource || property === 'Metadata') continue;
    const edges = graph.get(resource);
    const owner = template.resourceById.get(resource);
    if (!edges || !staysDependency(owner, property)) continue;
    const target = referencedLogicalId(template, ref);
    if (target !== undefined && written(target)) edges.push({ target, span: ref.span });
  }
  for (const r of template.resources) {
    const edges = graph.get(r.logicalId);
    if (!edges || r.origin !== 'written') continue;
    for (const item of stringItems(valueOf(r.node, 'DependsOn')))
      if (written(item.value)) edges.push({ target: item.value, span: item.node.span });
  }
  return graph;
}

/**
 * Tarjan's strongly connected components: each component with a cycle is one circular dependency.
 * Iterative (an explicit stack of resources and how far through their edges each is), so a chain of
 * thousands of resources each depending on the next cannot overflow the call stack.
 */
function cycles(graph: Map<string, { target: string }[]>): string[][] {
  let index = 0;
  const indices = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const enter = (v: string): { v: string; edges: { target: string }[]; next: number } => {
    indices.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    return { v, edges: graph.get(v) ?? [], next: 0 };
  };
  for (const root of graph.keys()) {
    if (indices.has(root)) continue;
    const calls = [enter(root)];
    while (calls.length > 0) {
      const call = calls[calls.length - 1];
      const { v } = call;
      if (call.next < call.edges.length) {
        const w = call.edges[call.next++].target;
        if (!graph.has(w)) continue;
        if (!indices.has(w)) calls.push(enter(w));
        else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, indices.get(w)!));
        continue;
      }
      calls.pop();
      const caller = calls[calls.length - 1];
      if (caller) low.set(caller.v, Math.min(low.get(caller.v)!, low.get(v)!));
      if (low.get(v) !== indices.get(v)) continue;
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1 || call.edges.some((e) => e.target === v)) found.push(component.reverse());
    }
  }
  return found;
}

/**
 * One concrete loop through a component, in the order the references run: A → B → C → A. A depth-first
 * search from the component's first resource back to it, with an explicit stack for the same reason.
 */
function loopThrough(
  component: string[],
  graph: Map<string, { target: string; span: Span }[]>,
): { id: string; span: Span }[] {
  const members = new Set(component);
  const start = component[0];
  const seen = new Set<string>([start]);
  /** The path so far: each resource, its edges and the next edge to try. */
  const path: { id: string; edges: { target: string; span: Span }[]; next: number }[] = [
    { id: start, edges: graph.get(start) ?? [], next: 0 },
  ];
  while (path.length > 0) {
    const top = path[path.length - 1];
    if (top.next >= top.edges.length) {
      path.pop();
      continue;
    }
    const edge = top.edges[top.next++];
    if (!members.has(edge.target)) continue;
    if (edge.target === start) return path.map((p) => ({ id: p.id, span: p.edges[p.next - 1].span }));
    if (seen.has(edge.target)) continue;
    seen.add(edge.target);
    path.push({ id: edge.target, edges: graph.get(edge.target) ?? [], next: 0 });
  }
  return [];
}

export const circularDependency = defineRule({
  id: 'circular-dependency',
  meta: {
    severity: 'error',
    kinds: ['sam', 'cloudformation'],
    docs: {
      summary: 'Resources reference each other in a loop (through Ref, GetAtt, Sub or DependsOn).',
      why:
        'CloudFormation cannot order their creation and rejects the template ("Circular dependency between ' +
        'resources: [...]").',
      fact:
        'Every Ref/GetAtt/Sub and DependsOn is a creation-order dependency (CloudFormation user guide, ' +
        '"DependsOn attribute"); the graph must be acyclic. A SAM function\'s `Policies` go into the role SAM ' +
        'generates for it, which is created first, so a function whose policies name the function itself is a ' +
        'loop too; its `Events` move into resources that depend on it, so they are not.',
      example:
        'Function:\n  Environment: { Variables: { QUEUE: !Ref Queue } }\nQueue:\n  Properties:\n    Tags: [{ ' +
        'Key: fn, Value: !GetAtt Function.Arn }]',
      fix:
        'Break the loop: build one of the names with !Sub and a fixed name instead of a reference, or move the ' +
        'link into a separate resource (an EventSourceMapping, a Permission, a Policy).',
    },
  },
  messages: { cycle: 'Circular dependency: {{cycle}}.' },
  check(context) {
    const graph = dependencyGraph(context.template);
    for (const component of cycles(graph)) {
      const loop = loopThrough(component, graph);
      if (loop.length === 0) continue;
      const first = context.template.resourceById.get(loop[0].id)!;
      context.report({
        messageId: 'cycle',
        data: { cycle: [...loop.map((l) => l.id), loop[0].id].join(' → ') },
        span: first.idSpan,
        logicalId: first.logicalId,
        related: loop.map((l, i) => ({
          span: l.span,
          message: `${l.id} references ${loop[(i + 1) % loop.length].id}`,
        })),
      });
    }
  },
});

export const parameterUnused = defineRule({
  id: 'parameter-unused',
  meta: {
    severity: 'warning',
    kinds: ['sam', 'cloudformation'],
    docs: {
      summary: 'A parameter is declared but never referenced.',
      why:
        'It still has to be supplied (or defaulted) on every deploy and suggests a setting that does nothing; ' +
        'often the reference was lost in an edit.',
      fact:
        'Parameters are only read through Ref and Fn::Sub (CloudFormation user guide, "Parameters"); cfn-lint ' +
        'W2001.',
      example: 'Parameters:\n  Stage:\n    Type: String   # no !Ref Stage anywhere',
      fix: 'Reference it where it was meant to be used, or delete it.',
    },
  },
  messages: { unused: "Parameter '{{name}}' is never used." },
  check(context) {
    const { template } = context;
    if (template.parameters.length === 0) return;
    const used = new Set(referencesOf(template).map((r) => r.target));
    // Parameter groups in Metadata (AWS::CloudFormation::Interface) only label a parameter; they do not use it.
    for (const p of template.parameters) {
      if (!used.has(p.name) && !PSEUDO_PARAMETERS.includes(p.name)) {
        context.report({ messageId: 'unused', data: { name: p.name }, span: p.nameSpan });
      }
    }
  },
});
