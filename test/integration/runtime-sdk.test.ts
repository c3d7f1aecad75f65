import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { startFakeNpmRegistry, type FakeNpmRegistry } from '../fakes/npm-registry';
import { EXTENSION_ID, workbench } from './workbench';

interface Outcome {
  readonly result: { payload: string; functionError?: { errorType: string; errorMessage: string }; logs: string };
}

/** The variable that moves the per-user runtime SDK cache (src/core/invoke/runtime-sdk/sdk.ts). */
const CACHE_ENV = 'SERVERLESS_WORKBENCH_SDK_CACHE';
const SETTING = 'fetchRuntimeSdk';
/** Clients only the local registry has: one for Invoke, one behind the Local API. */
const FETCHED = '@aws-sdk/client-workbench-fetched';
const SERVED = '@aws-sdk/client-workbench-served';

interface SdkTable {
  readonly sdks: readonly { readonly version: string; readonly imports: readonly string[] }[];
}

describe('runtime SDK in VS Code', function () {
  this.timeout(60000);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-sdk-it-'));
  const cache = path.join(dir, 'cache');
  const saved = process.env[CACHE_ENV];
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  };
  const config = () => vscode.workspace.getConfiguration('serverlessWorkbench.invoke');
  let sdk: SdkTable;
  const v3 = () => sdk.sdks.find((s) => s.imports.includes('@aws-sdk/*'))!.version;

  before(async () => {
    await workbench();
    process.env[CACHE_ENV] = cache;
    write(
      'template.yaml',
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Cached:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { Runtime: nodejs22.x, Handler: cached.handler, CodeUri: src/ }',
        '  Absent:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { Runtime: nodejs22.x, Handler: absent.handler, CodeUri: src/ }',
        '  Fetched:',
        '    Type: AWS::Serverless::Function',
        '    Properties: { Runtime: nodejs22.x, Handler: fetched.handler, CodeUri: src/ }',
        '  Served:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: nodejs22.x',
        '      Handler: served.handler',
        '      CodeUri: src/',
        '      Events: { Get: { Type: HttpApi, Properties: { Path: /served, Method: GET } } }',
      ].join('\n'),
    );
    write(
      'src/cached.mjs',
      "import { from } from '@aws-sdk/client-workbench-it';\nexport const handler = async () => from;\n",
    );
    write('src/absent.mjs', "import '@aws-sdk/client-workbench-absent';\nexport const handler = async () => 1;\n");
    write('src/fetched.mjs', `import { from } from '${FETCHED}';\nexport const handler = async () => from;\n`);
    write(
      'src/served.js',
      `const { from } = require('${SERVED}');\nexports.handler = async () => ({ statusCode: 200, body: from });\n`,
    );
    sdk = JSON.parse(
      fs.readFileSync(
        path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'data', 'lambda-runtime-sdks.json'),
        'utf8',
      ),
    );
    const pkg = path.join(cache, 'nodejs', v3(), 'node_modules', '@aws-sdk', 'client-workbench-it');
    fs.mkdirSync(pkg, { recursive: true });
    fs.writeFileSync(path.join(pkg, 'package.json'), '{"name":"@aws-sdk/client-workbench-it","main":"i.js"}');
    fs.writeFileSync(path.join(pkg, 'i.js'), "exports.from = 'runtime SDK cache';");
    await config().update(SETTING, 'never', vscode.ConfigurationTarget.Global);
  });
  after(async () => {
    await config().update(SETTING, undefined, vscode.ConfigurationTarget.Global);
    if (saved === undefined) delete process.env[CACHE_ENV];
    else process.env[CACHE_ENV] = saved;
    fs.rmSync(dir, { recursive: true, force: true });
  });
  const invoke = (logicalId: string) =>
    vscode.commands.executeCommand<Outcome | undefined>('serverlessWorkbench.invokeFunction', {
      templateUri: vscode.Uri.file(path.join(dir, 'template.yaml')),
      logicalId,
      event: '{}',
    });

  it('an ES module handler imports an SDK client it does not carry from the runtime SDK cache', async () => {
    const outcome = await invoke('Cached');
    assert.ok(outcome, 'the command returned a result');
    assert.equal(outcome.result.payload, '"runtime SDK cache"', outcome.result.logs);
  });

  it('with fetching off, a missing SDK client is an import error and nothing is downloaded', async () => {
    const outcome = await invoke('Absent');
    assert.ok(outcome);
    assert.equal(outcome.result.functionError?.errorType, 'Runtime.ImportModuleError');
    assert.match(outcome.result.functionError!.errorMessage, /@aws-sdk\/client-workbench-absent/);
    assert.equal(fs.existsSync(path.join(cache, 'nodejs', 'package.json')), false);
  });

  /**
   * The consent path with a real npm install from a registry on 127.0.0.1 (never the internet). The modal cannot be
   * answered from a test, so fetching is allowed by the setting ("always"); the question's wording is a unit test
   * (fetchQuestion in test/unit/invoke/runtime-sdk.test.ts).
   */
  describe('fetching from the registry', function () {
    let registry: FakeNpmRegistry;
    const npmVariables = ['npm_config_registry', 'npm_config_cache'] as const;
    const savedNpm = npmVariables.map((name) => process.env[name]);
    before(async () => {
      const published = (name: string) => ({
        name,
        version: v3(),
        files: { 'index.js': `exports.from = 'the local registry';` },
      });
      registry = await startFakeNpmRegistry([published(FETCHED), published(SERVED)]);
      // The extension host runs npm with its own environment: these point it at the fake and a throwaway cache.
      process.env.npm_config_registry = registry.url;
      process.env.npm_config_cache = path.join(dir, 'npm-cache');
      await config().update(SETTING, 'always', vscode.ConfigurationTarget.Global);
    });
    after(async () => {
      await config().update(SETTING, 'never', vscode.ConfigurationTarget.Global);
      npmVariables.forEach((name, i) => {
        if (savedNpm[i] === undefined) delete process.env[name];
        else process.env[name] = savedNpm[i];
      });
      await registry?.close();
    });

    it('Invoke fetches a client the handler lacks into the cache and runs the function again', async () => {
      const outcome = await invoke('Fetched');
      assert.ok(outcome);
      assert.equal(outcome.result.payload, '"the local registry"', outcome.result.logs);
      assert.ok(fs.existsSync(path.join(cache, 'nodejs', v3(), 'node_modules', FETCHED, 'package.json')));
      assert.deepEqual(
        registry.requests.filter((r) => r.includes('fetched')),
        [FETCHED, `tarballs/${FETCHED}-${v3()}.tgz`],
      );
    });

    it('Start Local API serves a route whose handler lacks a client after fetching it, without a restart', async () => {
      const started = await vscode.commands.executeCommand<{ url: string } | undefined>(
        'serverlessWorkbench.startLocalApi',
        { templateUri: vscode.Uri.file(path.join(dir, 'template.yaml')), port: 0 },
      );
      assert.ok(started, 'the command started the API');
      try {
        for (let i = 0; i < 2; i++) {
          const res: Response = await fetch(`${started.url}/served`);
          assert.equal(res.status, 200);
          assert.equal(await res.text(), 'the local registry');
        }
        assert.equal(registry.requests.filter((r) => r === SERVED).length, 1, 'fetched once for both requests');
      } finally {
        await vscode.commands.executeCommand('serverlessWorkbench.stopLocalApi');
      }
    });
  });
});
