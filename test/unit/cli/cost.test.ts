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
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  it("prints the issue's JSON for the brief's function: $18.33 compute + $0.40 requests", () => {
    const r = cli(dir, 'template.yaml', '--usage', 'usage.yml', '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    const json = JSON.parse(r.stdout);
    assert.deepEqual(Object.keys(json), ['region', 'currency', 'pricesAsOf', 'resources', 'totalMonthlyUsd']);
    assert.deepEqual(Object.keys(json.resources[0]), ['logicalId', 'type', 'monthlyUsd', 'lineItems']);
    assert.deepEqual(json.resources[0].lineItems, [
      {
        name: 'Compute (x86_64) (after 400,000 GB-s free)',
        quantity: 1_100_000,
        unit: 'GB-s',
        unitUsd: 0.0000166667,
        usd: 18.33337,
      },
      {
        name: 'Requests (after 1,000,000 requests free)',
        quantity: 2_000_000,
        unit: 'requests',
        unitUsd: 0.0000002,
        usd: 0.4,
      },
    ]);
    assert.equal(json.totalMonthlyUsd, 18.73337);
    assert.equal(json.currency, 'USD');
    assert.equal(json.region, 'us-east-1');
  });

  it('prints a table, and markdown for pull requests', () => {
    const table = cli(dir, 'template.yaml', '--usage', 'usage.yml');
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^Fn +AWS::Serverless::Function +\$18\.73 +3M req × 1000 ms @ 512 MB$/m);
    assert.match(table.stdout, /^Total +\$18\.73$/m);
    const md = cli(dir, 'template.yaml', '--usage', 'usage.yml', '--format', 'markdown');
    assert.match(md.stdout, /^### Estimated monthly cost: \$18\.73$/m);
    assert.match(
      md.stdout,
      /^\| Fn \| Compute \(x86_64\) \| 1,500,000 GB-s \| 400,000 \| \$0\.0000166667 \| \$18\.33 \|/m,
    );
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
});
