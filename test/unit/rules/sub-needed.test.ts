import { strict as assert } from 'assert';
import { subNeeded } from '../../../src/core/rules/sub-needed';
import { load, yaml } from '../helpers';
import { applyEdits, ruleTester, run } from './rule-tester';

const cfn = (...lines: string[]) =>
  yaml(
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Parameters:',
    '  Stage:',
    '    Type: String',
    'Resources:',
    '  Table:',
    '    Type: AWS::DynamoDB::Table',
    ...lines,
  );
const queue = (name: string) => cfn('  Q:', '    Type: AWS::SQS::Queue', '    Properties:', `      QueueName: ${name}`);

ruleTester(subNeeded, {
  valid: [
    {
      name: 'inside Fn::Sub, short and long form',
      text: cfn(
        '  Q:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        "      QueueName: !Sub 'orders-${Stage}'",
        '      Tags:',
        '        - Key: k',
        '          Value:',
        "            Fn::Sub: '${AWS::Region}'",
      ),
    },
    {
      name: 'names the template does not have (shell, VTL, IAM policy variables)',
      text: queue("'${HOME}-${stageVariables.fn}-${aws:username}'"),
    },
    { name: 'a template for a preprocessor', text: queue("'orders-${Stage}-${self:custom.suffix}'") },
    { name: 'an escaped literal', text: queue("'${!Stage}'") },
    {
      name: 'inline code, state machine definitions and Metadata',
      text: cfn(
        '  Fn:',
        '    Type: AWS::Lambda::Function',
        '    Metadata:',
        "      Note: '${Stage}'",
        '    Properties:',
        '      Code:',
        '        ZipFile: |',
        '          echo ${Stage}',
        '  SM:',
        '    Type: AWS::StepFunctions::StateMachine',
        '    Properties:',
        '      DefinitionString: \'{"Resource": "${Table}"}\'',
        '      DefinitionSubstitutions:',
        '        Table: !Ref Table',
      ),
    },
    {
      name: "serverless.yml variables are the framework's",
      fileName: 'serverless.yml',
      text: yaml(
        'service: s',
        'provider:',
        '  name: aws',
        'resources:',
        '  Parameters:',
        '    Stage:',
        '      Type: String',
        '  Resources:',
        '    Q:',
        '      Type: AWS::SQS::Queue',
        '      Properties:',
        '        QueueName: q-${Stage}',
      ),
    },
  ],
  invalid: [
    {
      name: 'a parameter in a plain string',
      text: queue("'orders-${Stage}'"),
      findings: [
        {
          range: '11:26-11:34',
          text: '${Stage}',
          message: /'\$\{Stage\}' names the parameter Stage, but this string is not in Fn::Sub/,
        },
      ],
    },
    {
      name: 'a pseudo parameter and an attribute in Fn::Join parts',
      text: cfn(
        '  Q:',
        '    Type: AWS::SQS::Queue',
        '    Properties:',
        "      QueueName: !Join ['-', [orders, '${AWS::Region}', '${Table.Arn}']]",
      ),
      findings: [
        { range: '11:40-11:54', text: '${AWS::Region}', message: /pseudo parameter AWS::Region/ },
        { range: '11:58-11:70', text: '${Table.Arn}', message: /attribute Table\.Arn/ },
      ],
    },
    {
      name: 'an output',
      text: cfn('Outputs:', '  Name:', '    Value: table-${Table}'),
      findings: [{ range: '10:18-10:26', text: '${Table}', message: /the resource Table/ }],
    },
    {
      name: 'SAM Globals',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters:',
        '  Stage:',
        '    Type: String',
        'Globals:',
        '  Function:',
        '    Environment:',
        '      Variables:',
        '        STAGE: ${Stage}',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
      ),
      findings: [{ range: '9:16-9:24', text: '${Stage}' }],
    },
  ],
});

describe('sub-needed quick fix', () => {
  it('wraps a YAML scalar in !Sub, keeping its quotes', () => {
    const template = load(queue("'orders-${Stage}'"));
    const [finding] = run(template, subNeeded);
    assert.equal(applyEdits(template.text, finding.fixes[0].edits), queue("!Sub 'orders-${Stage}'"));
  });
  it('wraps a JSON string in {"Fn::Sub": ...}', () => {
    const text =
      '{"Parameters": {"Stage": {"Type": "String"}}, "Resources": {"Q": {"Type": "AWS::SQS::Queue", ' +
      '"Properties": {"QueueName": "q-${Stage}"}}}}';
    const template = load(text, 'template.json');
    const [finding] = run(template, subNeeded);
    assert.equal(applyEdits(text, finding.fixes[0].edits), text.replace('"q-${Stage}"', '{"Fn::Sub": "q-${Stage}"}'));
  });
});
