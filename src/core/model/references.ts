import type { Node, Span } from './nodes';
import { itemsOf, stringOf, valueOf, walk } from './nodes';
import { IMPLICIT_HTTP_API, IMPLICIT_REST_API } from './sam/api';
import type { FunctionView, NamedEntry, Resource, Template } from './template';

export type ReferenceKind = 'Ref' | 'GetAtt' | 'Sub';

/** A use of another template name inside a value: `!Ref X`, `!GetAtt X.Attr`, `${X}` / `${X.Attr}` in `!Sub`. */
export interface Reference {
  readonly kind: ReferenceKind;
  readonly target: string;
  readonly attribute?: string;
  /** The span of the target's name only (for `!GetAtt A.B`, just `A`), where navigation and renames act. */
  readonly span: Span;
  readonly node: Node;
}

/** Pseudo parameters are names CloudFormation provides; they are never template entities. */
export function isPseudoParameter(name: string): boolean {
  return name.startsWith('AWS::');
}

/**
 * Every Ref, GetAtt and Sub variable below `node`. Spans come from the raw text so that a name inside a
 * quoted or folded `!Sub` string is found at its exact place.
 */
export function referencesIn(node: Node, text: string): Reference[] {
  const found: Reference[] = [];
  walk(node, (n) => {
    if (n.kind !== 'intrinsic') return;
    if (n.name === 'Ref') {
      const target = stringOf(n.argument);
      if (target !== undefined) found.push({ kind: 'Ref', target, span: nameSpan(n.argument, target, text), node: n });
    } else if (n.name === 'Fn::GetAtt') {
      const getAtt = getAttParts(n.argument, text);
      if (getAtt) found.push({ kind: 'GetAtt', ...getAtt, node: n });
    } else if (n.name === 'Fn::Sub') {
      const template = n.argument.kind === 'seq' ? itemsOf(n.argument)[0] : n.argument;
      const explicit = n.argument.kind === 'seq' ? itemsOf(n.argument)[1] : undefined;
      const local = new Set(explicit?.kind === 'map' ? explicit.entries.map((e) => e.key) : []);
      if (template?.kind === 'scalar') {
        for (const v of subVariables(template, text)) {
          if (!local.has(v.target)) found.push({ kind: 'Sub', ...v, node: n });
        }
      }
    }
  });
  return found;
}

/** The logical ID a `!Ref X` or `!GetAtt X.Attr` node itself names (the node, not what it contains). */
export function referencedId(node: Node | undefined): string | undefined {
  if (node?.kind !== 'intrinsic') return undefined;
  if (node.name === 'Ref') return stringOf(node.argument);
  if (node.name !== 'Fn::GetAtt') return undefined;
  const argument = node.argument;
  return argument.kind === 'seq' ? stringOf(itemsOf(argument)[0]) : stringOf(argument)?.split('.')[0];
}

function getAttParts(argument: Node, text: string): { target: string; attribute?: string; span: Span } | undefined {
  if (argument.kind === 'scalar') {
    const value = stringOf(argument);
    if (!value) return undefined;
    const dot = value.indexOf('.');
    const target = dot < 0 ? value : value.slice(0, dot);
    return { target, attribute: dot < 0 ? undefined : value.slice(dot + 1), span: nameSpan(argument, target, text) };
  }
  const [first, second] = itemsOf(argument);
  const target = stringOf(first);
  if (!first || target === undefined) return undefined;
  return { target, attribute: stringOf(second), span: nameSpan(first, target, text) };
}

/** The span of `name` inside a scalar's source (skipping a quote), or the whole scalar when not found. */
export function nameSpan(scalar: Node, name: string, text: string): Span {
  // Searched within the scalar only: a name missing from it must not cost a scan of the rest of the document.
  const at = text.slice(scalar.span.start, scalar.span.end).indexOf(name);
  return at >= 0 ? { start: scalar.span.start + at, end: scalar.span.start + at + name.length } : scalar.span;
}

/**
 * `${Name}` and `${Name.Attr}` in a Sub string; `${!Literal}` is an escape and `${AWS::Region}` a pseudo parameter.
 * Found in the source text for exact spans, and kept only when the scalar's value still holds them.
 */
export function subVariables(scalar: Node, text: string): { target: string; attribute?: string; span: Span }[] {
  const raw = text.slice(scalar.span.start, scalar.span.end);
  const value = stringOf(scalar) ?? '';
  const out: { target: string; attribute?: string; span: Span }[] = [];
  const pattern = /\$\{([^}!][^}]*)\}/g;
  for (let m = pattern.exec(raw); m; m = pattern.exec(raw)) {
    // A Fn::ForEach copy keeps the written span while its value has the loop's identifier replaced.
    if (!value.includes(m[0])) continue;
    const expression = m[1].trim();
    if (isPseudoParameter(expression)) continue;
    const dot = expression.indexOf('.');
    const target = dot < 0 ? expression : expression.slice(0, dot);
    const start = scalar.span.start + m.index + 2 + m[1].indexOf(target);
    out.push({
      target,
      attribute: dot < 0 ? undefined : expression.slice(dot + 1),
      span: { start, end: start + target.length },
    });
  }
  return out;
}

