import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadTemplateFile, readBoundedFile } from '../../../src/core/load';
import { LIMITS } from '../../../src/core/model/limits';

/** Makes a FIFO with mkfifo; undefined where there is none (Windows). */
function makeFifo(file: string): string | undefined {
  if (process.platform === 'win32') return undefined;
  return spawnSync('mkfifo', [file]).status === 0 ? file : undefined;
}

describe('bounded reads: regular files only, up to a named size', () => {
  let dir: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-bounded-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('reads a regular file and says undefined for one that does not exist', () => {
    fs.writeFileSync(path.join(dir, 'a.yml'), 'x: 1\n');
    assert.equal(readBoundedFile(path.join(dir, 'a.yml')), 'x: 1\n');
    assert.equal(readBoundedFile(path.join(dir, 'missing.yml')), undefined);
  });

  it('refuses a folder, a device and a FIFO without opening them (a FIFO would block for ever)', function () {
    assert.deepEqual(readBoundedFile(dir), { unreadable: 'it is a folder, not a regular file' });
    if (fs.existsSync('/dev/zero'))
      assert.deepEqual(readBoundedFile('/dev/zero'), { unreadable: 'it is a device, not a regular file' });
    const fifo = makeFifo(path.join(dir, 'pipe'));
    if (!fifo) return this.skip(); // no mkfifo here
    assert.deepEqual(readBoundedFile(fifo), { unreadable: 'it is a FIFO (named pipe), not a regular file' });
  });

  it('refuses a file over the cap from its size, and one that grows past it while read', () => {
    const huge = path.join(dir, 'huge.yml');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, LIMITS.maxReadFileBytes + 4 * 1024 * 1024); // sparse: nothing written
    assert.deepEqual(readBoundedFile(huge), { unreadable: 'it is 12.0 MB; files over 8.0 MB are not read' });
    fs.writeFileSync(path.join(dir, 'small.yml'), 'y'.repeat(2048));
    assert.deepEqual(readBoundedFile(path.join(dir, 'small.yml'), 1024), {
      unreadable: 'it is 2 KB; files over 1 KB are not read',
    });
    if (fs.existsSync('/proc/self/status')) {
      // /proc files say size 0: only the read itself can tell, and it stops one byte past the cap.
      assert.deepEqual(readBoundedFile('/proc/self/status', 1024), {
        unreadable: 'it holds more than 1 KB, the most that is read',
      });
    }
  });

  it('says at each ${file()} of a Serverless service why it was not read, and still builds the model', function () {
    fs.mkdirSync(path.join(dir, 'folder'));
    const huge = path.join(dir, 'huge.yml');
    fs.writeFileSync(huge, '');
    fs.truncateSync(huge, LIMITS.maxReadFileBytes + 4 * 1024 * 1024);
    const fifo = makeFifo(path.join(dir, 'pipe.yml'));
    const lines = [
      'service: bounded',
      'provider: {name: aws, runtime: nodejs20.x}',
      'custom:',
      '  zero: ${file(/dev/zero)}',
      '  folder: ${file(./folder)}',
      '  huge: ${file(./huge.yml)}',
      ...(fifo ? ['  pipe: ${file(./pipe.yml)}'] : []),
      'functions:',
      '  hello: {handler: h.main}',
      '',
    ];
    const text = lines.join('\n');
    fs.writeFileSync(path.join(dir, 'serverless.yml'), text);
    const loaded = loadTemplateFile(path.join(dir, 'serverless.yml'), { readFile: readBoundedFile });
    assert.ok(loaded.ok);
    const problems = loaded.template.problems.map((p) => [text.slice(p.span.start, p.span.end), p.message]);
    const expected = [
      ...(fs.existsSync('/dev/zero')
        ? [['${file(/dev/zero)}', 'The file /dev/zero is not read: it is a device, not a regular file.']]
        : []),
      ['${file(./folder)}', 'The file ./folder is not read: it is a folder, not a regular file.'],
      ['${file(./huge.yml)}', 'The file ./huge.yml is not read: it is 12.0 MB; files over 8.0 MB are not read.'],
      ...(fifo
        ? [['${file(./pipe.yml)}', 'The file ./pipe.yml is not read: it is a FIFO (named pipe), not a regular file.']]
        : []),
    ];
    assert.deepEqual(problems, expected);
    assert.deepEqual(
      loaded.template.functions.map((f) => f.displayName),
      ['hello'],
    );
  });

  it('refuses a template that is a FIFO instead of waiting on it', function () {
    const fifo = makeFifo(path.join(dir, 'template.yaml'));
    if (!fifo) return this.skip();
    assert.deepEqual(loadTemplateFile(fifo, { readFile: readBoundedFile }), {
      ok: false,
      message: `cannot read ${fifo}: it is a FIFO (named pipe), not a regular file`,
    });
  });
});
