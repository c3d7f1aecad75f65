// Generates realistic SAM templates of a given size for the benchmarks: a mix of functions with events,
// environment and policies, and the tables, queues, topics and buckets they use (about 40% functions). Settings
// go through parameters, a mapping and a condition, as in real templates, so the model's resolution is measured.
export function generateSamTemplate(resourceCount) {
  const lines = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Description: Generated benchmark template',
    'Parameters:',
    '  Stage:',
    '    Type: String',
    '    Default: dev',
    '  Mem:',
    '    Type: Number',
    '    Default: 1024',
    'Mappings:',
    '  StageSettings:',
    '    dev:',
    '      Timeout: 10',
    '    prod:',
    '      Timeout: 30',
    'Conditions:',
    '  IsProd: !Equals [!Ref Stage, prod]',
    'Globals:',
    '  Function:',
    '    Runtime: nodejs22.x',
    '    MemorySize: !Ref Mem',
    '    Timeout: !FindInMap [StageSettings, !Ref Stage, Timeout]',
    '    Environment:',
    '      Variables:',
    '        STAGE: !Ref Stage',
    'Resources:',
  ];
  const groups = Math.ceil(resourceCount / 5);
  let written = 0;
  for (let i = 0; i < groups && written < resourceCount; i++) {
    const block = [
      [
        `  Table${i}:`,
        '    Type: AWS::DynamoDB::Table',
        '    Properties:',
        '      BillingMode: PAY_PER_REQUEST',
        '      AttributeDefinitions:',
        '        - AttributeName: id',
        '          AttributeType: S',
        '      KeySchema:',
        '        - AttributeName: id',
        '          KeyType: HASH',
      ],
      [`  Queue${i}:`, '    Type: AWS::SQS::Queue', '    Properties:', '      VisibilityTimeout: 180'],
      [
        `  Api${i}Function:`,
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        `      CodeUri: src/fn${i}/`,
        '      Handler: index.handler',
        '      Environment:',
        '        Variables:',
        `          TABLE_NAME: !Ref Table${i}`,
        `          QUEUE_URL: !Ref Queue${i}`,
        '      Policies:',
        '        - DynamoDBCrudPolicy:',
        `            TableName: !Ref Table${i}`,
        '        - SQSSendMessagePolicy:',
        `            QueueName: !GetAtt Queue${i}.QueueName`,
        '      Events:',
        '        Get:',
        '          Type: Api',
        '          Properties:',
        `            Path: /items${i}/{id}`,
        '            Method: get',
      ],
      [
        `  Worker${i}Function:`,
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        `      CodeUri: src/worker${i}/`,
        '      Handler: app.handler',
        '      Runtime: python3.12',
        '      MemorySize: !If [IsProd, 2048, 512]',
        '      Timeout: 30',
        '      Events:',
        '        Queue:',
        '          Type: SQS',
        '          Properties:',
        `            Queue: !GetAtt Queue${i}.Arn`,
        '            BatchSize: 10',
      ],
      [
        `  Bucket${i}:`,
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        `      BucketName: !Sub '\${AWS::StackName}-bucket-${i}'`,
      ],
    ];
    for (const b of block) {
      if (written >= resourceCount) break;
      lines.push(...b);
      written++;
    }
  }
  lines.push('Outputs:', '  StageName:', '    Value: !Ref Stage');
  return `${lines.join('\n')}\n`;
}
