// Daily digest: queues one notification per topic that has subscribers.
const { DynamoDBClient, QueryCommand } = require('@aws-sdk/client-dynamodb');
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

const dynamodb = new DynamoDBClient({});
const sqs = new SQSClient({});
const TOPICS = ['releases', 'outages'];

module.exports.handler = async () => {
  let queued = 0;
  for (const topic of TOPICS) {
    const { Count } = await dynamodb.send(new QueryCommand({
      TableName: process.env.SUBSCRIBERS_TABLE,
      KeyConditionExpression: 'topic = :t',
      ExpressionAttributeValues: { ':t': { S: topic } },
      Select: 'COUNT',
    }));
    if (Count > 0) {
      await sqs.send(new SendMessageCommand({
        QueueUrl: process.env.NOTIFY_QUEUE_URL,
        MessageBody: JSON.stringify({ topic, message: `daily digest for ${Count} subscribers` }),
      }));
      queued++;
    }
  }
  return { queued };
};
