import type { Node } from '../model/nodes';
import { itemsOf, stringOf, valueOf } from '../model/nodes';
import type { Resource, Template } from '../model/template';
import { LOCAL_ACCOUNT_ID } from './limits';

export interface ResolveContext {
  readonly template: Template;
  readonly region: string;
  readonly stackName: string;
  /** Values for template parameters (and anything else) that only exist in AWS. */
  readonly parameters: Readonly<Record<string, string>>;
}

/** A value, or why there is none; `guess` marks values built from the logical ID where AWS would generate a name. */
export type Resolved = { readonly value: string; readonly guess?: string } | { readonly value?: undefined; readonly guess?: undefined; readonly unresolved: string };

interface Naming {
  /** The property that names the resource, when written. */
  readonly nameProperty?: string;
  /** What `Ref` returns, from the name. */
  readonly ref: (name: string, ctx: ResolveContext) => string;
  readonly arn?: (name: string, ctx: ResolveContext) => string;
}

const arn = (service: string, resource: (n: string) => string) => (n: string, c: ResolveContext) =>
  `arn:aws:${service}:${c.region}:${LOCAL_ACCOUNT_ID}:${resource(n)}`;
const byName = (n: string) => n;

/** What `Ref` and `Fn::GetAtt X.Arn` return per type (the CloudFormation resource reference pages). */
const NAMING: Record<string, Naming> = {
  'AWS::DynamoDB::Table': { nameProperty: 'TableName', ref: byName, arn: arn('dynamodb', (n) => `table/${n}`) },
  'AWS::Serverless::SimpleTable': { nameProperty: 'TableName', ref: byName, arn: arn('dynamodb', (n) => `table/${n}`) },
  'AWS::SQS::Queue': {
    nameProperty: 'QueueName', ref: (n, c) => `https://sqs.${c.region}.amazonaws.com/${LOCAL_ACCOUNT_ID}/${n}`, arn: arn('sqs', byName),
  },
  'AWS::SNS::Topic': { nameProperty: 'TopicName', ref: (n, c) => arn('sns', byName)(n, c), arn: arn('sns', byName) },
  'AWS::S3::Bucket': { nameProperty: 'BucketName', ref: byName, arn: (n) => `arn:aws:s3:::${n}` },
  'AWS::Lambda::Function': { nameProperty: 'FunctionName', ref: byName, arn: arn('lambda', (n) => `function:${n}`) },
  'AWS::Serverless::Function': { nameProperty: 'FunctionName', ref: byName, arn: arn('lambda', (n) => `function:${n}`) },
  'AWS::StepFunctions::StateMachine': { nameProperty: 'StateMachineName', ref: (n, c) => arn('states', (x) => `stateMachine:${x}`)(n, c), arn: arn('states', (x) => `stateMachine:${x}`) },
  'AWS::Serverless::StateMachine': { nameProperty: 'Name', ref: (n, c) => arn('states', (x) => `stateMachine:${x}`)(n, c), arn: arn('states', (x) => `stateMachine:${x}`) },
  'AWS::SecretsManager::Secret': { nameProperty: 'Name', ref: (n, c) => arn('secretsmanager', (x) => `secret:${x}`)(n, c), arn: arn('secretsmanager', (x) => `secret:${x}`) },
  'AWS::SSM::Parameter': { nameProperty: 'Name', ref: byName },
  'AWS::Events::EventBus': { nameProperty: 'Name', ref: byName, arn: arn('events', (n) => `event-bus/${n}`) },
  'AWS::Kinesis::Stream': { nameProperty: 'Name', ref: byName, arn: arn('kinesis', (n) => `stream/${n}`) },
  'AWS::Logs::LogGroup': { nameProperty: 'LogGroupName', ref: byName, arn: arn('logs', (n) => `log-group:${n}`) },
  'AWS::Cognito::UserPool': { nameProperty: undefined, ref: (n, c) => `${c.region}_${n}`, arn: arn('cognito-idp', (n) => `userpool/${n}`) },
};

function pseudo(name: string, ctx: ResolveContext): string | undefined {
  switch (name) {
    case 'AWS::Region': return ctx.region;
    case 'AWS::AccountId': return LOCAL_ACCOUNT_ID;
    case 'AWS::StackName': return ctx.stackName;
    case 'AWS::StackId': return `arn:aws:cloudformation:${ctx.region}:${LOCAL_ACCOUNT_ID}:stack/${ctx.stackName}/local`;
    case 'AWS::Partition': return 'aws';
    case 'AWS::URLSuffix': return 'amazonaws.com';
    case 'AWS::NoValue': return '';
    default: return undefined;
  }
}

function resourceName(resource: Resource): { name: string; guess?: string } {
  const naming = NAMING[resource.type];
  const written = naming?.nameProperty ? stringOf(valueOf(resource.properties, naming.nameProperty)) : undefined;
  if (written) return { name: written };
  return { name: resource.logicalId, guess: `${resource.logicalId} has no name in the template; AWS generates one, so the logical ID stands in for it` };
}

