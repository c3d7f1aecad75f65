import { strict as assert } from 'assert';
import { toPlain, valueOf } from '../../../src/core';
import { normalizedName, normalizedPath } from '../../../src/core/model/serverless/naming';
import { textAt, where, yaml } from '../helpers';
import { messages, sls } from './serverless-helpers';

describe('Serverless naming', () => {
  it('normalizes function names like the framework: first letter up, - → Dash, _ → Underscore', () => {
    assert.equal(normalizedName('hello'), 'Hello');
    assert.equal(normalizedName('my-func_v2'), 'MyDashfuncUnderscorev2');
    assert.equal(normalizedPath('users/{userId}/orders-list'), 'UsersUseridVarOrdersDashlist');
  });

  it('names functions, log groups, REST and HTTP API resources from the functions and events', () => {
    const t = sls(
      yaml(
        'service: s',
        'provider: {name: aws, runtime: nodejs20.x}',
        'functions:',
        '  get-user_v2:',
        '    handler: h.get',
        '    events:',
        '      - http: GET users/{id}',
        '      - httpApi: POST /items',
        '      - sqs: arn:aws:sqs:us-east-1:123456789012:orders-queue',
        '      - sns: alerts',
        '      - schedule: rate(5 minutes)',
        '      - schedule: rate(1 hour)',
        '      - stream: {type: dynamodb, arn: {"Fn::GetAtt": [Table, StreamArn]}}',
        '      - websocket: $connect',
        '      - s3: photos',
        '      - cloudwatchLog: /aws/other',
        '      - iot: {sql: "SELECT 1"}',
        '      - cognitoUserPool: {pool: MyPool, trigger: PreSignUp}',
        '      - eventBridge: {pattern: {source: [a]}}',
        '      - alb: {listenerArn: ' +
          '"arn:aws:elasticloadbalancing:us-east-1:1:listener/app/lb/50dc6c495c0c9188/f2f7", priority: 3, ' +
          'conditions: {path: /x}}',
      ),
    );
    const ids = t.resources.map((r) => `${r.origin === 'written' ? 'W' : 'G'} ${r.logicalId} ${r.type}`);
    for (const expected of [
      'W GetDashuserUnderscorev2LambdaFunction AWS::Lambda::Function',
      'G ServerlessDeploymentBucket AWS::S3::Bucket',
      'G ServerlessDeploymentBucketPolicy AWS::S3::BucketPolicy',
      'G IamRoleLambdaExecution AWS::IAM::Role',
      'G GetDashuserUnderscorev2LogGroup AWS::Logs::LogGroup',
      'G ApiGatewayRestApi AWS::ApiGateway::RestApi',
      'G ApiGatewayResourceUsers AWS::ApiGateway::Resource',
      'G ApiGatewayResourceUsersIdVar AWS::ApiGateway::Resource',
      'G ApiGatewayMethodUsersIdVarGet AWS::ApiGateway::Method',
      'G GetDashuserUnderscorev2LambdaPermissionApiGateway AWS::Lambda::Permission',
      'G HttpApi AWS::ApiGatewayV2::Api',
      'G HttpApiStage AWS::ApiGatewayV2::Stage',
      'G HttpApiIntegrationGetDashuserUnderscorev2 AWS::ApiGatewayV2::Integration',
      'G HttpApiRoutePostItems AWS::ApiGatewayV2::Route',
      'G GetDashuserUnderscorev2EventSourceMappingSQSOrdersqueue AWS::Lambda::EventSourceMapping',
      'G SNSTopicAlerts AWS::SNS::Topic',
      'G GetDashuserUnderscorev2EventsRuleSchedule1 AWS::Events::Rule',
      'G GetDashuserUnderscorev2EventsRuleSchedule2 AWS::Events::Rule',
      'G GetDashuserUnderscorev2EventSourceMappingDynamodbTable AWS::Lambda::EventSourceMapping',
      'G SconnectWebsocketsRoute AWS::ApiGatewayV2::Route',
      'G S3BucketPhotos AWS::S3::Bucket',
      'G GetDashuserUnderscorev2LogsSubscriptionFilterCloudWatchLog1 AWS::Logs::SubscriptionFilter',
      'G GetDashuserUnderscorev2IotTopicRule1 AWS::IoT::TopicRule',
      'G CognitoUserPoolMyPool AWS::Cognito::UserPool',
      'G GetDashuserUnderscorev2CustomEventBridge1 Custom::EventBridge',
      'G GetDashuserUnderscorev2AlbTargetGroup50dc6c495c0c9188 AWS::ElasticLoadBalancingV2::TargetGroup',
      'G GetDashuserUnderscorev2AlbListenerRule3 AWS::ElasticLoadBalancingV2::ListenerRule',
    ])
      assert.ok(ids.includes(expected), `${expected} not in\n${ids.join('\n')}`);
    const generated = t.resources.find((r) => r.logicalId === 'ApiGatewayMethodUsersIdVarGet')!;
    assert.equal(generated.generatedBy?.logicalId, 'GetDashuserUnderscorev2LambdaFunction');
    assert.equal(textAt(t, generated.idSpan), 'http');
  });

  it('adds authorizers, API keys, stream consumers and API log groups', () => {
    const t = sls(
      yaml(
        'service: s',
        'provider:',
        '  name: aws',
        '  logs: {restApi: true, websocket: true}',
        '  apiGateway: {apiKeys: [first, second]}',
        'functions:',
        '  auth: {handler: h.auth}',
        '  api:',
        '    handler: h.api',
        '    events:',
        '      - http: {path: x, method: get, authorizer: auth, cors: true}',
        '      - http: {path: y, method: get, authorizer: {arn: "arn:aws:cognito-idp:us-east-1:1:userpool/p", ' +
          'name: pool}}',
        '      - stream: {arn: arn:aws:kinesis:us-east-1:1:stream/clicks, consumer: true}',
      ),
    );
    const ids = new Set(t.resources.map((r) => r.logicalId));
    for (const id of [
      'AuthApiGatewayAuthorizer',
      'AuthLambdaPermissionApiGateway',
      'PoolApiGatewayAuthorizer',
      'ApiGatewayMethodXOptions',
      'ApiGatewayApiKey1',
      'ApiGatewayApiKey2',
      'ApiGatewayUsagePlan',
      'ApiGatewayUsagePlanKey2',
      'ApiGatewayLogGroup',
      'ApiEventSourceMappingKinesisClicks',
      'ApiclicksConsumerStreamConsumer',
    ])
      assert.ok(ids.has(id), `${id} missing from ${[...ids].join(', ')}`);
    assert.ok(!ids.has('WebsocketsLogGroup'), 'no websocket events, no websocket logs');
  });

  it('lets resources.Resources override a generated resource of the same logical ID', () => {
    const t = sls(
      yaml(
        'service: s',
        'provider: {name: aws}',
        'functions:',
        '  a: {handler: h.a}',
        'resources:',
        '  Resources:',
        '    ALogGroup:',
        '      Type: AWS::Logs::LogGroup',
        '      Properties: {RetentionInDays: 7}',
        '  Outputs:',
        '    Name: {Value: !Ref ALogGroup}',
      ),
    );
    const logGroups = t.resources.filter((r) => r.logicalId === 'ALogGroup');
    assert.deepEqual(
      logGroups.map((r) => r.origin),
      ['written'],
    );
    assert.deepEqual(
      t.outputs.map((o) => o.name),
      ['Name'],
    );
  });
});

