import { gzipSync } from 'zlib';
import type { EventContext } from './context';

/** `s3:ObjectCreated:*` → `ObjectCreated:Put`, the name a notification carries. */
function s3EventName(declared: string | undefined): string {
  const kind = (declared ?? 's3:ObjectCreated:*').replace(/^s3:/, '');
  const [family, detail] = kind.split(':');
  if (detail && detail !== '*') return `${family}:${detail}`;
  return family === 'ObjectRemoved' ? 'ObjectRemoved:Delete' : `${family}:Put`;
}

/** SAM `S3`: a notification for the declared bucket, with a key that passes the declared prefix/suffix filter. */
export function s3Event(ctx: EventContext): unknown {
  const bucket = ctx.text('Bucket') ?? 'example-bucket';
  const rules = ctx.node('Filter.S3Key.Rules');
  let prefix = '';
  let suffix = '.json';
  if (rules?.kind === 'seq') {
    rules.items.forEach((_, i) => {
      const name = ctx.text(`Filter.S3Key.Rules.${i}.Name`)?.toLowerCase();
      const value = ctx.text(`Filter.S3Key.Rules.${i}.Value`) ?? '';
      if (name === 'prefix') prefix = value;
      if (name === 'suffix') suffix = value;
    });
  }
  const eventName = s3EventName(ctx.list('Events')[0]);
  return {
    Records: [
      {
        eventVersion: '2.1',
        eventSource: 'aws:s3',
        awsRegion: ctx.region,
        eventTime: ctx.now.toISOString(),
        eventName,
        userIdentity: { principalId: 'EXAMPLE' },
        requestParameters: { sourceIPAddress: '127.0.0.1' },
        responseElements: {
          'x-amz-request-id': 'EXAMPLE123456789',
          'x-amz-id-2': 'EXAMPLE123/abcdefghijklmnopqrstuvwxyz',
        },
        s3: {
          s3SchemaVersion: '1.0',
          configurationId: 'serverless-workbench-example',
          bucket: { name: bucket, ownerIdentity: { principalId: 'EXAMPLE' }, arn: `arn:aws:s3:::${bucket}` },
          object: {
            key: `${prefix}example${suffix}`,
            size: 1024,
            eTag: '0123456789abcdef0123456789abcdef',
            sequencer: '0A1B2C3D4E5F678901',
          },
        },
      },
    ],
  };
}

/** SAM `CloudWatchLogs`: a subscription delivery, gzipped and base64-encoded as CloudWatch Logs sends it. */
export function cloudWatchLogsEvent(ctx: EventContext): unknown {
  const logGroup = ctx.text('LogGroupName') ?? '/aws/lambda/example';
  const data = {
    messageType: 'DATA_MESSAGE',
    owner: ctx.accountId,
    logGroup,
    logStream: '2024/01/01/[$LATEST]0123456789abcdef0123456789abcdef',
    subscriptionFilters: [ctx.text('FilterPattern') ?? ''],
    logEvents: [
      { id: '1', timestamp: ctx.now.getTime(), message: 'first example log line' },
      { id: '2', timestamp: ctx.now.getTime() + 1, message: 'second example log line' },
    ],
  };
  return { awslogs: { data: gzipSync(JSON.stringify(data)).toString('base64') } };
}
