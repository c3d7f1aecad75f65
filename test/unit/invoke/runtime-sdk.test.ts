import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { findPython, LocalInvoker } from '../../../src/core/invoke';
import {
  ensureRuntimeSdk,
  fetchQuestion,
  invokeWithRuntimeSdk,
  missingSdkPackage,
  packageSpec,
  sdkNotInRuntime,
  runtimeSdkModules,
  runtimeSdkOf,
  RUNTIME_SDK_CACHE_ENV,
  type SdkFetch,
  type SdkInstaller,
} from '../../../src/core/invoke/runtime-sdk';
import { startFakeNpmRegistry, type FakeNpmRegistry } from '../../fakes/npm-registry';
import { fn, hasPython, workspace } from './fixtures';

/** A package no real SDK has, so neither the extension's own node_modules nor a global one can answer for it. */
const FAKE_CLIENT = '@aws-sdk/client-workbench-test';

/** A package neither the function nor the cache has until it is fetched. */
const ABSENT_CLIENT = '@aws-sdk/client-workbench-absent';

/** A tiny stand-in for an SDK client package, CommonJS (so both require and import can load it). */
function fakeClient(modulesDir: string, name: string, from: string): void {
  const dir = path.join(modulesDir, name);
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'package.json'), JSON.stringify({ name, version: '3.0.0', main: 'index.js' }));
  fs.writeFileSync(path.join(dir, 'index.js'), `exports.from = ${JSON.stringify(from)};`);
}

/** An installer that writes the fake packages it is asked for, and records what it was asked. */
function fakeInstaller(asked: SdkFetch[]): SdkInstaller {
  return async (fetch) => {
    asked.push(fetch);
    for (const pkg of fetch.packages) fakeClient(path.join(fetch.dir, 'node_modules'), pkg, 'fetched');
  };
}