function ref(name: string, ctx: ResolveContext): Resolved {
  if (name in ctx.parameters) return { value: ctx.parameters[name] };
  const p = pseudo(name, ctx);
  if (p !== undefined) return { value: p };
  const param = ctx.template.parameters.find((x) => x.name === name);
  if (param) {
    const def = valueOf(param.value, 'Default');
    const plain = def?.kind === 'seq' ? itemsOf(def).map(stringOf).join(',') : stringOf(def);
    return plain !== undefined ? { value: plain } : { unresolved: `parameter ${name} has no Default` };
  }
  const resource = ctx.template.resourceById.get(name);
  if (!resource) return { unresolved: `${name} is neither a parameter nor a resource` };
  const naming = NAMING[resource.type];
  const { name: physical, guess } = resourceName(resource);
  return { value: naming ? naming.ref(physical, ctx) : physical, guess: guess ?? (naming ? undefined : `Ref of a ${resource.type} is taken to be its logical ID`) };
}

function getAtt(arg: Node, ctx: ResolveContext): Resolved {
  const [id, attribute] = arg.kind === 'seq' ? itemsOf(arg).map(stringOf) : (() => {
    const s = stringOf(arg) ?? '';
    const dot = s.indexOf('.');
    return [s.slice(0, dot), s.slice(dot + 1)];
  })();
  if (id === undefined || attribute === undefined) return { unresolved: 'Fn::GetAtt needs a resource and an attribute' };
  if (`${id}.${attribute}` in ctx.parameters) return { value: ctx.parameters[`${id}.${attribute}`] };
  const resource = ctx.template.resourceById.get(id);
  const naming = resource ? NAMING[resource.type] : undefined;
  if (!resource || !naming) return { unresolved: `${id}.${attribute} is only known in AWS` };
  const { name, guess } = resourceName(resource);
  if (attribute === 'Arn' && naming.arn) return { value: naming.arn(name, ctx), guess };
  if (attribute === 'QueueName' || attribute === 'TopicName' || attribute === 'Name') return { value: name, guess };
  if (attribute === 'QueueUrl') return { value: naming.ref(name, ctx), guess };
  if (attribute === 'StreamArn' && naming.arn) return { value: `${naming.arn(name, ctx)}/stream/1970-01-01T00:00:00.000`, guess };
  return { unresolved: `${id}.${attribute} is only known in AWS` };
}

function sub(arg: Node, ctx: ResolveContext): Resolved {
  const template = stringOf(arg.kind === 'seq' ? itemsOf(arg)[0] : arg);
  if (template === undefined) return { unresolved: 'Fn::Sub needs a string' };
  const vars = arg.kind === 'seq' ? itemsOf(arg)[1] : undefined;
  const guesses: string[] = [];
  let missing: string | undefined;
  const value = template.replace(/\$\{([^}]*)\}/g, (whole, name: string) => {
    if (name.startsWith('!')) return `\${${name.slice(1)}}`;
    const local = valueOf(vars, name);
    const r = local ? resolveValue(local, ctx) : name.includes('.') && !name.startsWith('AWS::')
      ? getAtt({ kind: 'scalar', value: name, span: arg.span }, ctx)
      : ref(name, ctx);
    if (r.value === undefined) missing ??= r.unresolved;
    else if (r.guess) guesses.push(r.guess);
    return r.value ?? whole;
  });
  return missing ? { unresolved: missing } : { value, guess: guesses[0] };
}

/** A template value as the string Lambda would see in an environment variable, when it can be known here. */
export function resolveValue(node: Node, ctx: ResolveContext): Resolved {
  switch (node.kind) {
    case 'scalar': return { value: node.value === null ? '' : String(node.value) };
    case 'map':
    case 'seq': return { unresolved: 'a list or map is not a string' };
    case 'intrinsic': break;
  }
  const arg = node.argument;
  switch (node.name) {
    case 'Ref': return ref(stringOf(arg) ?? '', ctx);
    case 'Fn::GetAtt': return getAtt(arg, ctx);
    case 'Fn::Sub': return sub(arg, ctx);
    case 'Fn::Join': {
      const [delimiter, list] = itemsOf(arg);
      const parts = itemsOf(list).map((n) => resolveValue(n, ctx));
      const bad = parts.find((p) => p.value === undefined);
      if (bad) return bad;
      return { value: parts.map((p) => p.value).join(stringOf(delimiter) ?? ''), guess: parts.find((p) => p.guess)?.guess };
    }
    case 'Fn::Select': {
      const [index, list] = itemsOf(arg);
      const item = itemsOf(list)[Number(stringOf(index))];
      return item ? resolveValue(item, ctx) : { unresolved: 'Fn::Select of a list only known in AWS' };
    }
    case 'Fn::FindInMap': {
      const [map, top, second] = itemsOf(arg).map((n) => resolveValue(n, ctx).value);
      const mapping = ctx.template.mappings.find((m) => m.name === map);
      const found = top !== undefined && second !== undefined ? valueOf(valueOf(mapping?.value, top), second) : undefined;
      return found ? resolveValue(found, ctx) : { unresolved: `Fn::FindInMap ${map} has no entry for these keys` };
    }
    default: return { unresolved: `${node.name} is only known in AWS` };
  }
}
