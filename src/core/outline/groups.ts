/**
 * How the explorer and the CLI group resources, and which service icon each one gets. Kept as data so a
 * new resource type is one line here (see ARCHITECTURE.md, "Adding a resource type").
 */
export type ResourceGroup =
  'Functions' | 'APIs' | 'Tables' | 'Queues and Topics' | 'State Machines' | 'Buckets' | 'Other';

export const GROUP_ORDER: readonly ResourceGroup[] = [
  'Functions',
  'APIs',
  'Tables',
  'Queues and Topics',
  'State Machines',
  'Buckets',
  'Other',
];

/** Icon names are files in `media/icons/<name>.svg`. */
export type ServiceIcon =
  | 'lambda'
  | 'api'
  | 'table'
  | 'queue'
  | 'topic'
  | 'events'
  | 'statemachine'
  | 'bucket'
  | 'iam'
  | 'layer'
  | 'logs'
  | 'stack'
  | 'generic';

interface TypeInfo {
  readonly group: ResourceGroup;
  readonly icon: ServiceIcon;
}

const BY_TYPE: Readonly<Record<string, TypeInfo>> = {
  'AWS::Serverless::Function': { group: 'Functions', icon: 'lambda' },
  'AWS::Lambda::Function': { group: 'Functions', icon: 'lambda' },
  'AWS::Serverless::Api': { group: 'APIs', icon: 'api' },
  'AWS::Serverless::HttpApi': { group: 'APIs', icon: 'api' },
  'AWS::Serverless::WebSocketApi': { group: 'APIs', icon: 'api' },
  'AWS::Serverless::GraphQLApi': { group: 'APIs', icon: 'api' },
  'AWS::ApiGateway::RestApi': { group: 'APIs', icon: 'api' },
  'AWS::ApiGatewayV2::Api': { group: 'APIs', icon: 'api' },
  'AWS::AppSync::GraphQLApi': { group: 'APIs', icon: 'api' },
  'AWS::Serverless::SimpleTable': { group: 'Tables', icon: 'table' },
  'AWS::DynamoDB::Table': { group: 'Tables', icon: 'table' },
  'AWS::DynamoDB::GlobalTable': { group: 'Tables', icon: 'table' },
  'AWS::SQS::Queue': { group: 'Queues and Topics', icon: 'queue' },
  'AWS::SNS::Topic': { group: 'Queues and Topics', icon: 'topic' },
  'AWS::Events::EventBus': { group: 'Queues and Topics', icon: 'events' },
  'AWS::Events::Rule': { group: 'Queues and Topics', icon: 'events' },
  'AWS::Kinesis::Stream': { group: 'Queues and Topics', icon: 'queue' },
  'AWS::Serverless::StateMachine': { group: 'State Machines', icon: 'statemachine' },
  'AWS::StepFunctions::StateMachine': { group: 'State Machines', icon: 'statemachine' },
  'AWS::S3::Bucket': { group: 'Buckets', icon: 'bucket' },
  'AWS::IAM::Role': { group: 'Other', icon: 'iam' },
  'AWS::IAM::Policy': { group: 'Other', icon: 'iam' },
  'AWS::IAM::ManagedPolicy': { group: 'Other', icon: 'iam' },
  'AWS::Serverless::LayerVersion': { group: 'Other', icon: 'layer' },
  'AWS::Lambda::LayerVersion': { group: 'Other', icon: 'layer' },
  'AWS::Logs::LogGroup': { group: 'Other', icon: 'logs' },
  'AWS::Serverless::Application': { group: 'Other', icon: 'stack' },
  'AWS::CloudFormation::Stack': { group: 'Other', icon: 'stack' },
};

export function groupOfType(type: string): ResourceGroup {
  return BY_TYPE[type]?.group ?? 'Other';
}

export function iconOfType(type: string): ServiceIcon {
  const known = BY_TYPE[type]?.icon;
  if (known) return known;
  if (type.startsWith('AWS::Lambda::')) return 'lambda';
  if (type.startsWith('AWS::ApiGateway')) return 'api';
  if (type.startsWith('AWS::SQS::')) return 'queue';
  if (type.startsWith('AWS::SNS::')) return 'topic';
  if (type.startsWith('AWS::Events::') || type.startsWith('AWS::Scheduler::')) return 'events';
  if (type.startsWith('AWS::IAM::')) return 'iam';
  if (type.startsWith('AWS::S3::')) return 'bucket';
  if (type.startsWith('AWS::DynamoDB::')) return 'table';
  if (type.startsWith('AWS::StepFunctions::')) return 'statemachine';
  if (type.startsWith('AWS::Logs::')) return 'logs';
  return 'generic';
}
