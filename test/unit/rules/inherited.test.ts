import { strict as assert } from 'assert';
import { analyzeTemplate } from '../../../src/core/rules';
import { load, textAt, where, yaml } from '../helpers';
import { applyEdits, rangeOf, TODAY } from './rule-tester';

/** Three functions share Globals; 'Own' sets its own runtime and memory, 'Quiet' silences the runtime rules. */
const TEMPLATE = yaml(
  'Transform: AWS::Serverless-2016-10-31',
  'Globals:',
  '  Function:',
  '    Runtime: nodejs18.x',
  '    MemorySize: 64',
  '    Environment:',
  '      Variables:',
  '        API_TOKEN: s3cr3t-t0ken-value',
  'Resources:',
  '  Api:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Handler: app.api',
  '  Worker:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Handler: app.worker',
  '  Own:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Handler: app.own',
  '      Runtime: nodejs22.x',
  '      MemorySize: 512',
  '  Quiet:',
  '    Type: AWS::Serverless::Function',
  '    Metadata:',
  '      serverless-workbench:',
  '        ignore: [runtime-deprecated]',
  '    Properties:',
  '      Handler: app.quiet',
);

describe('a value set in Globals is reported once for the functions that inherit it', () => {
  const template = load(TEMPLATE);
  const findings = analyzeTemplate(template, { today: TODAY }).findings;
  const of = (ruleId: string) => findings.filter((f) => f.ruleId === ruleId);
  const related = (ruleId: string) =>
    of(ruleId)[0].related.map((r) => `${where(template, r.span)} ${textAt(template, r.span)}: ${r.message}`);

  it('one finding on the Globals line, naming only the functions that inherit the value and are not silenced', () => {
    assert.deepEqual(
      of('runtime-deprecated').map((f) => `${rangeOf(template, f)} ${f.message}`),
      [
        "4:14-4:24 Each of functions 'Api' and 'Worker' uses nodejs18.x, deprecated on 2025-09-01: it no longer " +
          'gets security patches. Move to nodejs24.x. (set in Globals)',
      ],
    );
    assert.deepEqual(related('runtime-deprecated'), [
      "10:3 Api: 'Api' inherits this value from Globals",
      "14:3 Worker: 'Worker' inherits this value from Globals",
    ]);
  });

  it('one quick fix, which changes the value where it is written', () => {
    const [memory] = of('lambda-memory-range');
    assert.equal(of('lambda-memory-range').length, 1);
    assert.equal(
      memory.message,
      "Each of functions 'Api', 'Worker' and 'Quiet': memory 64 MB is outside the allowed 128–10,240 MB. (set in " +
        'Globals)',
    );
    assert.deepEqual(
      memory.fixes.map((f) => f.title),
      ['Set memory to 128'],
    );
    assert.match(applyEdits(TEMPLATE, memory.fixes[0].edits), /^ {4}MemorySize: 128$/m);
  });

  it('an environment variable in Globals: one finding and one fix whose parameter names no single function', () => {
    const secrets = of('env-plaintext-secret');
    assert.deepEqual(
      secrets.map((f) => `${rangeOf(template, f)} ${f.message}`),
      [
        "8:20-8:38 Each of functions 'Api', 'Worker', 'Own' and 'Quiet': 'API_TOKEN' holds a secret in plain " +
          'text. Reference it from SSM Parameter Store or Secrets Manager instead. (set in Globals)',
      ],
    );
    assert.equal(secrets[0].fixes.length, 1);
    assert.match(applyEdits(TEMPLATE, secrets[0].fixes[0].edits), /Default: \/API_TOKEN$/m);
  });

  it('a property SAM merges from Globals (SnapStart) is judged once for the functions it conflicts with alike', () => {
    const text = yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Globals:',
      '  Function:',
      '    Runtime: nodejs22.x',
      '    SnapStart:',
      '      ApplyOn: PublishedVersions',
      'Resources:',
      '  A:',
      '    Type: AWS::Serverless::Function',
      '  B:',
      '    Type: AWS::Serverless::Function',
      '  Java:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: java21',
    );
    const snap = load(text);
    const found = analyzeTemplate(snap, { today: TODAY }).findings.filter((f) => f.ruleId === 'snapstart-incompatible');
    assert.deepEqual(
      found.map((f) => `${rangeOf(snap, f)} ${f.message}`),
      [
        "5:5-5:14 Each of functions 'A' and 'B': nodejs22.x does not support SnapStart (Java 11+, Python 3.12+ " +
          'and .NET 8+ do). (set in Globals)',
      ],
    );
    assert.deepEqual(
      found[0].related.map((r) => `${where(snap, r.span)} ${r.message}`),
      [
        "8:3 'A' inherits this value from Globals",
        "10:3 'B' inherits this value from Globals",
        '4:14 the conflicting setting',
      ],
    );
  });

  it(
    'a Globals timeout too long for the REST API of two functions: one finding pointing at both and at their ' +
      'events',
    () => {
      const text = yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    Timeout: 60',
        'Resources:',
        '  Orders:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Events:',
        '        ListOrders:',
        '          Type: Api',
        '  Users:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Events:',
        '        GetUser:',
        '          Type: Api',
        '  Fast:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Timeout: 10',
        '      Events:',
        '        Ping:',
        '          Type: Api',
      );
      const api = load(text);
      const found = analyzeTemplate(api, { today: TODAY }).findings.filter((f) => f.ruleId === 'api-gateway-timeout');
      assert.deepEqual(
        found.map((f) => `${rangeOf(api, f)} ${f.message}`),
        [
          "4:14-4:16 Each of functions 'Orders' and 'Users' has a 60 s timeout, but the REST API in front of it " +
            'gives up after 29 s. (set in Globals)',
        ],
      );
      assert.deepEqual(
        found[0].related.map((r) => `${where(api, r.span)} ${r.message}`),
        [
          "6:3 'Orders' inherits this value from Globals",
          "12:3 'Users' inherits this value from Globals",
          "10:9 Api event 'ListOrders' of 'Orders'",
          "16:9 Api event 'GetUser' of 'Users'",
        ],
      );
    },
  );
});

