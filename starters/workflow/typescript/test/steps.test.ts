import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { priceOrder, validateOrder, type Order } from '../src/steps.ts';

const order: Order = JSON.parse(readFileSync(new URL('../events/order.json', import.meta.url), 'utf8'));

test('passes a valid order on unchanged', async () => {
  assert.deepEqual(await validateOrder(order), order);
});

test('rejects an order without items with the error the workflow catches', async () => {
  await assert.rejects(validateOrder({ orderId: 'o-2', items: [] }), { name: 'InvalidOrder' });
});

test('totals the order in cents', async () => {
  assert.deepEqual(await priceOrder(order), { orderId: 'o-1', totalCents: 3097 });
});
