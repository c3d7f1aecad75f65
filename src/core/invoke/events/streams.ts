import { EXAMPLE_BODY, nameFromArn, type EventContext } from './context';

/** SAM `DynamoDB`: stream records (an insert and a modify) from the declared table's stream. */
export function dynamoDbEvent(ctx: EventContext): unknown {
  const streamArn = ctx.text('Stream') ?? ctx.arn('dynamodb', 'table/ExampleTable/stream/1970-01-01T00:00:00.000');
  const record = (eventName: 'INSERT' | 'MODIFY', seq: string) => ({
    eventID: ctx.id().replace(/-/g, ''),
    eventName,
    eventVersion: '1.1',
    eventSource: 'aws:dynamodb',
    awsRegion: ctx.region,
    dynamodb: {
      Keys: { Id: { S: 'example-1' } },
      NewImage: { Id: { S: 'example-1' }, Message: { S: eventName === 'INSERT' ? 'New item!' : 'Changed item' } },
      ...(eventName === 'MODIFY' ? { OldImage: { Id: { S: 'example-1' }, Message: { S: 'New item!' } } } : {}),
      ApproximateCreationDateTime: ctx.epochSeconds(),
      SequenceNumber: seq,
      SizeBytes: 26,
      StreamViewType: 'NEW_AND_OLD_IMAGES',
    },
    eventSourceARN: streamArn,
  });
  return { Records: [record('INSERT', '111'), record('MODIFY', '222')] };
}

/** SAM `Kinesis`: one record from the declared stream, data base64-encoded as Kinesis delivers it. */
export function kinesisEvent(ctx: EventContext): unknown {
  const streamArn = ctx.text('Stream') ?? ctx.arn('kinesis', 'stream/example-stream');
  const sequence = '49590338271490256608559692538361571095921575989136588898';
  return {
    Records: [
      {
        kinesis: {
          partitionKey: 'partitionKey-03',
          kinesisSchemaVersion: '1.0',
          data: Buffer.from(EXAMPLE_BODY).toString('base64'),
          sequenceNumber: sequence,
          approximateArrivalTimestamp: ctx.now.getTime() / 1000,
        },
        eventSource: 'aws:kinesis',
        eventID: `shardId-000000000000:${sequence}`,
        invokeIdentityArn: `arn:aws:iam::${ctx.accountId}:role/${nameFromArn(streamArn, 'stream')}-role`,
        eventVersion: '1.0',
        eventName: 'aws:kinesis:record',
        eventSourceARN: streamArn,
        awsRegion: ctx.region,
      },
    ],
  };
}
