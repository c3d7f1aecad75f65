import { strict as assert } from 'assert';
import { referencesIn } from '../../../src/core';
import { functionNamedBy, referenceTarget } from '../../../src/core/model/references';
import { load, textAt, yaml } from '../helpers';

describe('references inside values', () => {
  const t = load(
    yaml(
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
    ),
  );
  const refs = referencesIn(t.resourceById.get('Fn')!.properties!, t.text);

  it('finds Ref, GetAtt (both forms) and Sub variables with the span of the name alone', () => {
    assert.deepEqual(
      refs.map((r) => [r.kind, r.target, r.attribute ?? '', textAt(t, r.span)]),
      [
        ['GetAtt', 'FnRole', 'Arn', 'FnRole'],
        ['Ref', 'Table', '', 'Table'],
        ['Sub', 'Api', '', 'Api'],
        ['Sub', 'Stage', '', 'Stage'],
        ['GetAtt', 'Queue', 'Arn', 'Queue'],
        ['Sub', 'Table', 'StreamArn', 'Table'],
        ['Ref', 'Other', '', 'Other'],
      ],
    );
  });

  it('skips pseudo parameters, escaped ${!Literal} and variables defined by the Sub map', () => {
    assert.ok(!refs.some((r) => r.target.startsWith('AWS::') || r.target === 'X' || r.target.includes('Literal')));
  });
});

describe('what a reference names', () => {
  const t = load(
    yaml(
      'Transform: AWS::Serverless-2016-10-31',
      'Parameters:',
      '  Stage: {Type: String, Default: prod}',
      'Resources:',
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Runtime: nodejs20.x',
      '      Handler: a.h',
      '      AutoPublishAlias: live',
      '      Events:',
      '        Get: {Type: Api, Properties: {Path: /a, Method: get}}',
      '      Environment:',
      '        Variables:',
      '          TABLE: !Ref Table',
      '          TABLE_ARN: !GetAtt Table.Arn',
      '          STREAM: {"Fn::GetAtt": [Table, StreamArn]}',
      '          URL: !Sub "https://${ServerlessRestApi}.execute-api.${AWS::Region}.amazonaws.com/${Stage}"',
      '          ALIAS: !Ref Fn.Alias',
      '          ALIAS_IN_SUB: !Sub "${Fn.Alias}"',
      '          ALIAS_NAME: !GetAtt Fn.Alias.Name',
      '          ALIAS_NAME_LIST: {"Fn::GetAtt": [Fn.Alias, Name]}',
      '          ALIAS_NAME_IN_SUB: !Sub "${Fn.Alias.Name}"',
      '          ROLE: !GetAtt FnRole.Arn',
      '          STAGE: !Ref ServerlessRestApi.Stage',
      '          REGION: !Ref AWS::Region',
      '          MISSING: !Ref Tabel',
      '          MISSING_ATT: !GetAtt Stage.Arn',
      '  Table:',
      '    Type: AWS::DynamoDB::Table',
    ),
  );
  const answers = referencesIn(t.resourceById.get('Fn')!.properties!, t.text).map((ref) => {
    const target = referenceTarget(t, ref);
    const written = `${ref.kind} ${ref.target}${ref.attribute ? `.${ref.attribute}` : ''}`;
    switch (target.kind) {
      case 'resource':
        return (
          `${written} → ${target.resource.origin} ${target.resource.logicalId}` +
          `${target.attribute ? ` ${target.attribute}` : ''}` +
          `${target.through ? ` (through ${target.through.owner}.${target.through.property})` : ''}`
        );
      case 'parameter':
        return `${written} → parameter ${target.parameter.name}`;
      case 'pseudo-parameter':
        return `${written} → pseudo parameter ${target.name}`;
      case 'sam-property':
        return `${written} → SAM property ${target.owner}.${target.property}`;
      default:
        return `${written} → undefined ${target.name}`;
    }
  });

  it('says which resource, attribute, parameter or pseudo parameter each Ref, GetAtt and Sub variable names', () => {
    assert.deepEqual(answers, [
      'Ref Table → written Table',
      'GetAtt Table.Arn → written Table Arn',
      'GetAtt Table.StreamArn → written Table StreamArn',
      'Sub ServerlessRestApi → generated ServerlessRestApi',
      'Sub Stage → parameter Stage',
      'Ref Fn.Alias → generated FnAliaslive (through Fn.Alias)',
      'Sub Fn.Alias → generated FnAliaslive (through Fn.Alias)',
      'GetAtt Fn.Alias.Name → generated FnAliaslive Name (through Fn.Alias)',
      'GetAtt Fn.Alias.Name → generated FnAliaslive Name (through Fn.Alias)',
      'Sub Fn.Alias.Name → generated FnAliaslive Name (through Fn.Alias)',
      'GetAtt FnRole.Arn → generated FnRole Arn',
      'Ref ServerlessRestApi.Stage → generated ServerlessRestApiProdStage (through ServerlessRestApi.Stage)',
      'Ref AWS::Region → pseudo parameter AWS::Region',
      'Ref Tabel → undefined Tabel',
      'GetAtt Stage.Arn → undefined Stage',
    ]);
  });

  it("follows SAM's Fn.Alias and Fn.Version to the function they publish", () => {
    const alias = referencesIn(t.resourceById.get('Fn')!.properties!, t.text).find((r) => r.target === 'Fn.Alias')!;
    const named = functionNamedBy(t, alias.node);
    assert.deepEqual(named && [named.fn.logicalId, named.qualifier], ['Fn', 'Alias']);
  });

  it('outside SAM, a dotted Ref is not a generated name', () => {
    const cfn = load(
      yaml(
        'AWSTemplateFormatVersion: "2010-09-09"',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Lambda::Function',
        '    Properties:',
        '      Description: !Ref Fn.Alias',
      ),
    );
    assert.deepEqual(referenceTarget(cfn, { kind: 'Ref', target: 'Fn.Alias' }), {
      kind: 'undefined',
      name: 'Fn.Alias',
    });
  });
});
