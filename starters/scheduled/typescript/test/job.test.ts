import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { ScheduledEvent } from 'aws-lambda';
import { handler } from '../src/job.ts';

const event: ScheduledEvent = JSON.parse(readFileSync(new URL('../events/scheduled.json', import.meta.url), 'utf8'));
const TWELVE_O_CLOCK_RUN = { from: '2026-12-01T11:00:00.000Z', to: '2026-12-01T12:00:00.000Z' };

test('covers the hour before the scheduled time', async () => {
  assert.deepEqual(await handler(event), TWELVE_O_CLOCK_RUN);
});

test('a late run covers the same hour', async () => {
  assert.deepEqual(await handler({ ...event, time: '2026-12-01T12:04:31Z' }), TWELVE_O_CLOCK_RUN);
});
