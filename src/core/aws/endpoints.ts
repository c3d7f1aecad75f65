import type { AwsService } from './connection';

/**
 * The environment variable that points the workbench's AWS clients at local servers, for tests only: a JSON object
 * of service to URL, e.g. `{"s3":"http://127.0.0.1:4569","cloudformation":"http://127.0.0.1:4570"}`. The
 * integration tests set it inside the extension host; nothing in the product sets it.
 */
export const ENDPOINTS_ENV = 'SERVERLESS_WORKBENCH_AWS_ENDPOINTS';

const SERVICES: readonly AwsService[] = ['s3', 'cloudformation', 'lambda', 'sts', 'logs'];

/** The endpoint overrides in the environment; none when unset, and an error naming the variable when malformed. */
export function endpointOverrides(
  env: Readonly<Record<string, string | undefined>> = process.env,
): Partial<Record<AwsService, string>> | undefined {
  const text = env[ENDPOINTS_ENV];
  if (!text) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Error(`${ENDPOINTS_ENV} is not JSON: ${text}`);
  }
  if (typeof parsed !== 'object' || parsed === null) throw new Error(`${ENDPOINTS_ENV} is not a JSON object.`);
  const endpoints: Partial<Record<AwsService, string>> = {};
  for (const [service, url] of Object.entries(parsed)) {
    if (!SERVICES.includes(service as AwsService) || typeof url !== 'string')
      throw new Error(`${ENDPOINTS_ENV}: "${service}" is not one of ${SERVICES.join(', ')} with a URL.`);
    endpoints[service as AwsService] = url;
  }
  return endpoints;
}
