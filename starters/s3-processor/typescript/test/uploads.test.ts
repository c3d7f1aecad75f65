import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import type { S3Event } from 'aws-lambda';
import { handler } from '../src/uploads.ts';

const event: S3Event = JSON.parse(readFileSync(new URL('../events/object-created.json', import.meta.url), 'utf8'));

test('decodes the key and sorts the object by kind', async () => {
  const { processed } = await handler(event);
  assert.deepEqual(processed, [
    { bucket: 'my-app-uploads', key: 'uploads/holiday photo.jpg', sizeBytes: 1024, kind: 'image' },
  ]);
});

test('an unknown extension is "other"', async () => {
  const record = structuredClone(event.Records[0]);
  record.s3.object.key = 'uploads/data.bin';
  assert.equal((await handler({ Records: [record] })).processed[0].kind, 'other');
});
