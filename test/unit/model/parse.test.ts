import { strict as assert } from 'assert';
import { loadTemplate, toPlain, valueOf } from '../../../src/core';
import type { IntrinsicNode, Node } from '../../../src/core';
import { outlineOf } from '../../../src/core/outline/outline';
import { load, textAt, where, yaml } from '../helpers';

function prop(template: ReturnType<typeof load>, logicalId: string, key: string): Node {
  const value = valueOf(template.resourceById.get(logicalId)?.properties, key);
  assert.ok(value, `${logicalId}.${key} missing`);
  return value;
}

describe('parsing templates with exact spans', () => {
  const text = yaml(
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Queue:',
    '    Type: AWS::SQS::Queue',
    '    Properties:',
    '      VisibilityTimeout: 60',
    '      QueueName: !Sub "${AWS::StackName}-q"',
    '      Tags: !If [IsProd, [{Key: a, Value: b}], !Ref AWS::NoValue]',
    '  Topic:',
    '    Type: AWS::SNS::Topic',
    '    Properties:',
    '      DisplayName: !GetAtt Queue.QueueName',
    '      TopicName: !Join ["-", [!Ref AWS::StackName, topic]]',
    '      KmsMasterKeyId: {"Fn::GetAtt": [Key, Arn]}',
    '      Other: !MyCustomTag value',
  );
  const t = load(text);

  it('detects plain CloudFormation and lists resources with the span of their logical ID', () => {
    assert.equal(t.kind, 'cloudformation');
    assert.deepEqual(
      t.resources.map((r) => [r.logicalId, r.type, where(t, r.idSpan), textAt(t, r.idSpan)]),
      [
        ['Queue', 'AWS::SQS::Queue', '3:3', 'Queue'],
        ['Topic', 'AWS::SNS::Topic', '9:3', 'Topic'],
      ],
    );
  });

  it('gives scalars the span of the value only', () => {
    const v = prop(t, 'Queue', 'VisibilityTimeout');
    assert.equal(textAt(t, v.span), '60');
    assert.equal(where(t, v.span), '6:26');
    assert.deepEqual(v.kind === 'scalar' && v.value, 60);
  });

  it('turns short-form tags into intrinsics spanning tag and argument', () => {
    const sub = prop(t, 'Queue', 'QueueName') as IntrinsicNode;
    assert.equal(sub.kind, 'intrinsic');
    assert.equal(sub.name, 'Fn::Sub');
    assert.equal(sub.form, 'short');
    assert.equal(textAt(t, sub.nameSpan), '!Sub');
    assert.equal(textAt(t, sub.span), '!Sub "${AWS::StackName}-q"');
  });

  it('reads !GetAtt in dotted form and the long form in a flow map alike', () => {
    assert.deepEqual(toPlain(prop(t, 'Topic', 'DisplayName')), { 'Fn::GetAtt': ['Queue', 'QueueName'] });
    const long = prop(t, 'Topic', 'KmsMasterKeyId') as IntrinsicNode;
    assert.equal(long.form, 'long');
    assert.deepEqual(toPlain(long), { 'Fn::GetAtt': ['Key', 'Arn'] });
    assert.equal(textAt(t, long.nameSpan), '"Fn::GetAtt"');
  });

  it('nests intrinsics inside lists of intrinsics', () => {
    assert.deepEqual(toPlain(prop(t, 'Topic', 'TopicName')), {
      'Fn::Join': ['-', [{ Ref: 'AWS::StackName' }, 'topic']],
    });
    assert.deepEqual(toPlain(prop(t, 'Queue', 'Tags')), {
      'Fn::If': ['IsProd', [{ Key: 'a', Value: 'b' }], { Ref: 'AWS::NoValue' }],
    });
  });

  it('keeps unknown tags as written instead of failing', () => {
    const custom = prop(t, 'Topic', 'Other') as IntrinsicNode;
    assert.equal(custom.name, '!MyCustomTag');
    assert.deepEqual(t.problems, []);
  });

  it('reads every short form CloudFormation defines', () => {
    const tags = [
      'Ref',
      'GetAtt',
      'Sub',
      'Join',
      'If',
      'Select',
      'Split',
      'FindInMap',
      'GetAZs',
      'ImportValue',
      'Base64',
      'Cidr',
      'Equals',
      'And',
      'Or',
      'Not',
      'Condition',
      'Transform',
    ];
    const doc = load(
      yaml(
        'Resources:',
        '  R:',
        '    Type: AWS::SNS::Topic',
        '    Properties:',
        ...tags.map((tag) => `      P${tag}: !${tag} x`),
      ),
    );
    for (const tag of tags) {
      const node = prop(doc, 'R', `P${tag}`) as IntrinsicNode;
      assert.equal(node.kind, 'intrinsic', tag);
      assert.equal(node.name, tag === 'Ref' || tag === 'Condition' ? tag : `Fn::${tag}`);
    }
  });

  it('parses JSON templates with spans and long-form intrinsics', () => {
    const json =
      '{\n  "Resources": {\n    "Bucket": {\n      "Type": "AWS::S3::Bucket",\n      "Properties": ' +
      '{"BucketName": {"Ref": "Name"}}\n    }\n  }\n}\n';
    const jt = load(json, 'template.json');
    assert.equal(jt.format, 'json');
    const r = jt.resourceById.get('Bucket')!;
    assert.equal(where(jt, r.idSpan), '3:5');
    assert.equal(textAt(jt, r.idSpan), '"Bucket"');
    assert.deepEqual(toPlain(valueOf(r.properties, 'BucketName')!), { Ref: 'Name' });
  });
});

