import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import * as vscode from 'vscode';
import { EXTENSION_ID, workbench } from './workbench';

interface Outcome {
  readonly result: { payload: string; functionError?: { errorType: string; errorMessage: string }; logs: string };
}

/** The variable that moves the per-user runtime SDK cache (src/core/invoke/runtime-sdk/sdk.ts). */
const CACHE_ENV = 'SERVERLESS_WORKBENCH_SDK_CACHE';
const SETTING = 'fetchRuntimeSdk';

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
      ].join('\n'),
    );
    write(
      'src/cached.mjs',
      "import { from } from '@aws-sdk/client-workbench-it';\nexport const handler = async () => from;\n",
    );
    write('src/absent.mjs', "import '@aws-sdk/client-workbench-absent';\nexport const handler = async () => 1;\n");
    const sdk = JSON.parse(
      fs.readFileSync(
        path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'data', 'lambda-runtime-sdks.json'),
        'utf8',
      ),
    );
    const pkg = path.join(cache, 'nodejs', sdk.sdks.nodejs.version, 'node_modules', '@aws-sdk', 'client-workbench-it');
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
});