/** The findings of one rule as a user reads them: range, message, then each related location with its text. */
function findingsOf(text: string, ruleId: string, fileName = 'template.yaml'): string[][] {
  const template = load(text, fileName);
  return analyzeTemplate(template, { today: TODAY })
    .findings.filter((f) => f.ruleId === ruleId)
    .map((f) => [
      `${rangeOf(template, f)} ${f.message}`,
      ...f.related.map((r) => `${where(template, r.span)} ${textAt(template, r.span)}: ${r.message}`),
    ]);
}

describe('layers, environment size and Lambda@Edge limits inherited from Globals or provider are reported once', () => {
  it('six layers in Globals: one finding per extra layer for the functions that add none', () => {
    const text = yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Globals:',
      '  Function:',
      '    Layers: [L1, L2, L3, L4, L5, L6]',
      'Resources:',
      '  A:',
      '    Type: AWS::Serverless::Function',
      '  B:',
      '    Type: AWS::Serverless::Function',
      '  More:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Layers: [L7]',
    );
    assert.deepEqual(findingsOf(text, 'lambda-layers-count'), [
      [
        "4:34-4:36 Each of functions 'A' and 'B' uses 6 layers; Lambda allows at most 5. This is layer 6. (set " +
          'in Globals)',
        "6:3 A: 'A' inherits this value from Globals",
        "8:3 B: 'B' inherits this value from Globals",
      ],
      [
        "4:34-4:36 Function 'More' uses 7 layers; Lambda allows at most 5. This is layer 6. (set in Globals, " +
          "inherited by 'More')",
        "10:3 More: 'More' inherits this value from Globals",
      ],
      ["13:16-13:18 Function 'More' uses 7 layers; Lambda allows at most 5. This is layer 7."],
    ]);
  });

  it('environment variables over 4 KB in Globals: one finding for the functions whose total is only them', () => {
    const text = yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Globals:',
      '  Function:',
      '    Environment:',
      '      Variables:',
      `        CONFIG: ${'x'.repeat(4100)}`,
      'Resources:',
      '  A:',
      '    Type: AWS::Serverless::Function',
      '  B:',
      '    Type: AWS::Serverless::Function',
      '  Adds:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Environment:',
      '        Variables:',
      '          MODE: fast',
      '  Overrides:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Environment:',
      '        Variables:',
      '          CONFIG: small',
    );
    assert.deepEqual(findingsOf(text, 'lambda-env-size'), [
      [
        "5:7-5:16 Each of functions 'A' and 'B': environment variables take 4,106 bytes (keys plus values); " +
          'Lambda allows 4,096. (set in Globals)',
        "8:3 A: 'A' inherits this value from Globals",
        "10:3 B: 'B' inherits this value from Globals",
      ],
      ["16:9-16:18 Function 'Adds': environment variables take 4,114 bytes (keys plus values); Lambda allows 4,096."],
    ]);
  });

  it('serverless.yml provider: environment size on its key, layers once, not naming the function with its own', () => {
    const text = yaml(
      'service: shop',
      'provider:',
      '  name: aws',
      '  runtime: nodejs22.x',
      '  environment:',
      `    CONFIG: ${'x'.repeat(4100)}`,
      '  layers: [L1, L2, L3, L4, L5, L6]',
      'functions:',
      '  orders:',
      '    handler: orders.handler',
      '  users:',
      '    handler: users.handler',
      '  own:',
      '    handler: own.handler',
      '    layers: [L1]',
      '    environment:',
      '      MODE: fast',
    );
    assert.deepEqual(findingsOf(text, 'lambda-env-size', 'serverless.yml'), [
      [
        "5:3-5:14 Each of functions 'orders' and 'users': environment variables take 4,106 bytes (keys plus " +
          'values); Lambda allows 4,096. (set in provider)',
        "9:3 orders: 'orders' inherits this value from provider",
        "11:3 users: 'users' inherits this value from provider",
      ],
      ["13:3-13:6 Function 'own': environment variables take 4,114 bytes (keys plus values); Lambda allows 4,096."],
    ]);
    assert.deepEqual(findingsOf(text, 'lambda-layers-count', 'serverless.yml'), [
      [
        "7:32-7:34 Each of functions 'orders' and 'users' uses 6 layers; Lambda allows at most 5. This is layer " +
          '6. (set in provider)',
        "9:3 orders: 'orders' inherits this value from provider",
        "11:3 users: 'users' inherits this value from provider",
      ],
    ]);
  });

  it('a Globals timeout and memory too large for two viewer functions: one finding each, naming both', () => {
    const text = yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Globals:',
      '  Function:',
      '    Runtime: nodejs22.x',
      '    AutoPublishAlias: live',
      '    Timeout: 10',
      '    MemorySize: 256',
      'Resources:',
      '  Auth:',
      '    Type: AWS::Serverless::Function',
      '  Rewrite:',
      '    Type: AWS::Serverless::Function',
      '  Small:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Timeout: 5',
      '      MemorySize: 128',
      '  Cdn:',
      '    Type: AWS::CloudFront::Distribution',
      '    Properties:',
      '      DistributionConfig:',
      '        DefaultCacheBehavior:',
      '          LambdaFunctionAssociations:',
      '            - EventType: viewer-request',
      '              LambdaFunctionARN: !Ref Auth.Version',
      '            - EventType: viewer-response',
      '              LambdaFunctionARN: !Ref Small.Version',
      '        CacheBehaviors:',
      '          - LambdaFunctionAssociations:',
      '              - EventType: viewer-request',
      '                LambdaFunctionARN: !Ref Rewrite.Version',
      '              - EventType: viewer-request',
      '                LambdaFunctionARN: !Ref Auth.Version',
    );
    assert.deepEqual(findingsOf(text, 'lambda-edge-restrictions'), [
      [
        "6:14-6:16 Each of functions 'Auth' and 'Rewrite' is a Lambda@Edge function (viewer-request) and allows " +
          'at most a 5 s timeout for viewer-request triggers. (set in Globals)',
        "9:3 Auth: 'Auth' inherits this value from Globals",
        "11:3 Rewrite: 'Rewrite' inherits this value from Globals",
        '25:34 !Ref Auth.Version: the CloudFront association',
        '31:36 !Ref Rewrite.Version: the CloudFront association',
        '33:36 !Ref Auth.Version: the CloudFront association',
      ],
      [
        "7:17-7:20 Each of functions 'Auth' and 'Rewrite' is a Lambda@Edge function (viewer-request) and allows " +
          'at most 128 MB of memory for viewer-request triggers. (set in Globals)',
        "9:3 Auth: 'Auth' inherits this value from Globals",
        "11:3 Rewrite: 'Rewrite' inherits this value from Globals",
        '25:34 !Ref Auth.Version: the CloudFront association',
        '31:36 !Ref Rewrite.Version: the CloudFront association',
        '33:36 !Ref Auth.Version: the CloudFront association',
      ],
    ]);
  });
});
