import { strict as assert } from 'assert';
import { schemaViolations } from '../../../src/core/schema/validation/template';
import { load, yaml } from '../helpers';
import { cfnResource, fixtureCatalog } from './schema/fixtures';

const kinds = (text: string, fileName?: string) =>
  schemaViolations(load(text, fileName), fixtureCatalog).map((v) => `${v.kind} ${v.path}`);

describe('schema validation engine', () => {
  it('follows a $ref cycle without end and checks nothing there', () => {
    assert.deepEqual(kinds(cfnResource('AWS::Cycle::Thing', 'Anything: 1')), []);
  });

  it('follows a recursive definition as deep as the value goes', () => {
    const depth = 150;
    const lines = Array.from({ length: depth }, (_, i) => `${'  '.repeat(i)}Child:`);
    lines.push(`${'  '.repeat(depth)}Nmae: x`);
    assert.deepEqual(kinds(cfnResource('AWS::Tree::Node', ...lines)), [
      `unknown-property Properties.${Array(depth).fill('Child').join('.')}`,
    ]);
  });

  it('checks resources a false condition leaves out, since their values deploy with other inputs', () => {
    const text = yaml(
      'Conditions:',
      '  Never: !Equals [a, b]',
      'Resources:',
      '  Q:',
      '    Type: AWS::SQS::Queue',
      '    Condition: Never',
      '    Properties:',
      '      QueueNmae: q',
    );
    assert.deepEqual(kinds(text), ['unknown-property Properties']);
  });

  it('reports a resource a Fn::ForEach loop copies once, at the loop body', () => {
    const text = yaml(
      'Transform: AWS::LanguageExtensions',
      'Resources:',
      '  Fn::ForEach::Queues:',
      '    - Name',
      '    - [A, B, C]',
      '    - Queue${Name}:',
      '        Type: AWS::SQS::Queue',
      '        Properties:',
      '          QueueNmae: !Sub ${Name}',
    );
    assert.deepEqual(kinds(text), ['unknown-property Properties']);
  });

  it('checks the CloudFormation resources of a serverless.yml, its ${} variables unknown', () => {
    const text = yaml(
      'service: app',
      'provider:',
      '  name: aws',
      'custom:',
      '  retention: 30',
      'resources:',
      '  Resources:',
      '    Q:',
      '      Type: AWS::SQS::Queue',
      '      Properties:',
      '        MessageRetentionPeriod: ${self:custom.retention}',
      '        VisibilityTimeout: ${opt:timeout}',
      '        QueueNmae: q',
    );
    assert.deepEqual(kinds(text, 'serverless.yml'), ['unknown-property Properties']);
  });

  it('checks JSON templates the same way', () => {
    const text = JSON.stringify(
      {
        Resources: { Q: { Type: 'AWS::SQS::Queue', Properties: { MessageRetentionPeriod: 'abc', FifoQueue: 'true' } } },
      },
      null,
      2,
    );
    assert.deepEqual(kinds(text, 'template.json'), ['type Properties.MessageRetentionPeriod']);
  });
});
