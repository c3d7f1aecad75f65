// The AWS SDK v3 pieces remote invocation and the deployed-stack view use, gathered so the build can bundle them
// into one lazily loaded file (dist/aws-sdk-bundle.js), separate from the extension's main bundle.
export { LambdaClient, InvokeCommand } from '@aws-sdk/client-lambda';
export {
  CloudFormationClient,
  DescribeStackResourceCommand,
  DescribeStacksCommand,
  ListStackResourcesCommand,
} from '@aws-sdk/client-cloudformation';
export { CloudWatchLogsClient, FilterLogEventsCommand, StartLiveTailCommand } from '@aws-sdk/client-cloudwatch-logs';
export { fromIni } from '@aws-sdk/credential-providers';
