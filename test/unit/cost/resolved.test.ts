import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { costCommand } from '../../../src/cli/cost';
import { loadTemplate } from '../../../src/core';
import type { ResolutionInputs } from '../../../src/core';
import { breakdownHtml } from '../../../src/webview/breakdown-page';
import {
  breakdownView,
  costTable,
  estimateCost,
  lensText,
  lensTooltip,
  parseUsageFile,
  totalLensText,
} from '../../../src/core/cost';
import type { CostReport } from '../../../src/core/cost';
import { yaml } from '../helpers';
import { assertUsd, item, resource } from './helpers';

/**
 * The issue's case: 1M invocations of 1 s with 1 KB of logs each, free tier off. At 1024 MB that is
 * 1,000,000 GB-s × $0.0000166667 = $16.6667, requests 1M × $0.0000002 = $0.20, logs 1,000,000 KB =
 * 0.953674 GB × ($0.50 + $0.03) = $0.505447: $17.372147. At Lambda's default 128 MB it was $2.79.
 */
const USAGE =
  'version: 1\nfreeTier: false\nresources:\n  Fn:\n    monthlyRequests: 1000000\n    averageDurationMs: 1000\n   ' +
  ' logKbPerInvocation: 1\n';
const LOGS_USD = (1_000_000 / 1_048_576) * (0.5 + 0.03);
const computeUsd = (mb: number): number => 1_000_000 * (mb / 1024) * 0.0000166667;

function estimate(text: string, usage = USAGE, resolution?: ResolutionInputs): CostReport {
  const template = loadTemplate(text, 'template.yaml', resolution ? { resolution } : {});
  assert.ok(template, 'the template loads');
  const parsed = parseUsageFile(usage);
  assert.deepEqual(parsed.problems, []);
  return estimateCost(template, parsed.usage);
}

const MEM_FROM_PARAMETER = yaml(
  'Transform: AWS::Serverless-2016-10-31',
  'Parameters:',
  '  Mem: {Type: Number, Default: 1024}',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties: {Runtime: nodejs22.x, Handler: index.handler, MemorySize: !Ref Mem}',
);

