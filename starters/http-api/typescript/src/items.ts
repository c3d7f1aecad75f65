// POST /items stores an item in the table named by TABLE_NAME; GET /items/{id} reads one back.
import { randomUUID } from 'node:crypto';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient, GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';

export interface Item {
  readonly id: string;
  readonly name: string;
  readonly createdAt: string;
}

/** What the handler needs of a document client; the unit test passes one that answers from memory. */
export type ItemStore = Pick<DynamoDBDocumentClient, 'send'>;

const reply = (statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 => ({
  statusCode,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

/** The request's `name`, if its body is JSON with one (API Gateway base64-encodes binary bodies). */
function nameOf(event: APIGatewayProxyEventV2): string | undefined {
  const text = event.isBase64Encoded ? Buffer.from(event.body ?? '', 'base64').toString('utf8') : event.body;
  try {
    const name: unknown = JSON.parse(text ?? '').name;
    return typeof name === 'string' && name !== '' ? name : undefined;
  } catch {
    return undefined;
  }
}

export const itemsHandler =
  (db: ItemStore) =>
  async (event: APIGatewayProxyEventV2): Promise<APIGatewayProxyStructuredResultV2> => {
    const TableName = process.env.TABLE_NAME;
    if (event.routeKey === 'GET /items/{id}') {
      const { Item } = await db.send(new GetCommand({ TableName, Key: { id: event.pathParameters?.id } }));
      return Item ? reply(200, Item) : reply(404, { message: 'No item has this id.' });
    }
    const name = nameOf(event);
    if (!name) return reply(400, { message: 'Send a JSON body with a "name".' });
    const item: Item = { id: randomUUID(), name, createdAt: new Date().toISOString() };
    await db.send(new PutCommand({ TableName, Item: item }));
    return reply(201, item);
  };

// Created once per execution environment, so warm invocations reuse its connections.
export const handler = itemsHandler(DynamoDBDocumentClient.from(new DynamoDBClient({})));
