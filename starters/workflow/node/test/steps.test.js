const assert = require('node:assert/strict');
const { test } = require('node:test');
const { priceOrder, validateOrder } = require('../src/steps');
const order = require('../events/order.json');

test('passes a valid order on unchanged', async () => {
  assert.deepEqual(await validateOrder(order), order);
});

test('rejects an order without items with the error the workflow catches', async () => {
  await assert.rejects(validateOrder({ orderId: 'o-2', items: [] }), { name: 'InvalidOrder' });
});

test('totals the order in cents', async () => {
  assert.deepEqual(await priceOrder(order), { orderId: 'o-1', totalCents: 3097 });
});
