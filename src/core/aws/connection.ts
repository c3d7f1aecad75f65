/** The AWS services the workbench calls, by the name an endpoint override uses. */
export type AwsService = 's3' | 'cloudformation' | 'lambda' | 'sts' | 'logs';

/**
 * Where and as whom to call AWS: the Region, the named profile (else the SDK's default credential chain), and, for
 * tests that hand a client local servers directly, an endpoint per service instead of AWS's. Without one the SDK
 * takes its own `AWS_ENDPOINT_URL_<SERVICE>` variables, as for LocalStack ("Service-specific endpoints",
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 */
export interface AwsConnection {
  readonly region: string;
  readonly profile?: string;
  readonly endpoints?: Readonly<Partial<Record<AwsService, string>>>;
}

/** The SDK's environment variable suffix per service ("Service-specific endpoints", identifiers table). */
const ENDPOINT_VARIABLE: Readonly<Record<AwsService, string>> = {
  s3: 'S3',
  cloudformation: 'CLOUDFORMATION',
  lambda: 'LAMBDA',
  sts: 'STS',
  logs: 'CLOUDWATCH_LOGS',
};

/**
 * The endpoint a client of `service` calls instead of AWS's, when there is one: the connection's own, else the
 * SDK's `AWS_ENDPOINT_URL_<SERVICE>` or `AWS_ENDPOINT_URL` unless `AWS_IGNORE_CONFIGURED_ENDPOINT_URLS` is true
 * (https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html).
 */
export function customEndpoint(
  connection: AwsConnection,
  service: AwsService,
  env: Readonly<Record<string, string | undefined>> = process.env,
): string | undefined {
  const own = connection.endpoints?.[service];
  if (own) return own;
  if (env.AWS_IGNORE_CONFIGURED_ENDPOINT_URLS?.toLowerCase() === 'true') return undefined;
  return env[`AWS_ENDPOINT_URL_${ENDPOINT_VARIABLE[service]}`] || env.AWS_ENDPOINT_URL || undefined;
}

/**
 * How often the SDK tries a call that was throttled or failed on the network before it gives up. The SDK's standard
 * mode retries with exponential backoff and jitter; "adaptive" adds client-side rate limiting after throttling
 * (Retry behavior, https://docs.aws.amazon.com/sdkref/latest/guide/feature-retry-behavior.html). Deploys make bursts
 * of Describe calls, so a few more attempts than the default 3 ride out a throttled account.
 */
export const AWS_RETRY = { maxAttempts: 6, retryMode: 'adaptive' } as const;

/** A credentials provider for a named profile (`fromIni` of `@aws-sdk/credential-providers`). */
export type ProfileCredentials = (init: { profile: string }) => unknown;

/**
 * Options for any SDK v3 client: Region, the profile's credentials (never read, logged or stored by us), retries,
 * and the service's endpoint override with path-style S3 addressing, which a local server needs.
 */
export function clientOptions(connection: AwsConnection, service: AwsService, fromIni: ProfileCredentials) {
  const endpoint = connection.endpoints?.[service];
  return {
    region: connection.region,
    ...AWS_RETRY,
    ...(connection.profile ? { credentials: fromIni({ profile: connection.profile }) as never } : {}),
    ...(endpoint ? { endpoint, ...(service === 's3' ? { forcePathStyle: true } : {}) } : {}),
  };
}
