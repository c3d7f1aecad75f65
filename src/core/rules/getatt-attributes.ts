import { deployedType } from '../model/sam/transformed';

/**
 * Return values (`Fn::GetAtt` attributes) of the resource types users reference most, from the "Return values"
 * section of each type's page in the CloudFormation resource reference. Types not listed are not checked.
 */
export const GETATT_ATTRIBUTES: Readonly<Record<string, readonly string[]>> = {
  'AWS::Lambda::Function': ['Arn', 'SnapStartResponse', 'SnapStartResponse.ApplyOn', 'SnapStartResponse.OptimizationStatus'],
  'AWS::Lambda::LayerVersion': ['LayerVersionArn'],
  'AWS::Lambda::Alias': ['AliasArn'],
  'AWS::Lambda::Version': ['FunctionArn', 'Version'],
  'AWS::Lambda::Url': ['FunctionArn', 'FunctionUrl'],
  'AWS::Lambda::EventSourceMapping': ['EventSourceMappingArn', 'Id'],
  'AWS::DynamoDB::Table': ['Arn', 'StreamArn'],
  'AWS::DynamoDB::GlobalTable': ['Arn', 'StreamArn', 'TableId'],
  'AWS::SQS::Queue': ['Arn', 'QueueName', 'QueueUrl'],
  'AWS::SNS::Topic': ['TopicArn', 'TopicName'],
  'AWS::S3::Bucket': [
    'Arn', 'DomainName', 'DualStackDomainName', 'RegionalDomainName', 'WebsiteURL',
    'MetadataTableConfiguration.S3TablesDestination.TableArn', 'MetadataTableConfiguration.S3TablesDestination.TableNamespace',
    'MetadataConfiguration.Destination.TableBucketArn', 'MetadataConfiguration.Destination.TableNamespace',
    'MetadataConfiguration.InventoryTableConfiguration.TableArn', 'MetadataConfiguration.InventoryTableConfiguration.TableName',
    'MetadataConfiguration.JournalTableConfiguration.TableArn', 'MetadataConfiguration.JournalTableConfiguration.TableName',
  ],
  'AWS::IAM::Role': ['Arn', 'RoleId'],
  'AWS::StepFunctions::StateMachine': ['Arn', 'Name', 'StateMachineRevisionId'],
  'AWS::ApiGateway::RestApi': ['RestApiId', 'RootResourceId'],
  'AWS::ApiGatewayV2::Api': ['ApiEndpoint', 'ApiId'],
  'AWS::Kinesis::Stream': ['Arn'],
  'AWS::Events::Rule': ['Arn'],
  'AWS::Events::EventBus': ['Arn', 'Name', 'Policy'],
  'AWS::Logs::LogGroup': ['Arn'],
};

/** Attributes of a resource type; SAM types answer with those of the type the transform makes of them. */
export function attributesOf(type: string): readonly string[] | undefined {
  return GETATT_ATTRIBUTES[deployedType({ type })];
}
