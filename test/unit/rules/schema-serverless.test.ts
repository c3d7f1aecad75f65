import { strict as assert } from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import * as schemaRules from '../../../src/core/rules/schema';
import {
  schemaEnum,
  schemaRange,
  schemaRequiredProperty,
  schemaType,
  schemaUnknownProperty,
} from '../../../src/core/rules/schema';
import type { Rule } from '../../../src/core/rules';
import { analyzeTemplate } from '../../../src/core/rules';
import { hasShared, load, SHARED, yaml } from '../helpers';
import type { InvalidCase, ValidCase } from './rule-tester';
import { applyEdits, ruleTester, run, TODAY } from './rule-tester';
import { catalog } from '../completion/catalog';

/**
 * serverless.yml against the framework's own schema (data/serverless-schema.json, derived from serverless@3), through
 * the same schema rules as CloudFormation and SAM.
 */

/** A service with one function `hello` and these lines under it, then these top-level lines. */
function service(fnLines: readonly string[], ...topLevel: string[]): string {
  return yaml(
    'service: demo',
    'provider:',
    '  name: aws',
    '  runtime: nodejs20.x',
    ...topLevel,
    'functions:',
    '  hello:',
    '    handler: index.handler',
    ...fnLines.map((l) => `    ${l}`),
  );
}

const FILE = 'serverless.yml';
const SCHEMA_RULES: readonly Rule[] = Object.values(schemaRules);

function serverlessTester(rule: Rule, cases: { valid: readonly ValidCase[]; invalid: readonly InvalidCase[] }): void {
  const withData = <C extends ValidCase>(c: C): C => ({
    ...c,
    fileName: FILE,
    inputs: { schemas: catalog, ...c.inputs },
  });
  ruleTester(rule, { valid: cases.valid.map(withData), invalid: cases.invalid.map(withData) });
}

