import { createHash } from 'crypto';
import { EXAMPLE_BODY, type EventContext } from './context';

/** Records per generated batch: enough to show a handler must loop, few enough to read. */
const EXAMPLE_BATCH = 2;

function batchSize(ctx: EventContext): number {
  return Math.max(1, Math.min(EXAMPLE_BATCH, Number(ctx.text('BatchSize') ?? EXAMPLE_BATCH) || EXAMPLE_BATCH));
}

/** SAM `SQS`: a batch of messages from the declared queue. */
export function sqsEvent(ctx: EventContext): unknown {
  const queueArn = ctx.text('Queue') ?? ctx.arn('sqs', 'example-queue');
  const fifo = queueArn.endsWith('.fifo');
  return {
    Records: Array.from({ length: batchSize(ctx) }, (_, i) => {
      const body = JSON.stringify({ message: 'hello from Serverless Workbench', index: i });
      return {
        messageId: ctx.id(),
        receiptHandle: `AQEB${Buffer.from(ctx.id()).toString('base64')}`,
        body,
        attributes: {
          ApproximateReceiveCount: '1',
          SentTimestamp: String(ctx.now.getTime()),
          SenderId: ctx.accountId,
          ApproximateFirstReceiveTimestamp: String(ctx.now.getTime() + 1),
          ...(fifo
            ? {
                MessageGroupId: 'example-group',
                MessageDeduplicationId: ctx.id(),
                SequenceNumber: String(18849496460467696128n + BigInt(i)),
              }
            : {}),
        },
        messageAttributes: {},
        md5OfBody: createHash('md5').update(body).digest('hex'),
        eventSource: 'aws:sqs',
        eventSourceARN: queueArn,
        awsRegion: ctx.region,
      };
    }),
  };
}

/** SAM `SNS`: one notification from the declared topic. */
export function snsEvent(ctx: EventContext): unknown {
  const topicArn = ctx.text('Topic') ?? ctx.arn('sns', 'example-topic');
  return {
    Records: [
      {
        EventSource: 'aws:sns',
        EventVersion: '1.0',
        EventSubscriptionArn: `${topicArn}:${ctx.id()}`,
        Sns: {
          Type: 'Notification',
          MessageId: ctx.id(),
          TopicArn: topicArn,
          Subject: 'Example subject',
          Message: EXAMPLE_BODY,
          Timestamp: ctx.now.toISOString(),
          SignatureVersion: '1',
          Signature: 'EXAMPLE',
          SigningCertUrl: 'EXAMPLE',
          UnsubscribeUrl: 'EXAMPLE',
          MessageAttributes: {},
        },
      },
    ],
  };
}

/** Serverless/SAM `MQ`: a batch from an Amazon MQ (ActiveMQ) broker. */
export function mqEvent(ctx: EventContext): unknown {
  const broker = ctx.text('Broker') ?? ctx.arn('mq', 'broker:example-broker:b-0000');
  const queue = ctx.list('Queues')[0] ?? 'example-queue';
  return {
    eventSource: 'aws:mq',
    eventSourceArn: broker,
    messages: [
      {
        messageID: `ID:${ctx.id()}`,
        messageType: 'jms/text-message',
        deliveryMode: 1,
        redelivered: false,
        timestamp: ctx.now.getTime(),
        destination: { physicalName: queue },
        data: Buffer.from(EXAMPLE_BODY).toString('base64'),
      },
    ],
  };
}

/** SAM `MSK` and `SelfManagedKafka`: records grouped by topic-partition, values base64-encoded. */
export function kafkaEvent(ctx: EventContext, selfManaged: boolean): unknown {
  const topic = ctx.list('Topics')[0] ?? 'example-topic';
  const cluster = ctx.text('Stream') ?? ctx.arn('kafka', 'cluster/example-cluster/0000');
  const servers = selfManaged
    ? ctx.list('KafkaBootstrapServers').join(',') || 'b-1.example.com:9092'
    : 'b-1.example.kafka.us-east-1.amazonaws.com:9092';
  return {
    eventSource: selfManaged ? 'SelfManagedKafka' : 'aws:kafka',
    ...(selfManaged ? {} : { eventSourceArn: cluster }),
    bootstrapServers: servers,
    records: {
      [`${topic}-0`]: [
        {
          topic,
          partition: 0,
          offset: 15,
          timestamp: ctx.now.getTime(),
          timestampType: 'CREATE_TIME',
          key: Buffer.from('example-key').toString('base64'),
          value: Buffer.from(EXAMPLE_BODY).toString('base64'),
          headers: [],
        },
      ],
    },
  };
}
