import {
  apiGatewayTimeout,
  eventBridgeInputSize,
  sqsBatchWindow,
  sqsFifoBatchSize,
  sqsVisibilityTimeout,
  streamStartingPosition,
} from '../../../src/core/rules/integrations';
import { yaml } from '../helpers';
import { ruleTester, withCondition, withSections } from './rule-tester';

const sam = (...lines: string[]) => yaml('Transform: AWS::Serverless-2016-10-31', 'Resources:', ...lines);
const worker = (timeout: number, ...eventProps: string[]) => [
  '  Worker:',
  '    Type: AWS::Serverless::Function',
  '    Properties:',
  `      Timeout: ${timeout}`,
  '      Events:',
  '        Jobs:',
  '          Type: SQS',
  '          Properties:',
  '            Queue: !GetAtt Queue.Arn',
  ...eventProps.map((p) => `            ${p}`),
];
const queue = (...props: string[]) => [
  '  Queue:',
  '    Type: AWS::SQS::Queue',
  ...(props.length ? ['    Properties:', ...props.map((p) => `      ${p}`)] : []),
];

/** A function behind a REST API whose timeout is the parameter T (Default `seconds`); a false condition Off. */
const behindApiFromParameter = (seconds: number) =>
  withSections(
    sam(
      '  Fn:',
      '    Type: AWS::Serverless::Function',
      '    Properties:',
      '      Timeout: !Ref T',
      '      Events:',
      '        Get:',
      '          Type: Api',
    ),
    'Parameters:',
    '  T:',
    '    Type: Number',
    `    Default: ${seconds}`,
    'Conditions:',
    '  Off: !Equals [a, b]',
  );

/** The shapes of the SAM translator's api_with_invoke_mode input and of an OpenAPI route that streams. */
const streaming = (timeout: number, eventProps: string[], apiProps: string[] = []) =>
  sam(
    '  Fn:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    `      Timeout: ${timeout}`,
    '      Events:',
    '        StreamApi:',
    '          Type: Api',
    '          Properties:',
    ...eventProps.map((p) => `            ${p}`),
    ...apiProps,
  );
const streamingApi = (mode: string) => [
  '  StreamingApi:',
  '    Type: AWS::Serverless::Api',
  '    Properties:',
  '      StageName: prod',
  '      DefinitionBody:',
  '        openapi: 3.0.1',
  '        paths:',
  '          /stream:',
  '            post:',
  '              x-amazon-apigateway-integration:',
  '                type: aws_proxy',
  '                httpMethod: POST',
  `                responseTransferMode: ${mode}`,
  '                uri: !Sub ' +
    'arn:aws:apigateway:${AWS::Region}:lambda:path/2021-11-15/functions/${Fn.Arn}/response-streaming-invocations',
];

ruleTester(apiGatewayTimeout, {
  valid: [
    {
      name: 'a streamed response (SAM ResponseTransferMode)',
      text: streaming(300, ['Path: /stream', 'Method: post', 'ResponseTransferMode: RESPONSE_STREAM']),
    },
    {
      name: 'a streamed response (OpenAPI responseTransferMode: STREAM)',
      text: streaming(300, ['Path: /stream', 'Method: post', 'RestApiId: !Ref StreamingApi'], streamingApi('STREAM')),
    },
    {
      name: 'a function a false condition leaves out answers no caller',
      text: withCondition(behindApiFromParameter(60), 'Fn', 'Off'),
    },
    {
      name: '29 s behind a REST API',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Timeout: 29',
        '      Events:',
        '        Get:',
        '          Type: Api',
      ),
    },
  ],
  invalid: [
    {
      name: '30 s behind a REST API',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Timeout: 30',
        '      Events:',
        '        Get:',
        '          Type: Api',
      ),
      findings: [
        {
          range: '6:16-6:18',
          text: '30',
          related: ['Get'],
          message: /30 s timeout, but the REST API in front of it gives up after 29 s/,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'a timeout from a parameter Default, said and pointed at',
      text: behindApiFromParameter(60),
      findings: [
        {
          range: '12:16-12:22',
          text: '!Ref T',
          related: ['Get', '60'],
          message: /60 s timeout \(Default of parameter T\), but the REST API in front of it gives up after 29 s/,
        },
      ],
    },
    {
      name: 'a buffered response still gives up after 29 s',
      text: streaming(300, ['Path: /stream', 'Method: post', 'RestApiId: !Ref StreamingApi'], streamingApi('BUFFERED')),
      findings: [
        {
          range: '6:16-6:19',
          text: '300',
          related: ['StreamApi'],
          message: /REST API in front of it gives up after 29 s/,
        },
      ],
    },
    {
      name: 'a buffered SAM event',
      text: streaming(300, ['Path: /buffered', 'Method: get', 'ResponseTransferMode: BUFFERED']),
      findings: [{ range: '6:16-6:19', text: '300' }],
    },
    {
      name: '31 s behind an HTTP API',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Timeout: 31',
        '      Events:',
        '        Get:',
        '          Type: HttpApi',
      ),
      findings: [{ range: '6:16-6:18', text: '31', message: /HTTP API.*30 s/ }],
    },
  ],
});

