// The AWS SDK v3 pieces remote invocation uses, gathered so the build can bundle them into one lazily
// loaded file, separate from the extension's main bundle.
export { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
export { CloudFormationClient, DescribeStackResourceCommand } from '@aws-sdk/client-cloudformation';
export { fromIni } from '@aws-sdk/credential-providers';
