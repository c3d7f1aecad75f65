/**
 * AWS SDK operations → the IAM actions they need. Most operations need `<prefix>:<Operation>`; this
 * module knows the service prefixes (which differ from SDK client names) and the exceptions, from the
 * Service Authorization Reference ("Actions defined by ...") of each service.
 */
import sdkPrefixes from '../../../data/sdk-client-iam-prefixes.json';

/** SDK client ids (v3 package suffix, v2 class, boto3 name, all lower-case, dashes removed) → IAM prefix. */
const PREFIX_BY_CLIENT: Readonly<Record<string, string>> = sdkPrefixes.prefixes;

/**
 * The IAM prefix of an SDK client id (`client-sfn` → `states`, `DynamoDB` → `dynamodb`, `stepfunctions` → `states`).
 */
export function iamPrefix(client: string): string {
  const key = client
    .toLowerCase()
    .replace(/^client-/, '')
    .replace(/[-_ ]/g, '');
  return PREFIX_BY_CLIENT[key] ?? key;
}

/** `prefix:Operation` → the actions it needs, where that is not simply itself. */
const EXCEPTIONS: Readonly<Record<string, readonly string[]>> = {
  's3:ListObjectsV2': ['s3:ListBucket'],
  's3:ListObjects': ['s3:ListBucket'],
  's3:HeadObject': ['s3:GetObject'],
  's3:HeadBucket': ['s3:ListBucket'],
  's3:ListObjectVersions': ['s3:ListBucketVersions'],
  's3:ListMultipartUploads': ['s3:ListBucketMultipartUploads'],
  's3:ListParts': ['s3:ListMultipartUploadParts'],
  's3:GetObjectAttributes': ['s3:GetObject'],
  's3:SelectObjectContent': ['s3:GetObject'],
  's3:CopyObject': ['s3:GetObject', 's3:PutObject'],
  's3:DeleteObjects': ['s3:DeleteObject'],
  's3:CreateMultipartUpload': ['s3:PutObject'],
  's3:UploadPart': ['s3:PutObject'],
  's3:UploadPartCopy': ['s3:GetObject', 's3:PutObject'],
  's3:CompleteMultipartUpload': ['s3:PutObject'],
  's3:ListBuckets': ['s3:ListAllMyBuckets'],
  's3:PutBucketNotificationConfiguration': ['s3:PutBucketNotification'],
  's3:GetBucketNotificationConfiguration': ['s3:GetBucketNotification'],
  's3:PutBucketLifecycleConfiguration': ['s3:PutLifecycleConfiguration'],
  's3:GetBucketLifecycleConfiguration': ['s3:GetLifecycleConfiguration'],
  'dynamodb:TransactGetItems': ['dynamodb:GetItem'],
  'dynamodb:TransactWriteItems': [
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'dynamodb:DeleteItem',
    'dynamodb:ConditionCheckItem',
  ],
  'dynamodb:ExecuteStatement': ['dynamodb:PartiQLSelect'],
  'dynamodb:BatchExecuteStatement': ['dynamodb:PartiQLSelect'],
  'sqs:SendMessageBatch': ['sqs:SendMessage'],
  'sqs:DeleteMessageBatch': ['sqs:DeleteMessage'],
  'sqs:ChangeMessageVisibilityBatch': ['sqs:ChangeMessageVisibility'],
  'sns:PublishBatch': ['sns:Publish'],
  'lambda:Invoke': ['lambda:InvokeFunction'],
  'lambda:InvokeWithResponseStream': ['lambda:InvokeFunction'],
  'lambda:InvokeAsync': ['lambda:InvokeFunction'],
  'execute-api:PostToConnection': ['execute-api:ManageConnections'],
  'execute-api:GetConnection': ['execute-api:ManageConnections'],
  'execute-api:DeleteConnection': ['execute-api:ManageConnections'],
  'bedrock:Converse': ['bedrock:InvokeModel'],
  'bedrock:ConverseStream': ['bedrock:InvokeModelWithResponseStream'],
  'ses:SendBulkEmail': ['ses:SendBulkEmail'],
  'iot:Publish': ['iot:Publish'],
  'kinesis:SubscribeToShard': ['kinesis:SubscribeToShard'],
  // The RDS signer computes an IAM database authentication token locally; the database checks it against rds-db:connect
  // (https://docs.aws.amazon.com/AmazonRDS/latest/UserGuide/UsingWithRDS.IAMDBAuth.IAMPolicy.html).
  'rds:GenerateDbAuthToken': ['rds-db:connect'],
  'rds:GetAuthToken': ['rds-db:connect'],
  // STS answers these for any identity, with no permission at all.
  'sts:GetCallerIdentity': [],
  'sts:GetSessionToken': [],
  ...noPermission('sts', ['AssumeRoleWithWebIdentity', 'AssumeRoleWithSAML']),
  // Identity pools hand out identities and credentials to unauthenticated callers
  // (https://docs.aws.amazon.com/cognito/latest/developerguide/authentication-flow.html).
  ...noPermission('cognito-identity', ['GetId', 'GetCredentialsForIdentity', 'GetOpenIdToken']),
  // User pool operations that are unauthenticated or authorized by the user's access token, never by IAM
  // (https://docs.aws.amazon.com/cognito/latest/developerguide/user-pools-API-operations.html).
  ...noPermission('cognito-idp', [
    'SignUp',
    'ConfirmSignUp',
    'ResendConfirmationCode',
    'ForgotPassword',
    'ConfirmForgotPassword',
    'InitiateAuth',
    'RespondToAuthChallenge',
    'UpdateAuthEventFeedback',
    'RevokeToken',
    'ChangePassword',
    'GetUser',
    'DeleteUser',
    'UpdateUserAttributes',
    'DeleteUserAttributes',
    'VerifyUserAttribute',
    'GetUserAttributeVerificationCode',
    'SetUserMFAPreference',
    'SetUserSettings',
    'AssociateSoftwareToken',
    'VerifySoftwareToken',
    'GlobalSignOut',
    'ListDevices',
    'GetDevice',
    'ConfirmDevice',
    'ForgetDevice',
    'UpdateDeviceStatus',
  ]),
};

