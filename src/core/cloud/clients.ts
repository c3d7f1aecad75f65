import { clientOptions, type AwsConnection } from '../aws/connection';
import { loadAwsSdk, type AwsSdk } from '../aws/lazy-sdk';

export function cloudFormationClient(connection: AwsConnection, sdk: AwsSdk = loadAwsSdk()) {
  return new sdk.CloudFormationClient(clientOptions(connection, 'cloudformation', sdk.fromIni));
}

export function logsClient(connection: AwsConnection, sdk: AwsSdk = loadAwsSdk()) {
  return new sdk.CloudWatchLogsClient(clientOptions(connection, 'logs', sdk.fromIni));
}

export type CloudFormation = ReturnType<typeof cloudFormationClient>;
export type CloudWatchLogs = ReturnType<typeof logsClient>;
