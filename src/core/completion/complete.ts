import type { MapNode, Span } from '../model/nodes';
import { mapAt, stringOf, valueOf } from '../model/nodes';
import type { Template } from '../model/template';
import type { PropertySpec, SchemaCatalog } from '../schema/catalog';
import { writtenResources } from '../navigation/symbol-index';
import type { CursorContext } from './cursor-context';
import { cursorContext } from './cursor-context';
import type { CompletionProposal } from './items';
import {
  conditionNames,
  getAttTargets,
  mappingNames,
  refTargets,
  resourceNames,
  subTargets,
} from './reference-targets';
import { resourceSnippets, serverlessFunctionSnippets, serverlessTopLevelSnippets } from './snippets';
import type { Snippet } from './snippets';
import { runtimeValues } from './runtimes';
import { KNOWN_VALUES } from '../schema/known-values';

export interface CompletionOptions {
  readonly catalog: SchemaCatalog;
  readonly today?: Date;
  /**
   * False when another extension already completes keys and schema values here (the Red Hat YAML
   * extension with a schema for this file): then only what a JSON schema cannot know is proposed
   * (names of this template, attributes, `${}` variables, policy templates, snippets).
   */
  readonly schemaCompletions?: boolean;
}

const RESOURCE_ATTRIBUTES = [
  'Type',
  'Properties',
  'DependsOn',
  'Condition',
  'Metadata',
  'DeletionPolicy',
  'UpdateReplacePolicy',
  'UpdatePolicy',
  'CreationPolicy',
];
const PARAMETER_KEYS = [
  'Type',
  'Default',
  'Description',
  'AllowedValues',
  'AllowedPattern',
  'ConstraintDescription',
  'MinLength',
  'MaxLength',
  'MinValue',
  'MaxValue',
  'NoEcho',
];
/** CloudFormation's parameter types (user guide, "Parameters"), the common AWS-specific ones included. */
const PARAMETER_TYPES = [
  'String',
  'Number',
  'List<Number>',
  'CommaDelimitedList',
  'AWS::SSM::Parameter::Value<String>',
  'AWS::SSM::Parameter::Value<List<String>>',
  'AWS::EC2::VPC::Id',
  'AWS::EC2::Subnet::Id',
  'List<AWS::EC2::Subnet::Id>',
  'AWS::EC2::SecurityGroup::Id',
  'List<AWS::EC2::SecurityGroup::Id>',
  'AWS::EC2::KeyPair::KeyName',
  'AWS::Route53::HostedZone::Id',
];
const OUTPUT_KEYS = ['Description', 'Value', 'Export', 'Condition'];
const CFN_SECTIONS = [
  'AWSTemplateFormatVersion',
  'Description',
  'Metadata',
  'Parameters',
  'Mappings',
  'Conditions',
  'Transform',
  'Resources',
  'Outputs',
];
const SERVERLESS_FUNCTION_KEYS = [
  'handler',
  'runtime',
  'memorySize',
  'timeout',
  'architecture',
  'environment',
  'events',
  'layers',
  'role',
  'description',
  'name',
  'reservedConcurrency',
  'provisionedConcurrency',
  'package',
  'vpc',
  'tags',
  'url',
  'destinations',
  'maximumRetryAttempts',
];
const SERVERLESS_EVENTS = [
  'http',
  'httpApi',
  'websocket',
  'sqs',
  'sns',
  's3',
  'schedule',
  'stream',
  'eventBridge',
  'alb',
  'cloudwatchLog',
  'cloudwatchEvent',
  'cognitoUserPool',
  'iot',
  'alexaSkill',
  'kafka',
  'msk',
  'activemq',
  'rabbitmq',
];
/** Where `${source:...}` reads from in serverless.yml (Serverless Framework v3 "Variables"). */
const SERVERLESS_VARIABLE_SOURCES = [
  'self:',
  'opt:',
  'sls:',
  'env:',
  'file(',
  'ssm:',
  'cf:',
  's3:',
  'aws:',
  'param:',
  'strToBool(',
];
const SAM_GLOBALS: Readonly<Record<string, string>> = {
  Function: 'AWS::Serverless::Function',
  Api: 'AWS::Serverless::Api',
  HttpApi: 'AWS::Serverless::HttpApi',
  SimpleTable: 'AWS::Serverless::SimpleTable',
  StateMachine: 'AWS::Serverless::StateMachine',
  LayerVersion: 'AWS::Serverless::LayerVersion',
};

/** Proposals at `offset` of the template's text: intrinsic targets first, then by position in the document. */
export function completionsAt(template: Template, offset: number, options: CompletionOptions): CompletionProposal[] {
  const context = cursorContext(template.text, offset, template.format, template.root);
  if (!context) return [];
  return (
    intrinsicCompletions(template, context, offset, options.catalog) ??
    structuralCompletions(template, context, options)
  );
}

