const assert = require('node:assert/strict');
const { test } = require('node:test');
const { handler } = require('../src/worker');
const event = require('../events/messages.json');

test('reports only the message that is not a valid order', async () => {
  assert.deepEqual(await handler(event), {
    batchItemFailures: [{ itemIdentifier: '2e1424d4-f796-459a-8184-9c92662be6da' }],
  });
});

test('reports a body that is not JSON', async () => {
  const record = { ...event.Records[0], body: 'not json' };
  assert.deepEqual(await handler({ Records: [record] }), { batchItemFailures: [{ itemIdentifier: record.messageId }] });
});
