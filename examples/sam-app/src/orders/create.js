// POST /orders: stores the order and queues it for processing.
const { randomUUID } = require('node:crypto');
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, PutCommand, GetCommand } = require('@aws-sdk/lib-dynamodb');
const { SQSClient, SendMessageCommand } = require('@aws-sdk/client-sqs');

const documents = DynamoDBDocumentClient.from(new DynamoDBClient({}));
const queue = new SQSClient({});

exports.handler = async (event) => {
  if (event.httpMethod === 'GET') {
    const id = event.pathParameters && event.pathParameters.id;
    const { Item } = await documents.send(new GetCommand({ TableName: process.env.TABLE_NAME, Key: { id } }));
    return Item ? json(200, Item) : json(404, { message: `order ${id} not found` });
  }
  let order;
  try {
    order = JSON.parse(event.body || '{}');
  } catch {
    return json(400, { message: 'body must be JSON' });
  }
  if (!order.item || !Number.isInteger(order.quantity) || order.quantity < 1) {
    return json(400, { message: 'an order needs an item and a positive integer quantity' });
  }
  const stored = { id: randomUUID(), item: order.item, quantity: order.quantity, status: 'NEW', createdAt: new Date().toISOString() };
  await documents.send(new PutCommand({ TableName: process.env.TABLE_NAME, Item: stored }));
  await queue.send(new SendMessageCommand({ QueueUrl: process.env.QUEUE_URL, MessageBody: JSON.stringify({ id: stored.id }) }));
  return json(201, stored);
};

function json(statusCode, body) {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}
