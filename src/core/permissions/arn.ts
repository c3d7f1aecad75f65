import { toPlain, valueOf } from '../model/nodes';
import type { Template } from '../model/template';
import type { ResourcePattern } from './types';

/**
 * Resolves the values CloudFormation gives `Ref` and `Fn::GetAtt` of the resource types functions
 * commonly use, so that resource patterns written in different ways compare equal. Names the template
 * leaves to CloudFormation become `{LogicalId}` tokens; Region and account stay `{AWS::Region}` and
 * `{AWS::AccountId}`; the partition is `aws`.
 */
const REGION = '{AWS::Region}';
/**
 * "Secrets Manager automatically adds a hyphen and six random characters after the secret name at the end of
 * the ARN" (https://docs.aws.amazon.com/secretsmanager/latest/userguide/reference_iam-permissions.html#iam-resources).
 */
export const SECRET_SUFFIX = '-??????';
const ACCOUNT = '{AWS::AccountId}';

interface TypeValues {
  readonly ref: (name: string) => string;
  readonly attributes: Readonly<Record<string, (name: string) => string>>;
}

const name = (n: string): string => n;
const arnOf =
  (service: string, resource: (n: string) => string, global = false) =>
  (n: string): string =>
    `arn:aws:${service}:${global ? '' : REGION}:${global ? '' : ACCOUNT}:${resource(n)}`;

const tableArn = arnOf('dynamodb', (n) => `table/${n}`);
const functionArn = arnOf('lambda', (n) => `function:${n}`);
const stateMachineArn = arnOf('states', (n) => `stateMachine:${n}`);
/** Secrets Manager adds a hyphen and six random characters to a secret's name in its ARN. */
export const secretArn = arnOf('secretsmanager', (n) => `secret:${n}${SECRET_SUFFIX}`);
const queueUrl = (n: string): string => `https://sqs.${REGION}.amazonaws.com/${ACCOUNT}/${n}`;

/** From the CloudFormation resource reference ("Return values" of each type). */
const TYPES: Readonly<Record<string, TypeValues>> = {
  'AWS::DynamoDB::Table': { ref: name, attributes: { Arn: tableArn, StreamArn: (n) => `${tableArn(n)}/stream/*` } },
  'AWS::DynamoDB::GlobalTable': {
    ref: name,
    attributes: { Arn: tableArn, StreamArn: (n) => `${tableArn(n)}/stream/*` },
  },
  'AWS::Serverless::SimpleTable': { ref: name, attributes: { Arn: tableArn } },
  'AWS::SQS::Queue': { ref: queueUrl, attributes: { Arn: arnOf('sqs', name), QueueName: name, QueueUrl: queueUrl } },
  'AWS::SNS::Topic': { ref: arnOf('sns', name), attributes: { TopicArn: arnOf('sns', name), TopicName: name } },
  'AWS::S3::Bucket': { ref: name, attributes: { Arn: arnOf('s3', name, true) } },
  'AWS::Lambda::Function': { ref: name, attributes: { Arn: functionArn } },
  'AWS::Serverless::Function': { ref: name, attributes: { Arn: functionArn } },
  'AWS::StepFunctions::StateMachine': { ref: stateMachineArn, attributes: { Arn: stateMachineArn, Name: name } },
  'AWS::Serverless::StateMachine': { ref: stateMachineArn, attributes: { Arn: stateMachineArn, Name: name } },
  'AWS::Kinesis::Stream': { ref: name, attributes: { Arn: arnOf('kinesis', (n) => `stream/${n}`) } },
  'AWS::KinesisFirehose::DeliveryStream': {
    ref: name,
    attributes: { Arn: arnOf('firehose', (n) => `deliverystream/${n}`) },
  },
  'AWS::Events::EventBus': { ref: name, attributes: { Arn: arnOf('events', (n) => `event-bus/${n}`), Name: name } },
  'AWS::SecretsManager::Secret': { ref: secretArn, attributes: { Id: secretArn } },
  'AWS::SSM::Parameter': { ref: name, attributes: {} },
  'AWS::KMS::Key': { ref: name, attributes: { Arn: arnOf('kms', (n) => `key/${n}`), KeyId: name } },
  'AWS::Logs::LogGroup': { ref: name, attributes: { Arn: arnOf('logs', (n) => `log-group:${n}:*`) } },
};

