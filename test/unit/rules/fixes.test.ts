import { strict as assert } from 'assert';
import { analyzeTemplate, suppressionFix } from '../../../src/core/rules';
import type { Fix, Rule } from '../../../src/core/rules';
import { lambdaMemoryRange, lambdaTimeoutRange } from '../../../src/core/rules/lambda-limits';
import { getattUndefined, refUndefined, subVariableUndefined } from '../../../src/core/rules/reference-checks';
import { runtimeDeprecated, runtimeUnknown } from '../../../src/core/rules/runtimes';
import { envPlaintextSecret } from '../../../src/core/rules/security';
import { sqsVisibilityTimeout } from '../../../src/core/rules/integrations';
import { load, yaml } from '../helpers';
import { applyEdits, TODAY } from './rule-tester';

function fixesOf(rule: Rule, text: string, fileName = 'template.yaml'): Fix[] {
  const result = analyzeTemplate(load(text, fileName), { today: TODAY }, [rule]);
  return result.findings.flatMap((f) => f.fixes);
}

function applyOnly(rule: Rule, text: string, title: RegExp, fileName?: string): string {
  const fix = fixesOf(rule, text, fileName).find((f) => title.test(f.title));
  assert.ok(
    fix,
    `a fix matching ${title} among: ${fixesOf(rule, text, fileName)
      .map((f) => f.title)
      .join(', ')}`,
  );
  const fixed = applyEdits(text, fix.edits);
  // A fix must leave the template valid for the rule it fixes.
  assert.deepEqual(
    fixesOf(rule, fixed, fileName).filter((f) => title.test(f.title)),
    [],
    'the fix is no longer offered after applying it',
  );
  return fixed;
}

const sam = (...lines: string[]) => yaml('Transform: AWS::Serverless-2016-10-31', ...lines);

