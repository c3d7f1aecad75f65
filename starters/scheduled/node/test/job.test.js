const assert = require('node:assert/strict');
const { test } = require('node:test');
const { handler } = require('../src/job');
const event = require('../events/scheduled.json');

test('covers the hour before the scheduled time', async () => {
  assert.deepEqual(await handler(event), { from: '2026-12-01T11:00:00.000Z', to: '2026-12-01T12:00:00.000Z' });
});

test('a late run covers the same hour', async () => {
  const late = await handler({ ...event, time: '2026-12-01T12:04:31Z' });
  assert.deepEqual(late, { from: '2026-12-01T11:00:00.000Z', to: '2026-12-01T12:00:00.000Z' });
});
