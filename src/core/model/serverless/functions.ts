import type { IntrinsicNode, MapEntry, MapNode, Node, Span } from '../nodes';
import { booleanOf, entryOf, itemsOf, mapAt, syntheticMap, syntheticScalar, valueOf } from '../nodes';
import type { TemplateResolver } from '../resolve/resolver';
import type { SettingReader } from '../resolve/setting';
import { ARCHITECTURE, defaultSetting, isLeftOut, NUMBER, resolvedSetting, TEXT } from '../resolve/setting';
import type {
  EnvironmentVariable,
  FunctionView,
  Resource,
  ServerlessFunctionFacts,
  Setting,
  SettingSource,
} from '../template';
import type { EventSite } from './events';
import { samEvents } from './events';
import { naming } from './naming';

/**
 * What the framework (v3) uses when neither the function nor the provider says: memory 1024 MB and
 * timeout 6 s (lib/plugins/aws/package/compile/functions.js), runtime nodejs14.x (`getRuntime` in
 * lib/plugins/aws/provider.js, unchanged through v3), x86_64, and Lambda's own 512 MB of /tmp.
 */
export const SERVERLESS_DEFAULTS = {
  memorySize: 1024,
  timeout: 6,
  runtime: 'nodejs14.x',
  architecture: 'x86_64',
  ephemeralStorage: 512,
} as const;

/** The service-wide facts every function reads. */
export interface ServiceContext {
  readonly service: string;
  readonly stage: string;
  readonly provider: MapNode | undefined;
  /** `package:` at the top level (its `artifact` is shared by all functions). */
  readonly servicePackage: MapNode | undefined;
  readonly customRole: Node | undefined;
  readonly perFunctionRolePlugin: boolean;
  /** Resolves CloudFormation intrinsics left in the settings, with the service's `resources:` sections. */
  readonly resolver: TemplateResolver;
}

export interface BuiltFunction {
  readonly resource: Resource;
  readonly view: FunctionView;
  readonly facts: ServerlessFunctionFacts;
  readonly sites: readonly EventSite[];
}

/** How the framework's defaults read in a setting's provenance. */
const FRAMEWORK_DEFAULT = 'Serverless Framework default';

/** Builds one function: its written resource (`<Name>LambdaFunction`), its view and its serverless facts. */
export function buildFunction(
  ctx: ServiceContext,
  entry: MapEntry,
  fn: MapNode,
  sites: readonly EventSite[],
): BuiltFunction {
  const key = entry.key;
  const keySpan = entry.keySpan;
  const logicalId = naming.lambda(key);
  const fromFunction = (name: string) => valueOf(fn, name);
  const fromProvider = (name: string) => valueOf(ctx.provider, name);
  /** A setting written on the function or the provider, resolved; undefined when absent or left out. */
  const own = <T>(node: Node | undefined, reader: SettingReader<T>, source: SettingSource): Setting<T> | undefined => {
    const resolved = node && resolvedSetting(ctx.resolver, node, source, reader);
    return resolved && !isLeftOut(resolved) ? resolved : undefined;
  };
  const fallbackTo = <T>(value: T): Setting<T> => defaultSetting(value, keySpan, FRAMEWORK_DEFAULT);
  /** The function's own line, else the provider's, else the framework's default at the function's key. */
  const layered = <T>(name: string, reader: SettingReader<T>, fallback: T): Setting<T> =>
    own(fromFunction(name), reader, 'resource') ?? own(fromProvider(name), reader, 'provider') ?? fallbackTo(fallback);

  const isImage = entryOf(fn, 'image') !== undefined;
  // A service-wide `package.artifact` is not under `provider`, but like it, it applies to every function.
  const artifact =
    own(valueOf(mapAt(fn, 'package'), 'artifact'), TEXT, 'resource') ??
    own(valueOf(ctx.servicePackage, 'artifact'), TEXT, 'provider');
  const role = fromFunction('role') ?? ctx.customRole;
  const statements = itemsOf(fromFunction('iamRoleStatements'));
  const ownRole = ctx.perFunctionRolePlugin && statements.length > 0 && !fromFunction('role');

  const settings = {
    functionName: own(fromFunction('name'), TEXT, 'resource') ?? fallbackTo(`${ctx.service}-${ctx.stage}-${key}`),
    handler: own(fromFunction('handler'), TEXT, 'resource'),
    runtime: isImage ? undefined : layered<string>('runtime', TEXT, SERVERLESS_DEFAULTS.runtime),
    memorySize: layered<number>('memorySize', NUMBER, SERVERLESS_DEFAULTS.memorySize),
    timeout: layered<number>('timeout', NUMBER, SERVERLESS_DEFAULTS.timeout),
    architecture: layered<'x86_64' | 'arm64'>('architecture', ARCHITECTURE, SERVERLESS_DEFAULTS.architecture),
    ephemeralStorage:
      own(fromFunction('ephemeralStorageSize'), NUMBER, 'resource') ??
      fallbackTo<number>(SERVERLESS_DEFAULTS.ephemeralStorage),
    codeUri: isImage ? undefined : (artifact ?? fallbackTo('.')),
    reservedConcurrency: own(fromFunction('reservedConcurrency'), NUMBER, 'resource'),
    provisionedConcurrency: own(fromFunction('provisionedConcurrency'), NUMBER, 'resource'),
  };
  const environment = environmentOf(ctx.resolver, mapAt(ctx.provider, 'environment'), mapAt(fn, 'environment'));
  const layers = itemsOf(fromFunction('layers') ?? fromProvider('layers'));
  const roleId = ownRole ? naming.functionRole(key) : naming.role;
  const executionRole = role ? { node: role } : { logicalId: roleId };
  const roleNode = role ?? getAtt(roleId, keySpan);

  const resource: Resource = {
    logicalId,
    type: 'AWS::Lambda::Function',
    origin: 'written',
    idSpan: keySpan,
    span: { start: keySpan.start, end: fn.span.end },
    node: fn,
    properties: syntheticMap(
      lambdaProperties(settings, environment, layers, roleNode, fn, ctx.provider, keySpan),
      fn.span,
    ),
  };
  const view: FunctionView = {
    logicalId,
    resource,
    displayName: key,
    ...settings,
    packageType: isImage ? 'Image' : 'Zip',
    environment,
    layers,
    events: samEvents(sites),
    policies: undefined,
    role,
    autoPublishAlias: undefined,
    managedInstances: false,
  };
  const facts: ServerlessFunctionFacts = {
    key,
    node: fn,
    iamRoleStatements: statements,
    iamRoleStatementsInherit: booleanOf(fromFunction('iamRoleStatementsInherit')) === true,
    perFunctionRolePlugin: ctx.perFunctionRolePlugin,
    executionRole,
  };
  return { resource, view, facts, sites };
}

