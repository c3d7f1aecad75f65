import { valueOf } from '../model/nodes';
import type { TemplateResolver } from '../model/resolve/resolver';
import type { Evaluated, Known, Provenance, StandIns } from '../model/resolve/types';
import type { Resource, Template } from '../model/template';
import { LOCAL_ACCOUNT_ID } from './limits';

/** Where env.json's values are said to come from. */
export const OVERRIDES_ORIGIN = '.serverless-workbench/env.json';

interface Naming {
  /** The property that names the resource, when written. */
  readonly nameProperty?: string;
  /** What `Ref` returns, from the name. */
  readonly ref: (name: string, region: string) => string;
  readonly arn?: (name: string, region: string) => string;
}

const arn = (service: string, resource: (n: string) => string) => (n: string, region: string) =>
  `arn:aws:${service}:${region}:${LOCAL_ACCOUNT_ID}:${resource(n)}`;
const byName = (n: string) => n;
const lambdaArn = arn('lambda', (n) => `function:${n}`);
const tableArn = arn('dynamodb', (n) => `table/${n}`);
const stateMachineArn = arn('states', (n) => `stateMachine:${n}`);

/** What `Ref` and `Fn::GetAtt X.Arn` return per type (the CloudFormation resource reference pages). */
const NAMING: Readonly<Record<string, Naming>> = {
  'AWS::DynamoDB::Table': { nameProperty: 'TableName', ref: byName, arn: tableArn },
  'AWS::Serverless::SimpleTable': { nameProperty: 'TableName', ref: byName, arn: tableArn },
  'AWS::SQS::Queue': {
    nameProperty: 'QueueName',
    ref: (n, region) => `https://sqs.${region}.amazonaws.com/${LOCAL_ACCOUNT_ID}/${n}`,
    arn: arn('sqs', byName),
  },
  'AWS::SNS::Topic': { nameProperty: 'TopicName', ref: arn('sns', byName), arn: arn('sns', byName) },
  'AWS::S3::Bucket': { nameProperty: 'BucketName', ref: byName, arn: (n) => `arn:aws:s3:::${n}` },
  'AWS::Lambda::Function': { nameProperty: 'FunctionName', ref: byName, arn: lambdaArn },
  'AWS::Serverless::Function': { nameProperty: 'FunctionName', ref: byName, arn: lambdaArn },
  'AWS::StepFunctions::StateMachine': { nameProperty: 'StateMachineName', ref: stateMachineArn, arn: stateMachineArn },
  'AWS::Serverless::StateMachine': { nameProperty: 'Name', ref: stateMachineArn, arn: stateMachineArn },
  'AWS::SecretsManager::Secret': {
    nameProperty: 'Name',
    ref: arn('secretsmanager', (n) => `secret:${n}`),
    arn: arn('secretsmanager', (n) => `secret:${n}`),
  },
  'AWS::SSM::Parameter': { nameProperty: 'Name', ref: byName },
  'AWS::Events::EventBus': { nameProperty: 'Name', ref: byName, arn: arn('events', (n) => `event-bus/${n}`) },
  'AWS::Kinesis::Stream': { nameProperty: 'Name', ref: byName, arn: arn('kinesis', (n) => `stream/${n}`) },
  'AWS::Logs::LogGroup': { nameProperty: 'LogGroupName', ref: byName, arn: arn('logs', (n) => `log-group:${n}`) },
  'AWS::Cognito::UserPool': { ref: (n, region) => `${region}_${n}`, arn: arn('cognito-idp', (n) => `userpool/${n}`) },
};

/** A stream ARN's suffix: AWS puts the stream's creation time there; a fixed one stands in for it. */
const LOCAL_STREAM_LABEL = '1970-01-01T00:00:00.000';

const made = (value: string, steps: readonly Provenance[]): Known => ({ known: true, value, provenance: steps });
const standIn = (description: string): Provenance => ({ origin: 'stand-in', description });

/**
 * What a local run puts where a template names something that exists only in AWS: the values the user gave
 * in `.serverless-workbench/env.json` `References` first, then a physical name as CloudFormation would make it
 * (a table's Ref is its TableName, a queue's its URL, ARNs in `region` with the placeholder account), the
 * logical ID standing in for a name AWS generates. Each made-up step says so (`stand-in`).
 */
