import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { estimateCost, parseUsageFile, usageFileTemplate, usageProblemsFor } from '../../../src/core/cost';
import { fn, sam, typed } from './helpers';
import { usageSchema } from '../../../src/core/cost/usage-schema';
import { load } from '../helpers';

describe('cost: usage file', () => {
  it('reads region, freeTier, defaults by type and resources by logical ID', () => {
    const { usage, problems } = parseUsageFile(
      [
        'version: 1',
        'region: eu-west-1',
        'freeTier: false',
        'defaults:',
        '  AWS::Serverless::Function:',
        '    averageDurationMs: 200',
        'resources:',
        '  Fn:',
        '    monthlyRequests: 3000000',
        '    averageDurationMs: "1000"',
        '',
      ].join('\n'),
    );
    assert.deepEqual(problems, []);
    const { positions, ...values } = usage;
    assert.deepEqual(positions?.get('Fn\u0000averageDurationMs')?.line, 10);
    assert.deepEqual(values, {
      region: 'eu-west-1',
      freeTier: false,
      defaults: { 'AWS::Serverless::Function': { averageDurationMs: 200 } },
      resources: { Fn: { monthlyRequests: 3_000_000, averageDurationMs: 1000 } },
    });
  });

  it('reports bad values with their line and column and keeps the good ones', () => {
    const { usage, problems } = parseUsageFile(
      [
        'version: 2',
        'resources:',
        '  Fn:',
        '    monthlyRequests: lots',
        '    averageDurationMs: 50',
        '    monthlyRequets: 5',
        '  Table:',
        '    storageGb: -1',
        '',
      ].join('\n'),
    );
    assert.deepEqual(
      problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message.split(' (')[0]}`),
      [
        '1:10 error version must be 1',
        '4:22 error monthlyRequests must be a number of 0 or more.',
        "6:5 error Unknown usage key 'monthlyRequets'; did you mean monthlyRequests?",
        '8:16 error storageGb must be a number of 0 or more.',
      ],
    );
    assert.deepEqual(usage.resources.Fn, { averageDurationMs: 50 });
  });

  it('makes a misspelt key an error with the key meant, and a key of another kind of resource a warning', () => {
    const text = [
      'version: 1',
      'defualts: {}',
      'defaults:',
      '  AWS::Serverless::Function:',
      '    monthlyPublishes: 5',
      'resources:',
      '  Fn:',
      '    monthlyRequest: 3000000',
      '    monthlyMessages: 7',
      '',
    ].join('\n');
    const { usage, problems } = parseUsageFile(text);
    assert.deepEqual(
      problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.message.split(' (known')[0]}`),
      [
        "2:1 error Unknown key 'defualts'; did you mean defaults? The usage file has version, region, freeTier, " +
          'defaults, resources.',
        '5:5 warning monthlyPublishes is a usage key of topic resources, not of AWS::Serverless::Function: it is ' +
          'ignored.',
        "8:5 error Unknown usage key 'monthlyRequest'; did you mean monthlyRequests?",
      ],
    );
    // Which kind a logical ID is, only the template knows.
    assert.deepEqual(
      usageProblemsFor(load(sam(...fn('Fn'))), usage).map((p) => `${p.line}:${p.column} ${p.severity} ${p.message}`),
      [
        '9:5 warning monthlyMessages is a usage key of queue resources, not of Fn (AWS::Serverless::Function): it ' +
          'is ignored.',
      ],
    );
  });

  it('reports broken YAML at its position without throwing', () => {
    const { problems, usage } = parseUsageFile('version: 1\nresources:\n  Fn: {monthlyRequests: 5\n');
    assert.ok(problems.length > 0 && problems[0].severity === 'error');
    assert.ok(problems[0].line >= 3, `line ${problems[0].line}`);
    assert.ok(usage);
  });

  it('treats an empty file as no usage, and a list as an error', () => {
    assert.deepEqual(parseUsageFile('').problems, []);
    assert.match(parseUsageFile('- 1\n').problems[0].message, /must be a map/);
  });

  it('generates a commented usage file that reads back to the same estimate', () => {
    const template = load(fs.readFileSync(path.resolve(__dirname, '../../../examples/sam-app/template.yaml'), 'utf8'));
    const text = usageFileTemplate(template);
    assert.match(text, /^version: 1$/m);
    assert.match(text, /^ {2}CreateOrderFunction: +# AWS::Serverless::Function$/m);
    assert.match(text, /^ {4}monthlyRequests: 1000000 +# invocations per month$/m);
    assert.match(
      text,
      /^ {4}# monthlyMessages: 1000000 +# messages per month \(now from ProcessOrderFunction\)$/m,
      'wired figures stay commented',
    );
    assert.deepEqual(parseUsageFile(text).problems, []);
  });

  it("fills the newer services' keys, and the file reads back to the same estimate with no default left", () => {
    const template = load(
      sam(
        ...fn('Fn', 'FunctionUrlConfig:', '  AuthType: NONE'),
        ...typed('G', 'AWS::Logs::LogGroup'),
        ...typed('Stream', 'AWS::Kinesis::Stream', 'StreamModeDetails: { StreamMode: ON_DEMAND }'),
        ...typed('Key', 'AWS::KMS::Key'),
        ...typed('Secret', 'AWS::SecretsManager::Secret'),
        ...typed('Gql', 'AWS::AppSync::GraphQLApi', 'Name: g', 'AuthenticationType: API_KEY'),
        ...typed('Pool', 'AWS::Cognito::UserPool'),
        ...typed('Version', 'AWS::Lambda::Version', 'FunctionName: !Ref Fn', 'ProvisionedConcurrencyConfig:'),
        '    ProvisionedConcurrentExecutions: 2',
      ),
    );
    const text = usageFileTemplate(template);
    for (const line of [
      /^ {2}FnUrl: +# AWS::Lambda::Url, generated by Fn$/m,
      /^ {4}monthlyDataOutGb: 0 +# data sent to the internet per month/m,
      /^ {4}monthlyIngestedGb: 1 +# log data ingested per month/m,
      /^ {4}monthlyRecords: 1000000 +# records put per month$/m,
      /^ {4}averageRecordKb: 1 +# average record size/m,
      /^ {4}consumers: 1 +# applications reading every record/m,
      /^ {4}monthlyRequests: 10000 +# cryptographic requests per month/m,
      /^ {4}monthlyRequests: 10000 +# API calls per month \(GetSecretValue and others\)$/m,
      /^ {4}monthlyRealtimeUpdates: 0 +# real-time updates delivered/m,
      /^ {4}monthlyActiveUsers: 1000 +# monthly active users/m,
      /^ {4}provisionedHours: 730 +# hours per month that provisioned concurrency is configured/m,
    ])
      assert.match(text, line);
    const { usage, problems } = parseUsageFile(text);
    assert.deepEqual(problems, []);
    assert.deepEqual(usageProblemsFor(template, usage), []);
    const written = estimateCost(template, usage);
    assert.equal(written.totalMonthlyUsd, estimateCost(template, parseUsageFile('').usage).totalMonthlyUsd);
    assert.deepEqual(
      written.resources.filter((r) => r.defaults.length > 0).map((r) => `${r.logicalId}: ${r.defaults.join(', ')}`),
      [],
      'every figure the price reads is written in the file',
    );
  });

  it('ships a JSON schema generated from the keys the engine reads', () => {
    const committed = JSON.parse(
      fs.readFileSync(path.resolve(__dirname, '../../../schemas/usage.schema.json'), 'utf8'),
    );
    assert.deepEqual(
      committed,
      usageSchema(),
      'schemas/usage.schema.json is current (node scripts/update-usage-schema.mjs)',
    );
    const pkg = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../../package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.yamlValidation, [
      { fileMatch: '**/.serverless-workbench/usage.yml', url: './schemas/usage.schema.json' },
    ]);
  });
});
