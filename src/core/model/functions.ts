import type { MapNode, Node } from './nodes';
import { itemsOf, mapAt, stringOf, valueOf, entryOf } from './nodes';
import type { TemplateResolver } from './resolve/resolver';
import type { SettingReader } from './resolve/setting';
import { ARCHITECTURE_LIST, defaultSetting, isLeftOut, NUMBER, resolvedSetting, TEXT } from './resolve/setting';
import type {
  EnvironmentVariable,
  FunctionEvent,
  FunctionView,
  Resource,
  Setting,
  SettingSource,
  Template,
} from './template';

/**
 * Lambda's defaults for what a template leaves out (Lambda developer guide, "Lambda quotas": memory 128 MB,
 * timeout 3 s, ephemeral storage 512 MB, x86_64). The Serverless Framework has its own (see serverless/build.ts).
 */
export const LAMBDA_DEFAULTS = { memorySize: 128, timeout: 3, ephemeralStorage: 512, architecture: 'x86_64' } as const;

/** How a Lambda default reads in a setting's provenance. */
const LAMBDA_DEFAULT = 'Lambda default';

/** Function views for SAM and CloudFormation functions (Serverless functions are built by their own module). */
export function functionViewsOf(template: Template): FunctionView[] {
  const views: FunctionView[] = [];
  for (const r of template.resources) {
    if (r.origin !== 'written') continue;
    if (r.type === 'AWS::Serverless::Function') views.push(samFunction(template.resolver, r));
    else if (r.type === 'AWS::Lambda::Function') views.push(lambdaFunction(template.resolver, r));
  }
  return views;
}

/** Where a merged property came from: inside the resource's own span, or from Globals. */
function sourceOf(resource: Resource, node: Node): SettingSource {
  return node.span.start >= resource.span.start && node.span.end <= resource.span.end ? 'resource' : 'globals';
}

/**
 * A written setting, resolved; undefined when absent or left out with `AWS::NoValue` (CloudFormation then applies
 * none).
 */
function setting<T>(
  resolver: TemplateResolver,
  resource: Resource,
  node: Node | undefined,
  reader: SettingReader<T>,
): Setting<T> | undefined {
  if (!node) return undefined;
  const resolved = resolvedSetting(resolver, node, sourceOf(resource, node), reader);
  return isLeftOut(resolved) ? undefined : resolved;
}

/** A written setting, resolved, or Lambda's default when the template leaves it out (never when it is unknown). */
function withDefault<T>(
  resolver: TemplateResolver,
  resource: Resource,
  node: Node | undefined,
  reader: SettingReader<T>,
  fallback: T,
): Setting<T> {
  const resolved = node && resolvedSetting(resolver, node, sourceOf(resource, node), reader);
  if (resolved && !isLeftOut(resolved)) return resolved;
  return defaultSetting(fallback, resource.idSpan, LAMBDA_DEFAULT, resolved?.leftOut);
}

/** A code location: the text itself, or the key of an S3 location map (`{Bucket, Key}`), resolved. */
function codeLocation(
  resolver: TemplateResolver,
  resource: Resource,
  node: Node | undefined,
  key: string,
): Setting<string> | undefined {
  return setting(resolver, resource, node?.kind === 'map' ? (valueOf(node, key) ?? node) : node, TEXT);
}

function environmentOf(
  resolver: TemplateResolver,
  resource: Resource,
  props: MapNode | undefined,
): EnvironmentVariable[] {
  const vars = mapAt(mapAt(props, 'Environment'), 'Variables');
  const out: EnvironmentVariable[] = [];
  for (const e of vars?.entries ?? []) {
    const source = sourceOf(resource, e.value);
    const resolved = resolvedSetting(resolver, e.value, source, TEXT);
    if (!isLeftOut(resolved)) out.push({ name: e.key, nameSpan: e.keySpan, value: e.value, source, resolved });
  }
  return out;
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
function commonSettings(resolver: TemplateResolver, resource: Resource) {
  const props = resource.properties;
  const read = (key: string): Node | undefined => valueOf(props, key);
  const packageType = setting(resolver, resource, read('PackageType'), TEXT);
  return {
    logicalId: resource.logicalId,
    resource,
    displayName: resource.logicalId,
    functionName: setting(resolver, resource, read('FunctionName'), TEXT),
    runtime: setting(resolver, resource, read('Runtime'), TEXT),
    handler: setting(resolver, resource, read('Handler'), TEXT),
    memorySize: withDefault(resolver, resource, read('MemorySize'), NUMBER, LAMBDA_DEFAULTS.memorySize),
    timeout: withDefault(resolver, resource, read('Timeout'), NUMBER, LAMBDA_DEFAULTS.timeout),
    architecture: withDefault(
      resolver,
      resource,
      read('Architectures'),
      ARCHITECTURE_LIST,
      LAMBDA_DEFAULTS.architecture,
    ),
    ephemeralStorage: withDefault(
      resolver,
      resource,
      valueOf(read('EphemeralStorage'), 'Size'),
      NUMBER,
      LAMBDA_DEFAULTS.ephemeralStorage,
    ),
    packageType: packageType?.value === 'Image' ? ('Image' as const) : ('Zip' as const),
    environment: environmentOf(resolver, resource, props),
    layers: itemsOf(read('Layers')),
    role: read('Role'),
    reservedConcurrency: setting(resolver, resource, read('ReservedConcurrentExecutions'), NUMBER),
    managedInstances: entryOf(props, 'CapacityProviderConfig') !== undefined,
  };
}

function samFunction(resolver: TemplateResolver, resource: Resource): FunctionView {
  const props = resource.properties;
  const provisioned = valueOf(valueOf(props, 'ProvisionedConcurrencyConfig'), 'ProvisionedConcurrentExecutions');
  return {
    ...commonSettings(resolver, resource),
    codeUri: codeLocation(resolver, resource, valueOf(props, 'CodeUri'), 'Key'),
    events: eventsOf(props),
    policies: valueOf(props, 'Policies'),
    provisionedConcurrency: setting(resolver, resource, provisioned, NUMBER),
    autoPublishAlias: setting(resolver, resource, valueOf(props, 'AutoPublishAlias'), TEXT),
  };
}

function lambdaFunction(resolver: TemplateResolver, resource: Resource): FunctionView {
  return {
    ...commonSettings(resolver, resource),
    codeUri: codeLocation(resolver, resource, valueOf(resource.properties, 'Code'), 'S3Key'),
    events: [],
    policies: undefined,
    provisionedConcurrency: undefined,
    autoPublishAlias: undefined,
  };
}
