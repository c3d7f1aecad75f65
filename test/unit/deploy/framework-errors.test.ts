import * as assert from 'assert';
import { frameworkProblems } from '../../../src/core/deploy';
import { load, textAt, where, yaml } from '../helpers';

const SERVICE = yaml(
  'service: greeter',
  'frameworkVersion: "3"',
  'provider:',
  '  name: aws',
  '  runtime: nodejs20.x',
  '  stage: ${opt:stage}',
  'functions:',
  '  hello:',
  '    handlr: handler.hello',
  '    events:',
  '      - http:',
  '          path: hello',
  '          method: get',
  '      - schedule:',
  '          rate: rate(1 day)',
  '          nme: nightly',
  '  my-worker:',
  '    handler: worker.run',
  'resources:',
  '  Resources:',
  '    GreetingsTable:',
  '      Type: AWS::DynamoDB::Table',
);

/** Each problem as a user reads it in the Problems panel: severity, line:column, the text underlined, the message. */
function problemsIn(output: string) {
  const template = load(SERVICE, 'serverless.yml');
  return frameworkProblems(output, template).map((p) => ({
    severity: p.severity,
    at: where(template, p.span),
    text: textAt(template, p.span),
    message: p.message,
  }));
}

const V3_FOOTER = [
  'Environment: linux, node 20.11.1, framework 3.38.0 (local), plugin 7.2.0, SDK 4.5.1',
  'Credentials: Local, "default" profile',
  'Docs:        docs.serverless.com',
  'Support:     forum.serverless.com',
  'Bugs:        github.com/serverless/serverless/issues',
  '',
];