describe('cost: settings resolved through parameters, mappings and conditions', () => {
  it("prices `MemorySize: !Ref Mem` at the parameter's Default of 1024 MB and says so", () => {
    const report = estimate(MEM_FROM_PARAMETER);
    const fn = resource(report, 'Fn');
    assertUsd(item(report, 'Fn', /^Compute/).usd, computeUsd(1024)); // $16.6667
    assertUsd(fn.monthlyUsd, computeUsd(1024) + 0.2 + LOGS_USD); // $17.372147, not $2.79
    assert.equal(lensText(fn), '≈ $17.37/mo · 1M req × 1000 ms @ 1024 MB');
    assert.deepEqual(
      fn.settings.map((s) => `${s.name}: ${s.text}`),
      [
        'MemorySize: 1024 MB — Default of parameter Mem',
        'Architectures: x86_64 — Lambda default',
        'EphemeralStorage: 512 MB — Lambda default',
      ],
    );
    assert.equal(
      lensTooltip(fn),
      [
        'MemorySize: 1024 MB — Default of parameter Mem',
        'Architectures: x86_64 — Lambda default',
        'EphemeralStorage: 512 MB — Lambda default',
        'monthlyRequests: 1,000,000 — usage file',
        'averageDurationMs: 1,000 — usage file',
        'logKbPerInvocation: 1 — usage file',
        'monthlyNatGb: 0 — default',
        'provisionedHours: 730 — default',
        'Before the free tier, which the stack total credits once for the account.',
        'Click for the cost breakdown.',
      ].join('\n'),
    );
    assert.equal(item(report, 'Fn', /^Compute/).note, undefined, 'a known value needs no assumption');
  });

  it('prices an override from the inputs over the Default, and names where it came from', () => {
    const report = estimate(MEM_FROM_PARAMETER, USAGE, {
      parameters: { Mem: { value: '512', origin: '--parameter-overrides' } },
    });
    const fn = resource(report, 'Fn');
    assertUsd(fn.monthlyUsd, computeUsd(512) + 0.2 + LOGS_USD); // $8.33335 + $0.20 + $0.505447 = $9.038797
    assert.equal(lensText(fn), '≈ $9.04/mo · 1M req × 1000 ms @ 512 MB');
    assert.equal(fn.settings[0].text, '512 MB — parameter Mem from --parameter-overrides');
  });

  it('prices a Globals `!FindInMap` keyed by a parameter', () => {
    const report = estimate(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters:',
        '  Env: {Type: String, Default: dev}',
        'Mappings:',
        '  Sizes:',
        '    dev: {Mem: 256}',
        '    prod: {Mem: 2048}',
        'Globals:',
        '  Function:',
        '    MemorySize: !FindInMap [Sizes, !Ref Env, Mem]',
        '    Architectures: [arm64]',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties: {Runtime: nodejs22.x, Handler: index.handler}',
      ),
    );
    const fn = resource(report, 'Fn');
    // 250,000 GB-s × $0.0000133334 (arm64) = $3.33335, + $0.20 + $0.505447 = $4.038797.
    assertUsd(fn.monthlyUsd, 250_000 * 0.0000133334 + 0.2 + LOGS_USD);
    assert.equal(lensText(fn), '≈ $4.04/mo · 1M req × 1000 ms @ 256 MB arm64');
    assert.equal(fn.settings[0].text, '256 MB — Mappings Sizes.dev.Mem, Default of parameter Env, via Globals');
    assert.equal(fn.settings[1].text, 'arm64 — Globals');
  });

  it(
    "prices an unknown memory size at Lambda's 128 MB and " + 'says so in the line item, the CodeLens and the tooltip',
    () => {
      const report = estimate(
        yaml(
          'Transform: AWS::Serverless-2016-10-31',
          'Resources:',
          '  Config:',
          '    Type: Custom::Settings',
          '    Properties: {ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:settings}',
          '  Fn:',
          '    Type: AWS::Serverless::Function',
          '    Properties: {Runtime: nodejs22.x, Handler: index.handler, MemorySize: !GetAtt Config.Memory}',
        ),
      );
      const fn = resource(report, 'Fn');
      // 125,000 GB-s × $0.0000166667 = $2.0833375, + $0.20 + $0.505447 = $2.788785.
      assertUsd(fn.monthlyUsd, computeUsd(128) + 0.2 + LOGS_USD);
      assert.equal(lensText(fn), '≈ $2.79/mo · 1M req × 1000 ms @ 128 MB?');
      const note =
        "MemorySize is unknown (Config.Memory is only known after deploy); priced at Lambda's default 128 MB.";
      assert.equal(item(report, 'Fn', /^Compute/).note, note);
      assert.equal(
        lensTooltip(fn).split('\n')[0],
        "MemorySize: unknown — Config.Memory is only known after deploy; priced at Lambda's default 128 MB",
      );
      const view = breakdownView(report, { title: 't' }).resources[0];
      assert.equal(
        view.settings[0],
        "MemorySize: unknown — Config.Memory is only known after deploy; priced at Lambda's default 128 MB",
      );
      assert.equal(view.lineItems[0].note, note);
      assert.match(
        costTable(report),
        /^ {2}Fn {2}MemorySize: unknown — Config\.Memory is only known after deploy; priced at Lambda's default 128 MB$/m,
      );
    },
  );

  it('shows a resource whose condition is false as not created, at $0, outside the free tier and the total', () => {
    const report = estimate(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters:',
        '  Env: {Type: String, Default: dev}',
        'Conditions:',
        '  IsProd: !Equals [!Ref Env, prod]',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties: {Runtime: nodejs22.x, Handler: index.handler, MemorySize: 512}',
        '  ProdFn:',
        '    Type: AWS::Serverless::Function',
        '    Condition: IsProd',
        '    Properties: {Runtime: nodejs22.x, Handler: index.handler, MemorySize: 512}',
        '  ProdTable:',
        '    Type: AWS::DynamoDB::Table',
        '    Condition: IsProd',
        '    Properties: {BillingMode: PAY_PER_REQUEST}',
      ),
      'version: 1\ndefaults:\n  AWS::Serverless::Function:\n    monthlyRequests: 3000000\n    averageDurationMs: ' +
        '1000\n    logKbPerInvocation: 0\n',
    );
    for (const id of ['ProdFn', 'ProdTable']) {
      const r = resource(report, id);
      assert.equal(r.monthlyUsd, 0);
      assert.deepEqual(r.lineItems, []);
      assert.equal(lensText(r), '≈ $0.00/mo · not created: condition IsProd is false');
      assert.equal(r.notes[0], 'Not created: condition IsProd is false (Default of parameter Env).');
    }
    // Fn alone uses the free tier, as in the product brief: (1,500,000 − 400,000) GB-s × $0.0000166667
    // + (3M − 1M) requests × $0.0000002 = $18.73337.
    assertUsd(report.totalMonthlyUsd, 18.73337);
    assert.equal(
      totalLensText(report),
      '≈ $18.73/mo for this stack · 1 priced resources · 2 not created · us-east-1 · free tier −$6.87',
    );
    const view = breakdownView(report, { title: 't' });
    assert.equal(
      view.resources.find((r) => r.logicalId === 'ProdFn')!.creation,
      'not created: condition IsProd is false (Default of parameter Env)',
    );
    assert.match(
      breakdownHtml(view),
      /<p class="creation">not created: condition IsProd is false \(Default of parameter Env\)<\/p>/,
    );
    assert.match(
      costTable(report),
      /^ProdFn +AWS::Serverless::Function +\$0\.00 +not created: condition IsProd is false$/m,
    );
  });

  it('prices a resource whose condition cannot be decided, and says it may not be created', () => {
    const report = estimate(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Conditions:',
        '  InMainAccount: !Equals [!Ref AWS::AccountId, "123456789012"]',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Condition: InMainAccount',
        '    Properties: {Runtime: nodejs22.x, Handler: index.handler, MemorySize: 1024}',
      ),
    );
    const fn = resource(report, 'Fn');
    assertUsd(fn.monthlyUsd, computeUsd(1024) + 0.2 + LOGS_USD);
    assert.equal(lensText(fn), '≈ $17.37/mo · 1M req × 1000 ms @ 1024 MB · if InMainAccount');
    assert.equal(
      fn.notes[0],
      'May not be created: condition InMainAccount cannot be decided before deploying (AWS::AccountId is the ' +
        'deploying account, known only at deploy time).',
    );
  });

  it('reads DynamoDB capacity, SQS FIFO and the Step Functions type through parameters and conditions', () => {
    const report = estimate(
      yaml(
        'Parameters:',
        '  Mode: {Type: String, Default: PROVISIONED}',
        '  Reads: {Type: Number, Default: 50}',
        '  Env: {Type: String, Default: prod}',
        'Conditions:',
        '  IsProd: !Equals [!Ref Env, prod]',
        'Resources:',
        '  Table:',
        '    Type: AWS::DynamoDB::Table',
        '    Properties:',
        '      BillingMode: !Ref Mode',
        '      ProvisionedThroughput: {ReadCapacityUnits: !Ref Reads, WriteCapacityUnits: 25}',
        '  Queue:',
        '    Type: AWS::SQS::Queue',
        '    Properties: {FifoQueue: !If [IsProd, true, !Ref AWS::NoValue]}',
        '  Machine:',
        '    Type: AWS::StepFunctions::StateMachine',
        '    Properties: {StateMachineType: !If [IsProd, EXPRESS, STANDARD], DefinitionString: "{}", RoleArn: ' +
          'arn:aws:iam::123456789012:role/r}',
      ),
      'version: 1\nfreeTier: false\nresources:\n  Queue:\n    monthlyMessages: 1000000\n  Machine:\n    ' +
        'monthlyExecutions: 1000000\n    averageDurationMs: 100\n',
    );
    // 50 RCU × 730 h × $0.00013 = $4.745; 25 WCU × 730 h × $0.00065 = $11.8625.
    assertUsd(item(report, 'Table', /^Provisioned read/).usd, 50 * 730 * 0.00013);
    assertUsd(item(report, 'Table', /^Provisioned write/).usd, 25 * 730 * 0.00065);
    assert.deepEqual(
      resource(report, 'Table').settings.map((s) => `${s.name}: ${s.text}`),
      [
        'BillingMode: PROVISIONED — Default of parameter Mode',
        'ReadCapacityUnits: 50 — Default of parameter Reads',
        'WriteCapacityUnits: 25 — as written',
      ],
    );
    // FIFO: 3M requests × $0.0000005 = $1.50.
    assertUsd(item(report, 'Queue', /^FIFO queue requests/).usd, 1.5);
    assert.equal(
      resource(report, 'Queue').settings[0].text,
      'true — condition IsProd is true, Default of parameter Env',
    );
    // Express: 1M × $0.000001 = $1.00 of requests.
    assertUsd(item(report, 'Machine', /^Express requests/).usd, 1);
  });

  it('states what it assumed when a pricing property is unknown', () => {
    const report = estimate(
      yaml(
        'Resources:',
        '  Settings:',
        '    Type: Custom::Settings',
        '    Properties: {ServiceToken: arn:aws:lambda:us-east-1:123456789012:function:settings}',
        '  Queue:',
        '    Type: AWS::SQS::Queue',
        '    Properties: {FifoQueue: !GetAtt Settings.Fifo}',
        '  Table:',
        '    Type: AWS::DynamoDB::Table',
        '    Properties:',
        '      BillingMode: PROVISIONED',
        '      ProvisionedThroughput: {ReadCapacityUnits: !GetAtt Settings.Reads, WriteCapacityUnits: 5}',
      ),
      'version: 1\nfreeTier: false\n',
    );
    assert.equal(
      item(report, 'Queue', /queue requests/).note,
      'FifoQueue is unknown (Settings.Fifo is only known after deploy); priced as a Standard queue.',
    );
    assert.equal(resource(report, 'Queue').drivers, '1M msg (Standard?)');
    const reads = item(report, 'Table', /^Provisioned read/);
    assert.equal(reads.usd, 0);
    assert.equal(
      reads.note,
      'ReadCapacityUnits is unknown (Settings.Reads is only known after deploy); priced at 0, so this line is ' +
        'not included.',
    );
    assert.equal(resource(report, 'Table').drivers, '0? RCU · 5 WCU · 1 GB');
  });

  it('counts the runs of a schedule given by a parameter, and says when a schedule is unknown', () => {
    const report = estimate(
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters:',
        '  Every: {Type: String, Default: rate(1 hour)}',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: nodejs22.x',
        '      Handler: index.handler',
        '      Events:',
        '        Tick: {Type: Schedule, Properties: {Schedule: !Ref Every}}',
        '  Other:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: nodejs22.x',
        '      Handler: index.handler',
        '      Events:',
        '        Tick: {Type: Schedule, Properties: {Schedule: !GetAtt Fn.Arn}}',
      ),
      'version: 1\n',
    );
    // 730 hours a month: 730 runs.
    assert.deepEqual(resource(report, 'Fn').usage.monthlyRequests, {
      value: 730,
      source: 'from schedule rate(1 hour)',
    });
    assert.equal(resource(report, 'Other').usage.monthlyRequests.source, 'default');
    assert.equal(
      resource(report, 'Other').notes[0],
      'A schedule of Other is unknown (Fn.Arn is only known after deploy); its runs are not counted.',
    );
  });

  it("prices in the Region the deploy inputs give (samconfig.toml's region) and names where it came from", () => {
    const report = estimate(MEM_FROM_PARAMETER, USAGE, {
      region: { value: 'eu-central-1', origin: 'samconfig.toml [default.deploy.parameters] region' },
    });
    assert.equal(report.region, 'eu-central-1');
    assert.equal(report.regionSource, 'samconfig.toml [default.deploy.parameters] region');
    assert.match(
      breakdownView(report, { title: 't' }).subtitle,
      /^Europe \(Frankfurt\) \(eu-central-1, from the samconfig\.toml \[default\.deploy\.parameters\] region\)/,
    );
  });
});