/** CloudFormation's pseudo parameters (CloudFormation user guide, "Pseudo parameters reference"). */
export const PSEUDO_PARAMETERS: readonly string[] = [
  'AWS::AccountId',
  'AWS::NotificationARNs',
  'AWS::NoValue',
  'AWS::Partition',
  'AWS::Region',
  'AWS::StackId',
  'AWS::StackName',
  'AWS::URLSuffix',
];

/**
 * What a name in `Ref`, `Fn::GetAtt` or a `Fn::Sub` variable stands for. `resource` covers written and
 * generated resources, and SAM's dotted references to generated ones (`!Ref MyFunction.Alias`,
 * `${ServerlessRestApi.Deployment}`), which carry `through` with the owner and property as written.
 * `sam-property` is such a dotted reference whose generated resource the model does not list (SAM still
 * resolves it); `undefined` is a name the stack will not have.
 */
export type ReferenceTarget =
  | {
      readonly kind: 'resource';
      readonly resource: Resource;
      readonly attribute?: string;
      readonly through?: SamProperty;
    }
  | ({ readonly kind: 'sam-property' } & SamProperty)
  | { readonly kind: 'parameter'; readonly parameter: NamedEntry }
  | { readonly kind: 'pseudo-parameter'; readonly name: string }
  | { readonly kind: 'undefined'; readonly name: string };

export interface SamProperty {
  readonly owner: string;
  readonly property: string;
}

/**
 * Properties SAM lets a reference reach on its resources, with the types of the resource each one names
 * (SAM developer guide, "Referencing generated CloudFormation resources"). `Name` has no resource of its own.
 */
const SAM_REFERENCEABLE: ReadonlyMap<string, readonly string[]> = new Map(
  Object.entries({
    Alias: ['AWS::Lambda::Alias'],
    Version: ['AWS::Lambda::Version'],
    DestinationTopic: ['AWS::SNS::Topic'],
    DestinationQueue: ['AWS::SQS::Queue'],
    Stage: ['AWS::ApiGateway::Stage', 'AWS::ApiGatewayV2::Stage'],
    Deployment: ['AWS::ApiGateway::Deployment'],
    DomainName: ['AWS::ApiGateway::DomainName', 'AWS::ApiGatewayV2::DomainName'],
    DomainNameV2: ['AWS::ApiGateway::DomainNameV2'],
    BasePathMapping: [
      'AWS::ApiGateway::BasePathMapping',
      'AWS::ApiGateway::BasePathMappingV2',
      'AWS::ApiGatewayV2::ApiMapping',
    ],
    UsagePlan: ['AWS::ApiGateway::UsagePlan'],
    UsagePlanKey: ['AWS::ApiGateway::UsagePlanKey'],
    ApiKey: ['AWS::ApiGateway::ApiKey'],
    Name: [],
  }),
);

/**
 * The one answer to "which entity does this reference name". `Ref` and a `Fn::Sub` variable without a dot
 * name a resource, a parameter or a pseudo parameter; `Fn::GetAtt` and `${X.Attr}` name a resource and one
 * of its attributes. In a SAM template, `Owner.Property` reaches what SAM generates for its resource.
 */
export function referenceTarget(
  template: Template,
  reference: Pick<Reference, 'kind' | 'target' | 'attribute'>,
): ReferenceTarget {
  const { target, attribute } = reference;
  const through = samReference(template, reference);
  if (through) return through;
  const resource = template.resourceById.get(target);
  if (resource)
    return attribute === undefined ? { kind: 'resource', resource } : { kind: 'resource', resource, attribute };
  if (reference.kind === 'GetAtt' || attribute !== undefined) return { kind: 'undefined', name: target };
  if (PSEUDO_PARAMETERS.includes(target)) return { kind: 'pseudo-parameter', name: target };
  const parameter = template.parameters.find((p) => p.name === target);
  return parameter ? { kind: 'parameter', parameter } : { kind: 'undefined', name: target };
}

/**
 * The resource of the template a reference leads to, by logical ID: SAM's `Fn.Alias` leads to `Fn`, whose
 * alias is generated. Undefined for parameters, pseudo parameters and names the stack will not have.
 */
export function referencedLogicalId(
  template: Template,
  reference: Pick<Reference, 'kind' | 'target' | 'attribute'>,
): string | undefined {
  const target = referenceTarget(template, reference);
  if (target.kind === 'sam-property') return target.owner;
  return target.kind === 'resource' ? (target.through?.owner ?? target.resource.logicalId) : undefined;
}