/** The `Ref` and `GetAtt` values a resource type has; undefined for types we do not model. */
export function valuesOfType(type: string): TypeValues | undefined {
  return TYPES[type];
}

/** What a resource's name is when the template does not set one: the logical ID as a token. */
export function nameToken(logicalId: string): string {
  return `{${logicalId}}`;
}

/** The property that names a resource of each type, when the template sets it (`TableName: orders-dev`). */
const NAME_PROPERTY: Readonly<Record<string, string>> = {
  'AWS::DynamoDB::Table': 'TableName',
  'AWS::DynamoDB::GlobalTable': 'TableName',
  'AWS::Serverless::SimpleTable': 'TableName',
  'AWS::SQS::Queue': 'QueueName',
  'AWS::SNS::Topic': 'TopicName',
  'AWS::S3::Bucket': 'BucketName',
  'AWS::Lambda::Function': 'FunctionName',
  'AWS::Serverless::Function': 'FunctionName',
  'AWS::StepFunctions::StateMachine': 'StateMachineName',
  'AWS::Serverless::StateMachine': 'Name',
  'AWS::Kinesis::Stream': 'Name',
  'AWS::KinesisFirehose::DeliveryStream': 'DeliveryStreamName',
  'AWS::Events::EventBus': 'Name',
  'AWS::SecretsManager::Secret': 'Name',
  'AWS::SSM::Parameter': 'Name',
  'AWS::Logs::LogGroup': 'LogGroupName',
};

const names = new WeakMap<Template, Map<string, string>>();
/**
 * Each resource's name: the one the template sets when it resolves to one string, else the `{LogicalId}`
 * token. Indexed once per template (models are immutable).
 */
