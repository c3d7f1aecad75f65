// Generates realistic SAM templates of a given size for the benchmarks: a mix of functions with events,
// environment and policies, and the tables, queues, topics and buckets they use (about 40% functions).
export function generateSamTemplate(resourceCount) {
  const lines = [
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Transform: AWS::Serverless-2016-10-31',
    'Description: Generated benchmark template',
    'Parameters:',
    '  Stage:',
    '    Type: String',
    '    Default: dev',
    'Globals:',
    '  Function:',
    '    Runtime: nodejs22.x',
    '    MemorySize: 512',
    '    Timeout: 10',
    '    Environment:',
    '      Variables:',
    '        STAGE: !Ref Stage',
    'Resources:',
  ];
  const groups = Math.ceil(resourceCount / 5);
  let written = 0;
  for (let i = 0; i < groups && written < resourceCount; i++) {
    const block = [
      [`  Table${i}:`, '    Type: AWS::DynamoDB::Table', '    Properties:', '      BillingMode: PAY_PER_REQUEST',
        '      AttributeDefinitions:', '        - AttributeName: id', '          AttributeType: S',
        '      KeySchema:', '        - AttributeName: id', '          KeyType: HASH'],
      [`  Queue${i}:`, '    Type: AWS::SQS::Queue', '    Properties:', '      VisibilityTimeout: 180'],
      [`  Api${i}Function:`, '    Type: AWS::Serverless::Function', '    Properties:',
        `      CodeUri: src/fn${i}/`, '      Handler: index.handler',
        '      Environment:', '        Variables:', `          TABLE_NAME: !Ref Table${i}`, `          QUEUE_URL: !Ref Queue${i}`,
        '      Policies:', '        - DynamoDBCrudPolicy:', `            TableName: !Ref Table${i}`,
        '        - SQSSendMessagePolicy:', `            QueueName: !GetAtt Queue${i}.QueueName`,
        '      Events:', '        Get:', '          Type: Api', '          Properties:',
        `            Path: /items${i}/{id}`, '            Method: get'],
      [`  Worker${i}Function:`, '    Type: AWS::Serverless::Function', '    Properties:',
        `      CodeUri: src/worker${i}/`, '      Handler: app.handler', '      Runtime: python3.12', '      MemorySize: 512', '      Timeout: 30',
        '      Events:', '        Queue:', '          Type: SQS', '          Properties:',
        `            Queue: !GetAtt Queue${i}.Arn`, '            BatchSize: 10'],
      [`  Bucket${i}:`, '    Type: AWS::S3::Bucket', '    Properties:',
        `      BucketName: !Sub '\${AWS::StackName}-bucket-${i}'`],
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
