import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { nodeCodeFileSystem } from '../../../src/cli/code-fs';
import { CodeFactsTable } from '../../../src/core/code/facts';
import { definesExport } from '../../../src/core/code/handler';
import { measureCode } from '../../../src/core/code/measure';
import { codeQueriesOf } from '../../../src/core/code/targets';
import { lambdaHandlerMissing, lambdaPackageSize } from '../../../src/core/rules/code';
import { load, yaml } from '../helpers';
import { rangeOf, run } from './rule-tester';

describe('code on disk', () => {
  let root: string;
  const write = (relative: string, content: string | Buffer): void => {
    fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
    fs.writeFileSync(path.join(root, relative), content);
  };
  const template = (...fnProps: string[]) =>
    load(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        ...fnProps.map((p) => `      ${p}`),
      ),
      path.join(root, 'template.yaml'),
    );
  const analyse = async (t: ReturnType<typeof template>, rule = lambdaHandlerMissing) => {
    const code = await measureCode(codeQueriesOf(t), nodeCodeFileSystem);
    return run(t, rule, { code }).map((f) => ({ range: rangeOf(t, f), message: f.message, severity: f.severity }));
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-code-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  describe('lambda-handler-missing', () => {
    it('is quiet when the Node.js export exists (ESM, CommonJS) and for Python functions', async () => {
      write('src/app.mjs', 'export const handler = async () => ({});\n');
      write('src/cjs.js', 'exports.main = async () => {};\n');
      write('py/pkg/app.py', 'def handler(event, context):\n    return {}\n');
      assert.deepEqual(await analyse(template('CodeUri: src/', 'Runtime: nodejs22.x', 'Handler: app.handler')), []);
      assert.deepEqual(await analyse(template('CodeUri: src/', 'Runtime: nodejs22.x', 'Handler: cjs.main')), []);
      assert.deepEqual(await analyse(template('CodeUri: py', 'Runtime: python3.12', 'Handler: pkg.app.handler')), []);
    });

    it('reports a missing file on the Handler value, listing what it looked for', async () => {
      write('src/index.js', 'exports.handler = 1;\n');
      assert.deepEqual(await analyse(template('CodeUri: src/', 'Runtime: nodejs22.x', 'Handler: app.handler')), [
        {
          range: '8:16-8:27',
          severity: 'warning',
          message:
            "Function 'Fn': handler 'app.handler' needs one of app.js, app.mjs, app.cjs, app.ts, app.mts in " +
            "'src', and none exists.",
        },
      ]);
    });

    it('reports a missing export, and a missing code folder on CodeUri', async () => {
      write('src/app.py', 'def handle(event, context):\n    pass\n');
      assert.deepEqual(
        (await analyse(template('CodeUri: src/', 'Runtime: python3.12', 'Handler: app.handler'))).map((f) => f.message),
        ["Function 'Fn': 'app.py' does not export 'handler' (handler 'app.handler')."],
      );
      assert.deepEqual(await analyse(template('CodeUri: nowhere/', 'Runtime: python3.12', 'Handler: app.handler')), [
        {
          range: '6:16-6:24',
          severity: 'warning',
          message: "Function 'Fn': the code folder 'nowhere' does not exist.",
        },
      ]);
    });

    it('stays quiet until the code has been measured, and for S3 code and other runtimes', async () => {
      const t = template('CodeUri: src/', 'Runtime: nodejs22.x', 'Handler: app.handler');
      assert.deepEqual(run(t, lambdaHandlerMissing, { code: new CodeFactsTable() }), []);
      assert.deepEqual(
        await analyse(template('CodeUri: s3://bucket/key.zip', 'Runtime: nodejs22.x', 'Handler: app.handler')),
        [],
      );
      assert.deepEqual(await analyse(template('CodeUri: src/', 'Runtime: java21', 'Handler: a.B::handle')), []);
    });

    it('takes a .zip or .jar CodeUri as the package itself, and says when the archive is missing', async () => {
      write('amilookup.zip', Buffer.from('PK\u0003\u0004'));
      assert.deepEqual(
        await analyse(template('CodeUri: amilookup.zip', 'Runtime: nodejs22.x', 'Handler: amilookup.handler')),
        [],
      );
      assert.deepEqual(
        await analyse(template('CodeUri: sample.zip', 'Runtime: python3.12', 'Handler: index.handler')),
        [
          {
            range: '6:16-6:26',
            severity: 'warning',
            message: "Function 'Fn': the code archive 'sample.zip' does not exist.",
          },
        ],
      );
    });

    it('takes a single-file CodeUri as the whole package: the handler must name that file', async () => {
      write('src/index.js', 'exports.handler = async () => ({});\n');
      assert.deepEqual(
        await analyse(template('CodeUri: src/index.js', 'Runtime: nodejs22.x', 'Handler: index.handler')),
        [],
      );
      assert.deepEqual(await analyse(template('CodeUri: src/index.js', 'Runtime: nodejs22.x', 'Handler: index.main')), [
        {
          range: '8:16-8:26',
          severity: 'warning',
          message: "Function 'Fn': 'index.js' does not export 'main' (handler 'index.main').",
        },
      ]);
      assert.deepEqual(
        await analyse(template('CodeUri: src/index.js', 'Runtime: nodejs22.x', 'Handler: app.handler')),
        [
          {
            range: '8:16-8:27',
            severity: 'warning',
            message:
              "Function 'Fn': the code is the single file 'src/index.js', the only file in the package, but " +
              "handler 'app.handler' needs one of app.js, app.mjs, app.cjs, app.ts, app.mts.",
          },
        ],
      );
    });

    it(
      'does not check functions the Lambda Web Adapter starts ' + '(run.sh with AWS_LAMBDA_EXEC_WRAPPER, or its layer)',
      async () => {
        write('app/run.sh', '#!/bin/bash\nexec python -m uvicorn main:app --port=$PORT\n');
        const webAdapter = ['CodeUri: app/', 'Handler: run.sh', 'Runtime: python3.9'];
        assert.deepEqual(
          await analyse(
            template(
              ...webAdapter,
              'Environment:',
              '  Variables:',
              '    AWS_LAMBDA_EXEC_WRAPPER: /opt/bootstrap',
              '    PORT: 8000',
            ),
          ),
          [],
        );
        assert.deepEqual(
          await analyse(
            template(
              ...webAdapter,
              'Layers:',
              '  - !Sub arn:aws:lambda:${AWS::Region}:753240598075:layer:LambdaAdapterLayerX86:16',
            ),
          ),
          [],
        );
        assert.equal(
          (await analyse(template(...webAdapter))).length,
          1,
          'without the adapter, run.sh names module run, export sh',
        );
      },
    );

    it('checks Serverless Framework handlers against the service folder', async function () {
      write('src/handler.mjs', 'export const hello = async () => ({});\n');
      const service = load(
        yaml(
          'service: demo',
          'provider:',
          '  name: aws',
          '  runtime: nodejs22.x',
          'functions:',
          '  hello:',
          '    handler: src/handler.hello',
          '  missing:',
          '    handler: src/nope.run',
        ),
        path.join(root, 'serverless.yml'),
      );
      if (service.functions.length === 0) this.skip();
      assert.deepEqual(await analyse(service), [
        {
          range: '9:14-9:26',
          severity: 'warning',
          message:
            "Function 'missing': handler 'src/nope.run' needs one of src/nope.js, src/nope.mjs, src/nope.cjs, " +
            "src/nope.ts, src/nope.mts in '.', and none exists.",
        },
      ]);
    });

    it('does not judge files whose exports are built at run time', () => {
      assert.equal(definesExport('module.exports = makeHandlers();', 'handler', 'node'), true);
      assert.equal(definesExport('export { run as handler };', 'handler', 'node'), true);
      assert.equal(definesExport('export async function other() {}', 'handler', 'node'), false);
      assert.equal(definesExport('async def handler(event, context):', 'handler', 'python'), true);
    });
  });

  describe('lambda-package-size', () => {
    it('warns from 80% of 250 MB and errors above it, on CodeUri', async () => {
      const t = template('CodeUri: src/', 'Runtime: nodejs22.x', 'Handler: app.handler');
      const dir = path.join(root, 'src');
      const facts = (bytes: number) => {
        const table = new CodeFactsTable();
        table.packages.set(dir, { unzippedBytes: bytes, truncated: false });
        return table;
      };
      const mb = 1024 * 1024;
      assert.deepEqual(run(t, lambdaPackageSize, { code: facts(199 * mb) }), []);
      const near = run(t, lambdaPackageSize, { code: facts(210 * mb) });
      assert.deepEqual(
        near.map((f) => [rangeOf(t, f), f.severity, f.message]),
        [
          [
            '6:16-6:20',
            'warning',
            "Function 'Fn': the code in 'src' is 210.0 MB unzipped, 84% of Lambda's 250.0 MB limit.",
          ],
        ],
      );
      const over = run(t, lambdaPackageSize, { code: facts(300 * mb) });
      assert.deepEqual(
        over.map((f) => f.severity),
        ['error'],
      );
    });

    it('measures a real folder, zipping it only when it could pass 50 MB', async () => {
      write('src/app.js', 'exports.handler = 1;\n');
      write('src/data.bin', Buffer.alloc(1000, 1));
      const t = template('CodeUri: src/', 'Runtime: nodejs22.x', 'Handler: app.handler');
      const code = await measureCode(codeQueriesOf(t), nodeCodeFileSystem);
      assert.deepEqual(code.packageSize(path.join(root, 'src')), { unzippedBytes: 1021, truncated: false });
    });
  });
});