describe('quick fixes', () => {
  it('replaces a deprecated runtime with its successor, keeping the quotes', () => {
    const text = sam(
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      "      Runtime: 'nodejs18.x'",
      '      Timeout: 3',
    );
    assert.equal(applyOnly(runtimeDeprecated, text, /nodejs24\.x/), text.replace("'nodejs18.x'", "'nodejs24.x'"));
  });

  it('replaces an unknown runtime with the closest valid id', () => {
    const text = sam(
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: provided.al2023023',
    );
    assert.equal(
      applyOnly(runtimeUnknown, text, /provided\.al2023$/),
      text.replace('provided.al2023023', 'provided.al2023'),
    );
  });

  it('clamps memory and timeout into range, also in JSON', () => {
    const text = sam(
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      MemorySize: 20000 # too much',
    );
    assert.equal(applyOnly(lambdaMemoryRange, text, /10240/), text.replace('20000', '10240'));
    const json =
      '{\n  "Resources": {\n    "Fn": {\n      "Type": "AWS::Lambda::Function",\n      "Properties": { ' +
      '"Timeout": 0 }\n    }\n  }\n}\n';
    assert.equal(
      applyOnly(lambdaTimeoutRange, json, /to 1$/, 'template.json'),
      json.replace('"Timeout": 0', '"Timeout": 1'),
    );
  });

  describe('a value from a parameter is fixed at its Default, never by writing over the reference', () => {
    const withMem = (mem: string, ...props: string[]) =>
      sam(
        'Parameters:',
        '  Mem:',
        '    Type: Number',
        ...mem.split('\n').map((l) => `    ${l}`),
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: nodejs22.x',
        ...props.map((p) => `      ${p}`),
      );

    it('edits the Default, keeping its quotes, and keeps the !Ref', () => {
      const text = withMem("Default: '20000'", 'MemorySize: !Ref Mem');
      const fixed = applyOnly(lambdaMemoryRange, text, /^Set Default of parameter Mem to 10240$/);
      assert.equal(fixed, text.replace("Default: '20000'", "Default: '10240'"));
    });

    it('edits the runtime parameter Default the same way', () => {
      const text = sam(
        'Parameters:',
        '  Rt:',
        '    Type: String',
        '    Default: nodejs18.x',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Runtime: !Ref Rt',
      );
      assert.equal(
        applyOnly(runtimeDeprecated, text, /^Set Default of parameter Rt to nodejs24\.x$/),
        text.replace('Default: nodejs18.x', 'Default: nodejs24.x'),
      );
    });

    it('offers no fix when the Default must also satisfy AllowedValues, or the value is chosen by a condition', () => {
      assert.deepEqual(
        fixesOf(lambdaMemoryRange, withMem('Default: 20000\nAllowedValues: [20000, 512]', 'MemorySize: !Ref Mem')),
        [],
      );
      const chosen = sam(
        'Conditions:',
        '  Big: !Equals [a, a]',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      MemorySize: !If [Big, 20000, 512]',
      );
      assert.deepEqual(fixesOf(lambdaMemoryRange, chosen), []);
    });

    it('offers no fix for a Serverless variable, whose text is the reference', () => {
      const text = yaml(
        'service: s',
        'provider:',
        '  name: aws',
        '  runtime: nodejs22.x',
        'custom:',
        '  mem: 20000',
        'functions:',
        '  api:',
        '    handler: h.handler',
        '    memorySize: ${self:custom.mem}',
      );
      const findings = analyzeTemplate(load(text, 'serverless.yml'), { today: TODAY }, [lambdaMemoryRange]).findings;
      assert.equal(findings.length, 1, 'the resolved value is still judged');
      assert.deepEqual(findings[0].fixes, []);
    });
  });

  describe('SQS visibility timeout set to 6 × the function timeout', () => {
    const worker = [
      '  Worker:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Timeout: 20',
      '      Events:',
      '        Q:',
      '          Type: SQS',
      '          Properties:',
      '            Queue: !GetAtt Queue.Arn',
    ];

    it('replaces the value that is there', () => {
      const text = sam(
        'Resources:',
        '  Queue:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      VisibilityTimeout: 30',
        ...worker,
      );
      assert.equal(
        applyOnly(sqsVisibilityTimeout, text, /120/),
        text.replace('VisibilityTimeout: 30', 'VisibilityTimeout: 120'),
      );
    });

    it('adds the property, or the Properties map, on new lines only', () => {
      const withProps = sam(
        'Resources:',
        '  Queue:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        '      DelaySeconds: 5',
        ...worker,
      );
      assert.equal(
        applyOnly(sqsVisibilityTimeout, withProps, /120/),
        withProps.replace('DelaySeconds: 5\n', 'DelaySeconds: 5\n      VisibilityTimeout: 120\n'),
      );
      const bare = sam('Resources:', '  Queue:', '    Type: AWS::SQS::Queue', '', ...worker);
      assert.equal(
        applyOnly(sqsVisibilityTimeout, bare, /120/),
        bare.replace('AWS::SQS::Queue\n', 'AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 120\n'),
      );
    });
  });

  describe('a plaintext secret becomes an SSM dynamic reference named by a parameter', () => {
    it('YAML, adding the Parameters section before Resources', () => {
      const text = sam(
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Environment:',
        '        Variables:',
        '          DB_PASSWORD: hunter2hunter2',
        '          STAGE: dev',
      );
      assert.equal(
        applyOnly(envPlaintextSecret, text, /SSM/),
        sam(
          'Parameters:',
          '  DbPasswordSsmParameter:',
          '    Type: String',
          '    Default: /Fn/DB_PASSWORD',
          '    Description: Name of the SSM parameter that holds DB_PASSWORD',
          'Resources:',
          '  Fn:',
          '    Type: AWS::Serverless::Function',
          '    Properties:',
          '      Environment:',
          '        Variables:',
          "          DB_PASSWORD: !Sub '{{resolve:ssm:${DbPasswordSsmParameter}}}'",
          '          STAGE: dev',
        ),
      );
    });

    it('JSON, adding to the existing Parameters', () => {
      const text = JSON.stringify(
        {
          Parameters: { Stage: { Type: 'String' } },
          Resources: {
            Fn: {
              Type: 'AWS::Lambda::Function',
              Properties: { Environment: { Variables: { API_TOKEN: 'abcd1234abcd', S: { Ref: 'Stage' } } } },
            },
          },
        },
        null,
        2,
      );
      const fixed = applyOnly(envPlaintextSecret, text, /SSM/, 'template.json');
      const parsed = JSON.parse(fixed);
      assert.deepEqual(parsed.Resources.Fn.Properties.Environment.Variables.API_TOKEN, {
        'Fn::Sub': '{{resolve:ssm:${ApiTokenSsmParameter}}}',
      });
      assert.deepEqual(parsed.Parameters.ApiTokenSsmParameter, {
        Type: 'String',
        Default: '/Fn/API_TOKEN',
        Description: 'Name of the SSM parameter that holds API_TOKEN',
      });
      assert.deepEqual(parsed.Parameters.Stage, { Type: 'String' });
    });
  });

  it('corrects a misspelled Ref and GetAtt target', () => {
    const text = yaml(
      'Resources:',
      '  OrdersQueue:',
      '    Type: AWS::SQS::Queue',
      'Outputs:',
      '  A:',
      '    Value: !Ref OrderQueue',
      '  B:',
      '    Value: !GetAtt OrdersQeue.Arn',
    );
    assert.equal(applyOnly(refUndefined, text, /OrdersQueue/), text.replace('!Ref OrderQueue', '!Ref OrdersQueue'));
    assert.equal(applyOnly(getattUndefined, text, /OrdersQueue/), text.replace('OrdersQeue.Arn', 'OrdersQueue.Arn'));
  });

  it('adds a missing parameter, to Parameters or as a new section', () => {
    const withSection = yaml(
      'Parameters:',
      '  Stage:',
      '    Type: String',
      'Resources:',
      '  Q:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      '      QueueName: !Ref QueuePrefix',
      '      DelaySeconds: !Ref Stage',
    );
    assert.equal(
      applyOnly(refUndefined, withSection, /Add parameter/),
      withSection.replace('    Type: String\n', '    Type: String\n  QueuePrefix:\n    Type: String\n'),
    );
    const without = yaml(
      'Resources:',
      '  Q:',
      '    Type: AWS::SQS::Queue',
      '    Properties:',
      "      QueueName: !Sub '${Prefix}-q'",
    );
    assert.equal(
      applyOnly(subVariableUndefined, without, /Add parameter 'Prefix'/),
      `Parameters:\n  Prefix:\n    Type: String\n${without}`,
    );
  });
});

