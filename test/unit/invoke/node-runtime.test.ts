import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { LocalInvoker } from '../../../src/core/invoke';
import { fn, workspace } from './fixtures';

describe('Node.js runtime client', function () {
  const ws = workspace({
    'app.js': [
      "console.log('init ran');",
      'exports.handler = async (event, context) => ({ got: event, name: context.functionName, version: ' +
        'context.functionVersion,',
      '  memory: context.memoryLimitInMB, id: context.awsRequestId, arn: context.invokedFunctionArn, group: ' +
        'context.logGroupName,',
      '  stream: context.logStreamName, remaining: context.getRemainingTimeInMillis(), waits: ' +
        'context.callbackWaitsForEmptyEventLoop,',
      '  env: { region: process.env.AWS_REGION, handler: process.env._HANDLER, tz: process.env.TZ, root: ' +
        'process.env.LAMBDA_TASK_ROOT, own: process.env.OWN } });',
      "exports.callback = (event, context, callback) => { setTimeout(() => console.log('after callback'), 100); " +
        "callback(null, 'called back'); };",
      'exports.noWait = (event, context, callback) => { context.callbackWaitsForEmptyEventLoop = false; ' +
        "setTimeout(() => {}, 600000); callback(null, 'no wait'); };",
      "exports.fails = async () => { throw new RangeError('out of range'); };",
      "exports.nested = { deeper: { handler: async () => 'nested' } };",
      'exports.notFunction = 42;',
    ].join('\n'),
    'esm/app.mjs': 'export const handler = async (event) => ({ esm: true, event });',
    'typed/package.json': '{"type":"module"}',
    'typed/app.js': "export const handler = async () => 'type module';",
    'ts/app.ts': [
      "import { shout } from './util';",
      'interface Event { name: string }',
      'export const handler = async (event: Event): Promise<string> => {',
      "  if (!event.name) throw new Error('no name');",
      '  return shout(event.name);',
      '};',
    ].join('\n'),
    'ts/util.ts': 'export const shout = (s: string): string => `${s.toUpperCase()}!`;\n',
    'broken/app.js': 'exports.handler = async () => {;\n',
    'throwsAtInit/app.js': "throw new Error('config missing');\n",
  });
  const invoker = new LocalInvoker();
  after(async () => {
    await invoker.dispose();
    ws.cleanup();
  });

  it('runs an async handler with the full context and Lambda environment', async () => {
    const r = await invoker.invoke(fn(ws.dir, { environment: { OWN: 'mine' } }), '{"a":1}');
    assert.equal(r.functionError, undefined, r.logs);
    const out = JSON.parse(r.payload);
    assert.deepEqual(out.got, { a: 1 });
    assert.equal(out.name, 'test-function');
    assert.equal(out.version, '$LATEST');
    assert.equal(out.memory, '256');
    assert.equal(out.id, r.requestId);
    assert.equal(out.arn, 'arn:aws:lambda:eu-west-1:123456789012:function:test-function');
    assert.equal(out.group, '/aws/lambda/test-function');
    assert.match(out.stream, /^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
    assert.ok(out.remaining > 2000 && out.remaining <= 3000, `remaining ${out.remaining}`);
    assert.equal(out.waits, true);
    assert.deepEqual(out.env, { region: 'eu-west-1', handler: 'app.handler', tz: ':UTC', root: ws.dir, own: 'mine' });
    assert.match(
      r.logs,
      /INIT_START[\s\S]*init ran[\s\S]*START RequestId: [\s\S]*END RequestId: [\s\S]*REPORT RequestId: /,
    );
  });

  it('waits for an empty event loop after a callback, unless told not to', async () => {
    const r = await invoker.invoke(fn(ws.dir, { handler: 'app.callback', logicalId: 'Callback' }), '{}');
    assert.equal(r.payload, '"called back"');
    assert.ok(r.durationMs >= 90, `answered after the timer (${r.durationMs} ms)`);
    assert.ok(r.logs.indexOf('after callback') < r.logs.indexOf('END RequestId'), r.logs);
    const quick = await invoker.invoke(fn(ws.dir, { handler: 'app.noWait', logicalId: 'NoWait' }), '{}');
    assert.equal(quick.payload, '"no wait"');
    // The 10-minute timer outlasts the 3 s timeout: waiting for it would have timed out.
    assert.equal(quick.timedOut, false, quick.logs);
  });

  it('reports a thrown error with errorType, errorMessage and trace', async () => {
    const r = await invoker.invoke(fn(ws.dir, { handler: 'app.fails', logicalId: 'Fails' }), '{}');
    assert.deepEqual(r.functionError, { errorType: 'RangeError', errorMessage: 'out of range' });
    const body = JSON.parse(r.payload);
    assert.match(body.trace[0], /^RangeError: out of range/);
    assert.match(r.logs, /ERROR\tInvoke Error \t\{"errorType":"RangeError"/);
  });

  it('resolves nested exports, ES modules (.mjs and "type": "module")', async () => {
    assert.equal(
      (await invoker.invoke(fn(ws.dir, { handler: 'app.nested.deeper.handler', logicalId: 'Nested' }), '{}')).payload,
      '"nested"',
    );
    const esm = await invoker.invoke(fn(ws.dir, { handler: 'esm/app.handler', logicalId: 'Esm' }), '{"x":2}');
    assert.deepEqual(JSON.parse(esm.payload), { esm: true, event: { x: 2 } });
    assert.equal(
      (await invoker.invoke(fn(path.join(ws.dir, 'typed'), { logicalId: 'Typed' }), '{}')).payload,
      '"type module"',
    );
  });

  it('compiles a TypeScript handler with its imports, and maps stack traces to the .ts source', async () => {
    const tsFn = fn(path.join(ws.dir, 'ts'), { logicalId: 'Ts', workspaceDir: ws.dir });
    const ok = await invoker.invoke(tsFn, '{"name":"ada"}');
    assert.equal(ok.payload, '"ADA!"', ok.logs);
    assert.ok(fs.existsSync(path.join(ws.dir, '.serverless-workbench/build/Ts/app.cjs.map')), 'source map written');
    const failed = await invoker.invoke(tsFn, '{}');
    assert.equal(failed.functionError?.errorMessage, 'no name');
    assert.match(JSON.parse(failed.payload).trace[1], /ts\/app\.ts:4:\d+/, 'frame points into app.ts line 4');
  });

  it('reports handler-not-found, missing modules, syntax errors and init exceptions as Lambda does', async () => {
    const cases: [string, Partial<Parameters<typeof fn>[1]>, string, RegExp][] = [
      ['Missing', { handler: 'app.nothing' }, 'Runtime.HandlerNotFound', /app\.nothing is undefined or not exported/],
      ['NotFn', { handler: 'app.notFunction' }, 'Runtime.HandlerNotFound', /app\.notFunction is not a function/],
      ['NoModule', { handler: 'nowhere.handler' }, 'Runtime.ImportModuleError', /Cannot find module 'nowhere'/],
      ['Syntax', { codeDir: path.join(ws.dir, 'broken') }, 'Runtime.UserCodeSyntaxError', /SyntaxError/],
      ['InitThrow', { codeDir: path.join(ws.dir, 'throwsAtInit') }, 'Error', /config missing/],
    ];
    for (const [logicalId, over, type, message] of cases) {
      const r = await invoker.invoke(fn(ws.dir, { logicalId, ...over }), '{}');
      assert.equal(r.functionError?.errorType, type, `${logicalId}: ${r.logs}`);
      assert.match(r.functionError?.errorMessage ?? '', message);
      assert.match(
        r.logs,
        new RegExp(
          `INIT_REPORT Init Duration: [\\d.]+ ms\\tPhase: init\\tStatus: error Error Type: ${type.replace('.', '\\.')}`,
        ),
      );
      assert.equal(r.cold, true);
    }
  });

  it('keeps the process warm, and starts cold again when the code changes', async () => {
    const f = fn(ws.dir, { logicalId: 'Warm' });
    const first = await invoker.invoke(f, '{}');
    const second = await invoker.invoke(f, '{}');
    assert.equal(first.cold, true);
    assert.ok(first.initDurationMs! > 0);
    assert.equal(second.cold, false);
    assert.equal(second.initDurationMs, undefined);
    assert.doesNotMatch(second.logs, /Init Duration/);
    const file = path.join(ws.dir, 'app.js');
    const later = new Date(Date.now() + 5000);
    fs.utimesSync(file, later, later);
    const third = await invoker.invoke(f, '{}');
    assert.equal(third.cold, true, 'a saved handler means a new environment');
  });
});
