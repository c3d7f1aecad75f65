import type { ParseProblem } from '../parse-result';
import type { TemplateBase } from '../cloudformation';
import type { LoadOptions } from '../load';
import type { MapEntry, MapNode, Node, Span } from '../nodes';
import { entryOf, itemsOf, mapAt, stringOf, syntheticMap, valueOf } from '../nodes';
import type { Resource, ServerlessIam, Template } from '../template';
import { indexById, namedEntries, withCreation, writtenResources } from '../cloudformation';
import { createResolver } from '../resolve/resolver';
import type { EventSite } from './events';
import { KNOWN_EVENT_KEYS, streamType } from './events';
import type { BuiltFunction, ServiceContext } from './functions';
import { buildFunction } from './functions';
import { generateServerlessResources } from './generated';
import { naming } from './naming';
import { DEFAULT_REGION, resolveVariables } from './resolve';
import { mayContainVariable } from './variable-syntax';

/** The plugin that gives each function its own role from its `iamRoleStatements`. */
const PER_FUNCTION_ROLE_PLUGIN = 'serverless-iam-roles-per-function';

/** Builds the model of a Serverless Framework (v3) service: serverless.yml, .yaml or .json. */
export function buildServerless(
  base: TemplateBase,
  parseProblems: readonly ParseProblem[],
  options: LoadOptions,
): Template {
  const problems = [...parseProblems];
  const inputs = options.resolution;
  const {
    root: resolved,
    unresolved,
    origins,
    stage,
  } = resolveVariables({
    text: base.text,
    root: base.root,
    readFile: options.readFile,
    env: options.env,
    resolution: inputs,
    problems,
  });
  const providerEntry = entryOf(resolved, 'provider');
  const provider = providerEntry?.value.kind === 'map' ? providerEntry.value : undefined;
  const providerName = provider ? plainText(valueOf(provider, 'name')) : plainText(providerEntry?.value);
  const providerSpan = providerEntry?.keySpan ?? { start: 0, end: 0 };
  const service = serviceName(resolved);
  const region = inputs?.region?.value ?? plainText(valueOf(provider, 'region')) ?? DEFAULT_REGION;
  const plugins = pluginsOf(resolved);
  const iam = iamOf(provider);
  const resourcesSection = resourcesSectionOf(resolved, problems);
  const written = writtenResources(resourcesSection, problems);

  const aws = providerName === undefined || providerName === 'aws';
  if (!aws) {
    const at = (provider ? entryOf(provider, 'name')?.value.span : providerEntry?.value.span) ?? providerSpan;
    problems.push({
      code: 'serverless-structure',
      severity: 'info',
      span: at,
      message: `The provider is "${providerName}": only the aws provider's functions and resources are modelled.`,
    });
  }
  // The service's own CloudFormation (`resources:`) has parameters, mappings and conditions too; the Region
  // the framework deploys to is `AWS::Region`.
  const ids = new Set<string>();
  const resolver = createResolver({
    sections: resourcesSection,
    inputs: { ...inputs, region: inputs?.region ?? { value: region, origin: providerRegionOrigin(provider) } },
    isResource: (id) => ids.has(id),
    originOf: (node) => origins.get(node),
  });
  const ctx: ServiceContext = {
    service: service ?? 'service',
    stage,
    provider,
    servicePackage: mapAt(resolved, 'package'),
    resolver,
    customRole: iam.customRole,
    perFunctionRolePlugin: plugins.includes(PER_FUNCTION_ROLE_PLUGIN),
  };
  const built: BuiltFunction[] = aws
    ? functionEntries(resolved, problems).map(({ entry, fn }) =>
        buildFunction(ctx, entry, fn, eventSites(entry.key, fn, problems)),
      )
    : [];
  const sharedRole = built.some(
    (b) => 'logicalId' in b.facts.executionRole && b.facts.executionRole.logicalId === naming.role,
  );
  const layers = aws ? layerResources(resolved, problems) : [];
  const ownResources = [...built.map((b) => b.resource), ...layers, ...written].sort(
    (a, b) => a.idSpan.start - b.idSpan.start,
  );
  const writtenIds = new Set(ownResources.map((r) => r.logicalId));
  // `resources.Resources` may extend a generated resource by naming it; the written one is what the user edits.
  const generated = (
    aws
      ? generateServerlessResources({
          service: ctx.service,
          provider,
          providerSpan,
          functions: built,
          functionKeys: new Set(built.map((b) => b.facts.key)),
          sharedRole,
        })
      : []
  ).filter((r) => !writtenIds.has(r.logicalId));
  for (const r of [...ownResources, ...generated]) ids.add(r.logicalId);
  const resources = withCreation([...ownResources, ...generated], resolver);
  const resourceById = indexById(resources);

  return {
    ...base,
    problems,
    resources,
    resourceById,
    resolver,
    parameters: namedEntries(resourcesSection, 'Parameters'),
    conditions: namedEntries(resourcesSection, 'Conditions'),
    mappings: namedEntries(resourcesSection, 'Mappings'),
    outputs: namedEntries(resourcesSection, 'Outputs'),
    globals: undefined,
    functions: built.map((b) => ({ ...b.view, resource: resourceById.get(b.view.logicalId) ?? b.view.resource })),
    serverless: {
      service,
      stage,
      region,
      frameworkVersion: plainText(valueOf(resolved, 'frameworkVersion')),
      provider,
      plugins,
      unresolvedVariables: unresolved,
      resolved,
      iam: { ...iam, roleLogicalId: sharedRole ? naming.role : undefined },
      functionFacts: new Map(built.map((b) => [b.resource.logicalId, b.facts])),
    },
  };
}

