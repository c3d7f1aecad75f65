import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { UsageError } from '../../../src/cli/io';
import { initCommand } from '../../../src/cli/init';

describe('serverless-workbench init', () => {
  let dir: string;
  const init = (...args: string[]) => {
    const lines: string[] = [];
    const code = initCommand(args, (t) => lines.push(t));
    return { code, out: lines.join('\n') };
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-init-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('writes a SAM Node.js HTTP API by default, named after the folder', () => {
    const target = path.join(dir, 'My Shop');
    const r = init(target);
    assert.equal(r.code, 0);
    assert.match(r.out, /^Created template\.yaml and 7 more files in .*My Shop \(runtime nodejs\d+\.x\)\./);
    assert.match(fs.readFileSync(path.join(target, 'samconfig.toml'), 'utf8'), /^stack_name = "my-shop"$/m);
    assert.ok(fs.existsSync(path.join(target, 'src', 'items.js')));
  });

  it('takes the framework, language, starter and name', () => {
    const r = init('--framework', 'serverless', '--language', 'python', '--starter', 'workflow', '--name', 'flow', dir);
    assert.equal(r.code, 0);
    assert.match(fs.readFileSync(path.join(dir, 'serverless.yml'), 'utf8'), /^service: flow$/m);
    assert.deepEqual(fs.readdirSync(path.join(dir, 'src')).sort(), ['requirements.txt', 'steps.py']);
    assert.ok(fs.existsSync(path.join(dir, 'statemachine', 'order.asl.json')));
  });

  it('refuses a folder that is not empty unless --force', () => {
    fs.writeFileSync(path.join(dir, 'notes.txt'), 'mine');
    assert.throws(
      () => init('--name', 'app', dir),
      (e: Error) => e instanceof UsageError && /not empty/.test(e.message),
    );
    assert.deepEqual(fs.readdirSync(dir), ['notes.txt']);
    assert.equal(init('--name', 'app', '--force', dir).code, 0);
    assert.equal(fs.readFileSync(path.join(dir, 'notes.txt'), 'utf8'), 'mine');
    assert.ok(fs.existsSync(path.join(dir, 'template.yaml')));
  });

  it('says what is wrong with a choice or a name', () => {
    assert.throws(() => init('--starter', 'chatbot', dir), /--starter must be one of http-api, sqs-worker, scheduled/);
    assert.throws(() => init('--name', 'Bad Name', dir), /project name "Bad Name": Use lower case letters/);
    assert.throws(() => init('--colour', 'red', dir), /unknown option --colour/);
  });
});