describe('serverless-workbench cost: where each figure came from', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-cost-resolved-'));
    fs.writeFileSync(path.join(dir, 'template.yaml'), MEM_FROM_PARAMETER);
    fs.writeFileSync(path.join(dir, 'usage.yml'), USAGE);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = (...args: string[]): string => {
    const out: string[] = [];
    assert.equal(
      costCommand(
        [path.join(dir, 'template.yaml'), '--usage', path.join(dir, 'usage.yml'), ...args],
        (t) => out.push(t),
        () => undefined,
      ),
      0,
    );
    return out.join('\n');
  };

  it('prints the settings it priced with their provenance under the table', () => {
    const text = run();
    assert.match(text, /^Fn +AWS::Serverless::Function +\$17\.37 +1M req × 1000 ms @ 1024 MB$/m);
    assert.match(
      text,
      /^Priced with:\n {2}Fn {2}MemorySize: 1024 MB — Default of parameter Mem\n {2}Fn {2}Architectures: x86_64 — Lambda default$/m,
    );
  });

  it('follows --parameter-overrides and says so', () => {
    const text = run('--parameter-overrides', 'Mem=2048');
    // 2,000,000 GB-s × $0.0000166667 = $33.3334, + $0.20 + $0.505447 = $34.038847.
    assert.match(text, /^Fn +AWS::Serverless::Function +\$34\.04 +1M req × 1000 ms @ 2048 MB$/m);
    assert.match(text, /^ {2}Fn {2}MemorySize: 2048 MB — parameter Mem from --parameter-overrides$/m);
    assert.match(run('--format', 'markdown'), /^- Fn {2}MemorySize: 1024 MB — Default of parameter Mem$/m);
  });
});
