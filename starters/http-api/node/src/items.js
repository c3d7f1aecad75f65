// POST /items stores an item in the table named by TABLE_NAME; GET /items/{id} reads one back.
const { randomUUID } = require('node:crypto');
const { DynamoDBClient } = require('@aws-sdk/client-dynamodb');
const { DynamoDBDocumentClient, GetCommand, PutCommand } = require('@aws-sdk/lib-dynamodb');

const reply = (statusCode, body) => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** The request's JSON body, or undefined when it is not JSON (API Gateway base64-encodes binary bodies). */
function jsonBody(event) {
  const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : event.body;
  try {
    return JSON.parse(text ?? '');
  } catch {
    return undefined;
  }
}

/** The handler over a DynamoDB document client; the unit test passes one that answers from memory. */
function itemsHandler(db) {
  return async (event) => {
    const TableName = process.env.TABLE_NAME;
    if (event.routeKey === 'GET /items/{id}') {
      const { Item } = await db.send(new GetCommand({ TableName, Key: { id: event.pathParameters?.id } }));
      return Item ? reply(200, Item) : reply(404, { message: 'No item has this id.' });
    }
    const name = jsonBody(event)?.name;
    if (typeof name !== 'string' || name === '') return reply(400, { message: 'Send a JSON body with a "name".' });
    const item = { id: randomUUID(), name, createdAt: new Date().toISOString() };
    await db.send(new PutCommand({ TableName, Item: item }));
    return reply(201, item);
  };
}

// Created once per execution environment, so warm invocations reuse its connections.
exports.handler = itemsHandler(DynamoDBDocumentClient.from(new DynamoDBClient({})));
exports.itemsHandler = itemsHandler;
