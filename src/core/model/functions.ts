import type { MapNode, Node } from './nodes';
import { itemsOf, mapAt, numberOf, stringOf, valueOf, entryOf } from './nodes';
import type { EnvironmentVariable, FunctionEvent, FunctionView, Resource, Setting, SettingSource, Template } from './template';

/**
 * Lambda's defaults for what a template leaves out (aws-facts.md §A: memory 128 MB, timeout 3 s,
 * ephemeral storage 512 MB, x86_64). The Serverless Framework has its own (see serverless/build.ts).
 */
export const LAMBDA_DEFAULTS = { memorySize: 128, timeout: 3, ephemeralStorage: 512, architecture: 'x86_64' } as const;

/** Function views for SAM and CloudFormation functions (Serverless functions are built by their own module). */
export function functionViewsOf(template: Template): FunctionView[] {
  const views: FunctionView[] = [];
  for (const r of template.resources) {
    if (r.origin !== 'written') continue;
    if (r.type === 'AWS::Serverless::Function') views.push(samFunction(r));
    else if (r.type === 'AWS::Lambda::Function') views.push(lambdaFunction(r));
  }
  return views;
}

/** Where a merged property came from: inside the resource's own span, or from Globals. */
function sourceOf(resource: Resource, node: Node): SettingSource {
  return node.span.start >= resource.span.start && node.span.end <= resource.span.end ? 'resource' : 'globals';
}

function setting<T>(resource: Resource, node: Node | undefined, read: (n: Node) => T | undefined): Setting<T> | undefined {
  if (!node) return undefined;
  return { value: read(node), node, span: node.span, source: sourceOf(resource, node) };
}

function withDefault<T>(resource: Resource, node: Node | undefined, read: (n: Node) => T | undefined, fallback: T): Setting<T> {
  return setting(resource, node, read) ?? { value: fallback, span: resource.idSpan, source: 'default' };
}

function architectureOf(node: Node): 'x86_64' | 'arm64' | undefined {
  const first = stringOf(itemsOf(node)[0]);
  return first === 'arm64' || first === 'x86_64' ? first : undefined;
}

function environmentOf(resource: Resource, props: MapNode | undefined): EnvironmentVariable[] {
  const vars = mapAt(mapAt(props, 'Environment'), 'Variables');
  return vars
    ? vars.entries.map((e) => ({ name: e.key, nameSpan: e.keySpan, value: e.value, source: sourceOf(resource, e.value) }))
    : [];
}

/** SAM `Events` of a function or state machine, in the model's event vocabulary. */
export function eventsOf(props: MapNode | undefined): FunctionEvent[] {
  const events = mapAt(props, 'Events');
  if (!events) return [];
  return events.entries.map((e) => ({
    name: e.key,
    type: stringOf(valueOf(e.value, 'Type')) ?? 'Unknown',
    nameSpan: e.keySpan,
    span: { start: e.keySpan.start, end: e.value.span.end },
    properties: mapAt(e.value, 'Properties'),
  }));
}

/** What SAM and plain CloudFormation functions share; the kinds differ in code location and events. */
function commonSettings(resource: Resource) {
  const props = resource.properties;
  const read = (key: string): Node | undefined => valueOf(props, key);
  return {
    logicalId: resource.logicalId,
    resource,
    displayName: resource.logicalId,
    functionName: setting(resource, read('FunctionName'), stringOf),
    runtime: setting(resource, read('Runtime'), stringOf),
    handler: setting(resource, read('Handler'), stringOf),
    memorySize: withDefault(resource, read('MemorySize'), numberOf, LAMBDA_DEFAULTS.memorySize),
    timeout: withDefault(resource, read('Timeout'), numberOf, LAMBDA_DEFAULTS.timeout),
    architecture: withDefault(resource, read('Architectures'), architectureOf, LAMBDA_DEFAULTS.architecture),
    ephemeralStorage: withDefault(resource, valueOf(read('EphemeralStorage'), 'Size'), numberOf, LAMBDA_DEFAULTS.ephemeralStorage),
    packageType: stringOf(read('PackageType')) === 'Image' ? ('Image' as const) : ('Zip' as const),
    environment: environmentOf(resource, props),
    layers: itemsOf(read('Layers')),
    role: read('Role'),
    reservedConcurrency: setting(resource, read('ReservedConcurrentExecutions'), numberOf),
    managedInstances: entryOf(props, 'CapacityProviderConfig') !== undefined,
  };
}

function samFunction(resource: Resource): FunctionView {
  const props = resource.properties;
  const provisioned = valueOf(valueOf(props, 'ProvisionedConcurrencyConfig'), 'ProvisionedConcurrentExecutions');
  return {
    ...commonSettings(resource),
    codeUri: setting(resource, valueOf(props, 'CodeUri'), (n) => stringOf(n) ?? stringOf(valueOf(n, 'Key'))),
    events: eventsOf(props),
    policies: valueOf(props, 'Policies'),
    provisionedConcurrency: setting(resource, provisioned, numberOf),
    autoPublishAlias: setting(resource, valueOf(props, 'AutoPublishAlias'), stringOf),
  };
}

function lambdaFunction(resource: Resource): FunctionView {
  return {
    ...commonSettings(resource),
    codeUri: setting(resource, valueOf(resource.properties, 'Code'), (n) => stringOf(n) ?? stringOf(valueOf(n, 'S3Key'))),
    events: [],
    policies: undefined,
    provisionedConcurrency: undefined,
    autoPublishAlias: undefined,
  };
}