export function resourceNames(template: Template): ReadonlyMap<string, string> {
  let index = names.get(template);
  if (index) return index;
  index = new Map();
  names.set(template, index);
  for (const r of template.resources) {
    const property = NAME_PROPERTY[r.type];
    const written = property ? valueOf(r.properties, property) : undefined;
    // The index is in place (tokens only) while names are resolved, so a name that refers to itself ends.
    const resolved = written ? resolveValue(template, toPlain(written)) : [];
    // A name built from deployment values (`${AWS::StackName}-orders`) is still this resource's name; one built
    // from another resource's name or an unknown value is not one we can compare.
    if (resolved.length === 1 && !/\*|\{(?!AWS::)/.test(resolved[0]) && resolved[0] !== '')
      index.set(r.logicalId, resolved[0]);
  }
  return index;
}

function nameOf(template: Template, logicalId: string): string {
  return resourceNames(template).get(logicalId) ?? nameToken(logicalId);
}

/** `!Ref AWS::NoValue` removes a list item; it is dropped from resource lists. */
const NO_VALUE = '{AWS::NoValue}';

const PSEUDO: Readonly<Record<string, string>> = {
  'AWS::NoValue': NO_VALUE,
  'AWS::Partition': 'aws',
  'AWS::Region': REGION,
  'AWS::AccountId': ACCOUNT,
  'AWS::URLSuffix': 'amazonaws.com',
  'AWS::StackName': '{AWS::StackName}',
  'AWS::StackId': '{AWS::StackId}',
};

/**
 * Ref / GetAtt of a template entity. A parameter is its value (given outside the template, else its Default), or
 * `*` when it has none: the grant then covers whatever the deployment gives it. Unknown names become `*`.
 */
function referenceValue(template: Template, target: string, attribute: string | undefined): string {
  if (attribute === undefined && PSEUDO[target] !== undefined) return PSEUDO[target];
  const resource = template.resourceById.get(target);
  if (!resource) return attribute === undefined ? parameterValue(template, target) : '*';
  const values = TYPES[resource.type];
  const token = nameOf(template, target);
  if (!values) return attribute === undefined ? token : `{${target}.${attribute}}`;
  if (attribute === undefined) return values.ref(token);
  return values.attributes[attribute]?.(token) ?? `{${target}.${attribute}}`;
}

function parameterValue(template: Template, name: string): string {
  const parameter = template.parameters.find((p) => p.name === name);
  if (!parameter) return '*';
  const argument = { kind: 'scalar', value: name, span: parameter.nameSpan } as const;
  const value = template.resolver.evaluate({
    kind: 'intrinsic',
    name: 'Ref',
    nameSpan: parameter.nameSpan,
    argument,
    form: 'short',
    span: parameter.nameSpan,
  });
  return value.known && (typeof value.value === 'string' || typeof value.value === 'number')
    ? String(value.value)
    : '*';
}

/**
 * The strings a CloudFormation value can stand for (several under `Fn::If`), with intrinsics resolved as
 * far as the template allows. Anything we cannot resolve becomes `*`, so a grant is never made narrower
 * than written.
 */
export function resolveValue(
  template: Template,
  value: unknown,
  locals: Readonly<Record<string, string>> = {},
): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value === 'number' || typeof value === 'boolean') return [String(value)];
  if (!value || typeof value !== 'object' || Array.isArray(value)) return ['*'];
  const [key, arg] = Object.entries(value)[0] ?? [];
  switch (key) {
    case 'Ref':
      return typeof arg === 'string' ? [locals[arg] ?? referenceValue(template, arg, undefined)] : ['*'];
    case 'Fn::GetAtt': {
      const [target, ...attribute] = Array.isArray(arg) ? arg.map(String) : String(arg).split('.');
      return [referenceValue(template, target, attribute.join('.') || undefined)];
    }
    case 'Fn::Sub':
      return resolveSub(template, arg, locals);
    case 'Fn::Join': {
      if (!Array.isArray(arg) || typeof arg[0] !== 'string' || !Array.isArray(arg[1])) return ['*'];
      return combine(arg[1].map((part: unknown) => resolveValue(template, part, locals))).map((parts) =>
        parts.join(arg[0]),
      );
    }
    case 'Fn::If':
      return Array.isArray(arg)
        ? [...resolveValue(template, arg[1], locals), ...resolveValue(template, arg[2], locals)].filter(
            (v) => v !== NO_VALUE,
          )
        : ['*'];
    default:
      return ['*'];
  }
}

function resolveSub(template: Template, arg: unknown, locals: Readonly<Record<string, string>>): string[] {
  const [text, variables] = Array.isArray(arg) ? arg : [arg, {}];
  if (typeof text !== 'string') return ['*'];
  const own: Record<string, string[]> = {};
  for (const [k, v] of Object.entries((variables ?? {}) as Record<string, unknown>))
    own[k] = resolveValue(template, v, locals);
  const pieces: string[][] = [];
  const pattern = /\$\{(!?)([^}]*)\}/g;
  let last = 0;
  for (let m = pattern.exec(text); m; m = pattern.exec(text)) {
    pieces.push([text.slice(last, m.index)]);
    const expression = m[2].trim();
    if (m[1] === '!') pieces.push([`\${${expression}}`]);
    else if (own[expression]) pieces.push(own[expression]);
    else if (locals[expression] !== undefined) pieces.push([locals[expression]]);
    else {
      const dot = expression.indexOf('.');
      const isPseudo = expression.startsWith('AWS::');
      pieces.push([
        isPseudo || dot < 0
          ? referenceValue(template, expression, undefined)
          : referenceValue(template, expression.slice(0, dot), expression.slice(dot + 1)),
      ]);
    }
    last = m.index + m[0].length;
  }
  pieces.push([text.slice(last)]);
  return combine(pieces).map((p) => p.join(''));
}

