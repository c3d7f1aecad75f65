const assert = require('node:assert/strict');
const { test } = require('node:test');
const { itemsHandler } = require('../src/items');
const event = require('../events/create-item.json');

/** A document client that keeps items in a Map, by the command's name. */
function memoryTable() {
  const items = new Map();
  return {
    items,
    send: async (command) => {
      const input = command.input;
      if (command.constructor.name === 'PutCommand') items.set(input.Item.id, input.Item);
      return { Item: items.get(input.Key?.id) };
    },
  };
}

test('stores the posted item and reads it back by id', async () => {
  const table = memoryTable();
  const handler = itemsHandler(table);
  const created = await handler(event);
  assert.equal(created.statusCode, 201);
  const item = JSON.parse(created.body);
  assert.equal(item.name, 'first item');
  const read = await handler({ routeKey: 'GET /items/{id}', pathParameters: { id: item.id } });
  assert.deepEqual(JSON.parse(read.body), item);
});

test('answers 400 to a body without a name', async () => {
  const response = await itemsHandler(memoryTable())({ ...event, body: '{}' });
  assert.equal(response.statusCode, 400);
});
