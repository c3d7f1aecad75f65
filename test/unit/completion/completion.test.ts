import { strict as assert } from 'assert';
import { completionsAt } from '../../../src/core/completion/complete';
import type { CompletionProposal } from '../../../src/core/completion/items';
import { loadTemplate } from '../../../src/core';
import { catalog } from './catalog';

const TODAY = new Date('2026-11-23T00:00:00Z');

/** Completions at the `|` of a template written with one. */
function complete(withCursor: string, fileName = 'template.yaml', schemaCompletions = true): CompletionProposal[] {
  const offset = withCursor.indexOf('|');
  const text = withCursor.slice(0, offset) + withCursor.slice(offset + 1);
  const template = loadTemplate(text, fileName);
  if (!template) throw new Error('not a template');
  return completionsAt(template, offset, { catalog, today: TODAY, schemaCompletions });
}
const labels = (items: CompletionProposal[]): string[] => items.map((i) => i.label);

const SAM = [
  'AWSTemplateFormatVersion: "2010-09-09"',
  'Transform: AWS::Serverless-2016-10-31',
  'Parameters:',
  '  Stage: {Type: String}',
  'Conditions:',
  '  IsProd: !Equals [!Ref Stage, prod]',
  'Resources:',
  '  Orders:',
  '    Type: AWS::DynamoDB::Table',
  '  Queue:',
  '    Type: AWS::SQS::Queue',
  '  Worker:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Handler: app.handler',
  '      Runtime: python3.12',
  '      Events:',
  '        Jobs:',
  '          Type: SQS',
  '          Properties:',
  '            Queue: !GetAtt Queue.Arn',
  '<here>',
].join('\n');
const at = (line: string): string => SAM.replace('<here>', line);