{
  serverlessTester(schemaUnknownProperty, {
    valid: [
      {
        name: 'every key known',
        text: service(['memorySize: 512', 'events:', '  - sqs: arn:aws:sqs:us-east-1:123456789012:q']),
      },
      { name: "custom is the user's and the plugins'", text: service([], 'custom:', '  anything:', '    at: all') },
      {
        name: 'a plugin may define a top-level key',
        text: service([], 'plugins:', '  - serverless-step-functions', 'stepFunctions:', '  stateMachines: {}'),
      },
      {
        name: 'a plugin may define a function property',
        text: service(['warmup:', '  default:', '    enabled: true'], 'plugins:', '  - serverless-plugin-warmup'),
      },
      {
        name: 'a plugin may define an event type',
        text: service(['events:', '  - schedulerPlus: {}'], 'plugins:', '  - some-event-plugin'),
      },
      {
        name: 'a function key the framework fills in',
        text: yaml(
          'service: demo',
          'provider:',
          '  name: aws',
          'functions:',
          '  ${self:custom.name}:',
          '    handler: index.handler',
        ),
      },
      {
        name: 'another provider brings its own schema',
        text: yaml(
          'service: demo',
          'provider:',
          '  name: google',
          '  project: p',
          'functions:',
          '  hello:',
          '    handler: index.handler',
        ),
      },
      { name: 'configValidationMode: off', text: service(['handlr: x'], 'configValidationMode: off') },
    ],
    invalid: [
      {
        name: 'a misspelt function property, with did you mean',
        text: service(['handlr: index.other']),
        findings: [
          {
            range: '8:5-8:11',
            text: 'handlr',
            severity: 'warning',
            message: /^'handlr' is not a property of functions\.hello\. Did you mean 'handler'\?$/,
          },
        ],
      },
      {
        name: 'an unknown event type',
        text: service(['events:', '  - sqss: arn:aws:sqs:us-east-1:123456789012:q']),
        findings: [
          {
            range: '9:9-9:13',
            text: 'sqss',
            severity: 'warning',
            message: /^'sqss' is not a property of functions\.hello\.events\. Did you mean 'sqs'\?$/,
          },
        ],
      },
      {
        name: 'an unknown property of an event',
        text: service(['events:', '  - http:', '      path: /', '      methd: get']),
        findings: [
          {
            range: '11:11-11:16',
            text: 'methd',
            severity: 'warning',
            message: /of functions\.hello\.events\.http\. Did you mean 'method'\?$/,
          },
        ],
      },
      {
        name: 'an unknown top-level key without plugins',
        text: service([], 'stepFunctions:', '  stateMachines: {}'),
        findings: [
          {
            range: '5:1-5:14',
            text: 'stepFunctions',
            severity: 'warning',
            message: /^'stepFunctions' is not a property of the top level of serverless\.yml\.$/,
          },
        ],
      },
      {
        name: 'with plugins, a near miss is still worth an info',
        text: service(['handlr: x'], 'plugins:', '  - serverless-offline'),
        findings: [
          {
            range: '10:5-10:11',
            text: 'handlr',
            severity: 'info',
            message:
              /^'handlr' is not a property of functions\.hello unless one of the service's plugins defines it\. Did you mean 'handler'\?$/,
          },
        ],
      },
      {
        name: 'plugins do not extend provider',
        text: service([], '  memorySzie: 512', 'plugins:', '  - serverless-offline'),
        findings: [
          {
            range: '5:3-5:13',
            text: 'memorySzie',
            severity: 'warning',
            message: /of provider\. Did you mean 'memorySize'\?$/,
          },
        ],
      },
      {
        name: 'configValidationMode: error makes it an error',
        text: service(['handlr: x'], 'configValidationMode: error'),
        findings: [{ range: '9:5-9:11', text: 'handlr', severity: 'error' }],
      },
      {
        name: "resources are CloudFormation, with CloudFormation's severity",
        text: service(
          [],
          'resources:',
          '  Resources:',
          '    Q:',
          '      Type: AWS::SQS::Queue',
          '      Properties:',
          '        QueueNmae: q',
        ),
        findings: [
          {
            range: '10:9-10:18',
            text: 'QueueNmae',
            severity: 'error',
            message: /of Properties of Q \(AWS::SQS::Queue\)/,
          },
        ],
      },
    ],
  });

  serverlessTester(schemaType, {
    valid: [
      {
        name: 'provider: aws is short for provider.name',
        text: yaml('service: demo', 'provider: aws', 'functions:', '  hello:', '    handler: index.handler'),
      },
      { name: 'text that reads as an integer', text: service(["memorySize: '512'"]) },
      {
        name: 'one value where a list belongs stands for a list of it',
        text: service([
          'package:',
          "  patterns: '!fn.js'",
          'events:',
          '  - schedule:',
          '      rate: cron(* * * * ? *)',
        ]),
      },
      { name: 'a variable from outside the file is unknown here', text: service(['memorySize: ${opt:memory}']) },
      {
        name: 'a self reference with a fallback is not certain',
        text: service(["memorySize: ${self:custom.memory, 'abc'}"]),
      },
      {
        name: 'a self reference through a stage is not certain',
        text: service(['memorySize: ${self:custom.memory.${sls:stage}}'], 'custom:', '  memory:', '    dev: abc'),
      },
      {
        name: 'a self reference to another variable is not certain',
        text: service(['memorySize: ${self:custom.memory}'], 'custom:', '  memory: ${env:MEMORY}'),
      },
      {
        name: 'a self reference to a fitting literal',
        text: service(['memorySize: ${self:custom.memory}'], 'custom:', '  memory: 1024'),
      },
      {
        name: 'a whole value read from a file is unknown here',
        text: service(['environment: ${file(env.yml)}', 'events: ${file(events.yml)}']),
      },
      { name: 'a variable inside text', text: service(['timeout: ${opt:timeout, 6}0']) },
    ],
    invalid: [
      {
        name: 'memorySize: abc',
        text: service(['memorySize: abc']),
        findings: [
          {
            range: '8:17-8:20',
            text: 'abc',
            severity: 'warning',
            message: /^functions\.hello\.memorySize must be an integer, not "abc"\.$/,
          },
        ],
      },
      {
        name: 'a whole-value self reference to a literal is checked with that literal',
        text: service(['memorySize: ${self:custom.memory}'], 'custom:', '  memory: abc'),
        findings: [
          {
            range: '10:17-10:38',
            text: '${self:custom.memory}',
            severity: 'warning',
            message: /^functions\.hello\.memorySize must be an integer, not "abc" \(from self:custom\.memory\)\.$/,
          },
        ],
      },
      {
        name: 'a map where text belongs',
        text: service([], '  stage:', '    dev: true'),
        findings: [
          {
            range: '6:5-6:14',
            text: 'dev: true',
            severity: 'warning',
            message: /^provider\.stage must be text, not a map\.$/,
          },
        ],
      },
    ],
  });

  serverlessTester(schemaEnum, {
    valid: [{ name: 'arm64', text: service([], '  architecture: arm64') }],
    invalid: [
      {
        name: 'provider.architecture: arm',
        text: service([], '  architecture: arm'),
        findings: [
          {
            range: '5:17-5:20',
            text: 'arm',
            severity: 'warning',
            message: /^'arm' is not an allowed value of provider\.architecture\. Allowed: arm64, x86_64\.$/,
          },
        ],
      },
    ],
  });

  serverlessTester(schemaRange, {
    valid: [{ name: 'timeout: 900', text: service(['timeout: 900']) }],
    invalid: [
      {
        name: 'timeout: 0',
        text: service(['timeout: 0']),
        findings: [
          {
            range: '8:14-8:15',
            text: '0',
            severity: 'warning',
            message: /^functions\.hello\.timeout is 0; the minimum is 1\.$/,
          },
        ],
      },
      {
        name: 'memorySize: 64',
        text: service(['memorySize: 64']),
        findings: [{ range: '8:17-8:19', text: '64', severity: 'warning', message: /the minimum is 128\.$/ }],
      },
    ],
  });

  serverlessTester(schemaRequiredProperty, {
    valid: [{ name: 'service and provider given', text: service([]) }],
    invalid: [
      {
        name: 'no provider',
        text: yaml('service: demo', 'functions:', '  hello:', '    handler: index.handler'),
        findings: [
          {
            range: '1:1-1:8',
            text: 'service',
            severity: 'warning',
            message: /^the top level of serverless\.yml is missing the required property 'provider'\.$/,
          },
        ],
      },
    ],
  });

  describe('schema rules on serverless.yml: quick fix', () => {
    it('renames a misspelt function property', () => {
      const text = service(['handlr: x']);
      const [finding] = run(load(text, FILE), schemaUnknownProperty, { schemas: catalog });
      assert.equal(applyEdits(text, finding.fixes[0].edits), service(['handler: x']));
    });

    it('renames a misspelt event type in JSON, keeping the quotes', () => {
      const text =
        '{"service": "demo", "provider": {"name": "aws"}, "functions": {"hello": {"handler": "h", "events": ' +
        '[{"sqss": "arn"}]}}}';
      const [finding] = run(load(text, 'serverless.json'), schemaUnknownProperty, { schemas: catalog });
      assert.equal(applyEdits(text, finding.fixes[0].edits), text.replace('"sqss"', '"sqs"'));
    });
  });
}

