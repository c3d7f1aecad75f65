const assert = require('node:assert/strict');
const { test } = require('node:test');
const { handler } = require('../src/uploads');
const event = require('../events/object-created.json');

test('decodes the key and sorts the object by kind', async () => {
  assert.deepEqual(await handler(event), {
    processed: [{ bucket: 'my-app-uploads', key: 'uploads/holiday photo.jpg', sizeBytes: 1024, kind: 'image' }],
  });
});

test('an unknown extension is "other"', async () => {
  const record = structuredClone(event.Records[0]);
  record.s3.object.key = 'uploads/data.bin';
  assert.equal((await handler({ Records: [record] })).processed[0].kind, 'other');
});