describe('suppression quick fixes', () => {
  const findingsAfter = (text: string) => analyzeTemplate(load(text), { today: TODAY }, [lambdaMemoryRange]).findings;
  const apply = (text: string, logicalId: string | undefined) => {
    const fix = suppressionFix(load(text), 'lambda-memory-range', logicalId);
    assert.ok(fix);
    return applyEdits(text, fix.edits);
  };
  const fn = (...extra: string[]) =>
    sam(
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      MemorySize: 99999',
      ...extra,
    );

  it('adds Metadata to the resource, and the finding is gone', () => {
    const fixed = apply(fn(), 'Fn');
    assert.equal(fixed, fn('    Metadata:', '      serverless-workbench:', '        ignore: [lambda-memory-range]'));
    assert.deepEqual(findingsAfter(fixed), []);
  });

  it('appends to an existing block list', () => {
    const text = fn('    Metadata:', '      serverless-workbench:', '        ignore:', '          - api-no-auth');
    assert.equal(
      apply(text, 'Fn'),
      fn(
        '    Metadata:',
        '      serverless-workbench:',
        '        ignore:',
        '          - api-no-auth',
        '          - lambda-memory-range',
      ),
    );
  });

  it('adds template-wide Metadata before Resources', () => {
    const fixed = apply(fn(), undefined);
    assert.equal(
      fixed,
      sam(
        'Metadata:',
        '  serverless-workbench:',
        '    ignore: [lambda-memory-range]',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      MemorySize: 99999',
      ),
    );
    assert.deepEqual(findingsAfter(fixed), []);
  });
});