describe('Serverless functions', () => {
  const text = yaml(
    'service: orders',
    'provider:',
    '  name: aws',
    '  runtime: python3.12',
    '  memorySize: 512',
    '  architecture: arm64',
    '  environment:',
    '    TABLE: orders',
    '    LEVEL: info',
    '  iam:',
    '    role:',
    '      statements:',
    '        - Effect: Allow',
    '          Action: dynamodb:GetItem',
    '          Resource: "*"',
    '      managedPolicies: [arn:aws:iam::aws:policy/ReadOnlyAccess]',
    'plugins:',
    '  - serverless-iam-roles-per-function',
    'package:',
    '  artifact: build/all.zip',
    'functions:',
    '  create:',
    '    handler: src/create.handler',
    '    timeout: 20',
    '    environment:',
    '      LEVEL: debug',
    '    iamRoleStatements:',
    '      - Effect: Allow',
    '        Action: sqs:SendMessage',
    '        Resource: "*"',
    '  list:',
    '    handler: src/list.handler',
    '    name: custom-list',
    '    runtime: nodejs20.x',
    '    role: arn:aws:iam::123456789012:role/custom',
    '    package: {artifact: build/list.zip}',
  );
  const t = sls(text);
  const [create, list] = t.functions;

  it('uses the function key as display name and <Name>LambdaFunction as logical ID', () => {
    assert.deepEqual(
      t.functions.map((f) => [f.displayName, f.logicalId]),
      [
        ['create', 'CreateLambdaFunction'],
        ['list', 'ListLambdaFunction'],
      ],
    );
  });

  it(
    'takes each setting from the function, else the provider, else the framework default, with the line that ' +
      'sets it',
    () => {
      assert.deepEqual(
        [create.memorySize.value, create.memorySize.source, where(t, create.memorySize.span)],
        [512, 'provider', '5:15'],
      );
      assert.deepEqual(
        [create.timeout.value, create.timeout.source, where(t, create.timeout.span)],
        [20, 'resource', '24:14'],
      );
      assert.deepEqual([list.timeout.value, list.timeout.source, textAt(t, list.timeout.span)], [6, 'default', 'list']);
      assert.deepEqual([create.runtime?.value, create.runtime?.source], ['python3.12', 'provider']);
      assert.deepEqual([list.runtime?.value, list.runtime?.source], ['nodejs20.x', 'resource']);
      assert.deepEqual([create.architecture.value, create.architecture.source], ['arm64', 'provider']);
      assert.deepEqual(
        [create.handler?.value, textAt(t, create.handler!.span)],
        ['src/create.handler', 'src/create.handler'],
      );
    },
  );

  it('points a setting made of a variable at the function line that uses it, with the resolved value', () => {
    const d = sls(
      yaml(
        'service: s',
        'provider: {name: aws}',
        'custom:',
        '  memory: 2048',
        'functions:',
        '  a:',
        '    handler: h.a',
        '    memorySize: ${self:custom.memory}',
      ),
    );
    const [a] = d.functions;
    assert.deepEqual(
      [a.memorySize.value, a.memorySize.source, where(d, a.memorySize.span), textAt(d, a.memorySize.span)],
      [2048, 'resource', '8:17', '${self:custom.memory}'],
    );
    const memory = valueOf(a.resource.properties, 'MemorySize')!;
    assert.equal(textAt(d, memory.span), '${self:custom.memory}');
  });

  it('names the deployed function <service>-<stage>-<key> unless name is set', () => {
    assert.deepEqual([create.functionName?.value, create.functionName?.source], ['orders-dev-create', 'default']);
    assert.deepEqual([list.functionName?.value, list.functionName?.source], ['custom-list', 'resource']);
  });

  it('merges provider and function environment, the function winning', () => {
    assert.deepEqual(
      create.environment.map((e) => [e.name, toPlain(e.value), e.source]),
      [
        ['TABLE', 'orders', 'provider'],
        ['LEVEL', 'debug', 'resource'],
      ],
    );
  });

  it('finds the code in the function artifact, else the service artifact', () => {
    assert.deepEqual([create.codeUri?.value, create.codeUri?.source], ['build/all.zip', 'provider']);
    assert.deepEqual([list.codeUri?.value, list.codeUri?.source], ['build/list.zip', 'resource']);
  });

  it('defaults memory to 1024 MB and timeout to 6 s, at the function key', () => {
    const d = sls(yaml('service: s', 'provider: {name: aws}', 'functions:', '  hello:', '    handler: h.h'));
    const [hello] = d.functions;
    assert.deepEqual(
      [hello.memorySize.value, hello.timeout.value, hello.runtime?.value, hello.codeUri?.value],
      [1024, 6, 'nodejs14.x', '.'],
    );
    assert.equal(textAt(d, hello.memorySize.span), 'hello');
  });

  it('records IAM statements, managed policies, custom roles and per-function roles', () => {
    const iam = t.serverless!.iam;
    assert.deepEqual(iam.statements.map(toPlain), [{ Effect: 'Allow', Action: 'dynamodb:GetItem', Resource: '*' }]);
    assert.deepEqual(iam.managedPolicies.map(toPlain), ['arn:aws:iam::aws:policy/ReadOnlyAccess']);
    const createFacts = t.serverless!.functionFacts.get('CreateLambdaFunction')!;
    assert.deepEqual(createFacts.iamRoleStatements.map(toPlain), [
      { Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' },
    ]);
    assert.deepEqual(createFacts.executionRole, { logicalId: 'CreateIamRoleLambdaExecution' });
    const listFacts = t.serverless!.functionFacts.get('ListLambdaFunction')!;
    assert.ok(
      'node' in listFacts.executionRole &&
        toPlain(listFacts.executionRole.node) === 'arn:aws:iam::123456789012:role/custom',
    );
    assert.equal(iam.roleLogicalId, undefined, 'no function uses the shared role');
    assert.ok(t.resourceById.get('CreateIamRoleLambdaExecution'));
    assert.ok(!t.resourceById.get('IamRoleLambdaExecution'));
  });

  it('reads the older provider.iamRoleStatements and a custom provider role', () => {
    const d = sls(
      yaml(
        'service: s',
        'provider:',
        '  name: aws',
        '  iamRoleStatements: [{Effect: Allow, Action: "s3:*", Resource: "*"}]',
        'functions: {a: {handler: h.a}}',
      ),
    );
    assert.equal(d.serverless!.iam.statements.length, 1);
    assert.equal(d.serverless!.iam.roleLogicalId, 'IamRoleLambdaExecution');
    const r = sls(
      yaml(
        'service: s',
        'provider:',
        '  name: aws',
        '  iam: {role: arn:aws:iam::1:role/x}',
        'functions: {a: {handler: h.a}}',
      ),
    );
    assert.equal(toPlain(r.serverless!.iam.customRole!), 'arn:aws:iam::1:role/x');
    assert.ok(!r.resourceById.get('IamRoleLambdaExecution'));
  });

  it('merges functions and resources included from files as lists, pointing at the include', () => {
    const parts: Record<string, string> = {
      'fns-a.yml': 'one:\n  handler: a.one\n',
      'fns-b.yml': 'two:\n  handler: b.two\n  timeout: 9\n',
      'res.yml': 'Resources:\n  Table:\n    Type: AWS::DynamoDB::Table\n',
    };
    const d = sls(
      yaml(
        'service: s',
        'provider: {name: aws}',
        'functions:',
        '  - ${file(fns-a.yml)}',
        '  - ${file(fns-b.yml)}',
        'resources:',
        '  - ${file(res.yml)}',
      ),
      { readFile: (p) => parts[p] },
    );
    assert.deepEqual(
      d.functions.map((f) => [f.displayName, f.timeout.value, textAt(d, f.resource.idSpan)]),
      [
        ['one', 6, '${file(fns-a.yml)}'],
        ['two', 9, '${file(fns-b.yml)}'],
      ],
    );
    assert.deepEqual(
      d.resources.filter((r) => r.origin === 'written').map((r) => r.logicalId),
      ['OneLambdaFunction', 'TwoLambdaFunction', 'Table'],
    );
    assert.deepEqual(d.problems, []);
  });

  it('reads serverless.json the same way', () => {
    const j = sls(
      '{"service": "s", "provider": {"name": "aws", "timeout": 30}, "functions": {"a": {"handler": "h.a"}}}',
      {},
      'serverless.json',
    );
    assert.deepEqual([j.functions[0].timeout.value, j.functions[0].timeout.source], [30, 'provider']);
  });
});

describe('Serverless events in SAM vocabulary', () => {
  const t = sls(
    yaml(
      'service: s',
      'provider: {name: aws}',
      'functions:',
      '  worker:',
      '    handler: h.w',
      '    events:',
      '      - http:',
      '          path: /orders/',
      '          method: post',
      '      - httpApi: "*"',
      '      - sqs:',
      '          arn: !GetAtt Queue.Arn',
      '          batchSize: 5',
      '          maximumBatchingWindow: 10',
      '      - stream:',
      '          arn: arn:aws:kinesis:us-east-1:1:stream/clicks',
      '          batchWindow: 2',
      '      - schedule:',
      '          rate: [rate(1 minute), cron(0 12 * * ? *)]',
      '      - eventBridge: {eventBus: bus, pattern: {source: [x]}}',
      '      - websocket: {route: hello}',
      '      - s3: {bucket: uploads, event: "s3:ObjectRemoved:*"}',
      '      - sns: {arn: arn:aws:sns:us-east-1:1:topic, filterPolicy: {a: [b]}}',
      '      - cloudwatchLog: {logGroup: /aws/x, filter: ERROR}',
      '      - cognitoUserPool: {pool: P, trigger: PreSignUp}',
      '      - iot: {sql: "SELECT * FROM t"}',
      '      - alb: {listenerArn: arn, priority: 1, conditions: {path: /x}}',
      '      - myPluginEvent: {x: 1}',
    ),
  );
  const events = t.functions[0].events;
  const byName = (name: string) => events.find((e) => e.name === name)!;

  it('converts each event type to its SAM twin', () => {
    assert.deepEqual(
      events.map((e) => [e.name, e.type]),
      [
        ['http', 'Api'],
        ['httpApi', 'HttpApi'],
        ['sqs', 'SQS'],
        ['stream', 'Kinesis'],
        ['schedule-1', 'Schedule'],
        ['schedule-2', 'Schedule'],
        ['eventBridge', 'EventBridgeRule'],
        ['websocket', 'WebSocket'],
        ['s3', 'S3'],
        ['sns', 'SNS'],
        ['cloudwatchLog', 'CloudWatchLogs'],
        ['cognitoUserPool', 'Cognito'],
        ['iot', 'IoTRule'],
        ['alb', 'ALB'],
        ['myPluginEvent', 'myPluginEvent'],
      ],
    );
  });

  it('uses SAM property names with values from the serverless.yml', () => {
    assert.deepEqual(toPlain(byName('http').properties!), { Path: '/orders', Method: 'POST' });
    assert.deepEqual(toPlain(byName('httpApi').properties!), {});
    assert.deepEqual(toPlain(byName('sqs').properties!), {
      Queue: { 'Fn::GetAtt': ['Queue', 'Arn'] },
      BatchSize: 5,
      MaximumBatchingWindowInSeconds: 10,
    });
    assert.deepEqual(toPlain(byName('stream').properties!), {
      Stream: 'arn:aws:kinesis:us-east-1:1:stream/clicks',
      MaximumBatchingWindowInSeconds: 2,
      StartingPosition: 'TRIM_HORIZON',
    });
    assert.deepEqual(toPlain(byName('schedule-2').properties!), { Schedule: 'cron(0 12 * * ? *)' });
    assert.deepEqual(toPlain(byName('s3').properties!), { Bucket: 'uploads', Events: 's3:ObjectRemoved:*' });
    assert.deepEqual(toPlain(byName('cloudwatchLog').properties!), { LogGroupName: '/aws/x', FilterPattern: 'ERROR' });
  });

  it('makes one schedule rule per rate, numbered across the function', () => {
    const rules = t.resources.filter((r) => r.type === 'AWS::Events::Rule').map((r) => r.logicalId);
    assert.deepEqual(rules, ['WorkerEventsRuleSchedule1', 'WorkerEventsRuleSchedule2']);
  });

  it('points event properties at the serverless.yml lines', () => {
    const sqs = byName('sqs');
    const batch = sqs.properties!.entries.find((e) => e.key === 'BatchSize')!;
    assert.equal(where(t, batch.keySpan), '13:11');
    assert.equal(textAt(t, batch.keySpan), 'batchSize');
    assert.equal(textAt(t, batch.value.span), '5');
    assert.equal(textAt(t, sqs.nameSpan), 'sqs');
    const method = byName('http').properties!.entries.find((e) => e.key === 'Method')!;
    assert.equal(textAt(t, method.keySpan), 'method');
  });

  it('keeps an unknown event with a warning at its key', () => {
    assert.deepEqual(messages(t), [
      "28:9 'myPluginEvent' is not an event type of the Serverless Framework's AWS provider (a plugin may add " +
        'it); it is kept as written.',
    ]);
  });
});

describe('Serverless bad input', () => {
  it('reports functions given as a list of names', () => {
    const t = sls(yaml('service: s', 'provider: {name: aws}', 'functions:', '  - hello', '  - world'));
    assert.deepEqual(messages(t), [
      '4:3 functions must be a map of function names to their configuration (for example "hello:" with a ' +
        'handler), not a list.',
    ]);
    assert.deepEqual(t.functions, []);
  });

  it('reports a function that is a string, and one without handler, and keeps the others', () => {
    const t = sls(
      yaml(
        'service: s',
        'provider: {name: aws}',
        'functions:',
        '  a: handler.js',
        '  b:',
        '    memorySize: 256',
        '  c:',
        '    handler: h.c',
      ),
    );
    assert.deepEqual(messages(t), [
      "4:6 Function 'a' must be a map with a handler (or an image), not a single value.",
      "5:3 Function 'b' has neither a handler nor an image, so the framework cannot deploy it.",
    ]);
    assert.deepEqual(
      t.functions.map((f) => f.displayName),
      ['b', 'c'],
    );
  });

  it('reports events that are not a list or whose settings are not indented under the type', () => {
    const t = sls(
      yaml(
        'service: s',
        'provider: {name: aws}',
        'functions:',
        '  a:',
        '    handler: h.a',
        '    events:',
        '      - http:',
        '        path: x',
      ),
    );
    assert.match(
      messages(t)[0],
      /^7:9 Each event of function 'a' must be a map with exactly one key.*found http, path/,
    );
  });

  it('asks for the type of a stream whose arn does not tell', () => {
    const t = sls(
      yaml(
        'service: s',
        'provider: {name: aws}',
        'functions:',
        '  a:',
        '    handler: h.a',
        '    events:',
        '      - stream: {arn: !ImportValue shared-stream}',
      ),
    );
    assert.deepEqual(messages(t), [
      '7:9 This stream event needs "type: dynamodb" or "type: kinesis": its arn does not say which.',
    ]);
    assert.equal(t.functions[0].events[0].type, 'Unknown');
  });

  it('models only the aws provider and says so', () => {
    const t = sls(yaml('service: s', 'provider:', '  name: google', 'functions: {a: {handler: h}}'));
    assert.deepEqual(t.functions, []);
    assert.deepEqual(
      t.problems.map((p) => [p.severity, where(t, p.span)]),
      [['info', '3:9']],
    );
  });
});
