import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { itemsHandler, type Item, type ItemStore } from '../src/items.ts';

const event: APIGatewayProxyEventV2 = JSON.parse(
  readFileSync(new URL('../events/create-item.json', import.meta.url), 'utf8'),
);

/** A store that keeps items in a Map and answers Put and Get commands by their input. */
function memoryStore(): ItemStore {
  const items = new Map<string, Item>();
  const send = async (command: { input: { Item?: Item; Key?: { id: string } } }) => {
    if (command.input.Item) items.set(command.input.Item.id, command.input.Item);
    return { Item: command.input.Key && items.get(command.input.Key.id) };
  };
  return { send } as unknown as ItemStore;
}

test('stores the posted item and reads it back by id', async () => {
  const handler = itemsHandler(memoryStore());
  const created = await handler(event);
  assert.equal(created.statusCode, 201);
  const item: Item = JSON.parse(created.body ?? '');
  assert.equal(item.name, 'first item');
  const read = await handler({ ...event, routeKey: 'GET /items/{id}', pathParameters: { id: item.id } });
  assert.deepEqual(JSON.parse(read.body ?? ''), item);
});

test('answers 400 to a body without a name', async () => {
  const response = await itemsHandler(memoryStore())({ ...event, body: '{}' });
  assert.equal(response.statusCode, 400);
});
