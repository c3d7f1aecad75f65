import { strict as assert } from 'assert';
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintCommand } from '../../../src/cli/lint';

const ROOT = path.resolve(__dirname, '../../..');
const BIN = path.join(ROOT, 'bin/serverless-workbench.js');
const DIST = path.join(ROOT, 'dist');
const TODAY = ['--today', '2026-11-23'];

const TEMPLATE = [
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties: {Runtime: python3.9, MemorySize: 20000, InlineCode: x, Handler: index.handler}',
  '',
].join('\n');

describe('serverless-workbench start-up: one bundle per command, V8 code cache', function () {
  let tmp: string;
  let template: string;
  /** The command line as a user runs it, with its temporary folder (where the code cache lives) in `tmp`. */
  const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: withTmp() });
  const withTmp = () => ({ ...process.env, TMPDIR: tmp });
  const cacheFiles = () => {
    const folder = fs.readdirSync(tmp).find((f) => f.startsWith('serverless-workbench-'));
    return folder ? fs.readdirSync(path.join(tmp, folder)).map((f) => path.join(tmp, folder, f)) : [];
  };
  const inProcess = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await lintCommand(args, (t) => lines.push(t));
    return { status: code, stdout: lines.map((l) => `${l}\n`).join('') };
  };

  before(function () {
    // `npm test` builds first; a bare `mocha` run may not have dist/
    if (!fs.existsSync(path.join(DIST, 'cli-lint.js'))) this.skip();
  });
  beforeEach(() => {
    tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-start-'));
    template = path.join(tmp, 'template.yaml');
    fs.writeFileSync(template, TEMPLATE);
  });
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it('prints what the lint command prints in-process, with no cache, then with the cache it wrote', async () => {
    const expected = await inProcess(template, ...TODAY);
    assert.equal(expected.status, 1);
    const cold = cli('lint', template, ...TODAY);
    assert.deepEqual({ status: cold.status, stdout: cold.stdout }, expected);
    assert.equal(cold.stderr, '1 template: 1 errors, 1 warnings, 0 infos\n');
    const [cache] = cacheFiles();
    assert.match(path.basename(cache), /^cli-lint-[0-9a-f]{32}\.v8cache$/);
    assert.equal(fs.statSync(cache).mode & 0o777, 0o600, 'only its owner reads the cache');
    const written = fs.readFileSync(cache);

    const warm = cli('lint', template, ...TODAY);
    assert.deepEqual([warm.status, warm.stdout, warm.stderr], [cold.status, cold.stdout, cold.stderr]);
    assert.deepEqual(fs.readFileSync(cache), written, 'V8 accepted the cache, so it was not written again');
  });

  it('ignores a corrupt or truncated cache, still lints, and writes a good one in its place', () => {
    const first = cli('lint', template, ...TODAY);
    const [cache] = cacheFiles();
    const good = fs.readFileSync(cache);
    for (const bad of [Buffer.from('not a code cache'), good.subarray(0, good.length >> 1), Buffer.alloc(0)]) {
      fs.writeFileSync(cache, bad);
      const again = cli('lint', template, ...TODAY);
      assert.deepEqual([again.status, again.stdout, again.stderr], [first.status, first.stdout, first.stderr]);
      const replaced = fs.readFileSync(cache);
      assert.notDeepEqual(replaced, bad, 'the rejected cache was replaced');
      cli('lint', template, ...TODAY);
      assert.deepEqual(fs.readFileSync(cache), replaced, 'V8 accepted the replacement');
    }
  });

  it('uses no cache folder that other users could write into', () => {
    const folder = path.join(tmp, `serverless-workbench-${process.getuid?.() ?? os.userInfo().username}`);
    fs.mkdirSync(folder);
    fs.chmodSync(folder, 0o777);
    const r = cli('lint', template, ...TODAY);
    assert.equal(r.status, 1);
    assert.deepEqual(fs.readdirSync(folder), []);
  });

  it('reads only the dispatcher and the lint bundle for lint', () => {
    // A preload that records every file of dist/ the process reads.
    const probe = path.join(tmp, 'probe.cjs');
    fs.writeFileSync(
      probe,
      [
        "const fs = require('fs');",
        'const read = fs.readFileSync;',
        'const seen = new Set();',
        `const dist = ${JSON.stringify(DIST + path.sep)};`,
        'fs.readFileSync = function (file, ...rest) {',
        "  if (String(file).startsWith(dist)) seen.add(require('path').basename(String(file)));",
        '  return read.call(this, file, ...rest);',
        '};',
        "process.on('exit', () => process.stderr.write(`READ ${[...seen].sort().join(' ')}\\n`));",
      ].join('\n'),
    );
    const r = spawnSync(process.execPath, ['-r', probe, BIN, 'lint', template, ...TODAY], {
      encoding: 'utf8',
      env: withTmp(),
    });
    assert.equal(r.status, 1);
    assert.equal(
      r.stderr.split('\n').find((l) => l.startsWith('READ ')),
      'READ cli-lint.js cli.js',
    );
  });

  it('reports a usage error from a command bundle with exit code 2', () => {
    const r = cli('lint', template, '--format', 'xml');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /^serverless-workbench lint: --format must be one of/);
  });

  it('exits quietly, with its own exit code, when the reader closes the pipe early (| head)', async () => {
    // Enough findings to overflow a pipe's buffer, so that writes happen after the reader is gone.
    const fn = (i: number) =>
      `  Fn${i}: {Type: AWS::Lambda::Function, Properties: {Runtime: python3.9, MemorySize: 20000}}`;
    fs.writeFileSync(template, ['Resources:', ...Array.from({ length: 3000 }, (_, i) => fn(i))].join('\n'));
    const child = spawn(process.execPath, [BIN, 'lint', template, ...TODAY], { env: withTmp() });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    child.stdout.once('data', () => child.stdout.destroy());
    const status = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.equal(stderr.includes('EPIPE'), false, stderr);
    assert.equal(status, 1);
  });
});