describe('Runtime SDK: what Lambda runtimes provide, from the per-user cache', function () {
  const cache = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-sdk-cache-'));
  const sdk = runtimeSdkOf('nodejs22.x')!;
  const env = { [RUNTIME_SDK_CACHE_ENV]: cache };
  const modules = runtimeSdkModules(sdk, env);
  const ws = workspace({
    'own/app.js': `const c = require('${FAKE_CLIENT}'); exports.handler = async () => c.from;`,
    'own/node_modules/@aws-sdk/client-workbench-test/package.json': JSON.stringify({ name: FAKE_CLIENT, main: 'i.js' }),
    'own/node_modules/@aws-sdk/client-workbench-test/i.js': `exports.from = 'function';`,
    'cjs/app.js': `const c = require('${FAKE_CLIENT}'); exports.handler = async () => c.from;`,
    'esm/app.mjs': `import { from } from '${FAKE_CLIENT}'; export const handler = async () => from;`,
    'missing/app.mjs': `import { from } from '${ABSENT_CLIENT}'; export const handler = async () => from;`,
  });
  const invoker = new LocalInvoker();
  const saved = process.env[RUNTIME_SDK_CACHE_ENV];
  before(() => {
    process.env[RUNTIME_SDK_CACHE_ENV] = cache;
    fakeClient(modules, FAKE_CLIENT, 'runtime cache');
  });
  after(async () => {
    if (saved === undefined) delete process.env[RUNTIME_SDK_CACHE_ENV];
    else process.env[RUNTIME_SDK_CACHE_ENV] = saved;
    await invoker.dispose();
    ws.cleanup();
    fs.rmSync(cache, { recursive: true, force: true });
  });
  const node = (dir: string, logicalId: string) =>
    fn(path.join(ws.dir, dir), { logicalId, workspaceDir: ws.dir, handler: 'app.handler' });

  it('keeps the cache per SDK version under the override folder', () => {
    assert.equal(modules, path.join(cache, 'nodejs', sdk.version, 'node_modules'));
    // Node.js 16 and earlier include v2, in a folder of its own: the two never share (or prune) packages.
    const v2 = runtimeSdkOf('nodejs16.x')!;
    assert.equal(v2.name, 'AWS SDK for JavaScript v2');
    assert.equal(runtimeSdkModules(v2, env), path.join(cache, 'nodejs', '2.x', 'node_modules'));
    assert.notEqual(runtimeSdkModules(v2, env), modules);
    assert.equal(runtimeSdkOf('python3.12')?.family, 'python');
    assert.equal(runtimeSdkOf('java21'), undefined);
    assert.equal(packageSpec(sdk, '@aws-sdk/client-s3'), `@aws-sdk/client-s3@<=${sdk.version}`);
    assert.equal(packageSpec(v2, 'aws-sdk'), 'aws-sdk@2');
    assert.equal(packageSpec(runtimeSdkOf('python3.12')!, 'boto3'), 'boto3>=1,<2');
  });

  it("lets the function's own node_modules win over the cache", async () => {
    const r = await invoker.invoke(node('own', 'Own'), '{}');
    assert.equal(r.payload, '"function"', r.logs);
  });

  it('finds a package the function lacks in the cache, from CommonJS and from an ES module handler', async () => {
    const cjs = await invoker.invoke(node('cjs', 'Cjs'), '{}');
    assert.equal(cjs.payload, '"runtime cache"', cjs.logs);
    const esm = await invoker.invoke(node('esm', 'Esm'), '{}');
    assert.equal(esm.payload, '"runtime cache"', esm.logs);
  });

  it('recognises an import error for a runtime-provided package, and only that', () => {
    const importError = (errorMessage: string) => ({ errorType: 'Runtime.ImportModuleError', errorMessage });
    assert.equal(
      missingSdkPackage(
        'nodejs20.x',
        importError("Error: Cannot find package '@aws-sdk/client-s3' imported from /x/app.mjs"),
      ),
      '@aws-sdk/client-s3',
    );
    assert.equal(
      missingSdkPackage('nodejs20.x', importError("Error: Cannot find module '@aws-sdk/lib-dynamodb/dist-cjs/x'")),
      '@aws-sdk/lib-dynamodb',
    );
    assert.equal(missingSdkPackage('nodejs20.x', importError("Error: Cannot find module 'lodash'")), undefined);
    assert.equal(
      missingSdkPackage('nodejs16.x', importError("Error: Cannot find module '@aws-sdk/client-s3'")),
      undefined,
    );
    assert.equal(missingSdkPackage('nodejs16.x', importError("Error: Cannot find module 'aws-sdk'")), 'aws-sdk');
    assert.equal(
      missingSdkPackage('nodejs16.x', importError("Error: Cannot find module 'aws-sdk/clients/s3'")),
      'aws-sdk',
    );
    assert.equal(missingSdkPackage('nodejs20.x', importError("Error: Cannot find module 'aws-sdk'")), undefined);
    assert.equal(
      missingSdkPackage('python3.12', importError("Unable to import module 'app': No module named 'boto3'")),
      'boto3',
    );
    assert.equal(
      missingSdkPackage('python3.12', importError("Unable to import module 'app': No module named 'botocore.session'")),
      'boto3',
    );
    assert.equal(
      missingSdkPackage('python3.12', importError("Unable to import module 'app': No module named 'requests'")),
      undefined,
    );
  });

  it('asks before fetching, fetches into the cache, and runs the function again', async () => {
    const asked: SdkFetch[] = [];
    const consents: string[] = [];
    const progress: string[] = [];
    const f = node('missing', 'Missing');
    const outcome = await invokeWithRuntimeSdk(f, () => invoker.invoke(f, '{}'), {
      consent: async (fetch) => (consents.push(fetch.packages.join()), true),
      withProgress: async (m, download) => {
        progress.push(m);
        await download();
        progress.push('done');
      },
      installer: fakeInstaller(asked),
      env,
    });
    assert.equal(outcome.result.payload, '"fetched"', outcome.result.logs);
    assert.deepEqual(outcome.fetched, ['@aws-sdk/client-workbench-absent']);
    assert.equal(outcome.sdkMessage, undefined);
    assert.deepEqual(consents, ['@aws-sdk/client-workbench-absent']);
    assert.equal(asked.length, 1);
    assert.equal(asked[0].dir, path.join(cache, 'nodejs', sdk.version));
    assert.deepEqual(progress, [
      `Fetching @aws-sdk/client-workbench-absent (AWS SDK for JavaScript v3 ${sdk.version}) from npm`,
      'done',
    ]);
    // Present now: no question, no install.
    const again = await ensureRuntimeSdk('nodejs22.x', ['@aws-sdk/client-workbench-absent'], {
      consent: async () => assert.fail('asked again'),
      installer: async () => assert.fail('installed again'),
      codeDir: f.codeDir,
      env,
    });
    assert.deepEqual(again, { ok: true, modules, fetched: [] });
  });

  it('serves aws-sdk (v2) from its own cache folder to a Node.js 16 handler, after asking', async () => {
    const f = fn(path.join(ws.dir, 'v2'), { logicalId: 'V2', runtime: 'nodejs16.x', handler: 'app.handler' });
    fs.mkdirSync(f.codeDir, { recursive: true });
    fs.writeFileSync(
      path.join(f.codeDir, 'app.js'),
      "const AWS = require('aws-sdk');\nexports.handler = async () => AWS.from;\n",
    );
    const asked: SdkFetch[] = [];
    const outcome = await invokeWithRuntimeSdk(f, () => invoker.invoke(f, '{}'), {
      consent: async () => true,
      installer: fakeInstaller(asked),
      env,
    });
    assert.equal(outcome.result.payload, '"fetched"', outcome.result.logs);
    assert.deepEqual(outcome.fetched, ['aws-sdk']);
    assert.deepEqual(
      asked.map((a) => [a.dir, a.sdk.name]),
      [[path.join(cache, 'nodejs', '2.x'), 'AWS SDK for JavaScript v2']],
    );
  });

  it('does not fetch v3 clients for Node.js 16, which Lambda includes only from Node.js 18', async () => {
    const codeDir = path.join(ws.dir, 'v3-on-16');
    fs.mkdirSync(codeDir, { recursive: true });
    fs.writeFileSync(
      path.join(codeDir, 'app.js'),
      "const { S3Client } = require('@aws-sdk/client-s3');\nexports.handler = async () => 1;\n",
    );
    const f = fn(codeDir, { logicalId: 'V3On16', runtime: 'nodejs16.x', handler: 'app.handler' });
    const outcome = await invokeWithRuntimeSdk(f, () => invoker.invoke(f, '{}'), {
      consent: async () => assert.fail('asked to fetch an SDK Lambda does not include'),
      installer: async () => assert.fail('installed'),
      env,
    });
    assert.equal(outcome.result.functionError?.errorType, 'Runtime.ImportModuleError', outcome.result.logs);
    assert.equal(
      outcome.sdkMessage,
      '@aws-sdk/client-s3 (AWS SDK for JavaScript v3) is not part of the nodejs16.x runtime in Lambda, which ' +
        'includes AWS SDK for JavaScript v2 (aws-sdk): the function fails there the same way. Install it in the ' +
        `function's folder (cd ${codeDir} && npm install @aws-sdk/client-s3), or use AWS SDK for JavaScript v2.`,
    );
    assert.deepEqual(outcome.fetched, []);
  });

  it('says Lambda lacks aws-sdk (v2) on Node.js 18 and later rather than fetching it', () => {
    const error = { errorType: 'Runtime.ImportModuleError', errorMessage: "Error: Cannot find module 'aws-sdk'" };
    assert.equal(missingSdkPackage('nodejs20.x', error), undefined);
    assert.equal(
      sdkNotInRuntime('nodejs20.x', error, '/work/fn'),
      'aws-sdk (AWS SDK for JavaScript v2) is not part of the nodejs20.x runtime in Lambda, which includes AWS ' +
        'SDK for JavaScript v3 (@aws-sdk/*): the function fails there the same way. Install it in the ' +
        "function's folder (cd /work/fn && npm install aws-sdk), or use AWS SDK for JavaScript v3.",
    );
    assert.equal(
      sdkNotInRuntime('nodejs20.x', { ...error, errorMessage: "Cannot find module 'lodash'" }, '/'),
      undefined,
    );
    assert.equal(sdkNotInRuntime('python3.12', { ...error, errorMessage: "No module named 'boto3'" }, '/'), undefined);
  });

  it('keeps data/lambda-runtime-sdks.json whole: one SDK per Node.js and Python runtime and version', () => {
    const check = spawnSync(process.execPath, [path.resolve(__dirname, '../../../scripts/update-runtime-sdks.mjs')], {
      encoding: 'utf8',
    });
    assert.equal(check.status, 0, check.stderr);
    for (const runtime of ['nodejs', 'nodejs10.x', 'nodejs16.x', 'nodejs18.x', 'nodejs24.x', 'python2.7', 'python3.14'])
      assert.ok(runtimeSdkOf(runtime), runtime);
  });

  it("asks the editor's consent question naming the packages, the SDK version, the registry and the folder", () => {
    const dir = path.join(cache, 'nodejs', sdk.version);
    assert.equal(
      fetchQuestion({ runtime: 'nodejs22.x', sdk, packages: ['@aws-sdk/client-s3'], dir }),
      '@aws-sdk/client-s3 is part of the nodejs22.x runtime in Lambda, not of the function. Fetch AWS SDK for ' +
        `JavaScript v3 ${sdk.version} packages from npm into ${dir} (shared by all your workspaces) and run the ` +
        'function again?',
    );
  });

  it('says what to install when the user declines', async () => {
    const codeDir = path.join(ws.dir, 'declined');
    const outcome = await ensureRuntimeSdk('nodejs22.x', ['@aws-sdk/client-declined'], {
      consent: async () => false,
      installer: async () => assert.fail('installed without consent'),
      howToAllow: 'run again with --fetch-sdk',
      codeDir,
      env,
    });
    assert.deepEqual(outcome, {
      ok: false,
      message:
        '@aws-sdk/client-declined is part of the nodejs22.x runtime in Lambda (AWS SDK for JavaScript v3) and not ' +
        `installed here: run again with --fetch-sdk, or install it in the function's folder (cd ${codeDir} && npm ` +
        'install @aws-sdk/client-declined).',
    });
  });

  it('says what to install when the registry cannot be reached', async () => {
    const outcome = await ensureRuntimeSdk('nodejs22.x', ['@aws-sdk/client-offline'], {
      consent: async () => true,
      installer: async () => {
        throw new Error('npm exited with 1: npm error code ENOTFOUND');
      },
      codeDir: '/work/fn',
      env,
    });
    assert.deepEqual(outcome, {
      ok: false,
      message:
        '@aws-sdk/client-offline is part of the nodejs22.x runtime in Lambda (AWS SDK for JavaScript v3), and it ' +
        'could not be fetched from npm (npm exited with 1: npm error code ENOTFOUND): install it in the ' +
        "function's folder (cd /work/fn && npm install @aws-sdk/client-offline).",
    });
    assert.equal(fs.existsSync(`${path.join(cache, 'nodejs', sdk.version)}.lock`), false, 'the lock is released');
  });

  it('runs one install at a time per cache folder', async () => {
    let running = 0;
    let most = 0;
    const installer: SdkInstaller = async (fetch) => {
      most = Math.max(most, ++running);
      await new Promise((r) => setTimeout(r, 50));
      for (const pkg of fetch.packages) fakeClient(path.join(fetch.dir, 'node_modules'), pkg, 'fetched');
      running--;
    };
    const both = await Promise.all(
      ['@aws-sdk/client-one', '@aws-sdk/client-two'].map((pkg) =>
        ensureRuntimeSdk('nodejs22.x', [pkg], { consent: async () => true, installer, codeDir: ws.dir, env }),
      ),
    );
    assert.deepEqual(
      both.map((o) => o.ok),
      [true, true],
    );
    assert.equal(most, 1);
  });

  describe('Python', function () {
    const pyCache = path.join(cache, 'python', runtimeSdkOf('python3.12')!.version, 'site-packages');
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, text);
    };
    before(function () {
      if (!hasPython) this.skip(); // python3 is needed to run Python functions
      write(path.join(pyCache, 'boto3', '__init__.py'), 'FROM = "runtime cache"\n');
      write(path.join(pyCache, 'workbench_sdk_probe.py'), 'FROM = "runtime cache"\n');
      write(path.join(ws.dir, 'pyown', 'boto3', '__init__.py'), 'FROM = "function"\n');
      for (const dir of ['pyown', 'pycache'])
        write(
          path.join(ws.dir, dir, 'app.py'),
          'import boto3, workbench_sdk_probe\n' +
            'def handler(e, c):\n' +
            '    return [getattr(boto3, "FROM", "interpreter"), workbench_sdk_probe.FROM]\n',
        );
    });
    const py = (dir: string, logicalId: string) =>
      fn(path.join(ws.dir, dir), { logicalId, runtime: 'python3.12', handler: 'app.handler', workspaceDir: ws.dir });

    it("imports from the function's folder first, then the interpreter's own packages, then the cache", async () => {
      const own = await invoker.invoke(py('pyown', 'PyOwn'), '{}');
      assert.deepEqual(JSON.parse(own.payload), ['function', 'runtime cache'], own.logs);
      const cached = await invoker.invoke(py('pycache', 'PyCache'), '{}');
      // A boto3 installed for the interpreter (a virtual environment's site-packages) is the function's own too.
      const installed = spawnSync(findPython('python3.12')!.command, ['-c', 'import boto3']).status === 0;
      assert.deepEqual(JSON.parse(cached.payload), [installed ? 'interpreter' : 'runtime cache', 'runtime cache']);
    });
  });

  describe('a real npm install from a local registry', function () {
    this.timeout(120_000);
    const client = '@aws-sdk/client-workbench-npm';
    let registry: FakeNpmRegistry;
    const npmEnv = { npm_config_registry: '', npm_config_cache: path.join(cache, 'npm-cache') };
    const savedNpm = Object.fromEntries(Object.keys(npmEnv).map((k) => [k, process.env[k]]));
    before(async function () {
      if (spawnSync('npm', ['--version']).status !== 0) this.skip(); // the installer runs npm
      const published = (version: string) => ({
        name: client,
        version,
        files: { 'index.js': `exports.version = ${JSON.stringify(version)};` },
      });
      // One release at the runtime's SDK version's minor less one, one newer than the runtime has.
      const [major, minor] = sdk.version.split('.').map(Number);
      registry = await startFakeNpmRegistry([
        published(`${major}.${minor - 1}.0`),
        published(`${major}.${minor + 1}.0`),
      ]);
      Object.assign(process.env, { ...npmEnv, npm_config_registry: registry.url });
    });
    after(async () => {
      for (const [k, v] of Object.entries(savedNpm)) {
        if (v === undefined) delete process.env[k];
        else process.env[k] = v;
      }
      await registry?.close();
    });

    it('installs the newest release not newer than the runtime SDK version, and a handler imports it', async () => {
      const f = fn(ws.dir, { logicalId: 'RealNpm', handler: 'real.handler' });
      fs.writeFileSync(
        path.join(ws.dir, 'real.js'),
        `const { version } = require('${client}');\nexports.handler = async () => version;\n`,
      );
      const outcome = await invokeWithRuntimeSdk(f, () => invoker.invoke(f, '{}'), { consent: async () => true, env });
      const [major, minor] = sdk.version.split('.').map(Number);
      assert.equal(outcome.sdkMessage, undefined);
      assert.equal(outcome.result.payload, JSON.stringify(`${major}.${minor - 1}.0`), outcome.result.logs);
      assert.deepEqual(outcome.fetched, [client]);
      assert.deepEqual(registry.requests, [client, `tarballs/${client}-${major}.${minor - 1}.0.tgz`]);
    });
  });
});
