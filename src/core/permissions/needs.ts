import { SECRET_SUFFIX, queueArnFromUrl } from './arn';

/** How the code gives a call's parameter: an environment variable, a literal, or something we cannot see. */
export type ValueSource =
  { readonly kind: 'env'; readonly name: string } | { readonly kind: 'literal'; readonly value: string };

/** What the scanner found in a file, before it knows which function (and so which environment) runs it. */
export interface RawCall {
  readonly prefix: string;
  readonly operation: string;
  readonly actions: readonly string[];
  readonly params: Readonly<Record<string, ValueSource>>;
  /** Made through a client given credentials of its own. */
  readonly ownCredentials?: boolean;
  readonly span: { readonly start: number; readonly end: number };
}

const REGION = '{AWS::Region}';
const ACCOUNT = '{AWS::AccountId}';

/** S3 actions on the bucket itself; every other S3 action is on objects (`bucket/key`). */
const S3_BUCKET_ACTIONS =
  /^s3:(ListBucket|ListBucketVersions|ListBucketMultipartUploads|GetBucket.*|PutBucket.*|DeleteBucket.*|GetLifecycleConfiguration|PutLifecycleConfiguration|GetEncryptionConfiguration)$/;

const arnOrBuild = (value: string, build: (name: string) => string): string =>
  value.startsWith('arn:') ? value : build(value);

/**
 * The resource ARN a call acts on, built from the parameter that names it, once the value is known.
 * Returns undefined when the service has no resource parameter we model or the value is unknown.
 */
export function resourceArn(action: string, params: Readonly<Record<string, string | undefined>>): string | undefined {
  const [prefix] = action.split(':');
  switch (prefix) {
    case 'dynamodb': {
      const table =
        params.TableName && arnOrBuild(params.TableName, (n) => `arn:aws:dynamodb:${REGION}:${ACCOUNT}:table/${n}`);
      // A Query or Scan of an index is authorised on the index's ARN, which a grant on `table/X/index/*` covers.
      return table && params.IndexName ? `${table}/index/${params.IndexName}` : table;
    }
    case 's3': {
      if (!params.Bucket) return undefined;
      if (S3_BUCKET_ACTIONS.test(action)) return `arn:aws:s3:::${params.Bucket}`;
      return `arn:aws:s3:::${params.Bucket}/${params.Key ?? '*'}`;
    }
    case 'sqs':
      return params.QueueUrl && (queueArnFromUrl(params.QueueUrl) ?? undefined);
    case 'sns':
      return params.TopicArn;
    case 'lambda':
      return (
        params.FunctionName &&
        arnOrBuild(params.FunctionName, (n) => `arn:aws:lambda:${REGION}:${ACCOUNT}:function:${n}`)
      );
    case 'states':
      return params.stateMachineArn;
    // Without a bus we can read, the entries may name one in a way the scan does not follow (a list built in
    // code): the default bus is not assumed.
    case 'events':
      return (
        params.EventBusName &&
        arnOrBuild(params.EventBusName, (n) => `arn:aws:events:${REGION}:${ACCOUNT}:event-bus/${n}`)
      );
    // A secret named by its name is the secret whose ARN is that name and the random suffix.
    case 'secretsmanager':
      return (
        params.SecretId &&
        arnOrBuild(params.SecretId, (n) => `arn:aws:secretsmanager:${REGION}:${ACCOUNT}:secret:${n}${SECRET_SUFFIX}`)
      );
    case 'ssm':
      return (
        params.Name &&
        arnOrBuild(params.Name, (n) => `arn:aws:ssm:${REGION}:${ACCOUNT}:parameter/${n.replace(/^\//, '')}`)
      );
    case 'kinesis':
      return (
        params.StreamARN ?? (params.StreamName && `arn:aws:kinesis:${REGION}:${ACCOUNT}:stream/${params.StreamName}`)
      );
    case 'firehose':
      return (
        params.DeliveryStreamName && `arn:aws:firehose:${REGION}:${ACCOUNT}:deliverystream/${params.DeliveryStreamName}`
      );
    case 'kms':
      return params.KeyId && arnOrBuild(params.KeyId, (n) => `arn:aws:kms:${REGION}:${ACCOUNT}:key/${n}`);
    default:
      return undefined;
  }
}

/** The parameter names that identify resources, which the scanners keep (others are ignored). */
export const RESOURCE_PARAMETERS: ReadonlySet<string> = new Set([
  'TableName',
  'IndexName',
  'Bucket',
  'Key',
  'QueueUrl',
  'TopicArn',
  'FunctionName',
  'stateMachineArn',
  'EventBusName',
  'SecretId',
  'Name',
  'StreamName',
  'StreamARN',
  'DeliveryStreamName',
  'KeyId',
]);
