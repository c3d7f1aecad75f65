import { clientOptions, type AwsConnection } from '../aws/connection';
import type { DeployConfig } from './config';
import type { ArtifactStore } from './package';
import type { DeploySdk } from './sdk';

/** The bucket `resolve_s3` uses, one per account and Region, like SAM CLI's managed bucket. */
export function managedBucketName(account: string, region: string): string {
  return `serverless-workbench-artifacts-${account}-${region}`;
}

/**
 * CreateBucket takes no LocationConstraint in us-east-1 and needs one everywhere else
 * (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html). New buckets block public access and
 * encrypt objects by default, so nothing more is set on them
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-overview.html).
 */
const DEFAULT_BUCKET_REGION = 'us-east-1';

export interface S3Store extends ArtifactStore {
  /** True when the managed bucket did not exist and was created for this deploy. */
  readonly created: boolean;
  dispose(): void;
}

/** The artifact bucket of a deploy: the one samconfig names, or the managed one, created on first use. */
export async function openArtifactStore(
  sdk: DeploySdk,
  connection: AwsConnection,
  config: DeployConfig,
): Promise<S3Store> {
  const s3 = new sdk.S3Client(clientOptions(connection, 's3', sdk.fromIni));
  let bucket: string;
  let created = false;
  if ('name' in config.bucket) bucket = config.bucket.name;
  else {
    const sts = new sdk.STSClient(clientOptions(connection, 'sts', sdk.fromIni));
    try {
      const identity = await sts.send(new sdk.GetCallerIdentityCommand({}));
      bucket = managedBucketName(identity.Account ?? '', connection.region);
    } finally {
      sts.destroy();
    }
    if (!(await exists(() => s3.send(new sdk.HeadBucketCommand({ Bucket: bucket }))))) {
      await s3.send(
        new sdk.CreateBucketCommand({
          Bucket: bucket,
          ...(connection.region === DEFAULT_BUCKET_REGION
            ? {}
            : { CreateBucketConfiguration: { LocationConstraint: connection.region as never } }),
        }),
      );
      created = true;
    }
  }
  return {
    bucket,
    region: connection.region,
    created,
    has: (key) => exists(() => s3.send(new sdk.HeadObjectCommand({ Bucket: bucket, Key: key }))),
    put: async (key, body) => {
      await s3.send(new sdk.PutObjectCommand({ Bucket: bucket, Key: key, Body: body }));
    },
    dispose: () => s3.destroy(),
  };
}

/** A HEAD request's answer: 404 is "not there"; any other error is the caller's to explain. */
async function exists(head: () => Promise<unknown>): Promise<boolean> {
  try {
    await head();
    return true;
  } catch (error) {
    if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 404) return false;
    throw error;
  }
}
