import { strict as assert } from 'assert';
import * as path from 'path';
import { checkEventText, LAMBDA_LIMITS, loadTarget, LocalInvoker } from '../../../src/core/invoke';
import { yaml } from '../helpers';
import { fn, hasPython, workspace } from './fixtures';

/** Behaviours seen side by side with Lambda, each reproduced as Lambda shows it. */
describe('Local invoke matches Lambda where it used to differ', () => {
  const ws = workspace({
    'app.js': [
      'exports.neverSettles = async () => new Promise(() => {});',
      'exports.rejectsEmpty = () => Promise.reject();',
      'exports.failsEmpty = (event, context) => { context.fail(); };',
      `exports.exactLimit = async () => 'x'.repeat(${LAMBDA_LIMITS.responsePayloadBytes - 2});`,
      `exports.overLimit = async () => 'x'.repeat(${LAMBDA_LIMITS.responsePayloadBytes - 1});`,
    ].join('\n'),
    'broken/app.js': "require('not-installed-anywhere');",
    'py/app.py': ['def handler(event, context):', "    raise ValueError('boom')"].join('\n'),
    'cdk.out/template.json': JSON.stringify({
      Resources: {
        Fn: {
          Type: 'AWS::Lambda::Function',
          Properties: {
            Runtime: 'nodejs22.x',
            Handler: 'index.handler',
            Role: 'arn:aws:iam::123456789012:role/r',
            Code: { S3Bucket: { 'Fn::Sub': 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}' }, S3Key: 'f.zip' },
          },
          Metadata: {
            'aws:cdk:path': 'Stack/Fn/Resource',
            'aws:asset:path': 'asset.f00d',
            'aws:asset:property': 'Code',
          },
        },
      },
    }),
    'cdk.out/asset.f00d/index.js': "exports.handler = async () => 'from the asset';",
    'sam/template.yaml': yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties: {Runtime: nodejs22.x, Handler: app.handler, CodeUri: src/}',
    ),
  });
  const invoker = new LocalInvoker();
  after(async () => {
    await invoker.dispose();
    ws.cleanup();
  });
  const node = (handler: string) => fn(ws.dir, { logicalId: handler, handler: `app.${handler}` });

  it('fails an async handler whose promise never settles with Runtime.NodeJsExit, and starts cold after', async () => {
    const r = await invoker.invoke(node('neverSettles'), '{}');
    assert.deepEqual(JSON.parse(r.payload), {
      errorType: 'Runtime.NodeJsExit',
      errorMessage: `RequestId: ${r.requestId} Error: Runtime exited without providing a reason`,
    });
    assert.match(r.logs, /Error: Runtime exited without providing a reason\nRuntime\.NodeJsExit\n/);
    assert.equal((await invoker.invoke(node('neverSettles'), '{}')).cold, true);
  });

  it("fails Promise.reject() and context.fail() with no value with the string 'handled', as Lambda does", async () => {
    for (const handler of ['rejectsEmpty', 'failsEmpty']) {
      const r = await invoker.invoke(node(handler), '{}');
      assert.deepEqual(JSON.parse(r.payload), { errorType: 'string', errorMessage: 'handled', trace: [] }, handler);
      assert.deepEqual(r.functionError, { errorType: 'string', errorMessage: 'handled' });
    }
  });

  it('returns a response of exactly 6,291,556 bytes and refuses one byte more', async function () {
    this.timeout(60_000);
    const exact = await invoker.invoke(node('exactLimit'), '{}');
    assert.equal(exact.functionError, undefined);
    assert.equal(Buffer.byteLength(exact.payload), 6_291_556);
    const over = await invoker.invoke(node('overLimit'), '{}');
    assert.deepEqual(JSON.parse(over.payload), {
      errorType: 'Function.ResponseSizeTooLarge',
      errorMessage: 'Response payload size exceeded maximum allowed payload size (6291556 bytes).',
    });
  });

  it('refuses an event over the 6,291,456-byte request limit before running anything', () => {
    const atLimit = `"${'x'.repeat(LAMBDA_LIMITS.syncPayloadBytes - 2)}"`;
    assert.deepEqual(checkEventText(atLimit, 'event.json'), { ok: true, text: atLimit });
    assert.deepEqual(checkEventText(`${atLimit} `, 'event.json'), {
      ok: false,
      message:
        "event.json is 6291457 bytes: Lambda's request payload limit is 6291456 bytes (RequestTooLargeException).",
    });
  });

  it('runs a CDK-synthesized function from its aws:asset:path folder', async () => {
    const target = loadTarget(path.join(ws.dir, 'cdk.out/template.json'), 'Fn');
    assert.ok(target.ok, target.ok ? '' : target.message);
    assert.equal(target.fn.codeDir, path.join(ws.dir, 'cdk.out/asset.f00d'));
    assert.equal((await invoker.invoke(target.fn, '{}')).payload, '"from the asset"');
  });

  it('keeps CodeUri for templates without CDK metadata', () => {
    const target = loadTarget(path.join(ws.dir, 'sam/template.yaml'), 'Fn');
    assert.ok(target.ok);
    assert.equal(target.fn.codeDir, path.join(ws.dir, 'sam/src'));
  });

  it('writes no "Max Memory Used: ?" after an init failure', async () => {
    const r = await invoker.invoke(fn(path.join(ws.dir, 'broken'), { logicalId: 'Broken' }), '{}');
    assert.equal(r.functionError?.errorType, 'Runtime.ImportModuleError');
    const report = /^REPORT .*$/m.exec(r.logs)?.[0] ?? '';
    assert.match(report, /\tMemory Size: 256 MB\t/);
    assert.doesNotMatch(report, /\?/);
  });

  it('gives Python errors without the runtime client in the trace, logged under "Traceback"', async function () {
    if (!hasPython) this.skip(); // python3 is needed to run Python functions
    const r = await invoker.invoke(
      fn(path.join(ws.dir, 'py'), { logicalId: 'Py', runtime: 'python3.12', handler: 'app.handler' }),
      '{}',
    );
    const body = JSON.parse(r.payload);
    assert.deepEqual(body.stackTrace, [
      `  File "${path.join(ws.dir, 'py/app.py')}", line 2, in handler\n    raise ValueError('boom')\n`,
    ]);
    assert.ok(
      r.logs.includes(
        '[ERROR] ValueError: boom\nTraceback (most recent call last):\n' +
          `  File "${path.join(ws.dir, 'py/app.py')}", line 2, in handler\n    raise ValueError('boom')\n`,
      ),
      r.logs,
    );
  });
});