/** Where the Region came from when the inputs do not give it. */
function providerRegionOrigin(provider: MapNode | undefined): string {
  return plainText(valueOf(provider, 'region')) === undefined
    ? `the framework's default Region ${DEFAULT_REGION}`
    : 'provider.region';
}

/** A string value that no longer contains a variable (an unresolved one is no name). */
function plainText(node: Node | undefined): string | undefined {
  const text = stringOf(node);
  return text === undefined || mayContainVariable(text) ? undefined : text;
}

/** `service: name`, or the older `service: {name: ...}`. */
function serviceName(root: MapNode): string | undefined {
  const service = valueOf(root, 'service');
  return plainText(service?.kind === 'map' ? valueOf(service, 'name') : service);
}

/** `plugins: [...]`, or `plugins: {localPath, modules: [...]}`. */
function pluginsOf(root: MapNode): string[] {
  const plugins = valueOf(root, 'plugins');
  const list = plugins?.kind === 'map' ? valueOf(plugins, 'modules') : plugins;
  return itemsOf(list)
    .map(stringOf)
    .filter((p): p is string => p !== undefined);
}

function iamOf(provider: MapNode | undefined): Omit<ServerlessIam, 'roleLogicalId'> {
  const role = valueOf(mapAt(provider, 'iam'), 'role');
  const roleMap = role?.kind === 'map' ? role : undefined;
  return {
    statements: itemsOf(valueOf(roleMap, 'statements') ?? valueOf(provider, 'iamRoleStatements')),
    managedPolicies: itemsOf(valueOf(roleMap, 'managedPolicies') ?? valueOf(provider, 'iamManagedPolicies')),
    customRole: role && !roleMap ? role : valueOf(provider, 'role'),
    roleName: valueOf(roleMap, 'name'),
    permissionsBoundary: valueOf(roleMap, 'permissionsBoundary') ?? valueOf(provider, 'rolePermissionsBoundary'),
  };
}

/**
 * `resources:` as CloudFormation (`Resources`, `Outputs`, `Conditions`, ...). A list of such maps, as
 * several `${file(...)}` includes give, is merged in order like the framework does.
 */
function resourcesSectionOf(root: MapNode, problems: ParseProblem[]): MapNode | undefined {
  const section = valueOf(root, 'resources');
  if (!section || section.kind === 'map') return section;
  if (section.kind !== 'seq') {
    problems.push(
      structure(
        section.span,
        'resources must be a map with Resources, Outputs, ... (CloudFormation), or a list of such maps.',
      ),
    );
    return undefined;
  }
  const bySection = new Map<string, MapEntry[]>();
  const keySpans = new Map<string, Span>();
  for (const item of section.items) {
    if (item.kind !== 'map') {
      problems.push(
        structure(item.span, 'Each item of resources must be a map with Resources, Outputs, ... (CloudFormation).'),
      );
      continue;
    }
    for (const e of item.entries) {
      if (e.value.kind !== 'map') continue;
      if (!bySection.has(e.key)) keySpans.set(e.key, e.keySpan);
      bySection.set(e.key, [...(bySection.get(e.key) ?? []), ...e.value.entries]);
    }
  }
  return syntheticMap(
    [...bySection].map(([key, entries]) => ({
      key,
      keySpan: keySpans.get(key)!,
      value: syntheticMap(entries, section.span),
    })),
    section.span,
  );
}

