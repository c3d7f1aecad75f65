import { strict as assert } from 'assert';
import * as path from 'path';
import { LocalInvoker } from '../../../src/core/invoke';
import { fn, hasPython, workspace } from './fixtures';

describe('Python runtime client', function () {
  const ws = workspace({
    'pkg/__init__.py': '',
    'pkg/app.py': [
      'import logging, os',
      'logger = logging.getLogger()',
      'def handler(event, context):',
      "    print('printed', event['n'])",
      "    logger.warning('logged')",
      "    return {'n': event['n'] * 2, 'id': context.aws_request_id, 'name': context.function_name,",
      "            'memory': context.memory_limit_in_mb, 'remaining': context.get_remaining_time_in_millis(), " +
        "'region': os.environ['AWS_REGION']}",
      'def fails(event, context):',
      "    raise ValueError('bad value')",
      'def unserialisable(event, context):',
      '    return object()',
    ].join('\n'),
    'imports/app.py': 'import not_installed_module\n',
    'syntax/app.py': 'def handler(event, context)\n    return 1\n',
  });
  const invoker = new LocalInvoker();
  before(function () {
    if (!hasPython) this.skip(); // python3 is needed to run Python functions
  });
  after(async () => {
    await invoker.dispose();
    ws.cleanup();
  });
  const py = (over: Parameters<typeof fn>[1]) =>
    fn(ws.dir, { runtime: 'python3.12', handler: 'pkg/app.handler', ...over });

  it('runs package/module.function with a context, print and logging in the log', async () => {
    const r = await invoker.invoke(py({ logicalId: 'Py' }), '{"n":21}');
    assert.equal(r.functionError, undefined, r.logs);
    const out = JSON.parse(r.payload);
    assert.equal(out.n, 42);
    assert.equal(out.id, r.requestId);
    assert.equal(out.name, 'test-function');
    assert.equal(out.memory, '256');
    assert.equal(out.region, 'eu-west-1');
    assert.ok(out.remaining > 2000 && out.remaining <= 3000);
    assert.match(r.logs, /printed 21/);
    assert.match(r.logs, new RegExp(`\\[WARNING\\]\\t\\S+Z\\t${r.requestId}\\tlogged`));
    const warm = await invoker.invoke(py({ logicalId: 'Py' }), '{"n":1}');
    assert.equal(warm.cold, false);
  });

  it('reports exceptions with errorType, errorMessage, requestId and stackTrace', async () => {
    const r = await invoker.invoke(py({ logicalId: 'PyFails', handler: 'pkg.app.fails' }), '{}');
    assert.deepEqual(r.functionError, { errorType: 'ValueError', errorMessage: 'bad value' });
    const body = JSON.parse(r.payload);
    assert.equal(body.requestId, r.requestId);
    assert.ok(
      body.stackTrace.some((l: string) => l.includes('app.py') && l.includes('fails')),
      body.stackTrace.join(''),
    );
  });

  it('reports import errors, syntax errors, missing handlers and unmarshallable results by Lambda type', async () => {
    const cases: [string, Parameters<typeof fn>[1], string, RegExp][] = [
      [
        'PyImport',
        { codeDir: path.join(ws.dir, 'imports'), handler: 'app.handler' },
        'Runtime.ImportModuleError',
        /Unable to import module 'app': No module named 'not_installed_module'/,
      ],
      [
        'PySyntax',
        { codeDir: path.join(ws.dir, 'syntax'), handler: 'app.handler' },
        'Runtime.UserCodeSyntaxError',
        /Syntax error in module 'app'/,
      ],
      [
        'PyMissing',
        { handler: 'pkg/app.nothing' },
        'Runtime.HandlerNotFound',
        /Handler 'nothing' missing on module 'pkg.app'/,
      ],
      ['PyMarshal', { handler: 'pkg/app.unserialisable' }, 'Runtime.MarshalError', /Unable to marshal response/],
    ];
    for (const [logicalId, over, type, message] of cases) {
      const r = await invoker.invoke(py({ logicalId, ...over }), '{}');
      assert.equal(r.functionError?.errorType, type, `${logicalId}: ${r.logs}`);
      assert.match(r.functionError?.errorMessage ?? '', message);
    }
  });
});

describe('custom runtime (provided.al2023)', () => {
  // A bootstrap that speaks the Runtime API itself, as a Go or Rust binary would.
  const bootstrap = [
    '#!/usr/bin/env node',
    "const http = require('http');",
    "const [host, port] = process.env.AWS_LAMBDA_RUNTIME_API.split(':');",
    'const call = (method, path, body) => new Promise((ok) => { const r = http.request({ host, port, method, ' +
      "path }, (res) => { let b = ''; res.on('data', (c) => b += c); res.on('end', () => ok({ headers: " +
      'res.headers, body: b })); }); r.end(body); });',
    '(async () => { for (;;) {',
    "  const next = await call('GET', '/2018-06-01/runtime/invocation/next');",
    "  const id = next.headers['lambda-runtime-aws-request-id'];",
    "  console.log('bootstrap got', next.body);",
    "  await call('POST', `/2018-06-01/runtime/invocation/${id}/response`, JSON.stringify({ echoed: " +
      'JSON.parse(next.body), handler: process.env._HANDLER }));',
    '} })();',
  ].join('\n');
  const ws = workspace({ bootstrap: bootstrap, 'empty/README': 'no bootstrap here' });
  const invoker = new LocalInvoker();
  after(async () => {
    await invoker.dispose();
    ws.cleanup();
  });

  it('runs the bootstrap from the code folder against the Runtime API', async () => {
    const r = await invoker.invoke(
      fn(ws.dir, { runtime: 'provided.al2023', handler: 'my.handler', logicalId: 'Custom' }),
      '{"q":1}',
    );
    assert.equal(r.functionError, undefined, r.logs);
    assert.deepEqual(JSON.parse(r.payload), { echoed: { q: 1 }, handler: 'my.handler' });
    assert.match(r.logs, /bootstrap got \{"q":1\}/);
    assert.ok(r.maxMemoryUsedMb! > 0, "the bootstrap's memory is measured");
  });

  it('says which bootstrap is missing', async () => {
    const r = await invoker.invoke(
      fn(path.join(ws.dir, 'empty'), { runtime: 'provided.al2', logicalId: 'NoBootstrap' }),
      '{}',
    );
    assert.equal(r.functionError?.errorType, 'Runtime.InvalidEntrypoint');
    assert.match(r.functionError?.errorMessage ?? '', /Couldn't find valid bootstrap\(s\): \[.*empty\/bootstrap\]/);
  });

  it('names the runtimes it can run when given another', async () => {
    const r = await invoker.invoke(fn(ws.dir, { runtime: 'java21', logicalId: 'Java' }), '{}');
    assert.equal(r.functionError?.errorType, 'Runtime.Unsupported');
    assert.match(r.functionError?.errorMessage ?? '', /java21 cannot run locally.*nodejs\*, python\* and provided\*/);
  });
});