/**
 * Every schema finding on the framework's own test services and on our example, each read against what serverless v3
 * says about the same file: fixtures made to be invalid (`blank`, `config-invalid`, the `aws-loggedin-*` services with
 * `foo:` and a wrong org) and a service name left as a placeholder to replace per test run (`iot`).
 */
const SERVERLESS_CORPUS_FINDINGS = [
  'aws-loggedin-service/serverless.yml:7:5 warning schema-unknown-property',
  'aws-loggedin-service/serverless.yml:10:5 warning schema-unknown-property',
  'aws-loggedin-wrongorg-service/serverless.yml:4:6 warning schema-pattern',
  'blank/serverless.yml:1:1 warning schema-required-property',
  'blank/serverless.yml:1:1 warning schema-required-property',
  'config-invalid/serverless.yml:1:1 warning schema-required-property',
  'config-invalid/serverless.yml:1:1 warning schema-required-property',
  'config-invalid/serverless.yml:1:1 warning schema-unknown-property',
  'iot/serverless.yml:1:10 error schema-pattern',
];

describe('schema rules on the serverless v3 fixtures', () => {
  const fixtures = path.join(SHARED, 'corpus', 'serverless-v3-fixtures');
  it('report only what the framework itself reports', function () {
    if (!hasShared || !fs.existsSync(fixtures)) this.skip(); // ../shared/corpus is not on this machine
    const files: string[] = [];
    const add = (dir: string): void => {
      for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, e.name);
        if (e.isDirectory()) add(full);
        else if (/^serverless(\.[\w-]+)?\.(ya?ml|json)$/.test(e.name)) files.push(full);
      }
    };
    add(fixtures);
    const example = path.resolve(__dirname, '../../../examples/serverless-app/serverless.yml');
    const found: string[] = [];
    for (const file of [...files.sort(), example]) {
      const template = load(fs.readFileSync(file, 'utf8'), file);
      const { findings } = analyzeTemplate(template, { today: TODAY, schemas: catalog }, SCHEMA_RULES);
      for (const f of findings) {
        const at = template.lines.oneBased(f.span);
        found.push(`${path.relative(fixtures, file)}:${at.line}:${at.column} ${f.severity} ${f.ruleId}`);
      }
    }
    assert.deepEqual(found, SERVERLESS_CORPUS_FINDINGS);
  });
});
