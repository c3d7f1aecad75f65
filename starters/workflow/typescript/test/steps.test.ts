import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { priceOrder, validateOrder, type Order } from '../src/steps.ts';

const order: Order = JSON.parse(readFileSync(new URL('../events/order.json', import.meta.url), 'utf8'));

test('a valid order goes through both steps to its total in cents', async () => {
  const validated = await validateOrder(order);
  assert.deepEqual(validated, order);
  assert.deepEqual(await priceOrder(validated), { orderId: 'o-1', totalCents: 3097 });
});

const INVALID: Record<string, Order> = {
  'no items': { orderId: 'o-2', items: [] },
  'a zero quantity': { orderId: 'o-3', items: [{ sku: 'pen', quantity: 0, unitPriceCents: 199 }] },
};
for (const [why, invalid] of Object.entries(INVALID))
  test(`rejects an order with ${why}, with the error the workflow catches`, async () => {
    await assert.rejects(validateOrder(invalid), { name: 'InvalidOrder' });
  });
