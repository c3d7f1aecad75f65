import { samValidation } from '../../../src/core/rules/sam-validation';
import { yaml } from '../helpers';
import { ruleTester } from './rule-tester';

const sam = (...lines: string[]) => yaml('Transform: AWS::Serverless-2016-10-31', 'Resources:', ...lines);
/** A function `Fn` with one event `E` of this type and these properties (each a line under Properties). */
const fnEvent = (type: string, ...props: string[]) => [
  '  Fn:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  '      Handler: index.handler',
  '      Runtime: python3.12',
  '      CodeUri: src/',
  '      Events:',
  '        E:',
  `          Type: ${type}`,
  ...(props.length ? ['          Properties:', ...props.map((p) => `            ${p}`)] : []),
];
/** A REST API `MyApi` with these lines under Properties. */
const restApi = (...props: string[]) => [
  '  MyApi:',
  '    Type: AWS::Serverless::Api',
  '    Properties:',
  '      StageName: prod',
  ...props.map((p) => `      ${p}`),
];
const lambdaAuthorizers = [
  'Auth:',
  '  Authorizers:',
  '    MyAuth:',
  '      FunctionArn: arn:aws:lambda:us-east-1:1:function:a',
];

ruleTester(samValidation, {
  valid: [
    {
      name: 'an authorizer defined on the API',
      text: sam(
        ...restApi(...lambdaAuthorizers),
        ...fnEvent('Api', 'RestApiId: !Ref MyApi', 'Path: /', 'Method: get', 'Auth:', '  Authorizer: MyAuth'),
      ),
    },
    {
      name: 'AWS_IAM needs no definition',
      text: sam(
        ...restApi(),
        ...fnEvent('Api', 'RestApiId: !Ref MyApi', 'Path: /', 'Method: get', 'Auth:', '  Authorizer: AWS_IAM'),
      ),
    },
    {
      name: 'NONE under a DefaultAuthorizer',
      text: sam(
        ...restApi(...lambdaAuthorizers, '  DefaultAuthorizer: MyAuth'),
        ...fnEvent('Api', 'RestApiId: !Ref MyApi', 'Path: /', 'Method: get', 'Auth:', '  Authorizer: NONE'),
      ),
    },
    {
      name: 'an authorizer of the implicit API defined in Globals',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Api:',
        '    Auth:',
        '      Authorizers:',
        '        MyAuth:',
        '          FunctionArn: arn:aws:lambda:us-east-1:1:function:a',
        'Resources:',
        ...fnEvent('Api', 'Path: /', 'Method: get', 'Auth:', '  Authorizer: MyAuth'),
      ),
    },
    {
      name: 'a dead-letter queue SAM creates',
      text: sam(...fnEvent('Schedule', 'Schedule: rate(1 minute)', 'DeadLetterConfig:', '  Type: SQS')),
    },
    {
      name: 'a gradual deployment with an alias',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '      AutoPublishAlias: live',
        '      DeploymentPreference:',
        '        Type: AllAtOnce',
      ),
    },
    {
      name: 'a deployment preference switched by a parameter is not judged',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '      DeploymentPreference:',
        '        Enabled: !Ref On',
        '        Type: AllAtOnce',
      ),
    },
    {
      name: 'an HttpApi event on an API of the template',
      text: sam('  MyHttp:', '    Type: AWS::Serverless::HttpApi', ...fnEvent('HttpApi', 'ApiId: !Ref MyHttp')),
    },
    {
      name: 'Cors on an inline definition',
      text: sam(...restApi('Cors: "\'*\'"', 'DefinitionBody:', '  swagger: "2.0"', '  paths: {}')),
    },
    {
      name: 'Models from an AWS::Include document are not judged',
      text: sam(
        ...restApi(
          'Models:',
          '  User: { type: object }',
          'DefinitionBody:',
          '  Fn::Transform:',
          '    Name: AWS::Include',
          '    Parameters: { Location: s3://b/k }',
        ),
      ),
    },
    {
      name: 'an MQ event with one BASIC_AUTH secret',
      text: sam(
        ...fnEvent(
          'MQ',
          'Broker: arn:aws:mq:us-east-1:1:broker:b',
          'Queues: [q]',
          'SourceAccessConfigurations:',
          '  - Type: BASIC_AUTH',
          '    URI: arn:aws:secretsmanager:us-east-1:1:secret:s',
        ),
      ),
    },
    {
      name: 'a WebSocket API with a Lambda authorizer on $connect',
      text: sam(
        '  Ws:',
        '    Type: AWS::Serverless::WebSocketApi',
        '    Properties:',
        '      RouteSelectionExpression: $request.body.action',
        '      Auth:',
        '        AuthType: CUSTOM',
        '        AuthArn: arn:aws:lambda:us-east-1:1:function:a',
        '      Routes:',
        '        $connect:',
        '          FunctionArn: arn:aws:lambda:us-east-1:1:function:c',
      ),
    },
    {
      name: 'an Api event on a tenant-isolated function',
      text: sam(
        ...fnEvent('Api', 'Path: /', 'Method: get').flatMap((l) =>
          l === '      CodeUri: src/' ? [l, '      TenancyConfig:', '        TenantIsolationMode: PER_TENANT'] : [l],
        ),
      ),
    },
    {
      name: 'an S3 event on a bucket of the template',
      text: sam(
        '  Bucket:',
        '    Type: AWS::S3::Bucket',
        ...fnEvent('S3', 'Bucket: !Ref Bucket', 'Events: s3:ObjectCreated:*'),
      ),
    },
    {
      name: 'an empty operation that an event fills in',
      text: sam(
        '  MyHttp:',
        '    Type: AWS::Serverless::HttpApi',
        '    Properties:',
        '      DefinitionBody:',
        '        openapi: 3.0.1',
        '        paths:',
        '          /a:',
        '            post:',
      ),
    },
    {
      name: 'a request model the API defines',
      text: sam(
        ...restApi('Models:', '  User: { type: object }'),
        ...fnEvent('Api', 'RestApiId: !Ref MyApi', 'Path: /', 'Method: post', 'RequestModel:', '  Model: User'),
      ),
    },
    {
      name: 'credentials with an explicit origin',
      text: sam(...restApi('Cors:', '  AllowOrigin: "\'https://example.com\'"', '  AllowCredentials: true')),
    },
    {
      name: 'an image function built by sam build',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      PackageType: Image',
        '    Metadata:',
        '      DockerContext: ./app',
        '      Dockerfile: Dockerfile',
      ),
    },
    {
      name: 'a local code folder and an S3 object',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: ./src',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '  Layer:',
        '    Type: AWS::Serverless::LayerVersion',
        '    Properties:',
        '      ContentUri: s3://bucket/layer.zip',
      ),
    },
    {
      name: 'a managed policy, a document and a policy template',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '      Policies:',
        '        - AWSLambdaBasicExecutionRole',
        '        - Statement:',
        '            - Effect: Allow',
        '              Action: s3:GetObject',
        "              Resource: '*'",
        '        - SQSPollerPolicy:',
        '            QueueName: q',
      ),
    },
    {
      name: 'a written ServerlessRestApi is the implicit API, not a conflict',
      text: sam(
        '  ServerlessRestApi:',
        '    Type: AWS::Serverless::Api',
        '    Properties:',
        '      StageName: prod',
        ...fnEvent('Api', 'Path: /', 'Method: get'),
      ),
    },
    {
      name: 'a role the function names is not generated',
      text: sam(
        '  FnRole:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      AssumeRolePolicyDocument: {}',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '      Role: !GetAtt FnRole.Arn',
      ),
    },
    {
      name: 'a connector between resources of the template',
      text: sam(
        '  Queue:',
        '    Type: AWS::SQS::Queue',
        ...fnEvent('SQS', 'Queue: !GetAtt Queue.Arn'),
        '  Conn:',
        '    Type: AWS::Serverless::Connector',
        '    Properties:',
        '      Source: { Id: Fn }',
        '      Destination: [{ Id: Queue }, { Type: AWS::SNS::Topic, Arn: arn:aws:sns:us-east-1:1:t }]',
        '      Permissions: [Write]',
      ),
    },
  ],
  invalid: [
    {
      name: 'an event authorizer the API does not define',
      text: sam(
        ...restApi(...lambdaAuthorizers),
        ...fnEvent('Api', 'RestApiId: !Ref MyApi', 'Path: /', 'Method: get', 'Auth:', '  Authorizer: Other'),
      ),
      findings: [
        {
          range: '25:27-25:32',
          text: 'Other',
          message: /Authorizer 'Other' is not defined in the Auth.Authorizers of API 'MyApi' \(it defines MyAuth\)/,
        },
      ],
    },
    {
      name: 'an authorizer on the implicit API, which defines none',
      text: sam(...fnEvent('Api', 'Path: /', 'Method: get', 'Auth:', '  Authorizer: MyAuth')),
      findings: [
        { range: '16:27-16:33', text: 'MyAuth', message: /API 'ServerlessRestApi' defines no Auth.Authorizers/ },
      ],
    },
    {
      name: 'NONE without a DefaultAuthorizer',
      text: sam(
        ...restApi(...lambdaAuthorizers),
        ...fnEvent('Api', 'RestApiId: !Ref MyApi', 'Path: /', 'Method: get', 'Auth:', '  Authorizer: NONE'),
      ),
      findings: [{ range: '25:27-25:31', text: 'NONE', message: /NONE only turns off the API's DefaultAuthorizer/ }],
    },
    {
      name: 'a DefaultAuthorizer that is not defined',
      text: sam(...restApi(...lambdaAuthorizers, '  DefaultAuthorizer: Missing')),
      findings: [
        {
          range: '11:28-11:35',
          text: 'Missing',
          message: /DefaultAuthorizer 'Missing' is not one of the Auth.Authorizers/,
        },
      ],
    },
    {
      name: 'a dead-letter config with both Arn and Type',
      text: sam(
        ...fnEvent(
          'Schedule',
          'Schedule: rate(1 minute)',
          'DeadLetterConfig:',
          '  Arn: arn:aws:sqs:us-east-1:1:q',
          '  Type: SQS',
        ),
      ),
      findings: [{ range: '16:15-16:19', text: 'Type', related: ['Arn'], message: /either 'Arn' or 'Type', not both/ }],
    },
    {
      name: 'a dead-letter config with neither, and one of another type',
      text: sam(
        ...fnEvent('EventBridgeRule', 'Pattern: { source: [a] }', 'DeadLetterConfig: {}'),
        ...fnEvent('ScheduleV2', 'ScheduleExpression: rate(1 minute)', 'DeadLetterConfig:', '  Type: SNS').map((l) =>
          l.replace('  Fn:', '  Fn2:'),
        ),
      ),
      findings: [
        { range: '14:13-14:29', text: 'DeadLetterConfig', message: /needs either 'Arn'.*or 'Type: SQS'/ },
        { range: '27:21-27:24', text: 'SNS', message: /Type 'SNS' is not supported: SAM can only create an SQS queue/ },
      ],
    },
    {
      name: 'a QueueLogicalId computed by an intrinsic',
      text: sam(
        ...fnEvent(
          'Schedule',
          'Schedule: rate(1 minute)',
          'DeadLetterConfig:',
          '  Type: SQS',
          '  QueueLogicalId: !Sub Dlq${Env}',
        ),
      ),
      findings: [{ range: '16:31-16:45', text: '!Sub Dlq${Env}', message: /QueueLogicalId .* must be a plain string/ }],
    },
    {
      name: 'State and Enabled on one schedule',
      text: sam(...fnEvent('Schedule', 'Schedule: rate(1 minute)', 'State: ENABLED', 'Enabled: true')),
      findings: [{ range: '15:13-15:20', text: 'Enabled', related: ['State'], message: /either 'State' or 'Enabled'/ }],
    },
    {
      name: 'a deployment preference and a version deletion policy without an alias',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '      DeploymentPreference:',
        '        Type: AllAtOnce',
        '      VersionDeletionPolicy: Delete',
      ),
      findings: [
        {
          range: '9:7-9:27',
          text: 'DeploymentPreference',
          message:
            /DeploymentPreference acts on the versions SAM publishes, which needs AutoPublishAlias on this function/,
        },
        { range: '11:7-11:28', text: 'VersionDeletionPolicy', message: /VersionDeletionPolicy acts on the versions/ },
      ],
    },
    {
      name: 'an alias that is empty through its parameter, and one with symbols',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Parameters:',
        '  Alias:',
        '    Type: String',
        "    Default: ''",
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '      AutoPublishAlias: !Ref Alias',
        '  Fn2:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '      AutoPublishAlias: live*1',
      ),
      findings: [
        { range: '13:25-13:35', text: '!Ref Alias', message: /AutoPublishAlias \(from its parameter\) is empty/ },
        { range: '20:25-20:31', text: 'live*1', message: /'live\*1' is not a valid alias name/ },
      ],
    },
    {
      name: 'RestApiId naming an HTTP API, and one computed by Sub',
      text: sam(
        '  MyHttp:',
        '    Type: AWS::Serverless::HttpApi',
        ...fnEvent('Api', 'RestApiId: !Ref MyHttp', 'Path: /', 'Method: get'),
        ...fnEvent('Api', 'RestApiId: !Sub ${AWS::StackName}Api', 'Path: /', 'Method: get').map((l) =>
          l.replace('  Fn:', '  Fn2:'),
        ),
      ),
      findings: [
        {
          range: '15:24-15:35',
          text: '!Ref MyHttp',
          message:
            /RestApiId names 'MyHttp', which is not an AWS::Serverless::Api of this template \(it is an AWS::Serverless::HttpApi\)/,
        },
        {
          range: '28:24-28:49',
          text: '!Sub ${AWS::StackName}Api',
          message: /cannot add the route to an API given by Fn::Sub/,
        },
      ],
    },
    {
      name: 'Cors and Models on a definition in S3',
      text: sam(
        '  MyApi:',
        '    Type: AWS::Serverless::Api',
        '    Properties:',
        '      StageName: prod',
        '      DefinitionUri: s3://b/api.yaml',
        '      Cors: "\'*\'"',
        '      Models:',
        '        User: { type: object }',
      ),
      findings: [
        {
          range: '8:7-8:11',
          text: 'Cors',
          message: /Cors works only with an inline Swagger definition in DefinitionBody/,
        },
        { range: '9:7-9:13', text: 'Models', message: /Models works only with an inline Swagger definition/ },
      ],
    },
    {
      name: 'an HTTP API whose body is not an OpenAPI document',
      text: sam(
        '  MyHttp:',
        '    Type: AWS::Serverless::HttpApi',
        '    Properties:',
        '      DefinitionBody:',
        '        invalid: body',
      ),
      findings: [
        {
          range: '6:7-6:21',
          text: 'DefinitionBody',
          message: /not an OpenAPI document .*SAM edits every HTTP API's definition/,
        },
      ],
    },
    {
      name: 'Models on a REST API whose body is not a Swagger document',
      text: sam(...restApi('Models:', '  User: { type: object }', 'DefinitionBody:', '  info: {}')),
      findings: [{ range: '9:7-9:21', text: 'DefinitionBody', message: /not a Swagger document .* cannot add Models/ }],
    },
    {
      name: 'an application located by Sub, a dynamic reference and a blank version',
      text: sam(
        '  App:',
        '    Type: AWS::Serverless::Application',
        '    Properties:',
        '      Location:',
        '        ApplicationId: !Sub ${Id}',
        "        SemanticVersion: ''",
        '  App2:',
        '    Type: AWS::Serverless::Application',
        '    Properties:',
        '      Location:',
        "        ApplicationId: '{{resolve:ssm:/app}}'",
        '        SemanticVersion: 1.0.0',
      ),
      findings: [
        { range: '7:24-7:34', text: '!Sub ${Id}', message: /ApplicationId cannot be computed with Fn::Sub/ },
        { range: '8:26-8:28', text: "''", message: /SemanticVersion cannot be blank/ },
        {
          range: '13:24-13:46',
          text: "'{{resolve:ssm:/app}}'",
          message: /ApplicationId cannot be a dynamic reference/,
        },
      ],
    },
    {
      name: 'an HTTP Lambda authorizer without its payload format, and a Lambda setting on a JWT authorizer',
      text: sam(
        '  MyHttp:',
        '    Type: AWS::Serverless::HttpApi',
        '    Properties:',
        '      Auth:',
        '        Authorizers:',
        '          L:',
        '            FunctionArn: arn:aws:lambda:us-east-1:1:function:a',
        '          J:',
        '            JwtConfiguration: { issuer: https://a }',
        '            EnableFunctionDefaultPermissions: true',
      ),
      findings: [
        {
          range: '8:11-8:12',
          text: 'L',
          message:
            /'L' has no JwtConfiguration, so it is a Lambda authorizer, which needs AuthorizerPayloadFormatVersion/,
        },
        {
          range: '12:13-12:45',
          text: 'EnableFunctionDefaultPermissions',
          message: /only for Lambda authorizers; 'J' is a JWT authorizer/,
        },
      ],
    },
    {
      name: 'a Lambda destination without its ARN',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '      EventInvokeConfig:',
        '        DestinationConfig:',
        '          OnSuccess:',
        '            Type: SQS',
        '          OnFailure:',
        '            Type: Lambda',
      ),
      findings: [
        {
          range: '14:19-14:25',
          text: 'Lambda',
          message: /A Lambda destination needs Destination \(its ARN\); SAM only creates SQS and SNS destinations/,
        },
      ],
    },
    {
      name: 'MQ access with a subnet type and no BASIC_AUTH',
      text: sam(
        ...fnEvent(
          'MQ',
          'Broker: arn:aws:mq:us-east-1:1:broker:b',
          'Queues: [q]',
          'SourceAccessConfigurations:',
          '  - Type: VIRTUAL_HOST',
          '    URI: /vh',
          '  - Type: VPC_SUBNET',
          '    URI: subnet:s',
        ),
      ),
      findings: [
        {
          range: '15:13-15:39',
          text: 'SourceAccessConfigurations',
          message: /MQ events sign in with a BASIC_AUTH secret/,
        },
        {
          range: '18:23-18:33',
          text: 'VPC_SUBNET',
          message: /Type 'VPC_SUBNET' is not supported for MQ events; use BASIC_AUTH, VIRTUAL_HOST/,
        },
      ],
    },
    {
      name: 'self-managed Kafka without brokers, with two topics, two ways to sign in and half a VPC',
      text: sam(
        ...fnEvent(
          'SelfManagedKafka',
          'Topics: [a, b]',
          'SourceAccessConfigurations:',
          '  - Type: BASIC_AUTH',
          '    URI: arn:s',
          '  - Type: SASL_SCRAM_512_AUTH',
          '    URI: arn:s',
          '  - Type: VPC_SUBNET',
          '    URI: subnet:s',
        ),
      ),
      findings: [
        { range: '10:9-10:10', text: 'E', message: /need KafkaBootstrapServers/ },
        { range: '13:21-13:27', text: '[a, b]', message: /exactly one topic in Topics, not 2/ },
        {
          range: '17:23-17:42',
          text: 'SASL_SCRAM_512_AUTH',
          message: /signs in one way.*BASIC_AUTH, SASL_SCRAM_512_AUTH/,
        },
        { range: '19:23-19:33', text: 'VPC_SUBNET', message: /VPC_SUBNET needs VPC_SECURITY_GROUP too/ },
      ],
    },
    {
      name: 'a WebSocket API with authorization but no $connect, and an unknown special route without a function',
      text: sam(
        '  Ws:',
        '    Type: AWS::Serverless::WebSocketApi',
        '    Properties:',
        '      RouteSelectionExpression: $request.body.action',
        '      StageName: $default',
        '      Auth:',
        '        AuthType: AWS_IAM',
        '        IdentitySource: [route.request.header.Auth]',
        '      Routes:',
        '        $other: {}',
      ),
      findings: [
        { range: '7:18-7:26', text: '$default', message: /cannot be named '\$default'/ },
        { range: '8:7-8:11', text: 'Auth', message: /Auth needs a \$connect route/ },
        { range: '9:19-9:26', text: 'AWS_IAM', message: /AuthType AWS_IAM takes no other settings \(IdentitySource\)/ },
        { range: '12:9-12:15', text: '$other', message: /Route key '\$other' starts with '\$'/ },
        { range: '12:9-12:15', text: '$other', message: /Route '\$other' needs FunctionArn/ },
      ],
    },
    {
      name: 'an SQS event and provisioned concurrency on a tenant-isolated function',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '      TenancyConfig:',
        '        TenantIsolationMode: PER_TENANT',
        '      AutoPublishAlias: live',
        '      ProvisionedConcurrencyConfig:',
        '        ProvisionedConcurrentExecutions: 1',
        '      Events:',
        '        Jobs:',
        '          Type: SQS',
        '          Properties:',
        '            Queue: arn:aws:sqs:us-east-1:1:q',
      ),
      findings: [
        {
          range: '12:7-12:35',
          text: 'ProvisionedConcurrencyConfig',
          related: ['TenancyConfig'],
          message: /Provisioned concurrency is not available for a function with TenancyConfig/,
        },
        {
          range: '15:9-15:13',
          text: 'Jobs',
          related: ['TenancyConfig'],
          message: /SQS events cannot invoke a function with TenancyConfig/,
        },
      ],
    },
    {
      name: 'two events on one method of one path, and two functions on one Cognito trigger',
      text: sam(
        ...fnEvent('Api', 'Path: /a', 'Method: get'),
        ...fnEvent('Api', 'Path: /a', 'Method: GET').map((l) => l.replace('  Fn:', '  Fn2:')),
        '  Pool:',
        '    Type: AWS::Cognito::UserPool',
        ...fnEvent('Cognito', 'UserPool: !Ref Pool', 'Trigger: PreSignUp').map((l) => l.replace('  Fn:', '  Fn3:')),
        ...fnEvent('Cognito', 'UserPool: !Ref Pool', 'Trigger: [PreSignUp]').map((l) => l.replace('  Fn:', '  Fn4:')),
      ),
      findings: [
        {
          range: '26:21-26:24',
          text: 'GET',
          related: ['get'],
          message: /Method get of path \/a on API 'ServerlessRestApi' is already handled by event 'E' of 'Fn'/,
        },
        {
          range: '52:23-52:32',
          text: 'PreSignUp',
          related: ['PreSignUp'],
          message: /Trigger PreSignUp of user pool 'Pool' is already set by event 'E' of 'Fn3'/,
        },
      ],
    },
    {
      name: 'an S3 event on a bucket named by a plain string',
      text: sam(...fnEvent('S3', 'Bucket: my-bucket', 'Events: s3:ObjectCreated:*')),
      findings: [
        {
          range: '13:21-13:30',
          text: 'my-bucket',
          message: /S3 events need a bucket of this template .* 'my-bucket' is not one/,
        },
      ],
    },
    {
      name: 'a path that is a string and a security that is not a list',
      text: sam(
        ...restApi(
          'DefinitionBody:',
          '  swagger: "2.0"',
          '  paths:',
          "    /a: ''",
          '    /b:',
          '      get:',
          '        security:',
          '          MyAuth: []',
        ),
      ),
      findings: [
        {
          range: '10:15-10:17',
          text: "''",
          message: /Path '\/a' of DefinitionBody must be an object of operations, not empty/,
        },
        { range: '14:17-14:27', text: 'MyAuth: []', message: /The security of 'get \/b' must be a list/ },
      ],
    },
    {
      name: 'a request model the API does not define, and OverrideApiAuth with nothing to override with',
      text: sam(
        ...restApi('Models:', '  User: { type: object }'),
        ...fnEvent(
          'Api',
          'RestApiId: !Ref MyApi',
          'Path: /',
          'Method: post',
          'RequestModel:',
          '  Model: Order',
          'Auth:',
          '  OverrideApiAuth: true',
        ),
      ),
      findings: [
        {
          range: '23:22-23:27',
          text: 'Order',
          message: /RequestModel 'Order' is not one of the Models of API 'MyApi' \(it defines User\)/,
        },
        { range: '25:15-25:30', text: 'OverrideApiAuth', message: /OverrideApiAuth replaces the API's authorization/ },
      ],
    },
    {
      name: 'API key exempted on an API that requires none',
      text: sam(
        ...restApi(),
        ...fnEvent('Api', 'RestApiId: !Ref MyApi', 'Path: /', 'Method: get', 'Auth:', '  ApiKeyRequired: false'),
      ),
      findings: [{ range: '21:31-21:36', text: 'false', message: /API 'MyApi' sets none/ }],
    },
    {
      name: 'CORS credentials with any origin, in Globals',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Api:',
        '    Cors:',
        '      AllowCredentials: true',
        'Resources:',
        ...restApi(),
      ),
      findings: [
        {
          range: '5:7-5:23',
          text: 'AllowCredentials',
          message: /needs an explicit AllowOrigin: browsers refuse credentials when the origin is not set \(so '\*'\)/,
        },
      ],
    },
    {
      name: 'a DefaultAuthorizer by Ref, a Route53 record without a zone, an empty stage and a bad OpenAPI version',
      text: sam(
        '  MyApi:',
        '    Type: AWS::Serverless::Api',
        '    Properties:',
        "      StageName: ''",
        '      OpenApiVersion: three',
        ...lambdaAuthorizers.map((l) => `      ${l}`),
        '        DefaultAuthorizer: !Ref Name',
        '      Domain:',
        '        DomainName: api.example.com',
        '        CertificateArn: arn:aws:acm:us-east-1:1:certificate/c',
        '        Route53:',
        '          EvaluateTargetHealth: false',
      ),
      findings: [
        { range: '6:18-6:20', text: "''", message: /StageName cannot be empty/ },
        {
          range: '7:23-7:28',
          text: 'three',
          message: /OpenApiVersion 'three' is not a Swagger \(2.0\) or OpenAPI 3 version/,
        },
        {
          range: '12:28-12:37',
          text: '!Ref Name',
          message: /DefaultAuthorizer must be the name .* so Ref cannot name it/,
        },
        { range: '16:9-16:16', text: 'Route53', message: /Route53 needs HostedZoneId or HostedZoneName/ },
      ],
    },
    {
      name: 'the reserved lambda:createdBy tag',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '      Tags:',
        '        lambda:createdBy: me',
      ),
      findings: [{ range: '10:9-10:25', text: 'lambda:createdBy', message: /Tag 'lambda:createdBy' is reserved/ }],
    },
    {
      name:
        'a zip function without a handler, with the runtime from Globals, and an image function with nothing to ' +
        'run',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Function:',
        '    Runtime: python3.12',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '  Img:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      PackageType: Image',
      ),
      findings: [
        { range: '8:5-8:15', text: 'Properties', message: /packaged as a .zip file .* needs Handler\./ },
        {
          range: '13:20-13:25',
          text: 'Image',
          message: /PackageType Image needs ImageUri, or Metadata with DockerContext and Dockerfile/,
        },
      ],
    },
    {
      name: 'code at an http URL and an S3 location without a key',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: http://example.com/code.zip',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '  MyApi:',
        '    Type: AWS::Serverless::Api',
        '    Properties:',
        '      StageName: prod',
        '      DefinitionUri: s3://bucket',
      ),
      findings: [
        {
          range: '6:16-6:43',
          text: 'http://example.com/code.zip',
          message: /CodeUri 'http:\/\/example.com\/code.zip' is a http URL/,
        },
        { range: '13:22-13:33', text: 's3://bucket', message: /names no object: an S3 location is s3:\/\/bucket\/key/ },
      ],
    },
    {
      name: 'an IAM role policy in Policies, an unknown template and a template without its parameter',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '      Handler: a.b',
        '      Runtime: python3.12',
        '      Policies:',
        '        - PolicyName: p',
        '          PolicyDocument: {}',
        '        - SomeUnknownPolicy: {}',
        '        - LambdaInvokePolicy:',
        '            Other: x',
        '        - SQSPollerPolicy: q',
      ),
      findings: [
        {
          range: '10:11-10:21',
          text: 'PolicyName',
          message: /'PolicyName' is neither a SAM policy template nor part of a policy document/,
        },
        { range: '11:11-11:25', text: 'PolicyDocument', message: /'PolicyDocument' is neither/ },
        { range: '12:11-12:28', text: 'SomeUnknownPolicy', message: /'SomeUnknownPolicy' is neither/ },
        {
          range: '13:11-13:29',
          text: 'LambdaInvokePolicy',
          message: /LambdaInvokePolicy needs the parameter FunctionName/,
        },
        { range: '15:28-15:29', text: 'q', message: /SQSPollerPolicy takes its parameters as a map/ },
      ],
    },
    {
      name: 'a written resource under the name of the role SAM generates',
      text: sam(
        '  FnRole:',
        '    Type: AWS::IAM::Role',
        '    Properties:',
        '      AssumeRolePolicyDocument: {}',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      CodeUri: src/',
        '      Handler: a.b',
        '      Runtime: python3.12',
      ),
      findings: [
        {
          range: '3:3-3:9',
          text: 'FnRole',
          related: ['Fn'],
          message:
            /Logical ID 'FnRole' is taken: for 'Fn', SAM creates an execution role .* and names it 'FnRole' \(AWS::IAM::Role\)/,
        },
      ],
    },
    {
      name: 'connector endpoints: Id with Arn, an Id that is no resource, no Type, no destination',
      text: sam(
        '  Queue:',
        '    Type: AWS::SQS::Queue',
        '  Conn:',
        '    Type: AWS::Serverless::Connector',
        '    Properties:',
        '      Source:',
        '        Id: Missing',
        '      Destination:',
        '        Id: Queue',
        '        Arn: arn:aws:sqs:us-east-1:1:q',
        '      Permissions: [Write]',
        '  Conn2:',
        '    Type: AWS::Serverless::Connector',
        '    Properties:',
        '      Source:',
        '        Arn: arn:aws:lambda:us-east-1:1:function:f',
        '      Destination: []',
        '      Permissions: [Write]',
      ),
      findings: [
        { range: '9:13-9:20', text: 'Missing', message: /Source Id 'Missing' is not a resource of this template/ },
        {
          range: '12:9-12:12',
          text: 'Arn',
          message:
            /Destination names a resource by Id, so it takes no other properties than Qualifier \(it also has Arn\)/,
        },
        {
          range: '18:9-18:51',
          text: 'Arn: arn:aws:lambda:us-east-1:1:function:f',
          message: /Source without Id needs Type/,
        },
        { range: '19:20-19:22', text: '[]', message: /Destination is an empty list/ },
      ],
    },
    {
      name: 'a gateway response computed by Fn::Select, and response parameters outside their groups',
      text: sam(
        ...restApi(
          'GatewayResponses:',
          '  DEFAULT_4XX: !Select [0, [{}]]',
          '  UNAUTHORIZED:',
          '    ResponseParameters:',
          '      Footers: {}',
        ),
      ),
      findings: [
        {
          range: '8:22-8:29',
          text: '!Select',
          message: /Gateway response DEFAULT_4XX cannot be computed with Fn::Select/,
        },
        {
          range: '11:13-11:20',
          text: 'Footers',
          message:
            /ResponseParameters of UNAUTHORIZED groups parameters under Headers, Paths and QueryStrings, not 'Footers'/,
        },
      ],
    },
  ],
});
