import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function cli(...args: string[]): { code: number | null; stdout: string; stderr: string } {
  return cliWithEnv({}, ...args);
}

function cliWithEnv(
  env: Record<string, string>,
  ...args: string[]
): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('serverless-workbench tree', function () {
  before(function () {
    if (!fs.existsSync(CLI)) this.skip(); // `npm test` builds first; a bare `mocha` run may not have dist/
  });

  it('prints the explorer tree of the example', () => {
    const r = cli('tree', 'examples/sam-app/template.yaml');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /├─ Functions {2}\(3\)/);
    assert.match(r.stdout, /ReportFunction {2}\(python3\.12 · 1024 MB · 10 s\)/);
  });

  it('prints every resource as JSON with kind and 1-based range', () => {
    const r = cli('tree', 'examples/sam-app/template.yaml', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    const table = json.resources.find((x: { logicalId: string }) => x.logicalId === 'OrdersTable');
    const lines = fs.readFileSync(path.join(ROOT, 'examples/sam-app/template.yaml'), 'utf8').split('\n');
    assert.equal(table.type, 'AWS::DynamoDB::Table');
    assert.equal(table.kind, 'written');
    assert.equal(lines[table.range.line - 1].slice(table.range.column - 1, table.range.endColumn - 1), 'OrdersTable');
    assert.ok(
      json.resources.some(
        (x: { kind: string; logicalId: string }) => x.kind === 'generated' && x.logicalId === 'CreateOrderFunctionRole',
      ),
    );
  });

  it('resolves Serverless ${env:...} from the shell it runs in, else from the default', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'swb-')), 'serverless.yml');
    fs.writeFileSync(
      file,
      [
        'service: envs',
        'provider:',
        '  name: aws',
        '  runtime: nodejs20.x',
        '  memorySize: ${env:SWB_TEST_MEMORY, 256}',
        'functions:',
        '  hello:',
        '    handler: h.main',
        '',
      ].join('\n'),
    );
    delete process.env.SWB_TEST_MEMORY;
    assert.match(cli('tree', file).stdout, /hello {2}\(nodejs20\.x · 256 MB · 6 s\*\)/);
    assert.match(
      cliWithEnv({ SWB_TEST_MEMORY: '2048' }, 'tree', file).stdout,
      /hello {2}\(nodejs20\.x · 2048 MB · 6 s\*\)/,
    );
  });

  it('prints resolved settings with where they came from, and what a false condition leaves out', () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'swb-')), 'template.yaml');
    fs.writeFileSync(
      file,
      [
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters:',
        '  Mem:',
        '    Type: Number',
        '    Default: 1024',
        'Conditions:',
        '  Off: !Equals [a, b]',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: nodejs22.x',
        '      Handler: index.handler',
        '      MemorySize: !Ref Mem',
        '      Timeout: !GetAtt Other.Value',
        '  Spare:',
        '    Type: AWS::SQS::Queue',
        '    Condition: Off',
        '',
      ].join('\n'),
    );
    assert.match(cli('tree', file).stdout, /Fn {2}\(nodejs22\.x · 1024 MB\* · \? s\)/);
    assert.match(cli('tree', file).stdout, /Spare {2}\(not created \(condition Off is false\) · AWS::SQS::Queue\)/);
    const json = JSON.parse(cli('tree', file, '--format', 'json', '--parameter-overrides', 'Mem=2048').stdout);
    const fn = json.resources.find((r: { logicalId: string }) => r.logicalId === 'Fn');
    assert.deepEqual(fn.settings.memorySize, {
      value: 2048,
      from: 'parameter Mem from --parameter-overrides',
      provenance: [{ origin: 'override', description: 'parameter Mem from --parameter-overrides' }],
    });
    assert.deepEqual(fn.settings.timeout, {
      unknown: 'Other is not a resource of this template',
      from: 'unknown: Other is not a resource of this template',
      provenance: [],
    });
    assert.equal(fn.settings.runtime.from, 'as written');
    const spare = json.resources.find((r: { logicalId: string }) => r.logicalId === 'Spare');
    assert.deepEqual([spare.condition, spare.created], ['Off', false]);
  });

  it('exits 2 with a message for a missing file, a non-template or a bad flag', () => {
    const missing = cli('tree', 'nope.yaml');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.yaml: ENOENT/);
    const other = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'swb-')), 'ci.yml');
    fs.writeFileSync(other, 'name: CI\non: [push]\n');
    assert.match(cli('tree', other).stderr, /is not a SAM, CloudFormation or Serverless Framework template/);
    assert.match(
      cli('tree', 'examples/sam-app/template.yaml', '--format', 'xml').stderr,
      /--format must be one of text, json/,
    );
  });
});
