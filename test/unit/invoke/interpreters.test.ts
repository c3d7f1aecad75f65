import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { findNode, findPython, LocalInvoker } from '../../../src/core/invoke';
import { fn, workspace } from './fixtures';

/** A stand-in interpreter: a script that answers `--version` as the real one does. */
const fake = (answer: string) => `#!/bin/sh\necho '${answer}'\n`;

describe('The interpreter for the declared runtime', () => {
  const ws = workspace({
    'bin/node': fake('v20.5.0'),
    'bin/python3': fake('Python 3.11.2'),
    'home/.nvm/versions/node/v22.3.0/bin/node': fake('v22.3.0'),
    'home/.nvm/versions/node/v18.1.0/bin/node': fake('v18.1.0'),
    'home/.volta/tools/image/node/16.0.0/bin/node': fake('v16.0.0'),
    'py312/python3.12': fake('Python 3.12.4'),
    'custom/node24': fake('v24.1.0'),
    'app.js':
      "exports.handler = async () => { process.emitWarning('Please upgrade', 'NodeVersionSupportWarning'); " +
      "return 'ok'; };",
  });
  for (const file of ['bin/node', 'bin/python3', 'py312/python3.12', 'custom/node24'])
    fs.chmodSync(path.join(ws.dir, file), 0o755);
  for (const v of ['v22.3.0', 'v18.1.0'])
    fs.chmodSync(path.join(ws.dir, `home/.nvm/versions/node/${v}/bin/node`), 0o755);
  fs.chmodSync(path.join(ws.dir, 'home/.volta/tools/image/node/16.0.0/bin/node'), 0o755);
  const env = { HOME: path.join(ws.dir, 'home'), PATH: path.join(ws.dir, 'bin') };
  after(() => ws.cleanup());

  it('finds the declared Node.js major in nvm when PATH has another', () => {
    const node = findNode('nodejs22.x', {}, env);
    assert.deepEqual(node, {
      command: path.join(ws.dir, 'home/.nvm/versions/node/v22.3.0/bin/node'),
      env: {},
      version: '22.3.0',
    });
  });

  it('takes PATH when it is the declared major, and volta folders too', () => {
    assert.equal(findNode('nodejs20.x', {}, env).command, path.join(ws.dir, 'bin/node'));
    assert.equal(findNode('nodejs16.x', {}, env).version, '16.0.0');
  });

  it('runs with the closest version when none matches, and says so naming both', () => {
    const node = findNode('nodejs24.x', {}, env);
    assert.equal(node.version, '22.3.0');
    assert.equal(
      node.warning,
      'nodejs24.x runs on Node.js 24 in Lambda, but no Node.js 24 was found: running with Node.js 22.3.0 ' +
        `(${path.join(ws.dir, 'home/.nvm/versions/node/v22.3.0/bin/node')}), the closest found. Install it ` +
        '(nvm install 24), or name one in the serverlessWorkbench.invoke.interpreters setting.',
    );
  });

  it('uses the interpreter the setting names for the runtime', () => {
    const node = findNode('nodejs24.x', { 'nodejs24.x': path.join(ws.dir, 'custom/node24') }, env);
    assert.deepEqual(node, { command: path.join(ws.dir, 'custom/node24'), env: {}, version: '24.1.0' });
  });

  it('finds python3.X on PATH, else runs python3 with a warning naming both versions', () => {
    const withExact = { ...env, PATH: [path.join(ws.dir, 'py312'), path.join(ws.dir, 'bin')].join(path.delimiter) };
    assert.equal(findPython('python3.12', {}, withExact)?.version, '3.12.4');
    const closest = findPython('python3.12', {}, env);
    assert.equal(closest?.command, path.join(ws.dir, 'bin/python3'));
    assert.match(closest?.warning ?? '', /^python3\.12 runs on Python 3\.12 in Lambda, .* Python 3\.11\.2 /);
    assert.equal(findPython('python3.11', {}, env)?.warning, undefined);
  });

  it("logs Node's process warnings (the AWS SDK's version notice) as WARN lines, never ERROR", async () => {
    const invoker = new LocalInvoker();
    try {
      const r = await invoker.invoke(fn(ws.dir, {}), '{}');
      assert.equal(r.payload, '"ok"');
      assert.match(r.logs, /\tWARN\t\(node:\d+\) NodeVersionSupportWarning: Please upgrade\n/);
      assert.doesNotMatch(r.logs, /ERROR/);
    } finally {
      await invoker.dispose();
    }
  });
});
