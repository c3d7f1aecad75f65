import { strict as assert } from 'assert';
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { lintCommand } from '../../../src/cli/lint';
import { UsageError } from '../../../src/cli/io';
import { PUT_ITEM_HANDLER, putItemTemplate } from '../../fixtures/put-item-app';

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
/** A function whose handler puts an item without a grant, and one whose handler file is missing. */
const PUT_ITEM_APP = `${putItemTemplate()}  MissingFunction:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: nodejs22.x
      CodeUri: src/
      Handler: missing.handler
`;
const ON_FUNCTION =
  'OrdersFunction calls PutItem but its role does not allow dynamodb:PutItem on ' +
  'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/OrdersTable.';
const ON_CALL =
  'dynamodb:PutItem on arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/OrdersTable is not allowed for ' +
  'OrdersFunction: this call fails with AccessDenied. (TABLE_NAME → ' +
  'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/OrdersTable)';

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
    assert.equal(
      r.out,
      [
        `${file}:6:16 warning runtime-deprecated Function 'Fn' uses python3.9, deprecated on 2025-12-15: it no ` +
          `longer gets security patches. Move to python3.14.`,
        `${file}:7:19 error lambda-memory-range Function 'Fn': memory 20000 MB is outside the allowed 128–10,240 MB.`,
      ].join('\n'),
    );
  });

  it(
    "reads the resource types and schemas from the package's " + 'data/, so typos and missing properties are caught',
    async () => {
      const file = write(
        'template.yaml',
        [
          'Resources:',
          '  Queue:',
          '    Type: AWS::SQS::Queu',
          '  Table:',
          '    Type: AWS::DynamoDB::Table',
          'Outputs:',
          '  Arn:',
          '    Value: !GetAtt Table.Arm',
          '',
        ].join('\n'),
      );
      const r = await lint(file, '--today', '2026-11-23', '--format', 'json');
      assert.deepEqual(
        JSON.parse(r.out).findings.map((f: { ruleId: string; message: string }) => [f.ruleId, f.message.split('.')[0]]),
        [
          ['resource-type-unknown', "Resource type 'AWS::SQS::Queu' does not exist"],
          [
            'schema-required-property',
            "Properties of Table (AWS::DynamoDB::Table) is missing the required property 'KeySchema'",
          ],
          ['getatt-attribute-invalid', "'Table' (AWS::DynamoDB::Table) has no attribute 'Arm'"],
        ],
      );
    },
  );

  it('reads "today" from --today', async () => {
    const file = write('template.yaml', BAD);
    const r = await lint(file, '--today', '2027-03-03', '--format', 'json');
    assert.deepEqual(
      JSON.parse(r.out).findings.map((f: { ruleId: string }) => f.ruleId),
      ['runtime-update-blocked', 'lambda-memory-range'],
    );
  });

  it('prints JSON findings with 1-based positions', async () => {
    const file = write('template.yaml', BAD);
    const r = await lint(file, '--format', 'json', '--today', '2026-11-23');
    assert.deepEqual(JSON.parse(r.out).findings[1], {
      file,
      ruleId: 'lambda-memory-range',
      severity: 'error',
      message: "Function 'Fn': memory 20000 MB is outside the allowed 128–10,240 MB.",
      line: 7,
      column: 19,
      endLine: 7,
      endColumn: 24,
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
    assert.deepEqual(result.locations[0].physicalLocation.region, {
      startLine: 7,
      startColumn: 19,
      endLine: 7,
      endColumn: 24,
    });
    assert.equal(result.locations[0].physicalLocation.artifactLocation.uriBaseId, '%SRCROOT%');
    assert.ok(!path.isAbsolute(result.locations[0].physicalLocation.artifactLocation.uri));
  });

  it('searches folders for templates like the extension, skipping node_modules and build output', async () => {
    write('a/template.yaml', CLEAN);
    write('b/serverless.yml', 'service: svc\nprovider:\n  name: aws\n');
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
    await assert.rejects(
      lint(write('x.yaml', 'name: ci\non: push\n')),
      /is not a SAM, CloudFormation or Serverless Framework template/,
    );
  });

  describe('permission findings', () => {
    let template: string;
    let handler: string;
    beforeEach(() => {
      template = write('app/template.yaml', PUT_ITEM_APP);
      handler = write('app/src/index.js', PUT_ITEM_HANDLER);
    });

    it('prints a call the role does not allow at the call in the handler source and on the function', async () => {
      const r = await lint(template, '--today', '2026-11-23');
      assert.equal(r.code, 1);
      assert.equal(
        r.out,
        [
          `${template}:3:3 error iam-missing-permission ${ON_FUNCTION}`,
          `${template}:23:16 warning lambda-handler-missing Function 'MissingFunction': handler ` +
            `'missing.handler' needs one of missing.js, missing.mjs, missing.cjs, missing.ts, missing.mts in ` +
            `'src', and none exists.`,
          `${handler}:4:48 error iam-missing-permission ${ON_CALL}`,
        ].join('\n'),
      );
    });

    it('puts it in JSON with the handler file and 1-based positions', async () => {
      const r = await lint(template, '--format', 'json', '--today', '2026-11-23');
      assert.deepEqual(
        JSON.parse(r.out).findings.filter((f: { ruleId: string }) => f.ruleId === 'iam-missing-permission'),
        [
          {
            file: template,
            ruleId: 'iam-missing-permission',
            severity: 'error',
            message: ON_FUNCTION,
            line: 3,
            column: 3,
            endLine: 3,
            endColumn: 17,
          },
          {
            file: handler,
            ruleId: 'iam-missing-permission',
            severity: 'error',
            message: ON_CALL,
            line: 4,
            column: 48,
            endLine: 4,
            endColumn: 58,
          },
        ],
      );
    });

    it('puts it in SARIF with the handler file as the location and the function as related location', async () => {
      const cwd = process.cwd();
      process.chdir(dir);
      try {
        const run = JSON.parse((await lint('app/template.yaml', '--format', 'sarif', '--today', '2026-11-23')).out)
          .runs[0];
        const onCall = run.results.find(
          (r: { locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }) =>
            r.locations[0].physicalLocation.artifactLocation.uri === 'app/src/index.js',
        );
        assert.equal(onCall.ruleId, 'iam-missing-permission');
        assert.equal(run.tool.driver.rules[onCall.ruleIndex].id, 'iam-missing-permission');
        assert.equal(
          run.tool.driver.rules[onCall.ruleIndex].helpUri,
          'https://github.com/serverless-workbench/serverless-workbench/blob/main/docs/rules.md#iam-missing-permission',
        );
        assert.equal(onCall.level, 'error');
        assert.deepEqual(onCall.locations[0].physicalLocation.region, {
          startLine: 4,
          startColumn: 48,
          endLine: 4,
          endColumn: 58,
        });
        assert.deepEqual(
          onCall.relatedLocations.map(
            (l: { physicalLocation: { artifactLocation: { uri: string }; region: unknown } }) => [
              l.physicalLocation.artifactLocation.uri,
              l.physicalLocation.region,
            ],
          ),
          [['app/template.yaml', { startLine: 3, startColumn: 3, endLine: 3, endColumn: 17 }]],
        );
      } finally {
        process.chdir(cwd);
      }
    });

    it('--rules changes a severity or turns a rule off, like the serverlessWorkbench.rules setting', async () => {
      const warned = await lint(
        template,
        '--format',
        'json',
        '--rules',
        'iam-missing-permission=warning, lambda-handler-missing=off',
      );
      assert.deepEqual(
        JSON.parse(warned.out).findings.map(
          (f: { ruleId: string; severity: string; line: number }) => `${f.ruleId} ${f.severity} ${f.line}`,
        ),
        ['iam-missing-permission warning 3', 'iam-missing-permission warning 4'],
      );
      assert.equal(warned.code, 0);
      const off = await lint(
        template,
        '--format',
        'json',
        '--rules=iam-missing-permission=off,lambda-handler-missing=off',
      );
      assert.deepEqual(JSON.parse(off.out).findings, []);
    });

    it('--rules rejects unknown rule ids and severities as usage errors', async () => {
      await assert.rejects(
        lint(template, '--rules', 'iam-missing-permision=off'),
        new UsageError(
          "--rules: unknown rule 'iam-missing-permision'; did you mean 'iam-missing-permission'? (the rule ids " +
            'are listed in docs/rules.md)',
        ),
      );
      await assert.rejects(
        lint(template, '--rules', 'api-no-auth=silent'),
        new UsageError('--rules: api-no-auth=silent: the severity must be one of error, warning, info, off'),
      );
      await assert.rejects(
        lint(template, '--rules', 'api-no-auth'),
        new UsageError("--rules: 'api-no-auth' is not written id=severity (for example api-no-auth=off)"),
      );
    });

    it('reads handler code beside the template whatever form the path takes', async () => {
      const lintIn = async (cwd: string, target: string) => {
        const previous = process.cwd();
        process.chdir(cwd);
        try {
          const r = await lint(target, '--format', 'json', '--today', '2026-11-23');
          assert.equal(r.code, 1);
          return JSON.parse(r.out).findings.map(
            (f: { file: string; ruleId: string; line: number }) => `${f.file}:${f.line} ${f.ruleId}`,
          );
        } finally {
          process.chdir(previous);
        }
      };
      const expected = (app: string) => [
        `${app}template.yaml:3 iam-missing-permission`,
        `${app}template.yaml:23 lambda-handler-missing`,
        `${app}src/index.js:4 iam-missing-permission`,
      ];
      assert.deepEqual(await lintIn(dir, 'app/template.yaml'), expected('app/'));
      assert.deepEqual(await lintIn(dir, '.'), expected('app/'));
      assert.deepEqual(await lintIn(path.join(dir, 'app'), 'template.yaml'), expected(''));
      assert.deepEqual(await lintIn(path.join(dir, 'app', 'src'), '../template.yaml'), expected('../'));
      assert.deepEqual(await lintIn(os.tmpdir(), template), expected(`${path.join(dir, 'app')}/`));
    });

    it(
      'reports them from the built command line with a ' + 'relative path, and exits 2 on an unknown --rules id',
      function () {
        if (!fs.existsSync(CLI)) this.skip();
        const found = spawnSync(process.execPath, [CLI, 'lint', 'app/template.yaml', '--today', '2026-11-23'], {
          cwd: dir,
          encoding: 'utf8',
        });
        assert.equal(found.status, 1, found.stderr);
        assert.deepEqual(
          found.stdout
            .split('\n')
            .filter((l) => l.includes('iam-missing-permission'))
            .map((l) => l.split(' error ')[0]),
          ['app/template.yaml:3:3', 'app/src/index.js:4:48'],
        );
        const r = spawnSync(process.execPath, [CLI, 'lint', 'app', '--rules', 'no-such-rule=off'], {
          cwd: dir,
          encoding: 'utf8',
        });
        assert.equal(r.status, 2);
        assert.equal(
          r.stderr,
          "serverless-workbench lint: --rules: unknown rule 'no-such-rule' " +
            '(the rule ids are listed in docs/rules.md)\n',
        );
      },
    );
  });

  it('exits 0, 1 and 2 from the built command line', function () {
    if (!fs.existsSync(CLI)) this.skip();
    const run = (...args: string[]) => spawnSync(process.execPath, [CLI, 'lint', ...args], { encoding: 'utf8' }).status;
    assert.equal(run(write('ok/template.yaml', CLEAN)), 0);
    assert.equal(run(write('bad/template.yaml', BAD)), 1);
    assert.equal(run('--format', 'sarif'), 2);
  });
});
