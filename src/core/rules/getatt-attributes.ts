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

/** The CloudFormation type a SAM type becomes under the same logical ID, whose attributes GetAtt reads. */
const SAM_DEPLOYED_TYPE: Readonly<Record<string, string>> = {
  'AWS::Serverless::Function': 'AWS::Lambda::Function',
  'AWS::Serverless::Api': 'AWS::ApiGateway::RestApi',
  'AWS::Serverless::HttpApi': 'AWS::ApiGatewayV2::Api',
  'AWS::Serverless::SimpleTable': 'AWS::DynamoDB::Table',
  'AWS::Serverless::StateMachine': 'AWS::StepFunctions::StateMachine',
};

export function attributesOf(type: string): readonly string[] | undefined {
  return GETATT_ATTRIBUTES[SAM_DEPLOYED_TYPE[type] ?? type];
}