function noPermission(prefix: string, operations: readonly string[]): Record<string, readonly string[]> {
  return Object.fromEntries(operations.map((operation) => [`${prefix}:${operation}`, []]));
}

/** DocumentClient (v2) and DynamoDBDocument (v3 aggregated) method names → DynamoDB operations. */
export const DOCUMENT_CLIENT_METHODS: Readonly<Record<string, string>> = {
  get: 'GetItem',
  put: 'PutItem',
  update: 'UpdateItem',
  delete: 'DeleteItem',
  query: 'Query',
  scan: 'Scan',
  batchGet: 'BatchGetItem',
  batchWrite: 'BatchWriteItem',
  transactGet: 'TransactGetItems',
  transactWrite: 'TransactWriteItems',
  executeStatement: 'ExecuteStatement',
  batchExecuteStatement: 'BatchExecuteStatement',
  executeTransaction: 'ExecuteTransaction',
};

/** `@aws-sdk/lib-dynamodb` command classes whose operation name differs from the low-level one. */
export const DOCUMENT_COMMANDS: Readonly<Record<string, string>> = {
  GetCommand: 'GetItem',
  PutCommand: 'PutItem',
  UpdateCommand: 'UpdateItem',
  DeleteCommand: 'DeleteItem',
  QueryCommand: 'Query',
  ScanCommand: 'Scan',
  BatchGetCommand: 'BatchGetItem',
  BatchWriteCommand: 'BatchWriteItem',
  TransactGetCommand: 'TransactGetItems',
  TransactWriteCommand: 'TransactWriteItems',
  ExecuteStatementCommand: 'ExecuteStatement',
  BatchExecuteStatementCommand: 'BatchExecuteStatement',
  ExecuteTransactionCommand: 'ExecuteTransaction',
};

/** The IAM actions an operation of a service needs. */
export function actionsFor(prefix: string, operation: string): string[] {
  const key = `${prefix}:${operation}`;
  return [...(EXCEPTIONS[key] ?? [key])];
}

/** `get_object` → `GetObject`, `list_objects_v2` → `ListObjectsV2` (botocore's naming). */
export function pythonOperation(method: string): string {
  return method
    .split('_')
    .map((w) => (w ? w[0].toUpperCase() + w.slice(1) : ''))
    .join('');
}

/** `putItem` → `PutItem` (v2 and v3-aggregated method names). */
export function jsOperation(method: string): string {
  return method[0].toUpperCase() + method.slice(1);
}