/** `functions:` as a map, or a list of maps (several `${file(...)}` includes) merged in order. */
function functionEntries(root: MapNode, problems: ParseProblem[]): { entry: MapEntry; fn: MapNode }[] {
  const section = valueOf(root, 'functions');
  if (!section || (section.kind === 'scalar' && section.value === null)) return [];
  let entries: readonly MapEntry[];
  if (section.kind === 'map') entries = section.entries;
  else if (section.kind === 'seq' && section.items.every((i) => i.kind === 'map'))
    entries = section.items.flatMap((i) => (i as MapNode).entries);
  else {
    problems.push(
      structure(
        section.span,
        'functions must be a map of function names to their configuration (for example "hello:" with a handler), ' +
          'not a list.',
      ),
    );
    return [];
  }
  const out: { entry: MapEntry; fn: MapNode }[] = [];
  for (const entry of entries) {
    const fn = entry.value;
    if (fn.kind !== 'map') {
      const got =
        fn.kind === 'scalar'
          ? fn.value === null
            ? 'nothing'
            : 'a single value'
          : fn.kind === 'seq'
            ? 'a list'
            : 'an intrinsic function';
      problems.push(
        structure(
          fn.kind === 'scalar' && fn.value === null ? entry.keySpan : fn.span,
          `Function '${entry.key}' must be a map with a handler (or an image), not ${got}.`,
        ),
      );
      continue;
    }
    if (!entryOf(fn, 'handler') && !entryOf(fn, 'image')) {
      problems.push({
        ...structure(
          entry.keySpan,
          `Function '${entry.key}' has neither a handler nor an image, so the framework cannot deploy it.`,
        ),
        severity: 'warning',
      });
    }
    out.push({ entry, fn });
  }
  return out;
}

/** The function's `events:` list, each item a one-key map; anything else is reported and skipped. */
function eventSites(fnKey: string, fn: MapNode, problems: ParseProblem[]): EventSite[] {
  const events = valueOf(fn, 'events');
  if (!events || (events.kind === 'scalar' && events.value === null)) return [];
  if (events.kind !== 'seq') {
    problems.push(
      structure(events.span, `events of function '${fnKey}' must be a list (each item starting with "- ").`),
    );
    return [];
  }
  const found: Omit<EventSite, 'ordinal' | 'count'>[] = [];
  for (const item of events.items) {
    if (item.kind !== 'map' || item.entries.length !== 1) {
      const hint =
        item.kind === 'map' && item.entries.length > 1
          ? ` (found ${item.entries.map((e) => e.key).join(', ')}: are the event's settings indented under its type?)`
          : '';
      problems.push(
        structure(
          item.span,
          `Each event of function '${fnKey}' must be a map with exactly one key, its type (http, sqs, schedule, ` +
            `...)${hint}.`,
        ),
      );
      continue;
    }
    const [entry] = item.entries;
    if (!KNOWN_EVENT_KEYS.has(entry.key)) {
      problems.push({
        ...structure(
          entry.keySpan,
          `'${entry.key}' is not an event type of the Serverless Framework's AWS provider (a plugin may add it); ` +
            `it is kept as written.`,
        ),
        severity: 'warning',
      });
    }
    const site = { key: entry.key, keySpan: entry.keySpan, span: item.span, value: entry.value };
    if (entry.key === 'stream' && !streamType({ ...site, ordinal: 1, count: 1 })) {
      problems.push({
        ...structure(
          entry.keySpan,
          `This stream event needs "type: dynamodb" or "type: kinesis": its arn does not say which.`,
        ),
        severity: 'warning',
      });
    }
    found.push(site);
  }
  const seen = new Map<string, number>();
  const totals = new Map<string, number>();
  for (const f of found) totals.set(f.key, (totals.get(f.key) ?? 0) + 1);
  return found.map((f) => {
    const ordinal = (seen.get(f.key) ?? 0) + 1;
    seen.set(f.key, ordinal);
    return { ...f, ordinal, count: totals.get(f.key)! };
  });
}

/** `layers:`: each becomes `<Name>LambdaLayer`, written by the user like a function. */
function layerResources(root: MapNode, problems: ParseProblem[]): Resource[] {
  const section = valueOf(root, 'layers');
  if (!section) return [];
  if (section.kind !== 'map') {
    problems.push(
      structure(section.span, 'layers must be a map of layer names to their configuration (path, name, ...).'),
    );
    return [];
  }
  return section.entries.map((e) => ({
    logicalId: naming.layer(e.key),
    type: 'AWS::Lambda::LayerVersion',
    origin: 'written' as const,
    idSpan: e.keySpan,
    span: { start: e.keySpan.start, end: e.value.span.end },
    node: e.value.kind === 'map' ? e.value : undefined,
  }));
}

function structure(span: Span, message: string): ParseProblem {
  return { code: 'serverless-structure', severity: 'error', span, message };
}
