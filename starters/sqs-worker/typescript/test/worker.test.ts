import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { SQSEvent } from 'aws-lambda';
import { handler } from '../src/worker.ts';

const event: SQSEvent = JSON.parse(readFileSync(new URL('../events/messages.json', import.meta.url), 'utf8'));

test('reports only the message that is not a valid order', async () => {
  assert.deepEqual(await handler(event), {
    batchItemFailures: [{ itemIdentifier: '2e1424d4-f796-459a-8184-9c92662be6da' }],
  });
});

test('reports a body that is not JSON', async () => {
  const record = { ...event.Records[0], body: 'not json' };
  const response = await handler({ Records: [record] });
  assert.deepEqual(response.batchItemFailures, [{ itemIdentifier: record.messageId }]);
});