describe('serverless deploy output → problems in serverless.yml', () => {
  it('puts an unrecognised property (v3, configValidationMode: error) on the misspelt key', () => {
    const output = [
      'Deploying greeter to stage dev (us-east-1)',
      '',
      '\x1b[31m✖\x1b[39m Stack greeter-dev failed to deploy (0s)',
      ...V3_FOOTER,
      '\x1b[31mError:\x1b[39m',
      "Configuration error at 'functions.hello': unrecognized property 'handlr'",
      '',
    ].join('\n');
    assert.deepEqual(problemsIn(output), [
      {
        severity: 'error',
        at: '9:5',
        text: 'handlr',
        message: "Configuration error at 'functions.hello': unrecognized property 'handlr'",
      },
    ]);
  });

  it('lists every path of a multi-line configuration error, into list items, and root keys at root', () => {
    const output = [
      'Error:',
      'Configuration error: ',
      "     at root: unrecognized property 'myNextApp'",
      "     at 'functions.hello.events[1].schedule': unrecognized property 'nme'",
      "     at 'functions.hello': must have required property 'handler'",
      '',
    ].join('\n');
    assert.deepEqual(problemsIn(output), [
      {
        severity: 'error',
        at: '1:1',
        text: 'service',
        message: "Configuration error at root: unrecognized property 'myNextApp'",
      },
      {
        severity: 'error',
        at: '16:11',
        text: 'nme',
        message: "Configuration error at 'functions.hello.events[1].schedule': unrecognized property 'nme'",
      },
      {
        severity: 'error',
        at: '8:3',
        text: 'hello',
        message: "Configuration error at 'functions.hello': must have required property 'handler'",
      },
    ]);
  });

  it('reports configuration warnings (the default mode) as warnings, also from v1/v2 "Serverless:" lines', () => {
    const v3 = ['Warning: Invalid configuration encountered', "  at 'functions.hello': unrecognized property 'handlr'"];
    const v2 = [
      'Serverless: Configuration warning:',
      "Serverless:   at 'functions.hello': unrecognized property 'handlr'",
    ];
    for (const output of [v3, v2])
      assert.deepEqual(
        problemsIn(
          [
            ...output,
            '',
            'Learn more about configuration validation here: http://slss.io/configuration-validation',
          ].join('\n'),
        ),
        [
          {
            severity: 'warning',
            at: '9:5',
            text: 'handlr',
            message: "Configuration warning at 'functions.hello': unrecognized property 'handlr'",
          },
        ],
      );
  });

  it('puts unresolved variables (v3 and v4) on the key whose value holds them', () => {
    const v3 = [
      'Error:',
      'Cannot resolve serverless.yml: Variables resolution errored with:',
      '  - Cannot resolve variable at "provider.stage": Value not found at "opt" source,',
      '  - Cannot resolve variable at "custom.table": Value not found at "self" source',
    ];
    assert.deepEqual(problemsIn(v3.join('\n')), [
      {
        severity: 'error',
        at: '6:3',
        text: 'stage',
        message: 'Cannot resolve variable at "provider.stage": Value not found at "opt" source',
      },
      {
        severity: 'error',
        at: '1:1',
        text: 'service',
        message: 'Cannot resolve variable at "custom.table": Value not found at "self" source',
      },
    ]);
    const v4 =
      "✖ Cannot resolve '${opt:stage}' variable at 'provider.stage'. No value is available for this variable, " +
      'and no default value was provided. Please check your variable definitions or provide a default value.';
    assert.deepEqual(
      problemsIn(v4).map((p) => [p.at, p.text]),
      [['6:3', 'stage']],
    );
  });

  it('puts a CloudFormation failure on the function or resource its logical ID comes from', () => {
    const output = [
      '✖ Stack greeter-dev failed to deploy (34s)',
      ...V3_FOOTER,
      'Error:',
      'CREATE_FAILED: MyDashworkerLambdaFunction (AWS::Lambda::Function)',
      'Resource handler returned message: "The runtime parameter of nodejs12.x is no longer supported for creating ' +
        'or updating AWS Lambda functions." (RequestToken: 5a1b, HandlerErrorCode: InvalidRequest)',
      'UPDATE_FAILED: GreetingsTable (AWS::DynamoDB::Table)',
      'Resource handler returned message: "One or more parameter values were invalid"',
      'CREATE_FAILED: HelloLambdaVersionQx8Bz2MV0ESxiFv1L4Lz2Yg7kVbqRP1SXqwHpAKUs (AWS::Lambda::Version)',
      'Resource handler returned message: "Code signing config not found"',
      '',
    ].join('\n');
    assert.deepEqual(problemsIn(output), [
      {
        severity: 'error',
        at: '17:3',
        text: 'my-worker',
        message:
          'CREATE_FAILED: MyDashworkerLambdaFunction (AWS::Lambda::Function)\nResource handler returned message: ' +
          '"The runtime parameter of nodejs12.x is no longer supported for creating or updating AWS Lambda ' +
          'functions." (RequestToken: 5a1b, HandlerErrorCode: InvalidRequest)',
      },
      {
        severity: 'error',
        at: '21:5',
        text: 'GreetingsTable',
        message:
          'UPDATE_FAILED: GreetingsTable (AWS::DynamoDB::Table)\n' +
          'Resource handler returned message: "One or more parameter values were invalid"',
      },
      {
        severity: 'error',
        at: '8:3',
        text: 'hello',
        message:
          'CREATE_FAILED: HelloLambdaVersionQx8Bz2MV0ESxiFv1L4Lz2Yg7kVbqRP1SXqwHpAKUs (AWS::Lambda::Version)\n' +
          'Resource handler returned message: "Code signing config not found"',
      },
    ]);
  });

  it('reads the v1/v2 "Serverless Error" block, its "An error occurred" line and its continuation', () => {
    const output = [
      ' ',
      '  Serverless Error ----------------------------------------',
      ' ',
      '  An error occurred: HelloLambdaFunction - Properties validation failed for resource HelloLambdaFunction ' +
        'with message:',
      '  #/Environment/Variables: extraneous key [_] is not permitted.',
      ' ',
      '  Get Support --------------------------------------------',
    ].join('\n');
    assert.deepEqual(problemsIn(output), [
      {
        severity: 'error',
        at: '8:3',
        text: 'hello',
        message:
          'HelloLambdaFunction failed\nProperties validation failed for resource HelloLambdaFunction with message:\n' +
          '#/Environment/Variables: extraneous key [_] is not permitted.',
      },
    ]);
  });

  it('puts an error without a place at the top of the file, and says nothing about a successful deploy', () => {
    const failed = [
      '✖ Stack greeter-dev failed to deploy (2s)',
      ...V3_FOOTER,
      'Error:',
      'The security token included in the request is expired',
      '',
    ];
    assert.deepEqual(problemsIn(failed.join('\n')), [
      {
        severity: 'error',
        at: '1:1',
        text: 'service',
        message: 'The security token included in the request is expired',
      },
    ]);
    const legacy = [
      '  Serverless Error ---------------------------------------',
      ' ',
      "  Invalid template resource property '__deployment__'",
      ' ',
    ];
    assert.deepEqual(
      problemsIn(legacy.join('\n')).map((p) => p.message),
      ["Invalid template resource property '__deployment__'"],
    );
    const deployed = [
      'Deploying greeter to stage dev (us-east-1)',
      '',
      '✔ Service deployed to stack greeter-dev (112s)',
      '',
      'endpoint: GET - https://abc123.execute-api.us-east-1.amazonaws.com/dev/hello',
      'functions:',
      '  hello: greeter-dev-hello (1.2 kB)',
    ];
    assert.deepEqual(problemsIn(deployed.join('\n')), []);
  });
});
