// Local stand-ins for AWS services, on 127.0.0.1, for the real SDK v3 clients through endpoint overrides.
import type { AwsService } from '../../../src/core/aws/connection';
import { FakeCloudFormation } from './cloudformation';
import { FakeLambda } from './lambda';
import { FakeLogs } from './logs';
import { FakeS3 } from './s3';
import { FakeSts } from './sts';

export { FakeCloudFormation, FakeLambda, FakeLogs, FakeS3, FakeSts };
export type { StackSetup } from './cloudformation';
export type { FakeLogEvent } from './logs';
export { expiredTokenReply } from './sts';
export { queryError } from './query-protocol';

/**
 * All four fakes started, with the endpoint map an `AwsConnection` takes, the same as the SDK's
 * `AWS_ENDPOINT_URL_<SERVICE>` variables ("Service-specific endpoints",
 * https://docs.aws.amazon.com/sdkref/latest/guide/feature-ss-endpoints.html), and one call to stop them.
 */
export async function startFakeAws() {
  const [s3, sts, cloudformation, lambda] = await Promise.all([
    new FakeS3().start(),
    new FakeSts().start(),
    new FakeCloudFormation().start(),
    new FakeLambda().start(),
  ]);
  const endpoints: Partial<Record<AwsService, string>> = {
    s3: s3.url,
    sts: sts.url,
    cloudformation: cloudformation.url,
    lambda: lambda.url,
  };
  /** The SDK's own service-specific endpoint variables for these fakes, for code that builds its clients itself. */
  const variables: Record<string, string> = {
    AWS_ENDPOINT_URL_S3: s3.url,
    AWS_ENDPOINT_URL_STS: sts.url,
    AWS_ENDPOINT_URL_CLOUDFORMATION: cloudformation.url,
    AWS_ENDPOINT_URL_LAMBDA: lambda.url,
  };
  const close = () => Promise.all([s3, sts, cloudformation, lambda].map((f) => f.server.close()));
  return { s3, sts, cloudformation, lambda, endpoints, variables, close };
}

/** Static keys for the SDK's default chain: the fakes do not check signatures. */
export const TEST_CREDENTIALS = { AWS_ACCESS_KEY_ID: 'AKIDLOCALTEST', AWS_SECRET_ACCESS_KEY: 'local-secret' };