describe('template kinds', () => {
  it('detects SAM by its transform, alone or in a list', () => {
    assert.equal(load(yaml('Transform: AWS::Serverless-2016-10-31', 'Resources: {}')).kind, 'sam');
    assert.equal(
      load(yaml('Transform: [AWS::LanguageExtensions, AWS::Serverless-2016-10-31]', 'Resources: {}')).kind,
      'sam',
    );
  });

  it('detects the Serverless Framework by service and provider', () => {
    assert.equal(load(yaml('service: x', 'provider:', '  name: aws'), 'serverless.yml').kind, 'serverless');
  });

  it('ignores YAML that is not a template, quietly', () => {
    assert.equal(loadTemplate(yaml('name: CI', 'on: [push]', 'jobs: {}'), '.github/workflows/ci.yml'), undefined);
    assert.equal(loadTemplate(yaml('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: x'), 'pod.yaml'), undefined);
  });
});

describe('bad input', () => {
  it('reports malformed YAML with its position and keeps what parsed', () => {
    const t = load(yaml('Resources:', '  Queue:', '    Type: AWS::SQS::Queue', '    Properties: [unclosed'));
    const problem = t.problems.find((p) => p.code === 'yaml-syntax');
    assert.ok(problem, 'a yaml-syntax problem');
    assert.match(problem.message, /end with a \]/);
    assert.equal(where(t, problem.span), '4:17', 'points at the bracket that is never closed');
    assert.equal(t.resources.length, 1);
  });

  it('reports malformed JSON with its position', () => {
    const t = load('{\n  "Resources": {\n    "A": {"Type": "AWS::SNS::Topic",}\n  }\n}\n', 'template.json');
    const problem = t.problems.find((p) => p.code === 'json-syntax');
    assert.ok(problem);
    assert.equal(where(t, problem.span), '3:37');
    assert.equal(problem.message, 'JSON: property name expected');
  });

  it('reports both places of a duplicate key and keeps parsing', () => {
    const t = load(yaml('Resources:', '  A:', '    Type: AWS::SNS::Topic', '  A:', '    Type: AWS::SQS::Queue'));
    const dup = t.problems.find((p) => p.code === 'duplicate-key');
    assert.ok(dup);
    assert.equal(where(t, dup.span), '4:3');
    assert.equal(where(t, dup.related![0].span), '2:3');
    assert.equal(
      dup.message,
      "Duplicate key 'A': CloudFormation rejects a template with duplicate keys (first defined at line 2, column 3).",
    );
  });

  it('says where the first of a duplicate key is in JSON too, as line and column', () => {
    // The shape of cfn-lint's templates/bad/duplicate.json: a resource written twice.
    const t = load(
      '{\n  "Resources": {\n    "MySNSTopic": { "Type": "AWS::SNS::Topic" },\n    "MySNSTopic": { "Type": ' +
        '"AWS::SNS::Topic" }\n  }\n}\n',
      'template.json',
    );
    const dup = t.problems.find((p) => p.code === 'duplicate-key');
    assert.equal(dup && where(t, dup.span), '4:5');
    assert.equal(
      dup?.message,
      "Duplicate key 'MySNSTopic': CloudFormation rejects a template with duplicate keys (first defined at line " +
        '3, column 5).',
    );
  });

  it('stops a YAML alias bomb with a message instead of expanding it', () => {
    const bomb = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      bomb.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    // Expanded, the bomb is 10^10 nodes: the test would not finish, so finishing is the proof.
    const t = load(yaml('Resources: {}', 'Metadata:', ...bomb.map((l) => `  ${l}`)));
    assert.ok(
      t.problems.some((p) => p.code === 'yaml-syntax' && /alias/i.test(p.message)),
      JSON.stringify(t.problems),
    );
  });

  it('refuses a 5 MB template with a clear message instead of parsing it', () => {
    const padding = '  # padding padding padding padding padding padding padding padding\n';
    const big = `Resources:\n${padding.repeat(Math.ceil((5 * 1024 * 1024) / padding.length))}`;
    const t = load(big);
    assert.equal(t.problems[0].code, 'template-too-large');
    assert.match(t.problems[0].message, /^This template is 5\.0 MB; CloudFormation accepts at most 1 MB/);
    assert.equal(loadTemplate(big, 'notes.yaml'), undefined, 'a big YAML not named like a template is skipped quietly');
    assert.equal(t.resources.length, 0);
  });

  it('says a binary file named template.yaml is not text', () => {
    const t = load('\u0000\u0001\u0002PK\u0003\u0004binary', 'template.yaml');
    assert.equal(t.problems[0].code, 'not-text');
  });

  it('reports a Resources that is a list', () => {
    const t = load(yaml('AWSTemplateFormatVersion: "2010-09-09"', 'Resources:', '  - Type: AWS::SNS::Topic'));
    const problem = t.problems.find((p) => p.code === 'template-structure');
    assert.ok(problem);
    assert.match(problem.message, /not a list/);
    assert.equal(where(t, problem.span), '3:3');
  });

  it('survives intrinsic functions in odd places', () => {
    const t = load(
      yaml(
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Resources:',
        '  A: !Ref B',
        '  C:',
        '    Type: !Ref T',
        '    Properties: !If [X, {}, {}]',
      ),
    );
    assert.ok(t.problems.some((p) => /Resource 'A' must be a map/.test(p.message)));
    assert.ok(t.problems.some((p) => /Resource 'C' has no Type/.test(p.message)));
  });

  it('models intrinsics where a section, a map or a list belongs without throwing', () => {
    const sam = (...lines: string[]) =>
      yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  F:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '      CodeUri: .',
        ...lines,
      );
    const cases: [string, string, RegExp | number][] = [
      [
        'Resources',
        yaml('Transform: AWS::Serverless-2016-10-31', 'Resources: !Ref X'),
        /Resources must be a map .* not an intrinsic function/,
      ],
      ['Globals', yaml('Globals:', '  Function: !Ref X') + sam(), /The 'Function' section must be a map/],
      [
        'function properties',
        sam(
          '      Events: !If [C, {}, {}]',
          '      Environment: !Ref E',
          '      Policies: !If [C, [], []]',
          '      Layers: !Ref L',
        ),
        2,
      ],
      [
        'events',
        sam('      Events:', '        E: !Ref X', '        H:', '          Type: Api', '          Properties: !Ref P'),
        6,
      ],
    ];
    for (const [place, text, expected] of cases) {
      const t = load(text);
      if (typeof expected === 'number')
        assert.equal(t.resources.length, expected, `${place}: ${t.resources.map((r) => r.logicalId).join(', ')}`);
      else
        assert.ok(
          t.problems.some((p) => expected.test(p.message)),
          `${place}: ${t.problems.map((p) => p.message).join(' | ')}`,
        );
      assert.ok(outlineOf(t, 'template.yaml'), place);
    }
  });

  it('says when a file named like a template is not one', () => {
    const t = load(yaml('hello: world'), 'template.yaml');
    assert.equal(t.problems[0].code, 'template-structure');
  });
});