/** Completions inside `!Ref`, `!GetAtt`, `${}`, `!If`, `!FindInMap`, `!Condition` (short, long and JSON forms). */
function intrinsicCompletions(
  template: Template,
  context: CursorContext,
  offset: number,
  catalog: SchemaCatalog,
): CompletionProposal[] | undefined {
  const line = context.lineBefore;
  const span = (typed: string): Span => ({ start: offset - typed.length, end: context.replace.end });
  const last = context.path[context.path.length - 1];
  const parent = context.path[context.path.length - 2];
  if (template.kind === 'serverless') {
    const self = /\$\{self:([\w.\-]*)$/.exec(line);
    if (self) return selfPaths(template, self[1], span(self[1]));
    const source = /\$\{(\w*)$/.exec(line);
    if (source && !/(!Sub|Fn::Sub)/.test(line))
      return keywords(SERVERLESS_VARIABLE_SOURCES, 'variable', span(source[1]));
  }
  let m = /\$\{([\w:.]*)$/.exec(line);
  if (m && template.kind !== 'serverless') return subTargets(template, m[1], span(m[1]), catalog);
  if (m && template.kind === 'serverless' && /(!Sub|Fn::Sub)/.test(line))
    return subTargets(template, m[1], span(m[1]), catalog);
  if (
    (m = /(?:!Ref\s+|\bRef["']?\s*:\s*["']?)([\w:]*)$/.exec(line)) ||
    (template.format === 'json' && last === 'Ref')
  ) {
    const typed = m?.[1] ?? context.prefix;
    return refTargets(template, span(typed), catalog);
  }
  if ((m = /(?:!GetAtt\s+["']?|Fn::GetAtt["']?\s*:\s*["']?)([\w.]*)$/.exec(line)))
    return getAttTargets(template, m[1], span(m[1]), catalog);
  if (
    (m = /(?:!GetAtt\s*\[|Fn::GetAtt["']?\s*:\s*\[)\s*["']?(\w*)$/.exec(line)) ||
    (template.format === 'json' && parent === 'Fn::GetAtt')
  ) {
    return resourceNames(template, span(m?.[1] ?? context.prefix));
  }
  if (
    (m = /(?:!If\s*\[|Fn::If["']?\s*:\s*\[|!Condition\s+)\s*["']?(\w*)$/.exec(line)) ||
    (template.format === 'json' && parent === 'Fn::If')
  ) {
    return conditionNames(template, span(m?.[1] ?? context.prefix));
  }
  if (
    (m = /(?:!FindInMap\s*\[|Fn::FindInMap["']?\s*:\s*\[)\s*["']?(\w*)$/.exec(line)) ||
    (template.format === 'json' && parent === 'Fn::FindInMap')
  ) {
    return mappingNames(template, span(m?.[1] ?? context.prefix));
  }
  return undefined;
}

function structuralCompletions(
  template: Template,
  context: CursorContext,
  options: CompletionOptions,
): CompletionProposal[] {
  const { path, position, replace } = context;
  const schema = options.schemaCompletions !== false;
  const catalog = options.catalog;
  const base = template.kind === 'serverless' ? ['resources', 'Resources'] : ['Resources'];
  if (startsWith(path, base)) {
    const rest = path.slice(base.length);
    if (rest.length === 0 && position === 'key') return snippets(resourceSnippets(template.kind), replace);
    const logicalId = rest[0];
    const attribute = rest[1];
    if (rest.length === 1 && position === 'key')
      return schema ? keywords(absent(RESOURCE_ATTRIBUTES, context), 'keyword', replace) : [];
    if (attribute === 'Type' && position === 'value') return schema ? resourceTypes(template, catalog, replace) : [];
    if (attribute === 'Condition' && position === 'value') return conditionNames(template, replace);
    if (KNOWN_VALUES[attribute] && rest.length === 2 && position === 'value')
      return schema ? keywords(KNOWN_VALUES[attribute], 'value', replace) : [];
    if (attribute === 'DependsOn') return resourceNames(template, replace).filter((p) => p.label !== logicalId);
    if (attribute === 'Properties') {
      const resource = writtenResources(template).find((r) => r.logicalId === logicalId);
      return resource
        ? propertyCompletions(resource.type, mapAt(resource.node, 'Properties'), rest.slice(2), context, options)
        : [];
    }
    return [];
  }
  if (template.kind === 'sam' && path[0] === 'Globals' && path.length >= 2 && SAM_GLOBALS[path[1]]) {
    return propertyCompletions(SAM_GLOBALS[path[1]], undefined, path.slice(2), context, options);
  }
  if (template.kind === 'serverless') return serverlessCompletions(path, context, options);
  if (!schema) return [];
  if (path.length === 0 && position === 'key') return keywords(CFN_SECTIONS, 'keyword', replace);
  if (path[0] === 'Parameters' && path.length === 2 && position === 'key')
    return keywords(absent(PARAMETER_KEYS, context), 'property', replace);
  if (path[0] === 'Parameters' && path[2] === 'Type' && path.length === 3 && position === 'value')
    return keywords(PARAMETER_TYPES, 'type', replace);
  if (path[0] === 'Outputs' && path.length === 2 && position === 'key')
    return keywords(absent(OUTPUT_KEYS, context), 'property', replace);
  return [];
}

/** Completions under a resource's `Properties` (or a SAM `Globals` section), following nested definitions. */
function propertyCompletions(
  type: string,
  properties: MapNode | undefined,
  propertyPath: readonly string[],
  context: CursorContext,
  options: CompletionOptions,
): CompletionProposal[] {
  const { catalog } = options;
  const { position, replace } = context;
  const [first, second, third] = propertyPath;
  if (type.startsWith('AWS::Serverless::') && first === 'Policies') {
    if (second === '-' && propertyPath.length === 2) return policyTemplates(catalog, replace);
    if (second === '-' && third && propertyPath.length === 3 && position === 'key') {
      return keywords(catalog.policyTemplates()[third]?.params ?? [], 'property', replace);
    }
    return [];
  }
  if (type.startsWith('AWS::Serverless::') && first === 'Events' && propertyPath.length >= 2) {
    return eventCompletions(type, properties, propertyPath.slice(1), context, options);
  }
  return propertyCompletionsFrom(options, type, catalog.resource(type)?.props, propertyPath, context);
}

/** Follows property names (and list items) down nested definitions to the properties valid at the end. */
function walkProperties(
  catalog: SchemaCatalog,
  type: string,
  props: Readonly<Record<string, PropertySpec>> | undefined,
  path: readonly string[],
): { props: Readonly<Record<string, PropertySpec>> | undefined; spec?: PropertySpec; name: string } | undefined {
  let current = props;
  let spec: PropertySpec | undefined;
  let name = '';
  for (const segment of path) {
    if (segment === '-') continue;
    spec = current?.[segment];
    if (!spec) return undefined;
    name = segment;
    current = spec.ref ? catalog.nested(type, spec.ref)?.props : undefined;
  }
  return { props: current, spec, name };
}

function eventCompletions(
  type: string,
  resource: MapNode | undefined,
  eventPath: readonly string[],
  context: CursorContext,
  options: CompletionOptions,
): CompletionProposal[] {
  const events = options.catalog.events(type);
  const { position, replace } = context;
  const schema = options.schemaCompletions !== false;
  if (eventPath.length === 1 && position === 'key')
    return schema ? keywords(['Type', 'Properties'], 'keyword', replace) : [];
  if (eventPath[1] === 'Type' && position === 'value') {
    return schema
      ? Object.entries(events).map(([name, e]) => ({
          label: name,
          kind: 'event',
          detail: 'Event type',
          documentation: e.doc,
          replace,
        }))
      : [];
  }
  if (eventPath[1] !== 'Properties') return [];
  const eventType = stringOf(valueOf(valueOf(mapAt(resource, 'Events'), eventPath[0]), 'Type'));
  const spec = eventType ? events[eventType] : undefined;
  if (!spec) return [];
  return propertyCompletionsFrom(options, type, spec.props, eventPath.slice(2), context);
}

/**
 * Property names at a key position (minus those the map already has), allowed values at a value position
 * or in a list of scalars (`Architectures: [- |]`). With `schemaCompletions` off only runtimes remain,
 * which a JSON schema lists without their lifecycle.
 */
function propertyCompletionsFrom(
  options: CompletionOptions,
  type: string,
  props: Readonly<Record<string, PropertySpec>> | undefined,
  path: readonly string[],
  context: CursorContext,
): CompletionProposal[] {
  const schema = options.schemaCompletions !== false;
  const { position, replace } = context;
  const walked = walkProperties(options.catalog, type, props, position === 'key' ? path : path.slice(0, -1));
  if (!walked) return [];
  const inScalarList = position === 'key' && path[path.length - 1] === '-' && walked.spec && !walked.props;
  if (position === 'key' && !inScalarList) {
    const present = context.siblingKeys();
    return schema ? propertyNames(walked.props, replace).filter((p) => !present.has(p.label)) : [];
  }
  const name = inScalarList ? walked.name : path[path.length - 1];
  const spec = inScalarList ? walked.spec : walked.props?.[name];
  return spec && (schema || isRuntime(name)) ? valueCompletions(name, spec, replace, options) : [];
}

function propertyNames(props: Readonly<Record<string, PropertySpec>> | undefined, replace: Span): CompletionProposal[] {
  return Object.entries(props ?? {}).map(([name, p]) => ({
    label: name,
    kind: 'property',
    detail: `${p.type}${p.required ? ' (required)' : ''}`,
    documentation: p.values ? `${p.doc}\n\nAllowed values: ${p.values.map((v) => `\`${v}\``).join(', ')}` : p.doc,
    replace,
    sortText: `${p.required ? 0 : 1}${name}`,
  }));
}

function isRuntime(name: string): boolean {
  return name === 'Runtime' || name === 'runtime';
}

function valueCompletions(
  name: string,
  spec: PropertySpec,
  replace: Span,
  options: CompletionOptions,
): CompletionProposal[] {
  if (isRuntime(name)) return runtimeValues(options.catalog, options.today ?? new Date(), replace);
  const values = spec.values ?? KNOWN_VALUES[name] ?? (spec.type === 'Boolean' ? ['true', 'false'] : []);
  return values.map((v) => ({ label: v, kind: 'value', detail: `${name} value`, replace }));
}

function resourceTypes(template: Template, catalog: SchemaCatalog, replace: Span): CompletionProposal[] {
  return catalog.resourceTypes(template.kind === 'sam').map((type, i) => ({
    label: type,
    kind: 'type',
    documentation: catalog.resource(type)?.doc,
    replace,
    sortText: String(i).padStart(5, '0'),
  }));
}

function policyTemplates(catalog: SchemaCatalog, replace: Span): CompletionProposal[] {
  return Object.entries(catalog.policyTemplates()).map(([name, t]) => ({
    label: name,
    kind: 'policy',
    detail: t.params.length ? `SAM policy template (${t.params.join(', ')})` : 'SAM policy template',
    documentation: t.doc,
    insertText: t.params.length
      ? `${name}:\n${t.params.map((p, i) => `    ${p}: \${${i + 1}}`).join('\n')}`
      : `${name}: {}`,
    snippet: true,
    replace,
  }));
}

function serverlessCompletions(
  path: readonly string[],
  context: CursorContext,
  options: CompletionOptions,
): CompletionProposal[] {
  const { position, replace } = context;
  const schema = options.schemaCompletions !== false;
  const last = path[path.length - 1];
  if (position === 'value' && last === 'runtime')
    return runtimeValues(options.catalog, options.today ?? new Date(), replace);
  if (path.length === 0 && position === 'key') return snippets(serverlessTopLevelSnippets(), replace);
  if (path.length === 1 && path[0] === 'functions' && position === 'key')
    return snippets(serverlessFunctionSnippets(), replace);
  if (!schema) return [];
  if (path.length === 2 && path[0] === 'functions' && position === 'key')
    return keywords(absent(SERVERLESS_FUNCTION_KEYS, context), 'property', replace);
  if (path.length === 4 && path[0] === 'functions' && path[2] === 'events' && path[3] === '-')
    return keywords(SERVERLESS_EVENTS, 'event', replace);
  return [];
}

/** `${self:` paths: the keys of `custom` and `provider` and the top-level keys, as far as typed. */
function selfPaths(template: Template, typed: string, replace: Span): CompletionProposal[] {
  const segments = typed.split('.');
  const parentPath = segments.slice(0, -1);
  let node = template.root;
  for (const s of parentPath) node = mapAt(node, s);
  const prefix = parentPath.length ? `${parentPath.join('.')}.` : '';
  return (node?.entries ?? []).map((e) => ({
    label: `${prefix}${e.key}`,
    kind: 'variable',
    detail: 'serverless.yml',
    replace,
  }));
}

/** The keys the map at the cursor does not have yet. */
function absent(names: readonly string[], context: CursorContext): string[] {
  const present = context.siblingKeys();
  return names.filter((n) => !present.has(n));
}

function keywords(names: readonly string[], kind: CompletionProposal['kind'], replace: Span): CompletionProposal[] {
  return names.map((label, i) => ({ label, kind, replace, sortText: String(i).padStart(3, '0') }));
}

function snippets(list: readonly Snippet[], replace: Span): CompletionProposal[] {
  return list.map((s) => ({
    label: s.label,
    kind: 'snippet',
    detail: s.detail,
    insertText: s.body,
    snippet: true,
    replace,
    documentation: s.body.replace(/\$\{\d+:([^}]*)\}|\$\{\d+\|([^,|]*)[^}]*\}/g, '$1$2'),
  }));
}

function startsWith(path: readonly string[], prefix: readonly string[]): boolean {
  return prefix.every((p, i) => path[i] === p);
}
