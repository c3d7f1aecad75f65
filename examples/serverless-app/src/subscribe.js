// POST /subscribers: adds an email address to a topic's subscribers.
const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');

const dynamodb = new DynamoDBClient({});

module.exports.handler = async (event) => {
  const { topic, email } = JSON.parse(event.body || '{}');
  if (!topic || !/^[^@\s]+@[^@\s]+$/.test(email || '')) {
    return { statusCode: 400, body: JSON.stringify({ message: 'topic and a valid email are required' }) };
  }
  await dynamodb.send(new PutItemCommand({
    TableName: process.env.SUBSCRIBERS_TABLE,
    Item: { topic: { S: topic }, email: { S: email } },
  }));
  return { statusCode: 201, body: JSON.stringify({ topic, email }) };
};
