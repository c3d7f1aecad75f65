import type { TemplateKind } from '../model/template';

/** A resource or function skeleton offered where a new logical ID or function name is being typed. */
export interface Snippet {
  readonly label: string;
  readonly detail: string;
  readonly body: string;
}

// Bodies are indented relative to the line they are inserted on; the editor adds that line's indentation.
const SAM_SNIPPETS: readonly Snippet[] = [
  {
    label: 'sam-function-api',
    detail: 'SAM function with an API event',
    body: [
      '${1:Hello}Function:',
      '  Type: AWS::Serverless::Function',
      '  Properties:',
      '    CodeUri: ${2:src/}',
      '    Handler: ${3:app.handler}',
      '    Runtime: ${4:nodejs22.x}',
      '    Events:',
      '      ${5:Get}:',
      '        Type: Api',
      '        Properties:',
      '          Path: ${6:/hello}',
      '          Method: ${7|get,post,put,delete,patch,any|}',
    ].join('\n'),
  },
  {
    label: 'sam-sqs-consumer',
    detail: 'SQS queue and a SAM function that consumes it',
    body: [
      '${1:Jobs}Queue:',
      '  Type: AWS::SQS::Queue',
      '  Properties:',
      '    VisibilityTimeout: ${2:180}',
      '${1:Jobs}Function:',
      '  Type: AWS::Serverless::Function',
      '  Properties:',
      '    CodeUri: ${3:src/}',
      '    Handler: ${4:app.handler}',
      '    Runtime: ${5:nodejs22.x}',
      '    Timeout: ${6:30}',
      '    Events:',
      '      Queue:',
      '        Type: SQS',
      '        Properties:',
      '          Queue: !GetAtt ${1:Jobs}Queue.Arn',
      '          BatchSize: ${7:10}',
    ].join('\n'),
  },
  {
    label: 'sam-state-machine',
    detail: 'SAM state machine with a definition file',
    body: [
      '${1:Workflow}:',
      '  Type: AWS::Serverless::StateMachine',
      '  Properties:',
      '    DefinitionUri: ${2:statemachine/workflow.asl.json}',
      '    DefinitionSubstitutions:',
      '      ${3:FunctionArn}: !GetAtt ${4:MyFunction}.Arn',
      '    Policies:',
      '      - LambdaInvokePolicy:',
      '          FunctionName: !Ref ${4:MyFunction}',
    ].join('\n'),
  },
];

const TABLE_SNIPPET: Snippet = {
  label: 'dynamodb-table',
  detail: 'DynamoDB table, on-demand, with a partition key',
  body: [
    '${1:Items}Table:',
    '  Type: AWS::DynamoDB::Table',
    '  Properties:',
    '    BillingMode: PAY_PER_REQUEST',
    '    AttributeDefinitions:',
    '      - AttributeName: ${2:id}',
    '        AttributeType: ${3|S,N,B|}',
    '    KeySchema:',
    '      - AttributeName: ${2:id}',
    '        KeyType: HASH',
  ].join('\n'),
};

const SERVERLESS_FUNCTION_SNIPPETS: readonly Snippet[] = [
  {
    label: 'sls-function-http',
    detail: 'Serverless function with an HTTP API event',
    body: [
      '${1:hello}:',
      '  handler: ${2:src/${1:hello}.handler}',
      '  events:',
      '    - httpApi:',
      '        path: ${3:/hello}',
      '        method: ${4|get,post,put,delete,patch,*|}',
    ].join('\n'),
  },
  {
    label: 'sls-sqs-consumer',
    detail: 'Serverless function consuming an SQS queue (declare the queue under resources)',
    body: [
      '${1:worker}:',
      '  handler: ${2:src/${1:worker}.handler}',
      '  timeout: ${3:30}',
      '  events:',
      '    - sqs:',
      '        arn: !GetAtt ${4:JobsQueue}.Arn',
      '        batchSize: ${5:10}',
    ].join('\n'),
  },
];

const SERVERLESS_STATE_MACHINE: Snippet = {
  label: 'sls-state-machine',
  detail: 'Step Functions state machine (needs the serverless-step-functions plugin)',
  body: [
    'stepFunctions:',
    '  stateMachines:',
    '    ${1:workflow}:',
    '      definition:',
    '        StartAt: ${2:Run}',
    '        States:',
    '          ${2:Run}:',
    '            Type: Task',
    '            Resource: !GetAtt ${3:hello}LambdaFunction.Arn',
    '            End: true',
  ].join('\n'),
};

/** Snippets for a new entry under `Resources` (SAM/CloudFormation) or `resources.Resources` (serverless.yml). */
export function resourceSnippets(kind: TemplateKind): readonly Snippet[] {
  return kind === 'sam' ? [...SAM_SNIPPETS, TABLE_SNIPPET] : [TABLE_SNIPPET];
}

export function serverlessFunctionSnippets(): readonly Snippet[] {
  return SERVERLESS_FUNCTION_SNIPPETS;
}

export function serverlessTopLevelSnippets(): readonly Snippet[] {
  return [SERVERLESS_STATE_MACHINE];
}
