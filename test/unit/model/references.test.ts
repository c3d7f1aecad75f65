import { strict as assert } from 'assert';
import { referencesIn } from '../../../src/core';
import { load, textAt, yaml } from '../helpers';

describe('references inside values', () => {
  const t = load(yaml(
    'AWSTemplateFormatVersion: "2010-09-09"',
    'Resources:',
    '  Fn:',
    '    Type: AWS::Lambda::Function',
    '    Properties:',
    '      Role: !GetAtt FnRole.Arn',
    '      Environment:',
    '        Variables:',
    '          TABLE: !Ref Table',
    '          URL: !Sub "https://${Api}.execute-api.${AWS::Region}.amazonaws.com/${Stage}"',
    '          ARN: {"Fn::GetAtt": [Queue, Arn]}',
    '          LOCAL: !Sub ["${X}-${Table.StreamArn}-${!Literal}", {X: !Ref Other}]',
  ));
  const refs = referencesIn(t.resourceById.get('Fn')!.properties!, t.text);

  it('finds Ref, GetAtt (both forms) and Sub variables with the span of the name alone', () => {
    assert.deepEqual(refs.map((r) => [r.kind, r.target, r.attribute ?? '', textAt(t, r.span)]), [
      ['GetAtt', 'FnRole', 'Arn', 'FnRole'],
      ['Ref', 'Table', '', 'Table'],
      ['Sub', 'Api', '', 'Api'],
      ['Sub', 'Stage', '', 'Stage'],
      ['GetAtt', 'Queue', 'Arn', 'Queue'],
      ['Sub', 'Table', 'StreamArn', 'Table'],
      ['Ref', 'Other', '', 'Other'],
    ]);
  });

  it('skips pseudo parameters, escaped ${!Literal} and variables defined by the Sub map', () => {
    assert.ok(!refs.some((r) => r.target.startsWith('AWS::') || r.target === 'X' || r.target.includes('Literal')));
  });
});
