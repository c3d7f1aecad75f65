import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { pathToFileURL } from 'url';

const ROOT = path.resolve(__dirname, '../..');

describe('the code the editor loads at activation', () => {
  it('stays under its budget (scripts/activation-budget.mjs)', async function () {
    const { ACTIVATION_FILES, ACTIVATION_LIMIT_BYTES } = await import(
      pathToFileURL(path.join(ROOT, 'scripts/activation-budget.mjs')).href
    );
    const files = (ACTIVATION_FILES as string[]).map((file) => path.join(ROOT, file));
    if (!files.every((file) => fs.existsSync(file))) this.skip(); // `npm test` builds first; a bare `mocha` may not
    const sizes = files.map((file) => fs.statSync(file).size);
    const total = sizes.reduce((sum, size) => sum + size, 0);
    assert.ok(
      total < ACTIVATION_LIMIT_BYTES,
      `${(ACTIVATION_FILES as string[]).map((file, i) => `${file} ${sizes[i]}`).join(' + ')} = ${total} bytes, ` +
        `over ${ACTIVATION_LIMIT_BYTES}: load what activation does not need from a chunk (scripts/build.mjs)`,
    );
  });
});
