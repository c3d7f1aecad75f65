import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.resolve(__dirname, '../../..');
const CLI = path.join(ROOT, 'dist/cli.js');

function cli(cwd: string, ...args: string[]): { code: number | null; stdout: string; stderr: string } {
  const r = spawnSync(process.execPath, [CLI, 'cost', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

const TEMPLATE = [
  'Transform: AWS::Serverless-2016-10-31',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Runtime: nodejs22.x',
  '      Handler: index.handler',
  '      MemorySize: 512',
  '',
].join('\n');
const USAGE =
  'version: 1\nresources:\n  Fn:\n    monthlyRequests: 3000000\n    averageDurationMs: 1000\n    ' +
  'logKbPerInvocation: 0\n';

describe('serverless-workbench cost', function () {
  let dir: string;
  before(function () {
    if (!fs.existsSync(CLI)) this.skip(); // `npm test` builds first; a bare `mocha` run may not have dist/
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-cost-'));
    fs.writeFileSync(path.join(dir, 'template.yaml'), TEMPLATE);
    fs.writeFileSync(path.join(dir, 'usage.yml'), USAGE);
    fs.writeFileSync(path.join(dir, 'empty.yml'), 'version: 1\n');
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it("prints each resource before the free tier and the brief's $18.33 compute + $0.40 requests as the credit", () => {
    const r = cli(dir, 'template.yaml', '--usage', 'usage.yml', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), [
      'region',
      'currency',
      'pricesAsOf',
      'resources',
      'notPriced',
      'subtotalMonthlyUsd',
      'freeTier',
      'volumeDiscountUsd',
      'totalMonthlyUsd',
    ]);
    assert.deepEqual(json.resources[0], {
      logicalId: 'Fn',
      type: 'AWS::Serverless::Function',
      monthlyUsd: 25.60005,
      lineItems: [
        { name: 'Compute (x86_64)', quantity: 1_500_000, unit: 'GB-s', unitUsd: 0.0000166667, usd: 25.00005 },
        { name: 'Requests', quantity: 3_000_000, unit: 'requests', unitUsd: 0.0000002, usd: 0.6 },
      ],
      defaultUsage: [],
    });
    assert.deepEqual(json.freeTier, {
      on: true,
      scope: 'account',
      credits: [
        {
          name: 'Lambda compute',
          unit: 'GB-s',
          usedQuantity: 1_500_000,
          freeQuantity: 400_000,
          creditUsd: 6.66668,
          payUsd: 18.33337,
        },
        {
          name: 'Lambda requests',
          unit: 'requests',
          usedQuantity: 3_000_000,
          freeQuantity: 1_000_000,
          creditUsd: 0.2,
          payUsd: 0.4,
        },
      ],
      creditUsd: 6.86668,
    });
    assert.equal(json.subtotalMonthlyUsd, 25.60005);
    assert.equal(json.totalMonthlyUsd, 18.73337);
    assert.equal(json.currency, 'USD');
    assert.equal(json.region, 'us-east-1');
  });

  it('prints a table with the free tier credit on the total, and markdown for pull requests', () => {
    const table = cli(dir, 'template.yaml', '--usage', 'usage.yml');
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^Fn +AWS::Serverless::Function +\$25\.60 +3M req × 1000 ms @ 512 MB$/m);
    assert.match(table.stdout, /^Subtotal \(before the free tier\) +\$25\.60$/m);
    assert.match(table.stdout, /^Free tier credit \(per account\) +−\$6\.87$/m);
    assert.match(table.stdout, /^Total +\$18\.73$/m);
    assert.match(
      table.stdout,
      /^Free tier credit \(The free tier is per account, shared with everything else in it\.\)$/m,
    );
    assert.match(table.stdout, /^ {2}Lambda compute: 400,000 of 1,500,000 GB-s free, −\$6\.67; \$18\.33 to pay$/m);
    assert.match(
      table.stdout,
      /^ {2}Lambda requests: 1,000,000 of 3,000,000 requests free, −\$0\.20; \$0\.40 to pay$/m,
    );
    const md = cli(dir, 'template.yaml', '--usage', 'usage.yml', '--format', 'markdown');
    assert.match(md.stdout, /^### Estimated monthly cost: \$18\.73$/m);
    assert.match(md.stdout, /^\| Free tier credit \(per account\) \| \| −\$6\.87 \| \|$/m);
    assert.match(md.stdout, /^\| Fn \| Compute \(x86_64\) \| 1,500,000 GB-s \| \$0\.0000166667 \| \$25\.00 \|/m);
  });

  it('marks figures priced with default usage and says how to set them', () => {
    const table = cli(dir, 'template.yaml', '--usage', 'empty.yml');
    assert.equal(table.code, 0, table.stderr);
    // 1M × 0.1 s × 0.5 GB = 50,000 GB-s ($0.83334) + 1M requests ($0.20) + 1 GB-ish of logs: before the free tier.
    assert.match(table.stdout, /^Fn +AWS::Serverless::Function +\$1\.54\* +1M req × 100 ms @ 512 MB$/m);
    assert.match(
      table.stdout,
      /^\* Priced with default usage values:\n {2}Fn: monthlyRequests, averageDurationMs, logKbPerInvocation\n {2}Set them in \.serverless-workbench\/usage\.yml/m,
    );
    const json = JSON.parse(cli(dir, 'template.yaml', '--usage', 'empty.yml', '--format', 'json').stdout);
    assert.deepEqual(json.resources[0].defaultUsage, ['monthlyRequests', 'averageDurationMs', 'logKbPerInvocation']);
  });

  it('lists what it cannot price, and why', () => {
    fs.writeFileSync(
      path.join(dir, 'unpriced.yaml'),
      `${TEMPLATE}  Big:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: nodejs22.x\n` +
        '      Handler: index.handler\n      MemorySize: 20000\n  Db:\n    Type: AWS::RDS::DBInstance\n',
    );
    const r = cli(dir, 'unpriced.yaml', '--usage', 'usage.yml');
    assert.equal(r.code, 0, r.stderr);
    assert.match(
      r.stdout,
      /^Big +AWS::Serverless::Function +not priced +MemorySize 20000 MB is outside Lambda's 128–10,240 MB, so the function cannot deploy$/m,
    );
    assert.match(
      r.stdout,
      /^Db +AWS::RDS::DBInstance +not priced +Serverless Workbench has no prices for AWS::RDS::DBInstance yet$/m,
    );
  });

  it('refuses an unknown Region with the one meant, and other partitions (exit 2)', () => {
    const typo = cli(dir, 'template.yaml', '--usage', 'usage.yml', '--region', 'us-est-1');
    assert.equal(typo.code, 2);
    assert.equal(typo.stdout, '');
    assert.match(typo.stderr, /Unknown Region 'us-est-1'; did you mean us-east-1\?/);
    assert.equal(cli(dir, 'template.yaml', '--usage', 'usage.yml', '--region', 'xx-fake-1').code, 2);
    const china = cli(dir, 'template.yaml', '--usage', 'usage.yml', '--region', 'cn-north-1');
    assert.equal(china.code, 2);
    assert.match(china.stderr, /Region cn-north-1 is in the AWS China \(aws-cn\) partition/);
    fs.writeFileSync(
      path.join(dir, 'samconfig.toml'),
      'version = 0.1\n[default.deploy.parameters]\nregion = "eu-wst-1"\n',
    );
    try {
      const fromSamconfig = cli(dir, 'template.yaml', '--usage', 'usage.yml');
      assert.equal(fromSamconfig.code, 2);
      assert.match(
        fromSamconfig.stderr,
        /Unknown Region 'eu-wst-1'; did you mean eu-west-1\? \(Region samconfig\.toml/,
      );
    } finally {
      fs.rmSync(path.join(dir, 'samconfig.toml'));
    }
  });

  it('honours --no-free-tier and --region', () => {
    const noFree = JSON.parse(
      cli(dir, 'template.yaml', '--usage', 'usage.yml', '--no-free-tier', '--format', 'json').stdout,
    );
    assert.equal(noFree.totalMonthlyUsd, 25.60005);
    const capeTown = JSON.parse(
      cli(dir, 'template.yaml', '--usage', 'usage.yml', '--region', 'af-south-1', '--format', 'json').stdout,
    );
    assert.equal(capeTown.region, 'af-south-1');
    assert.equal(capeTown.totalMonthlyUsd, 24.71);
    assert.equal(
      capeTown.resources[0].assumedPrices,
      "us-east-1's prices assumed for logs, nat (none shipped for af-south-1)",
    );
  });

  it('finds .serverless-workbench/usage.yml beside the template without --usage', () => {
    const sub = fs.mkdtempSync(path.join(dir, 'app-'));
    fs.writeFileSync(path.join(sub, 'template.yaml'), TEMPLATE);
    fs.mkdirSync(path.join(sub, '.serverless-workbench'));
    fs.writeFileSync(path.join(sub, '.serverless-workbench', 'usage.yml'), USAGE);
    assert.equal(
      JSON.parse(cli(dir, path.join(sub, 'template.yaml'), '--format', 'json').stdout).totalMonthlyUsd,
      18.73337,
    );
  });

  it('exits 2 with the position of a bad usage value, and for a missing usage file', () => {
    fs.writeFileSync(path.join(dir, 'bad.yml'), 'version: 1\nresources:\n  Fn:\n    monthlyRequests: many\n');
    const bad = cli(dir, 'template.yaml', '--usage', 'bad.yml');
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /bad\.yml:4:22: error: monthlyRequests must be a number of 0 or more\./);
    const missing = cli(dir, 'template.yaml', '--usage', 'nope.yml');
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /cannot read nope\.yml: ENOENT/);
  });

  it('exits 2 on a misspelt usage key, found or given, and warns about a key of another kind', () => {
    fs.writeFileSync(path.join(dir, 'typo.yml'), 'version: 1\nresources:\n  Fn:\n    monthlyRequest: 3000000\n');
    const typo = cli(dir, 'template.yaml', '--usage', 'typo.yml');
    assert.equal(typo.code, 2);
    assert.match(
      typo.stderr,
      /typo\.yml:4:5: error: Unknown usage key 'monthlyRequest'; did you mean monthlyRequests\?/,
    );
    const sub = fs.mkdtempSync(path.join(dir, 'found-'));
    fs.writeFileSync(path.join(sub, 'template.yaml'), TEMPLATE);
    fs.mkdirSync(path.join(sub, '.serverless-workbench'));
    fs.copyFileSync(path.join(dir, 'typo.yml'), path.join(sub, '.serverless-workbench', 'usage.yml'));
    const found = cli(sub, 'template.yaml');
    assert.equal(found.code, 2, 'an auto-discovered file with errors fails like a given one');
    assert.match(found.stderr, /^\.serverless-workbench\/usage\.yml:4:5: error: Unknown usage key 'monthlyRequest'/m);
    assert.match(found.stderr, /\.serverless-workbench\/usage\.yml has errors \(see above\); fix them$/m);
    fs.writeFileSync(path.join(dir, 'other.yml'), 'version: 1\nresources:\n  Fn:\n    monthlyMessages: 5\n');
    const other = cli(dir, 'template.yaml', '--usage', 'other.yml');
    assert.equal(other.code, 0, other.stderr);
    assert.match(
      other.stderr,
      /other\.yml:4:5: warning: monthlyMessages is a usage key of queue resources, not of Fn \(AWS::Serverless::Function\): it is ignored\./,
    );
  });

  describe('cost diff', () => {
    const bigger = TEMPLATE.replace('MemorySize: 512', 'MemorySize: 1024') + '  Q:\n    Type: AWS::SQS::Queue\n';

    it('shows the monthly change per resource and in total, as a table, markdown or JSON (exit 0)', () => {
      fs.writeFileSync(path.join(dir, 'new.yaml'), bigger);
      const table = cli(dir, 'diff', 'template.yaml', 'new.yaml', '--usage', 'usage.yml');
      assert.equal(table.code, 0, table.stderr);
      // Fn: 3M × 1 s × 1 GB = 3,000,000 GB-s ($50.0001) + $0.60, was $25.60005. Q: 3M requests × $0.40/M = $1.20,
      // and takes the SQS free tier (1M requests, $0.40). Total: $18.73337 → $18.73337 + $25.00005 + $0.80.
      assert.match(table.stdout, /^Monthly cost will increase by \$25\.80 \(\+138%\), from \$18\.73 to \$44\.53$/m);
      assert.match(table.stdout, /^Fn +AWS::Serverless::Function +\$25\.60 +\$50\.60 +\+\$25\.00$/m);
      assert.match(table.stdout, /^Q +AWS::SQS::Queue +— +\$1\.20 +\+\$1\.20 \(added\)$/m);
      assert.match(table.stdout, /^Free tier credit \(per account\) +−\$6\.87 +−\$7\.27 +−\$0\.40$/m);
      assert.match(table.stdout, /^Total +\$18\.73 +\$44\.53 +\+\$25\.80$/m);
      const md = cli(dir, 'diff', 'template.yaml', 'new.yaml', '--usage', 'usage.yml', '--format', 'markdown');
      assert.equal(md.code, 0, md.stderr);
      assert.match(md.stdout, /^### Monthly cost will increase by \$25\.80 \(\+138%\), from \$18\.73 to \$44\.53$/m);
      assert.match(
        md.stdout,
        /^\| \*\*Total\*\* \| \| \*\*\$18\.73\*\* \| \*\*\$44\.53\*\* \| \*\*\+\$25\.80\*\* \|$/m,
      );
      const json = JSON.parse(
        cli(dir, 'diff', 'template.yaml', 'new.yaml', '--usage', 'usage.yml', '--format', 'json').stdout,
      );
      assert.deepEqual(json.resources[1], {
        logicalId: 'Q',
        type: 'AWS::SQS::Queue',
        change: 'added',
        beforeMonthlyUsd: null,
        afterMonthlyUsd: 1.2,
        deltaMonthlyUsd: 1.2,
      });
      assert.deepEqual(json.totalMonthlyUsd, { before: 18.73337, after: 44.53342 });
      const removed = cli(dir, 'diff', 'new.yaml', 'template.yaml', '--usage', 'usage.yml');
      assert.match(removed.stdout, /^Q +AWS::SQS::Queue +\$1\.20 +— +−\$1\.20 \(removed\)$/m);
      assert.match(removed.stdout, /^Monthly cost will decrease by \$25\.80 \(−58%\)/m);
    });

    it('compares the template with its version at a git commit (--base)', function () {
      const repo = fs.mkdtempSync(path.join(dir, 'repo-'));
      const git = (...args: string[]): void => {
        const r = spawnSync('git', args, { cwd: repo, encoding: 'utf8' });
        assert.equal(r.status, 0, r.stderr);
      };
      if (spawnSync('git', ['--version']).status !== 0) this.skip();
      git('init', '-q');
      fs.writeFileSync(path.join(repo, 'template.yaml'), TEMPLATE);
      git('add', 'template.yaml');
      git('-c', 'user.email=t@example.com', '-c', 'user.name=t', 'commit', '-qm', 'first');
      fs.writeFileSync(path.join(repo, 'template.yaml'), bigger);
      const r = cli(repo, 'diff', 'template.yaml', '--base', 'HEAD', '--usage', path.join(dir, 'usage.yml'));
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /^Fn +AWS::Serverless::Function +\$25\.60 +\$50\.60 +\+\$25\.00$/m);
      const bad = cli(repo, 'diff', 'template.yaml', '--base', 'no-such-ref');
      assert.equal(bad.code, 2);
      assert.match(bad.stderr, /cannot read template\.yaml at no-such-ref: fatal: /);
    });

    it("the example pull-request workflow builds this project's repository and runs a diff it accepts", () => {
      const workflow = fs.readFileSync(path.join(ROOT, 'docs/cost-diff-workflow.yml'), 'utf8');
      const { repository } = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
      assert.match(workflow, new RegExp(`git clone --depth 1 ${repository.url}(\\.git)? "\\$WORKBENCH"`));
      const diff =
        /dist\/cli\.js" cost diff "\$TEMPLATE" \\\s+--base "origin\/\$\{\{ github\.base_ref \}\}" --format markdown/;
      assert.match(workflow, diff);
    });
  });
});
