/**
 * Allowed values the CloudFormation registry schemas describe only in prose (so the derived index has no
 * list for them), for properties serverless templates use all the time. Keyed by property name where the
 * name means the same thing wherever it appears. Sources: the CloudFormation user guide pages of
 * AWS::DynamoDB::Table (BillingMode, KeySchema, AttributeDefinitions, StreamSpecification, Projection),
 * AWS::Lambda::Function (Architectures, TracingConfig), AWS::Lambda::EventSourceMapping
 * (StartingPosition, FunctionResponseTypes), AWS::StepFunctions::StateMachine (StateMachineType), and
 * the SAM specification (Tracing, Api event Method).
 */
export const KNOWN_VALUES: Readonly<Record<string, readonly string[]>> = {
  BillingMode: ['PAY_PER_REQUEST', 'PROVISIONED'],
  KeyType: ['HASH', 'RANGE'],
  AttributeType: ['S', 'N', 'B'],
  StreamViewType: ['NEW_IMAGE', 'OLD_IMAGE', 'NEW_AND_OLD_IMAGES', 'KEYS_ONLY'],
  ProjectionType: ['ALL', 'KEYS_ONLY', 'INCLUDE'],
  Architectures: ['x86_64', 'arm64'],
  Tracing: ['Active', 'PassThrough', 'Disabled'],
  StartingPosition: ['TRIM_HORIZON', 'LATEST', 'AT_TIMESTAMP'],
  FunctionResponseTypes: ['ReportBatchItemFailures'],
  StateMachineType: ['STANDARD', 'EXPRESS'],
  Method: ['get', 'post', 'put', 'delete', 'patch', 'head', 'options', 'any'],
  DeletionPolicy: ['Delete', 'Retain', 'RetainExceptOnCreate', 'Snapshot'],
  UpdateReplacePolicy: ['Delete', 'Retain', 'Snapshot'],
};
