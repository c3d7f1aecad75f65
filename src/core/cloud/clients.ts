import { clientConfig } from '../invoke/remote/deployed-name';
import { loadAwsSdk, type AwsSdk } from '../invoke/remote/sdk';

/**
 * Where the deployed-stack and log calls go: a Region and, when chosen, a named profile. Credentials come from the
 * SDK's default chain or that profile and are never logged or stored. Endpoints are AWS's unless the standard
 * `AWS_ENDPOINT_URL_CLOUDFORMATION` / `AWS_ENDPOINT_URL_CLOUDWATCH_LOGS` variables (or `endpoints` here, for tests)
 * name others ("Service-specific endpoints", https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 */
export interface CloudTarget {
  readonly region: string;
  readonly profile?: string;
  readonly endpoints?: { readonly cloudFormation?: string; readonly logs?: string };
}

export function cloudFormationClient(target: CloudTarget, sdk: AwsSdk = loadAwsSdk()) {
  return new sdk.CloudFormationClient(clientConfig(sdk, target, target.endpoints?.cloudFormation));
}

export function logsClient(target: CloudTarget, sdk: AwsSdk = loadAwsSdk()) {
  return new sdk.CloudWatchLogsClient(clientConfig(sdk, target, target.endpoints?.logs));
}

export type CloudFormation = ReturnType<typeof cloudFormationClient>;
export type CloudWatchLogs = ReturnType<typeof logsClient>;