/** Cartesian product of alternatives, capped: a value with many `Fn::If`s is summarised by `*`. */
function combine(parts: string[][]): string[][] {
  if (parts.every((p) => p.length === 1)) return [parts.map((p) => p[0])];
  let out: string[][] = [[]];
  for (const alternatives of parts) {
    out = out.flatMap((prefix) => alternatives.map((a) => [...prefix, a]));
    if (out.length > 16) return [parts.map(() => '*')];
  }
  return out;
}

/** A resource pattern with the template resources it names. */
export function patternOf(template: Template, pattern: string): ResourcePattern {
  const ids = new Set<string>();
  for (const m of pattern.matchAll(/\{([A-Za-z0-9]+)(?:\.[A-Za-z0-9.]+)?\}/g)) {
    if (template.resourceById.has(m[1])) ids.add(m[1]);
  }
  // Resources named in the template appear by their name, between the ARN's separators.
  for (const [id, name] of namedIn(template, pattern)) if (name.test(pattern)) ids.add(id);
  return { pattern, resourceIds: [...ids] };
}

/** Separators between an ARN's parts; a resource's name stands between two of them. */
const ARN_SEPARATOR = /[:/]/;

interface NamePattern {
  /** The name's place among the template's resources, so matches keep the template's order. */
  readonly order: number;
  readonly id: string;
  readonly name: RegExp;
}

/**
 * The resources whose name may stand in `pattern`, in the template's order. A name stands between separators, so
 * each of its own parts is a whole part of the pattern: the names are indexed by their longest part, and only
 * those whose part is in the pattern are tested, rather than every name against every pattern.
 */
function namedIn(template: Template, pattern: string): [string, RegExp][] {
  const index = namePatterns(template);
  const candidates = new Set<NamePattern>();
  for (const part of pattern.split(ARN_SEPARATOR)) for (const n of index.get(part) ?? []) candidates.add(n);
  return [...candidates].sort((a, b) => a.order - b.order).map((n) => [n.id, n.name]);
}

const namePatternCache = new WeakMap<Template, ReadonlyMap<string, readonly NamePattern[]>>();
function namePatterns(template: Template): ReadonlyMap<string, readonly NamePattern[]> {
  let index = namePatternCache.get(template);
  if (!index) {
    const byPart = new Map<string, NamePattern[]>();
    [...resourceNames(template)].forEach(([id, name], order) => {
      const key = name.split(ARN_SEPARATOR).reduce((a, b) => (b.length > a.length ? b : a));
      const entry = { order, id, name: new RegExp(`(^|[:/])${escapeRegExp(name)}($|[:/])`) };
      const named = byPart.get(key) ?? [];
      named.push(entry);
      byPart.set(key, named);
    });
    index = byPart;
    namePatternCache.set(template, index);
  }
  return index;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Resource patterns of a statement's `Resource` / `NotResource` value. */
export function resourcePatterns(template: Template, value: unknown): ResourcePattern[] {
  const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
  return items
    .flatMap((item) => resolveValue(template, item))
    .filter((p) => p !== NO_VALUE)
    .map((p) => patternOf(template, p));
}

/** An SQS queue URL (what `!Ref Queue` and `QueueUrl` are) as the queue's ARN, which IAM compares. */
export function queueArnFromUrl(url: string): string | undefined {
  const m =
    /^https:\/\/(?:sqs\.)?([^./]+|\{AWS::Region\})\.(?:queue\.)?amazonaws\.com\/([^/]+)\/([^/]+)$/.exec(url) ??
    /^https:\/\/sqs\.([^/]+?)\.amazonaws\.com\/([^/]+)\/([^/]+)$/.exec(url);
  return m ? `arn:aws:sqs:${m[1]}:${m[2]}:${m[3]}` : undefined;
}

/** `{OrdersTable}` → `OrdersTable`, `{AWS::Region}` → `${AWS::Region}`: how a pattern reads in messages. */
export function displayPattern(pattern: string): string {
  return pattern.replace(/\{(AWS::[A-Za-z]+)\}/g, '${$1}').replace(/\{([A-Za-z0-9.]+)\}/g, '$1');
}