ruleTester(sqsVisibilityTimeout, {
  valid: [
    { name: 'six times the timeout', text: sam(...queue('VisibilityTimeout: 60'), ...worker(10)) },
    {
      name: 'a visibility timeout known only at deploy is not judged',
      text: sam(...queue('VisibilityTimeout: !GetAtt Other.Value'), ...worker(10)),
    },
  ],
  invalid: [
    {
      name: 'below the function timeout: error',
      text: sam(...queue('VisibilityTimeout: 30'), ...worker(60)),
      findings: [
        {
          range: '6:26-6:28',
          text: '30',
          severity: 'error',
          message: /shorter than the 60 s timeout of function 'Worker'.*Use at least 360 s/,
        },
      ],
    },
    {
      name: 'a visibility timeout from a parameter Default',
      text: withSections(
        sam(...queue('VisibilityTimeout: !Ref V'), ...worker(60)),
        'Parameters:',
        '  V:',
        '    Type: Number',
        '    Default: 30',
      ),
      findings: [
        {
          range: '10:26-10:32',
          text: '!Ref V',
          severity: 'error',
          message: /visibility timeout of 30 s, shorter than the 60 s timeout/,
        },
      ],
    },
    {
      name: 'the default 30 s below 6×: warning on the queue',
      text: sam(...queue(), ...worker(10)),
      findings: [
        {
          range: '3:3-3:8',
          text: 'Queue',
          severity: 'warning',
          message: /30 s; AWS recommends at least 6 × the 10 s timeout.*\(60 s\)/,
        },
      ],
    },
  ],
});

ruleTester(sqsBatchWindow, {
  valid: [
    {
      name: 'a window of 1 s',
      text: sam(
        ...queue('VisibilityTimeout: 60'),
        ...worker(10, 'BatchSize: 100', 'MaximumBatchingWindowInSeconds: 1'),
      ),
    },
  ],
  invalid: [
    {
      name: 'no window',
      text: sam(...queue(), ...worker(3, 'BatchSize: 100')),
      findings: [
        { range: '14:24-14:27', text: '100', message: /batch size of 100 needs MaximumBatchingWindowInSeconds/ },
      ],
    },
  ],
});

ruleTester(sqsFifoBatchSize, {
  valid: [{ name: 'ten on FIFO', text: sam(...queue('FifoQueue: true'), ...worker(3, 'BatchSize: 10')) }],
  invalid: [
    {
      name: 'twenty on FIFO',
      text: sam(...queue('FifoQueue: true'), ...worker(3, 'BatchSize: 20')),
      findings: [{ range: '16:24-16:26', text: '20', message: /FIFO queue; its batch size can be at most 10, not 20/ }],
    },
  ],
});

ruleTester(streamStartingPosition, {
  valid: [
    {
      name: 'Kinesis with a position',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Events:',
        '        S:',
        '          Type: Kinesis',
        '          Properties:',
        '            Stream: arn:aws:kinesis:us-east-1:1:stream/s',
        '            StartingPosition: LATEST',
      ),
    },
  ],
  invalid: [
    {
      name: 'Kinesis without',
      text: sam(
        '  Fn:',
        '    Type: AWS::Serverless::Function',
        '    Properties:',
        '      Events:',
        '        S:',
        '          Type: Kinesis',
        '          Properties:',
        '            Stream: arn:aws:kinesis:us-east-1:1:stream/s',
      ),
      findings: [{ range: '7:9-7:10', text: 'S', message: /Kinesis event sources need a StartingPosition/ }],
    },
    {
      name: 'an SQS mapping with one',
      text: yaml(
        'Resources:',
        ...queue(),
        '  Fn:',
        '    Type: AWS::Lambda::Function',
        '  Map:',
        '    Type: AWS::Lambda::EventSourceMapping',
        '    Properties:',
        '      FunctionName: !Ref Fn',
        '      EventSourceArn: !GetAtt Queue.Arn',
        '      StartingPosition: LATEST',
      ),
      findings: [{ range: '11:7-11:23', text: 'StartingPosition', message: /do not take a StartingPosition/ }],
    },
  ],
});

ruleTester(eventBridgeInputSize, {
  valid: [
    {
      name: 'a small Input',
      text: yaml(
        'Resources:',
        '  Rule:',
        '    Type: AWS::Events::Rule',
        '    Properties:',
        '      Targets:',
        "        - Input: '{}'",
      ),
    },
  ],
  invalid: [
    {
      name: 'too long',
      text: yaml(
        'Resources:',
        '  Rule:',
        '    Type: AWS::Events::Rule',
        '    Properties:',
        '      Targets:',
        `        - Input: ${'x'.repeat(8193)}`,
      ),
      findings: [
        { range: '6:18-6:8211', text: 'x'.repeat(8193), message: /8,193 characters; EventBridge allows 8,192/ },
      ],
    },
  ],
});
