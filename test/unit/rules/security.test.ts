import { apiNoAuth, envPlaintextSecret, functionUrlPublic, s3PublicAccess } from '../../../src/core/rules/security';
import { lambdaEdgeRestrictions } from '../../../src/core/rules/edge';
import { yaml } from '../helpers';
import { ruleTester, samFunction, withCondition, withSections } from './rule-tester';

const fn = (...props: string[]) => samFunction('nodejs22.x', ...props);
const env = (...vars: string[]) => fn('Environment:', '  Variables:', ...vars.map((v) => `    ${v}`));

ruleTester(envPlaintextSecret, {
  valid: [
    {
      name: 'references, pointers and ordinary values',
      text: env(
        'DB_PASSWORD: !Ref DbPassword',
        "API_KEY: '{{resolve:secretsmanager:prod/api:SecretString:key}}'",
        'TOKEN_PARAMETER: /app/token',
        'SECRET_ARN: arn:aws:secretsmanager:us-east-1:1:secret:x',
        'TABLE: orders',
      ),
    },
    {
      name: 'the host and port of the database a secret opens',
      text: env(
        'DB_SECRET_HOST: db.internal.example.com',
        "DB_SECRET_PORT: '5432'",
        'REDIS_AUTH_PORT: "6379"',
        'DB_PORT: 5432',
      ),
    },
  ],
  invalid: [
    {
      name: 'a password',
      text: env('DB_PASSWORD: hunter2hunter2'),
      findings: [{ range: '9:24-9:38', text: 'hunter2hunter2', message: /'DB_PASSWORD' holds a secret in plain text/ }],
    },
    {
      name: 'an access key under any name',
      text: env('SOMETHING: AKIAIOSFODNN7EXAMPLE'),
      findings: [{ range: '9:22-9:42', text: 'AKIAIOSFODNN7EXAMPLE', message: /an AWS access key ID/ }],
    },
    {
      name: 'a private key',
      text: env("CERT: '-----BEGIN RSA PRIVATE KEY-----\\nabc'"),
      findings: [{ range: '9:17-9:55', text: "'-----BEGIN RSA PRIVATE KEY-----\\nabc'", message: /a private key/ }],
    },
  ],
});

ruleTester(functionUrlPublic, {
  valid: [{ name: 'IAM auth', text: fn('FunctionUrlConfig:', '  AuthType: AWS_IAM') }],
  invalid: [
    {
      name: 'SAM',
      text: fn('FunctionUrlConfig:', '  AuthType: NONE'),
      findings: [{ range: '8:19-8:23', text: 'NONE', message: /The URL of function 'Api' has AuthType NONE/ }],
    },
    {
      name: 'AWS::Lambda::Url',
      text: yaml('Resources:', '  Url:', '    Type: AWS::Lambda::Url', '    Properties:', '      AuthType: NONE'),
      findings: [{ range: '5:17-5:21', text: 'NONE' }],
    },
  ],
});

ruleTester(apiNoAuth, {
  valid: [
    {
      name: 'a route of a function a false condition leaves out',
      text: withCondition(
        withSections(
          fn('Events:', '  Get:', '    Type: Api', '    Properties:', '      Path: /', '      Method: get'),
          'Conditions:',
          '  Off: !Equals [a, b]',
        ),
        'Api',
        'Off',
      ),
    },
    {
      name: 'an authorizer on the event',
      text: fn(
        'Events:',
        '  Get:',
        '    Type: Api',
        '    Properties:',
        '      Path: /',
        '      Method: get',
        '      Auth:',
        '        Authorizer: AWS_IAM',
      ),
    },
    {
      name: 'a default authorizer in Globals',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Globals:',
        '  Api:',
        '    Auth:',
        '      DefaultAuthorizer: AWS_IAM',
        'Resources:',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Events:',
        '        Get:',
        '          Type: Api',
      ),
    },
    {
      name: 'the default authorizer of the API the event names by its bare logical ID (SAM accepts RestApiId: Api)',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Api:',
        '    Type: AWS::Serverless::Api',
        '    Properties: {StageName: prod, Auth: {DefaultAuthorizer: AWS_IAM}}',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Events: {Get: {Type: Api, Properties: {Path: /, Method: get, RestApiId: Api}}}',
      ),
    },
  ],
  invalid: [
    {
      name: 'an open route',
      text: fn('Events:', '  Get:', '    Type: Api', '    Properties:', '      Path: /orders', '      Method: get'),
      findings: [
        {
          range: '8:9-8:12',
          text: 'Get',
          severity: 'info',
          message: /REST API route GET \/orders \(event 'Get' of function 'Api'\)/,
        },
      ],
    },
    {
      name: 'an open route on the API the event names by its bare logical ID',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  Api:',
        '    Type: AWS::Serverless::Api',
        '    Properties: {StageName: prod}',
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Events: {Get: {Type: Api, Properties: {Path: /, Method: get, RestApiId: Api}}}',
      ),
      findings: [
        {
          range: '9:16-9:19',
          text: 'Get',
          severity: 'info',
          message: /REST API route GET \/ \(event 'Get' of function 'Fn'\)/,
        },
      ],
    },
  ],
});

ruleTester(s3PublicAccess, {
  valid: [{ name: 'a private bucket', text: yaml('Resources:', '  B:', '    Type: AWS::S3::Bucket') }],
  invalid: [
    {
      name: 'a public ACL and a block flag off',
      text: yaml(
        'Resources:',
        '  B:',
        '    Type: AWS::S3::Bucket',
        '    Properties:',
        '      AccessControl: PublicRead',
        '      PublicAccessBlockConfiguration:',
        '        BlockPublicPolicy: false',
      ),
      findings: [
        { range: '5:22-5:32', text: 'PublicRead' },
        { range: '7:28-7:33', text: 'false', message: /turns BlockPublicPolicy off/ },
      ],
    },
    {
      name: 'a policy for everyone',
      text: yaml(
        'Resources:',
        '  P:',
        '    Type: AWS::S3::BucketPolicy',
        '    Properties:',
        '      PolicyDocument:',
        '        Statement:',
        '          - Effect: Allow',
        "            Principal: '*'",
        '            Action: s3:GetObject',
      ),
      findings: [{ range: '8:13-8:22', text: 'Principal', message: /allows s3:GetObject to everyone/ }],
    },
  ],
});

const edge = (fnProps: string[], eventType = 'viewer-request') =>
  yaml(
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Edge:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Runtime: nodejs22.x',
    '      AutoPublishAlias: live',
    ...fnProps.map((p) => `      ${p}`),
    '  Cdn:',
    '    Type: AWS::CloudFront::Distribution',
    '    Properties:',
    '      DistributionConfig:',
    '        DefaultCacheBehavior:',
    '          LambdaFunctionAssociations:',
    `            - EventType: ${eventType}`,
    '              LambdaFunctionARN: !Ref Edge.Version',
  );

ruleTester(lambdaEdgeRestrictions, {
  valid: [
    { name: 'a small viewer function', text: edge(['MemorySize: 128', 'Timeout: 5']) },
    { name: 'an origin function with more memory', text: edge(['MemorySize: 1024', 'Timeout: 30'], 'origin-request') },
  ],
  invalid: [
    {
      name: 'environment and memory on a viewer trigger',
      text: edge(['MemorySize: 512', 'Environment:', '  Variables:', '    A: b']),
      findings: [
        {
          range: '8:19-8:22',
          text: '512',
          message: /Lambda@Edge function \(viewer-request\) and allows at most 128 MB/,
        },
        { range: '11:11-11:12', text: 'A', message: /cannot have environment variables/ },
      ],
    },
  ],
});
