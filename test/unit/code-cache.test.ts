import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../..');

/**
 * Each load runs in a process of its own, as each editor window's extension host does: within one process V8 reuses
 * the compiled script from memory and never reads the cache on disk.
 */
describe('requireWithCodeCache: the moment the cache is written', function () {
  let tmp: string;
  let bundle: string;
  const cacheFiles = () => {
    const folder = fs.readdirSync(tmp).find((f) => f.startsWith('serverless-workbench-'));
    return folder ? fs.readdirSync(path.join(tmp, folder)).map((f) => path.join(tmp, folder, f)) : [];
  };
  /**
   * Requires the bundle in a new Node process and reports what it exported and whether the loader asked for a write;
   * with `writeWhenAsked`, the process runs that write before it ends, as the extension's timer does.
   */
  const load = (writeWhenAsked: boolean) => {
    const script = [
      `const { requireWithCodeCache } = require(${JSON.stringify(path.join(ROOT, 'src/code-cache.ts'))});`,
      'let asked = false;',
      `const loaded = requireWithCodeCache(${JSON.stringify(bundle)}, (write) => {`,
      `  asked = true; if (${writeWhenAsked}) write();`,
      '});',
      'console.log(JSON.stringify({ answer: loaded.answer(), asked }));',
    ].join('\n');
    const run = spawnSync(process.execPath, ['-r', path.join(ROOT, 'scripts/register-ts.cjs'), '-e', script], {
      encoding: 'utf8',
      // os.tmpdir() follows TMPDIR: the cache folder goes under this test's folder.
      env: { ...process.env, TMPDIR: tmp },
    });
    assert.equal(run.status, 0, run.stderr);
    return JSON.parse(run.stdout) as { answer: number; asked: boolean };
  };

  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-code-cache-'));
    bundle = path.join(tmp, 'bundle.js');
    fs.writeFileSync(bundle, "exports.answer = () => require('path').basename('/a/b') === 'b' ? 42 : 0;\n");
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('writes nothing until the moment comes, then one cache that the next window uses without writing again', () => {
    assert.deepEqual(load(false), { answer: 42, asked: true });
    assert.deepEqual(cacheFiles(), [], 'nothing is written before the moment');
    assert.deepEqual(load(true), { answer: 42, asked: true });
    const written = cacheFiles();
    assert.equal(written.length, 1);
    assert.match(path.basename(written[0]), /^bundle-[0-9a-f]{32}\.v8cache$/);
    assert.deepEqual(load(true), { answer: 42, asked: false }, 'a cache V8 accepted is not written again');
  });

  it('writes the cache again when V8 rejects the one on disk', () => {
    load(true);
    const [cache] = cacheFiles();
    fs.writeFileSync(cache, 'not a code cache');
    assert.deepEqual(load(true), { answer: 42, asked: true });
    assert.notEqual(fs.readFileSync(cache, 'utf8'), 'not a code cache');
    assert.deepEqual(load(true), { answer: 42, asked: false });
  });
});