describe('completion', () => {
  it('proposes resource types, SAM first, with documentation', () => {
    const items = complete(at('  New:\n    Type: AWS::SQS::Q|'));
    assert.equal(items[0].label, 'AWS::Serverless::Connector');
    const queue = items.find((i) => i.label === 'AWS::SQS::Queue');
    assert.ok(queue?.documentation?.includes('Amazon SQS'), queue?.documentation);
    assert.ok(items.length > 1500, `${items.length} types`);
    assert.equal(queue!.replace.end - queue!.replace.start, 'AWS::SQS::Q'.length);
  });

  it('proposes the properties of the resource type, required first, with docs', () => {
    const items = complete(at('  Bus:\n    Type: AWS::SQS::Queue\n    Properties:\n      Vis|'));
    assert.ok(labels(items).includes('VisibilityTimeout'));
    assert.ok(labels(items).includes('RedrivePolicy'));
    const fn = complete(at('      |'));
    assert.ok(labels(fn).includes('CodeUri') && labels(fn).includes('Policies'), 'SAM function properties');
  });

  it('proposes properties of nested definitions', () => {
    const items = complete(at('  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      KeySchema:\n        - |'));
    assert.deepEqual(labels(items).sort(), ['AttributeName', 'KeyType']);
  });

  it('leaves out the properties the map already has', () => {
    const queue = labels(
      complete(
        at(
          '  Bus:\n    Type: AWS::SQS::Queue\n    Properties:\n      DelaySeconds: 1\n      |\n      FifoQueue: ' +
            'true\n  Other:\n    Type: AWS::SNS::Topic',
        ),
      ),
    );
    assert.ok(queue.includes('VisibilityTimeout'));
    assert.ok(!queue.includes('DelaySeconds') && !queue.includes('FifoQueue'), 'both neighbours are taken');
    const second = labels(
      complete(
        at(
          '  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      KeySchema:\n        - AttributeName: ' +
            'id\n          |',
        ),
      ),
    );
    assert.deepEqual(second, ['KeyType']);
    const nextItem = labels(
      complete(
        at(
          '  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      KeySchema:\n        - AttributeName: ' +
            'id\n          KeyType: HASH\n        - |',
        ),
      ),
    );
    assert.deepEqual(nextItem.sort(), ['AttributeName', 'KeyType'], 'a new list item is a new map');
  });

  it('proposes enumerated values: Runtime (supported first), Architectures, BillingMode, event Type', () => {
    const runtimes = complete(at('  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Runtime: |'));
    assert.ok(!runtimes[0].deprecated && runtimes[0].label !== 'nodejs', runtimes[0].label);
    const python27 = runtimes.find((r) => r.label === 'python2.7');
    assert.ok(python27?.deprecated, 'python2.7 is marked deprecated');
    assert.ok(
      runtimes.findIndex((r) => r.label === 'nodejs22.x') < runtimes.findIndex((r) => r.label === 'nodejs16.x'),
    );
    assert.deepEqual(
      labels(
        complete(at('  F:\n    Type: AWS::Serverless::Function\n    Properties:\n      Architectures:\n        - |')),
      ),
      ['x86_64', 'arm64'],
    );
    assert.ok(
      labels(complete(at('  T:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: |'))).includes(
        'PAY_PER_REQUEST',
      ),
    );
    const events = labels(
      complete(
        at('      Events:\n        Api:\n          Type: |').replace(
          '      Events:\n        Jobs:\n          Type: SQS\n          Properties:\n            Queue: !GetAtt ' +
            'Queue.Arn\n',
          '',
        ),
      ),
    );
    assert.ok(events.includes('SQS') && events.includes('HttpApi') && events.includes('Schedule'), events.join());
  });

  it('proposes event properties for the event type written', () => {
    const items = complete(at('            Batch|'));
    assert.ok(labels(items).includes('BatchSize'), labels(items).join());
  });

  it('proposes SAM function properties and values under Globals', () => {
    const globals =
      'Transform: AWS::Serverless-2016-10-31\nGlobals:\n  Function:\n    Tracing: |\nResources:\n  Q:\n    Type: ' +
      'AWS::SQS::Queue\n';
    assert.deepEqual(labels(complete(globals)), ['Active', 'Disabled', 'PassThrough']);
    assert.ok(labels(complete(globals.replace('Tracing: |', '|'))).includes('MemorySize'));
  });

  it('proposes !Ref targets: parameters, resources, pseudo parameters', () => {
    const items = labels(complete(at('  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref |')));
    assert.ok(
      ['Stage', 'Orders', 'Queue', 'Worker', 'WorkerRole', 'AWS::Region'].every((l) => items.includes(l)),
      items.join(),
    );
  });

  it("proposes !GetAtt targets and then the attributes of the target's type", () => {
    const targets = complete(at('  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !GetAtt |'));
    assert.ok(targets.find((t) => t.label === 'Queue')?.retrigger);
    const attrs = labels(
      complete(at('  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !GetAtt Queue.|')),
    );
    assert.deepEqual(attrs.sort(), ['Arn', 'QueueName', 'QueueUrl']);
    const fnAttrs = labels(
      complete(at('  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !GetAtt Worker.|')),
    );
    assert.ok(fnAttrs.includes('Arn'), "a SAM function has the Lambda function's attributes");
  });

  it('proposes ${} variables inside !Sub, attributes after a dot', () => {
    const names = labels(
      complete(at("  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub '${Stage}-${|")),
    );
    assert.ok(names.includes('Orders') && names.includes('AWS::StackName'));
    const attrs = labels(
      complete(at("  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Sub '${Orders.|")),
    );
    assert.ok(attrs.includes('StreamArn'));
  });

  it('proposes conditions, mappings and DependsOn targets', () => {
    assert.deepEqual(labels(complete(at('  T:\n    Type: AWS::SNS::Topic\n    Condition: |'))), ['IsProd']);
    assert.deepEqual(
      labels(complete(at('  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !If [|'))),
      ['IsProd'],
    );
    assert.deepEqual(labels(complete(at('  T:\n    Type: AWS::SNS::Topic\n    DependsOn: |'))), [
      'Orders',
      'Queue',
      'Worker',
    ]);
  });

  it('proposes SAM policy templates with their parameters as a snippet', () => {
    const items = complete(at('      Policies:\n        - DynamoDBCrud|'));
    const crud = items.find((i) => i.label === 'DynamoDBCrudPolicy');
    assert.ok(crud?.snippet);
    assert.equal(crud.insertText, 'DynamoDBCrudPolicy:\n    TableName: ${1}');
    assert.equal(items.length, 81);
  });

  it('offers snippets for a new resource: function with API, SQS consumer, table, state machine', () => {
    const items = complete(at('  |'));
    assert.deepEqual(labels(items), ['sam-function-api', 'sam-sqs-consumer', 'sam-state-machine', 'dynamodb-table']);
    assert.match(items[1].insertText!, /Type: SQS/);
  });

  it('completes serverless.yml: runtimes, function snippets, events, ${self:} paths', () => {
    const sls =
      'service: s\nprovider:\n  name: aws\n  runtime: |\ncustom:\n  table: t\nfunctions:\n  a:\n    handler: a.h\n';
    assert.ok(labels(complete(sls, 'serverless.yml')).includes('nodejs22.x'));
    assert.deepEqual(labels(complete('service: s\nprovider: {name: aws}\nfunctions:\n  |\n', 'serverless.yml')), [
      'sls-function-http',
      'sls-sqs-consumer',
    ]);
    assert.ok(
      labels(
        complete(
          'service: s\nprovider: {name: aws}\nfunctions:\n  a:\n    handler: a.h\n    events:\n      - |\n',
          'serverless.yml',
        ),
      ).includes('httpApi'),
    );
    assert.deepEqual(
      labels(
        complete(
          'service: s\nprovider: {name: aws}\ncustom:\n  table: t\n  stage: dev\nfunctions:\n  a:\n    handler: ' +
            '${self:custom.|}\n',
          'serverless.yml',
        ),
      ),
      ['custom.table', 'custom.stage'],
    );
    assert.ok(
      labels(
        complete('service: s\nprovider: {name: aws}\nfunctions:\n  a:\n    handler: ${|}\n', 'serverless.yml'),
      ).includes('opt:'),
    );
  });

  it('finds the right resource deep in a long template (the scan starts at the enclosing resource)', () => {
    const resources = Array.from({ length: 60 }, (_, i) =>
      i % 2
        ? `  Queue${i}:\n    Type: AWS::SQS::Queue\n    Properties:\n      VisibilityTimeout: 30\n`
        : `  Table${i}:\n    Type: AWS::DynamoDB::Table\n    Properties:\n      BillingMode: PAY_PER_REQUEST\n`,
    ).join('');
    const text = `AWSTemplateFormatVersion: "2010-09-09"\nResources:\n${resources}`;
    const inQueue = text.replace('      VisibilityTimeout: 30\n  Table42:', '      |\n  Table42:');
    assert.ok(labels(complete(inQueue)).includes('RedrivePolicy'));
    const inTable = text.replace('      BillingMode: PAY_PER_REQUEST\n  Queue43:', '      BillingMode: |\n  Queue43:');
    assert.ok(labels(complete(inTable)).includes('PROVISIONED'));
  });

  it('completes parameter and output keys and parameter types', () => {
    const text =
      'AWSTemplateFormatVersion: "2010-09-09"\nParameters:\n  Env:\n    Type: |\nResources:\n  Q:\n    Type: ' +
      'AWS::SQS::Queue\nOutputs:\n  Url:\n    Value: !Ref Q\n';
    assert.ok(labels(complete(text)).includes('AWS::SSM::Parameter::Value<String>'));
    assert.ok(labels(complete(text.replace('    Type: |', '    |'))).includes('AllowedValues'));
    assert.deepEqual(
      labels(
        complete(
          text.replace('    Type: |', '    Type: String').replace('    Value: !Ref Q', '    Value: !Ref Q\n    |'),
        ),
      ),
      ['Description', 'Export', 'Condition'],
    );
  });

  it('completes in JSON templates', () => {
    const json =
      '{"Resources": {"Q": {"Type": "AWS::SQS::Queue"}, "T": {"Type": "AWS::SNS::Topic", "Properties": ' +
      '{"TopicName": {"Ref": "|"}}}}}';
    assert.ok(labels(complete(json, 'template.json')).includes('Q'));
    const props = '{"Resources": {"Q": {"Type": "AWS::SQS::Queue", "Properties": {"|"}}}}';
    assert.ok(labels(complete(props, 'template.json')).includes('VisibilityTimeout'));
  });

  it('leaves keys and schema values to another schema-driven extension when asked, keeps names', () => {
    assert.deepEqual(
      complete(at('  Bus:\n    Type: AWS::SQS::Queue\n    Properties:\n      |'), 'template.yaml', false),
      [],
    );
    assert.ok(
      labels(
        complete(
          at('  T:\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: !Ref |'),
          'template.yaml',
          false,
        ),
      ).includes('Queue'),
    );
  });
});