/** The resource a value names when it is, or contains, a reference to one (the first such reference). */
export function resourceNamedBy(template: Template, node: Node | undefined): Resource | undefined {
  return resourcesNamedBy(template, node)[0];
}

/** Every resource the references inside a value name, in document order. */
export function resourcesNamedBy(template: Template, node: Node | undefined): Resource[] {
  if (!node) return [];
  return referencesIn(node, template.text).flatMap((ref) => {
    const target = referenceTarget(template, ref);
    return target.kind === 'resource' ? [target.resource] : [];
  });
}

/**
 * SAM's dotted names in each form they are written: `!Ref Fn.Alias`, `${Fn.Alias}`, `!GetAtt Fn.Alias.Name` and
 * `!GetAtt [Fn.Alias, Name]` (the alias's attribute), and `!GetAtt Api.Stage` style attributes that SAM reads as
 * the generated resource itself.
 */
function samReference(
  template: Template,
  reference: Pick<Reference, 'kind' | 'target' | 'attribute'>,
): ReferenceTarget | undefined {
  const { kind, target, attribute } = reference;
  const dottedTarget = splitDotted(target);
  if (dottedTarget) {
    const found = samProperty(template, dottedTarget.owner, dottedTarget.property, 'Ref');
    if (found?.kind === 'resource' && attribute !== undefined) return { ...found, attribute };
    return found;
  }
  if (attribute === undefined || kind === 'Ref') return undefined;
  const dottedAttribute = splitDotted(attribute);
  if (dottedAttribute) {
    const found = samProperty(template, target, dottedAttribute.owner, 'Ref');
    if (found?.kind === 'resource') return { ...found, attribute: dottedAttribute.property };
    if (found) return found;
  }
  return samProperty(template, target, attribute, kind);
}

function splitDotted(name: string): { owner: string; property: string } | undefined {
  const dot = name.indexOf('.');
  return dot < 0 ? undefined : { owner: name.slice(0, dot), property: name.slice(dot + 1) };
}

/**
 * `MyFunction.Alias`: the generated resource SAM names this way, when the owner is a SAM resource or an
 * implicit API. A property without a resource of its own (`Name`) is that resource's attribute when the
 * reference is a GetAtt or `${X.Name}`.
 */
function samProperty(
  template: Template,
  owner: string,
  property: string,
  form: ReferenceKind,
): ReferenceTarget | undefined {
  const types = SAM_REFERENCEABLE.get(property);
  if (template.kind !== 'sam' || !types || (types.length === 0 && form !== 'Ref')) return undefined;
  const resource = template.resourceById.get(owner);
  const implicit = owner === IMPLICIT_REST_API || owner === IMPLICIT_HTTP_API;
  if (!implicit && !resource?.type.startsWith('AWS::Serverless::')) return undefined;
  const producer = resource?.generatedBy?.logicalId ?? owner;
  const candidates = template.resources.filter((r) => r.generatedBy?.logicalId === producer && types.includes(r.type));
  const generated = candidates.find((r) => r.logicalId.startsWith(owner)) ?? candidates[0];
  return generated
    ? { kind: 'resource', resource: generated, through: { owner, property } }
    : { kind: 'sam-property', owner, property };
}

/** How a value names a function: the function itself, or one of its published versions or aliases. */
export type FunctionQualifier = 'Version' | 'Alias';

function isQualifier(property: string): property is FunctionQualifier {
  return property === 'Version' || property === 'Alias';
}

const QUALIFIER_OF_TYPE: ReadonlyMap<string, FunctionQualifier> = new Map([
  ['AWS::Lambda::Version', 'Version'],
  ['AWS::Lambda::Alias', 'Alias'],
]);

/**
 * The function of the template a value names (`!Ref Fn`, `!GetAtt Fn.Arn`), following SAM's `Fn.Version` and
 * `Fn.Alias` and a written `AWS::Lambda::Version` or `Alias` to the function they publish.
 */
export function functionNamedBy(
  template: Template,
  node: Node | undefined,
): { fn: FunctionView; qualifier?: FunctionQualifier } | undefined {
  if (!node) return undefined;
  for (const ref of referencesIn(node, template.text)) {
    const target = referenceTarget(template, ref);
    if (target.kind !== 'resource') continue;
    const { through, resource } = target;
    const property = through?.property;
    if (property !== undefined && !isQualifier(property)) continue;
    const written = through ? undefined : QUALIFIER_OF_TYPE.get(resource.type);
    const qualifier = property ?? written ?? (target.attribute === 'Version' ? 'Version' : undefined);
    const owner =
      through?.owner ??
      (written
        ? resourceNamedBy(template, valueOf(resource.properties, 'FunctionName'))?.logicalId
        : resource.logicalId);
    const fn = template.functions.find((f) => f.logicalId === owner);
    if (fn) return qualifier ? { fn, qualifier } : { fn };
  }
  return undefined;
}
