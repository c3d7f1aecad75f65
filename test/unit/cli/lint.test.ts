import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintCommand } from '../../../src/cli/lint';
import { UsageError } from '../../../src/cli/io';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

const BAD = [
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Runtime: python3.9',
  '      MemorySize: 20000',
  '      InlineCode: x',
  '      Handler: index.handler',
  '',
].join('\n');
const CLEAN = ['Resources:', '  Queue:', '    Type: AWS::SQS::Queue', ''].join('\n');

describe('serverless-workbench lint', () => {
  let dir: string;
  const write = (relative: string, text: string): string => {
    const file = path.join(dir, relative);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    return file;
  };
  const lint = async (...args: string[]) => {
    const lines: string[] = [];
    const code = await lintCommand(args, (t) => lines.push(t));
    return { code, out: lines.join('\n') };
  };

  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-lint-'));
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('prints file:line:column severity rule-id message and exits 1 on errors', async () => {
    const file = write('app/template.yaml', BAD);
    const r = await lint(file, '--today', '2026-11-23');
    assert.equal(r.code, 1);
    assert.equal(r.out, [
      `${file}:6:16 warning runtime-deprecated Function 'Fn' uses python3.9, deprecated on 2025-12-15: it no longer gets security patches. Move to python3.14.`,
      `${file}:7:19 error lambda-memory-range Function 'Fn': memory 20000 MB is outside the allowed 128–10,240 MB.`,
    ].join('\n'));
  });

  it('reads the resource types from the package\'s data/, so typos in types and attributes are caught', async () => {
    const table = ['  Table:', '    Type: AWS::DynamoDB::Table', '    Properties:', '      KeySchema: [{AttributeName: id, KeyType: HASH}]', '      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]'];
    const file = write('template.yaml', ['Resources:', '  Queue:', '    Type: AWS::SQS::Queu', ...table, 'Outputs:', '  Arn:', '    Value: !GetAtt Table.Arm', ''].join('\n'));
    const r = await lint(file, '--today', '2026-11-23', '--format', 'json');
    assert.deepEqual(JSON.parse(r.out).findings.map((f: { ruleId: string; message: string }) => [f.ruleId, f.message.split('.')[0]]), [
      ['resource-type-unknown', "Resource type 'AWS::SQS::Queu' does not exist"],
      ['getatt-attribute-invalid', "'Table' (AWS::DynamoDB::Table) has no attribute 'Arm'"],
    ]);
  });

  it('reads "today" from --today', async () => {
    const file = write('template.yaml', BAD);
    const r = await lint(file, '--today', '2027-03-03', '--format', 'json');
    assert.deepEqual(JSON.parse(r.out).findings.map((f: { ruleId: string }) => f.ruleId), ['runtime-update-blocked', 'lambda-memory-range']);
  });

  it('prints JSON findings with 1-based positions', async () => {
    const file = write('template.yaml', BAD);
    const r = await lint(file, '--format', 'json', '--today', '2026-11-23');
    assert.deepEqual(JSON.parse(r.out).findings[1], {
      file, ruleId: 'lambda-memory-range', severity: 'error', message: "Function 'Fn': memory 20000 MB is outside the allowed 128–10,240 MB.",
      line: 7, column: 19, endLine: 7, endColumn: 24,
    });
  });

  it('prints SARIF 2.1.0 with rules that have help URIs and results that point at them', async () => {
    const file = write('template.yaml', BAD);
    const sarif = JSON.parse((await lint(file, '--format', 'sarif', '--today', '2026-11-23')).out);
    assert.equal(sarif.version, '2.1.0');
    const run = sarif.runs[0];
    assert.equal(run.tool.driver.name, 'serverless-workbench');
    for (const rule of run.tool.driver.rules) assert.match(rule.helpUri, /^https:\/\/.*\/docs\/rules\.md#[a-z0-9-]+$/);
    const result = run.results[1];
    assert.equal(run.tool.driver.rules[result.ruleIndex].id, result.ruleId);
    assert.equal(result.level, 'error');
    assert.deepEqual(result.locations[0].physicalLocation.region, { startLine: 7, startColumn: 19, endLine: 7, endColumn: 24 });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(!path.isAbsolute(result.locations[0].physicalLocation.artifactLocation.uri));
  });

  it('searches folders for templates like the extension, skipping node_modules and build output', async () => {
    write('a/template.yaml', CLEAN);
    write('b/serverless.yml', 'service: s\nprovider:\n  name: aws\n');
    write('node_modules/x/template.yaml', BAD);
    write('.aws-sam/build/template.yaml', BAD);
    write('c/other.yaml', BAD);
    const r = await lint(dir, '--format', 'json');
    assert.equal(r.code, 0);
    assert.deepEqual(JSON.parse(r.out).findings, []);
  });

  it('--fail-on decides which severities fail the run', async () => {
    const file = write('template.yaml', BAD.replace('MemorySize: 20000', 'MemorySize: 256'));
    assert.equal((await lint(file, '--today', '2026-11-23')).code, 0);
    assert.equal((await lint(file, '--today', '2026-11-23', '--fail-on', 'warning')).code, 1);
    assert.equal((await lint(write('t2/template.yaml', BAD), '--fail-on', 'never')).code, 0);
  });

  it('rejects bad usage and unreadable input as usage errors (exit 2)', async () => {
    await assert.rejects(lint(), UsageError);
    await assert.rejects(lint(dir, '--format', 'xml'), /--format must be one of text, json, sarif/);
    await assert.rejects(lint(dir, '--today', '2026-02-30'), /--today must be a date/);
    await assert.rejects(lint(path.join(dir, 'missing.yaml')), /cannot read .*missing\.yaml: ENOENT/);
    await assert.rejects(lint(write('x.yaml', 'name: ci\non: push\n')), /is not a SAM, CloudFormation or Serverless Framework template/);
  });

  it('exits 0, 1 and 2 from the built command line', function () {
    if (!fs.existsSync(CLI)) this.skip();
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'lint', ...args], { encoding: 'utf8' }).status;
    assert.equal(run(write('ok/template.yaml', CLEAN)), 0);
    assert.equal(run(write('bad/template.yaml', BAD)), 1);
    assert.equal(run('--format', 'sarif'), 2);
  });
});