export function localStandIns(
  template: Template,
  references: Readonly<Record<string, string>>,
  region: () => string,
  resolver: () => TemplateResolver,
): StandIns {
  const naming = new Set<string>();
  /** The resource's name: its name property evaluated, or the logical ID standing in for the name AWS generates. */
  const nameOf = (
    resource: Resource,
    rule: Naming,
  ): { readonly value: string; readonly provenance: readonly Provenance[] } | undefined => {
    const written = rule.nameProperty ? valueOf(resource.properties, rule.nameProperty) : undefined;
    if (!written) {
      const what = rule.nameProperty ? `no ${rule.nameProperty}` : 'no name';
      return {
        value: resource.logicalId,
        provenance: [
          standIn(
            `${resource.logicalId} has ${what} in the template; AWS generates one, so the logical ID stands in for it`,
          ),
        ],
      };
    }
    // A name may itself refer to other resources' names; a cycle leaves it unknown rather than looping.
    if (naming.has(resource.logicalId)) return undefined;
    naming.add(resource.logicalId);
    const name = resolver().evaluate(written);
    naming.delete(resource.logicalId);
    if (!name.known || typeof name.value !== 'string') return undefined;
    return {
      value: name.value,
      provenance: [
        { origin: 'computed', description: `${rule.nameProperty} of ${resource.logicalId}`, span: written.span },
        ...name.provenance,
      ],
    };
  };
  return {
    reference(name: string, attribute: string | undefined): Evaluated | undefined {
      const key = attribute === undefined ? name : `${name}.${attribute}`;
      if (key in references)
        return made(references[key], [
          { origin: 'override', description: `${key} from ${OVERRIDES_ORIGIN} References` },
        ]);
      if (name.startsWith('AWS::'))
        return attribute === undefined ? pseudoStandIn(template, name, region()) : undefined;
      const resource = template.resourceById.get(name);
      if (!resource) return undefined;
      const rule = NAMING[resource.type];
      if (!rule)
        return attribute === undefined
          ? made(name, [standIn(`Ref of a ${resource.type} is taken to be its logical ID ${name}`)])
          : undefined;
      const physical = nameOf(resource, rule);
      if (!physical) return undefined;
      const at = region();
      const built = (value: string, what: string) =>
        made(value, [
          ...physical.provenance,
          standIn(`the ${what} of ${name} is made locally (Region ${at}, placeholder account ${LOCAL_ACCOUNT_ID})`),
        ]);
      if (attribute === undefined) {
        const ref = rule.ref(physical.value, at);
        return ref === physical.value ? made(ref, physical.provenance) : built(ref, 'Ref');
      }
      if (attribute === 'Arn' && rule.arn) return built(rule.arn(physical.value, at), 'ARN');
      if (attribute === 'QueueName' || attribute === 'TopicName' || attribute === 'Name')
        return made(physical.value, physical.provenance);
      if (attribute === 'QueueUrl') return built(rule.ref(physical.value, at), 'URL');
      if (attribute === 'StreamArn' && rule.arn)
        return built(`${rule.arn(physical.value, at)}/stream/${LOCAL_STREAM_LABEL}`, 'stream ARN');
      return undefined;
    },
  };
}

/** The stack name a local run of a SAM or CloudFormation template uses when none is given. */
const LOCAL_STACK_NAME = 'local';

/** Pseudo parameters that only a deployed stack has: the placeholder account, a stack name and ID. */
function pseudoStandIn(template: Template, name: string, region: string): Known | undefined {
  const stackName = template.serverless
    ? `${template.serverless.service}-${template.serverless.stage}`
    : LOCAL_STACK_NAME;
  switch (name) {
    case 'AWS::AccountId':
      return made(LOCAL_ACCOUNT_ID, [
        standIn(`the placeholder account ${LOCAL_ACCOUNT_ID} stands in for AWS::AccountId`),
      ]);
    case 'AWS::StackName':
      return template.serverless
        ? made(stackName, [
            { origin: 'pseudo', description: `AWS::StackName: the Serverless Framework's ${stackName}` },
          ])
        : made(stackName, [
            standIn(
              `"${LOCAL_STACK_NAME}" stands in for AWS::StackName (give stack_name in samconfig.toml or --stack)`,
            ),
          ]);
    case 'AWS::StackId':
      return made(`arn:aws:cloudformation:${region}:${LOCAL_ACCOUNT_ID}:stack/${stackName}/local`, [
        standIn('a local stack ARN stands in for AWS::StackId'),
      ]);
    default:
      return undefined;
  }
}
