import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { costCommand } from '../../../src/cli/cost';
import { UsageError } from '../../../src/cli/io';
import { lintCommand } from '../../../src/cli/lint';
import { treeCommand } from '../../../src/cli/tree';

const TEMPLATE = [
  'Transform: AWS::Serverless-2016-10-31',
  'Parameters:',
  '  Mem: {Type: Number, Default: 128}',
  'Resources:',
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties: {Runtime: nodejs22.x, Handler: index.handler, InlineCode: x, MemorySize: !Ref Mem}',
  '',
].join('\n');

/** Runs a command with stderr captured, as a user sees both streams. */
async function run(command: (argv: string[], out: (t: string) => void) => number | Promise<number>, ...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const write = process.stderr.write;
  process.stderr.write = ((chunk: string) => {
    err.push(String(chunk));
    return true;
  }) as typeof process.stderr.write;
  try {
    const code = await command(argv, (t) => out.push(t));
    return { code, stdout: out.join('\n'), stderr: err.join('') };
  } finally {
    process.stderr.write = write;
  }
}

describe('command-line inputs: --parameter-overrides, --config-env, --region, --stage', () => {
  let dir: string;
  let template: string;
  beforeEach(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'swb-inputs-'));
    template = path.join(dir, 'template.yaml');
    fs.writeFileSync(template, TEMPLATE);
    fs.writeFileSync(
      path.join(dir, 'samconfig.toml'),
      [
        'version = 0.1',
        '[default.deploy.parameters]',
        'parameter_overrides = "Mem=512"',
        'region = "eu-west-1"',
        '[prod.deploy.parameters]',
        'parameter_overrides = "Mem=3008"',
        'region = "eu-central-1"',
      ].join('\n'),
    );
  });
  afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('tree --format json shows the inputs samconfig gives, each with its origin', async () => {
    const r = await run(treeCommand, template, '--format', 'json');
    assert.equal(r.code, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).inputs, {
      configEnv: 'default',
      parameters: { Mem: { value: '512', origin: 'samconfig.toml [default.deploy.parameters] parameter_overrides' } },
      region: { value: 'eu-west-1', origin: 'samconfig.toml [default.deploy.parameters] region' },
    });
  });

  it('--config-env picks the environment, and --parameter-overrides and --region win over it', async () => {
    const prod = JSON.parse(
      (await run(treeCommand, template, '--format', 'json', '--config-env', 'prod')).stdout,
    ).inputs;
    assert.deepEqual([prod.configEnv, prod.parameters.Mem.value, prod.region.value], ['prod', '3008', 'eu-central-1']);
    const flags = JSON.parse(
      (
        await run(
          treeCommand,
          template,
          '--format',
          'json',
          '--config-env',
          'prod',
          '--parameter-overrides',
          "Mem=1024 Stage='prod eu'",
          '--region',
          'us-west-2',
        )
      ).stdout,
    ).inputs;
    assert.deepEqual(flags, {
      configEnv: 'prod',
      parameters: {
        Mem: { value: '1024', origin: '--parameter-overrides' },
        Stage: { value: 'prod eu', origin: '--parameter-overrides' },
      },
      region: { value: 'us-west-2', origin: '--region' },
    });
  });

  it('lint and cost take the same flags; --stage reaches a Serverless service', async () => {
    const lint = await run(
      lintCommand,
      template,
      '--parameter-overrides',
      'Mem=1024',
      '--config-env',
      'prod',
      '--region',
      'eu-west-1',
      '--format',
      'json',
    );
    assert.equal(lint.code, 0, lint.stderr);
    const cost = await run(costCommand, template, '--parameter-overrides', 'Mem=1024', '--format', 'json');
    assert.equal(cost.code, 0, cost.stderr);
    const sls = path.join(dir, 'serverless.yml');
    fs.writeFileSync(
      sls,
      'service: s\nprovider: {name: aws, runtime: nodejs20.x}\nfunctions:\n  hello: {handler: h.main}\n',
    );
    const tree = JSON.parse((await run(treeCommand, sls, '--format', 'json', '--stage', 'prod')).stdout);
    assert.deepEqual(tree.inputs, { configEnv: 'default', stage: { value: 'prod', origin: '--stage' } });
  });

  it('warns with file:line about a broken samconfig and still lints the template', async () => {
    fs.writeFileSync(
      path.join(dir, 'samconfig.toml'),
      'version = 0.1\n[default.deploy.parameters]\nparameter_overrides = "Mem=512\n',
    );
    const r = await run(lintCommand, template);
    assert.equal(r.code, 0);
    assert.match(
      r.stderr,
      new RegExp(
        `${path.join(dir, 'samconfig.toml').replace(/[.\\]/g, '\\$&')}:3: warning: samconfig\\.toml cannot be ` +
          `read: unterminated or invalid string\\.`,
      ),
    );
  });

  it('refuses --parameter-overrides that are not Name=Value, and a flag without its value', async () => {
    await assert.rejects(
      run(treeCommand, template, '--parameter-overrides', 'Mem'),
      (e: Error) => e instanceof UsageError && /--parameter-overrides: "Mem" is not Name=Value/.test(e.message),
    );
    await assert.rejects(
      run(treeCommand, template, '--config-env='),
      (e: Error) => e instanceof UsageError && /--config-env needs a value/.test(e.message),
    );
  });
});
