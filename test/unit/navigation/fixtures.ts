import type { Span, Template } from '../../../src/core';
import { load, yaml } from '../helpers';

/**
 * Where a user puts the cursor: at the `|` in `needle` (`'Ref |Table'`), or just inside the needle when
 * it has none, in its `nth` (0-based) occurrence.
 */
export function cursor(template: Template, needle: string, nth = 0): number {
  const bar = needle.indexOf('|');
  const text = bar < 0 ? needle : needle.slice(0, bar) + needle.slice(bar + 1);
  let at = -1;
  for (let i = 0; i <= nth; i++) {
    at = template.text.indexOf(text, at + 1);
    if (at < 0) throw new Error(`'${text}' #${nth} not in the template`);
  }
  return at + (bar < 0 ? 1 : bar);
}

/** "line:column" (1-based) and the text at each span, sorted, as a user reads a reference list. */
export function places(template: Template, spans: readonly Span[]): string[] {
  return spans.map((s) => {
    const { line, column } = template.lines.oneBased(s);
    return `${line}:${column} ${template.text.slice(s.start, s.end)}`;
  });
}

export const samTemplate = (): Template =>
  load(
    yaml(
      "AWSTemplateFormatVersion: '2010-09-09'",
      'Transform: AWS::Serverless-2016-10-31',
      'Parameters:',
      '  Stage:',
      '    Type: String',
      '  StageName:',
      '    Type: String',
      'Conditions:',
      '  IsProd: !Equals [!Ref Stage, prod]',
      'Mappings:',
      '  Sizes:',
      '    dev: {Memory: 128}',
      'Globals:',
      '  Function:',
      '    Environment:',
      '      Variables:',
      '        STAGE: !Ref Stage',
      'Resources:',
      '  Table:',
      '    Type: AWS::DynamoDB::Table',
      '    Condition: IsProd',
      '  TableStream:',
      '    Type: AWS::SQS::Queue',
      '  Worker:',
      '    Type: AWS::Serverless::Function',
      '    DependsOn: [Table, TableStream]',
      '    Properties:',
      '      Handler: app.handler',
      '      Runtime: python3.12',
      '      MemorySize: !FindInMap [Sizes, !Ref Stage, Memory]',
      '      Timeout: !If [IsProd, 30, 10]',
      '      Policies:',
      '        - DynamoDBCrudPolicy:',
      '            TableName: !Ref Table',
      '      Environment:',
      '        Variables:',
      "          URL: !Sub 'https://${Table}.example/${TableStream.Arn}/${Stage}'",
      '          ROLE: !GetAtt WorkerRole.Arn',
      '          ARN: !GetAtt [Table, Arn]',
      '          REGION: !Ref AWS::Region',
      'Outputs:',
      '  TableName:',
      '    Value: !Ref Table',
      '    Export:',
      "      Name: !Sub '${AWS::StackName}-TableName'",
    ),
  );
