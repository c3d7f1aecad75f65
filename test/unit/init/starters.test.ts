import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as http from 'http';
import type { AddressInfo } from 'net';
import * as path from 'path';
import { readTemplate } from '../../../src/cli/io';
import { nodeCodeFileSystem, readSourceText } from '../../../src/cli/code-fs';
import { cliSchemaCatalog } from '../../../src/cli/schema-data';
import { measureCode } from '../../../src/core/code/measure';
import { codeQueriesOf } from '../../../src/core/code/targets';
import { EMPTY_USAGE, estimateCost } from '../../../src/core/cost';
import { FRAMEWORKS, LANGUAGES, STARTERS } from '../../../src/core/init';
import type { Framework, Language, StarterChoice, StarterId } from '../../../src/core/init';
import { LocalInvoker, loadTarget, pythonCommand } from '../../../src/core/invoke';
import { gatherPermissionInputs } from '../../../src/core/permissions';
import { analyzeTemplate } from '../../../src/core/rules';
import { generate } from './helpers';

const TODAY = '2026-12-02';
const REPO_NODE_MODULES = path.resolve(__dirname, '../../../node_modules');

/**
 * Infos a new project may carry, each for a reason: the starter's HTTP API is open so that it can be tried with curl
 * at once, and the info is the reminder to add an authorizer before it holds real data.
 */
const ACCEPTED_INFOS = new Set(['api-no-auth']);

/** Resource types that cost nothing by themselves, with why; every other resource must have a price. */
const FREE_TYPES: Readonly<Record<string, string>> = {
  'AWS::IAM::Role': 'IAM is free',
  'AWS::Lambda::Permission': 'a resource policy statement',
  'AWS::Lambda::EventSourceMapping': 'polling is part of the function price',
  'AWS::Lambda::Version': 'a published version is billed as the function',
  'AWS::ApiGatewayV2::Stage': 'HTTP APIs are billed per request on the API',
  'AWS::ApiGatewayV2::Route': 'HTTP APIs are billed per request on the API',
  'AWS::ApiGatewayV2::Integration': 'HTTP APIs are billed per request on the API',
  'AWS::Events::Rule': 'scheduled rules are free',
  'AWS::S3::BucketPolicy': 'a bucket policy is free',
  'AWS::Logs::LogGroup': "log ingestion is priced with the function that writes (usage 'logKbPerInvocation')",
};
/** Default usage is a million requests a month per entry point; a starter then costs a few dollars, not tens. */
const SANE_MONTHLY_USD = 10;

/** What each starter's functions answer to their sample event, by handler. */
const EXPECTED: Readonly<Record<string, (payload: unknown, dynamo: DynamoCalls) => void>> = {
  'items.handler': (payload, dynamo) => {
    const response = payload as { statusCode: number; body: string };
    assert.equal(response.statusCode, 201);
    const item = JSON.parse(response.body) as { id: string; name: string };
    assert.equal(item.name, 'first item');
    assert.deepEqual(
      dynamo.map((c) => [c.operation, c.body.Item?.name]),
      [['PutItem', { S: 'first item' }]],
    );
  },
  'worker.handler': (payload) =>
    assert.deepEqual(payload, { batchItemFailures: [{ itemIdentifier: '2e1424d4-f796-459a-8184-9c92662be6da' }] }),
  'job.handler': (payload) =>
    assert.deepEqual(payload, { from: '2026-12-01T11:00:00.000Z', to: '2026-12-01T12:00:00.000Z' }),
  'steps.validateOrder': (payload) =>
    assert.deepEqual(payload, {
      orderId: 'o-1',
      items: [
        { sku: 'book', quantity: 2, unitPriceCents: 1250 },
        { sku: 'pen', quantity: 3, unitPriceCents: 199 },
      ],
    }),
  'steps.priceOrder': (payload) => assert.deepEqual(payload, { orderId: 'o-1', totalCents: 3097 }),
  'uploads.handler': (payload) =>
    assert.deepEqual(payload, {
      processed: [{ bucket: 'my-app-uploads', key: 'uploads/holiday photo.jpg', sizeBytes: 1024, kind: 'image' }],
    }),
};

type DynamoCalls = { operation: string; body: { TableName?: string; Item?: Record<string, unknown> } }[];

