// The AWS SDK v3 pieces deploy and sync use, bundled by the build into dist/aws-sdk-deploy.js and required on the
// first deploy, so neither activation nor remote invoke pays for the S3 client.
export {
  S3Client,
  HeadBucketCommand,
  CreateBucketCommand,
  HeadObjectCommand,
  PutObjectCommand,
  type BucketLocationConstraint,
} from '@aws-sdk/client-s3';
export { STSClient, GetCallerIdentityCommand } from '@aws-sdk/client-sts';
export {
  CloudFormationClient,
  DescribeStacksCommand,
  CreateChangeSetCommand,
  DescribeChangeSetCommand,
  ExecuteChangeSetCommand,
  DeleteChangeSetCommand,
  DescribeStackEventsCommand,
  DescribeStackResourceCommand,
  GetTemplateCommand,
  type Change,
  type StackEvent,
} from '@aws-sdk/client-cloudformation';
export {
  LambdaClient,
  GetFunctionCommand,
  UpdateFunctionCodeCommand,
  waitUntilFunctionUpdatedV2,
} from '@aws-sdk/client-lambda';
export { fromIni } from '@aws-sdk/credential-providers';
