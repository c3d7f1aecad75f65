// SQS consumer: marks each queued order as processed; failed records are retried on their own.
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, UpdateCommand } = require('@aws-sdk/lib-dynamodb');

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));

exports.handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      const { id } = JSON.parse(record.body);
      await documents.send(new UpdateCommand({
        TableName: process.env.TABLE_NAME,
        Key: { id },
        UpdateExpression: 'SET #s = :s, processedAt = :t',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: { ':s': 'PROCESSED', ':t': new Date().toISOString() },
      }));
      console.log(`processed order ${id}`);
    } catch (error) {
      console.error(`order in message ${record.messageId} failed: ${error.message}`);
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