/** A DynamoDB endpoint on loopback that answers PutItem and GetItem (JSON 1.0 protocol) and records the calls. */
async function fakeDynamo(): Promise<{ url: string; calls: DynamoCalls; close: () => void }> {
  const calls: DynamoCalls = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (chunk) => (text += chunk));
    req.on('end', () => {
      const operation = String(req.headers['x-amz-target']).split('.')[1];
      calls.push({ operation, body: JSON.parse(text) });
      res.writeHead(200, { 'content-type': 'application/x-amz-json-1.0' }).end('{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, calls, close: () => server.close() };
}

const python = pythonCommand('python3');
const pythonHasBoto3 = python !== undefined && spawnSync(python, ['-c', 'import boto3']).status === 0;

describe('new projects: each framework × language × starter lints clean, costs something and runs', function () {
  this.timeout(120_000);
  const invoker = new LocalInvoker();
  const saved = { ...process.env };
  let dynamo: Awaited<ReturnType<typeof fakeDynamo>>;
  before(async () => {
    dynamo = await fakeDynamo();
    // The functions' SDK calls go to the fake endpoint with made-up credentials (passed through to functions).
    Object.assign(process.env, {
      AWS_ENDPOINT_URL: dynamo.url,
      AWS_ACCESS_KEY_ID: 'AKIDSTARTERTEST',
      AWS_SECRET_ACCESS_KEY: 'starter-secret',
    });
    delete process.env.AWS_PROFILE;
  });
  after(async () => {
    await invoker.dispose();
    dynamo.close();
    process.env = saved;
  });

  for (const framework of FRAMEWORKS.map((f) => f.id))
    for (const language of LANGUAGES.map((l) => l.id))
      for (const starter of STARTERS)
        it(`${framework} · ${language} · ${starter.id}`, () => checkProject(framework, language, starter));

  async function checkProject(framework: Framework, language: Language, starter: StarterChoice): Promise<void> {
    const { dir, plan } = generate({ framework, language, starter: starter.id, name: 'my-app', today: TODAY });
    try {
      const templateFile = path.join(dir, plan.template);
      const { template } = readTemplate(templateFile, {}, (warning) => assert.fail(warning));

      const code = await measureCode(codeQueriesOf(template), nodeCodeFileSystem);
      const permissions = await gatherPermissionInputs(template, readSourceText);
      const lint = analyzeTemplate(template, { today: TODAY, code, schemas: cliSchemaCatalog(), permissions });
      assert.deepEqual(lint.crashes, []);
      const unexpected = lint.findings.filter((f) => f.severity !== 'info' || !ACCEPTED_INFOS.has(f.ruleId));
      assert.deepEqual(
        unexpected.map((f) => `${f.severity} ${f.ruleId}: ${f.message}`),
        [],
      );

      const cost = estimateCost(template, EMPTY_USAGE);
      assert.ok(cost.totalMonthlyUsd > 0 && cost.totalMonthlyUsd < SANE_MONTHLY_USD, `total ${cost.totalMonthlyUsd}`);
      const priced = new Set(cost.resources.map((r) => r.logicalId));
      const unpriced = template.resources.filter((r) => !priced.has(r.logicalId) && !FREE_TYPES[r.type]);
      assert.deepEqual(
        unpriced.map((r) => `${r.logicalId} (${r.type})`),
        [],
      );

      for (const fn of starter.functions) await invokeWithSampleEvent(dir, templateFile, framework, language, fn);
      // The handlers and their tests are the same whatever the framework: run them once.
      if (framework === 'sam') runProjectTests(dir, language, starter.id);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }

  async function invokeWithSampleEvent(
    dir: string,
    templateFile: string,
    framework: Framework,
    language: Language,
    fn: StarterChoice['functions'][number],
  ): Promise<void> {
    if (language === 'python' && fn.handler === 'items.handler' && !pythonHasBoto3) {
      console.log(`      (skipped invoking ${fn.logicalId}: ${python ?? 'python3'} has no boto3)`);
      return;
    }
    const target = loadTarget(templateFile, framework === 'sam' ? fn.logicalId : fn.serverlessKey);
    assert.ok(target.ok, target.ok ? '' : target.message);
    dynamo.calls.length = 0;
    const event = fs.readFileSync(path.join(dir, 'events', fn.event), 'utf8');
    const result = await invoker.invoke(target.fn, event);
    assert.equal(result.functionError, undefined, `${result.payload}\n${result.logs}`);
    EXPECTED[fn.handler](JSON.parse(result.payload), dynamo.calls);
    if (fn.handler === 'items.handler') assert.equal(dynamo.calls[0].body.TableName, target.fn.environment.TABLE_NAME);
  }
});

/**
 * The project's own unit tests pass: `node --test` for JavaScript (the AWS SDK from this repository standing in for
 * `npm install`), unittest for Python. TypeScript's need Node.js 23.6 to run .ts files, newer than this one.
 */
function runProjectTests(dir: string, language: Language, starter: StarterId): void {
  const run =
    language === 'node'
      ? spawnSync(process.execPath, ['--test'], { cwd: dir, env: { ...process.env, NODE_PATH: REPO_NODE_MODULES } })
      : language === 'python' && python
        ? spawnSync(python, ['-m', 'unittest', 'discover', '-s', 'tests'], { cwd: dir })
        : undefined;
  if (run) assert.equal(run.status, 0, `${starter}'s tests:\n${run.stdout}\n${run.stderr}`);
}