/** Provider variables first, each overridden by the function's own of the same name. */
function environmentOf(
  resolver: TemplateResolver,
  provider: MapNode | undefined,
  fn: MapNode | undefined,
): EnvironmentVariable[] {
  const own = new Set(fn?.entries.map((e) => e.key));
  const inherited = (provider?.entries ?? []).filter((e) => !own.has(e.key));
  const variables: EnvironmentVariable[] = [];
  const add = (e: MapEntry, source: SettingSource) => {
    const resolved = resolvedSetting(resolver, e.value, source, TEXT);
    if (!isLeftOut(resolved)) variables.push({ name: e.key, nameSpan: e.keySpan, value: e.value, source, resolved });
  };
  for (const e of inherited) add(e, 'provider');
  for (const e of fn?.entries ?? []) add(e, 'resource');
  return variables;
}

function getAtt(logicalId: string, span: Span): IntrinsicNode {
  const argument = {
    kind: 'seq' as const,
    items: [syntheticScalar(logicalId, span), syntheticScalar('Arn', span)],
    span,
  };
  return { kind: 'intrinsic', name: 'Fn::GetAtt', nameSpan: span, argument, form: 'long', span };
}

type SettingsForProperties = Pick<
  FunctionView,
  | 'functionName'
  | 'handler'
  | 'runtime'
  | 'memorySize'
  | 'timeout'
  | 'architecture'
  | 'ephemeralStorage'
  | 'reservedConcurrency'
>;

/** The `AWS::Lambda::Function` properties the framework writes, each pointing at the line that sets it. */
function lambdaProperties(
  s: SettingsForProperties,
  environment: readonly EnvironmentVariable[],
  layers: readonly Node[],
  role: Node,
  fn: MapNode,
  provider: MapNode | undefined,
  keySpan: Span,
): MapEntry[] {
  const entries: MapEntry[] = [];
  const put = (key: string, value: Node | undefined, span: Span = value?.span ?? keySpan) => {
    if (value) entries.push({ key, keySpan: span, value });
  };
  const node = <T extends string | number>(setting: Setting<T> | undefined) =>
    setting && (setting.node ?? syntheticScalar(setting.value ?? null, setting.span));
  put('FunctionName', node(s.functionName));
  put('Handler', node(s.handler));
  put('Runtime', node(s.runtime));
  put('MemorySize', node(s.memorySize));
  put('Timeout', node(s.timeout));
  const architecture = node(s.architecture);
  put('Architectures', architecture && { kind: 'seq', items: [architecture], span: architecture.span });
  put(
    'EphemeralStorage',
    syntheticMap(
      [{ key: 'Size', keySpan: s.ephemeralStorage.span, value: node(s.ephemeralStorage)! }],
      s.ephemeralStorage.span,
    ),
  );
  if (environment.length > 0) {
    const variables = syntheticMap(
      environment.map((v) => ({ key: v.name, keySpan: v.nameSpan, value: v.value })),
      keySpan,
    );
    put('Environment', syntheticMap([{ key: 'Variables', keySpan, value: variables }], keySpan));
  }
  if (layers.length > 0) put('Layers', { kind: 'seq', items: [...layers], span: layers[0].span });
  put('Role', role);
  put('ReservedConcurrentExecutions', node(s.reservedConcurrency));
  put('Description', valueOf(fn, 'description'));
  put('VpcConfig', valueOf(fn, 'vpc') ?? valueOf(provider, 'vpc'));
  put('KmsKeyArn', valueOf(fn, 'kmsKeyArn') ?? valueOf(provider, 'kmsKeyArn'));
  put('Tags', valueOf(fn, 'tags'));
  return entries;
}
