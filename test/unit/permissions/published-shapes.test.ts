import { strict as assert } from 'assert';
import * as path from 'path';
import { loadTemplate } from '../../../src/core';
import { analyzePermissions, loadCatalogue, servicesOf } from '../../../src/core/permissions';
import type { PermissionAnalysis } from '../../../src/core/permissions';
import { permissionsOutline } from '../../../src/core/permissions/outline';
import { yaml } from '../helpers';

/**
 * The shapes of AWS's published, working example apps on which `iam-missing-permission` was wrong: each app
 * deploys and runs, so each must give no error (and a real gap in the same shape still must).
 */
const ROOT = path.resolve('/project');
const TEMPLATE = path.join(ROOT, 'template.yaml');

async function analyse(
  templateText: string,
  files: Record<string, string>,
): Promise<{ analysis: PermissionAnalysis; text: (file: string, span: { start: number; end: number }) => string }> {
  const byPath = new Map(Object.entries(files).map(([k, v]) => [path.join(ROOT, k), v]));
  const template = loadTemplate(templateText, TEMPLATE)!;
  const readFile = (p: string) => byPath.get(p);
  const catalogue = await loadCatalogue(servicesOf(analyzePermissions(template, { readFile })));
  const analysis = analyzePermissions(template, { readFile, catalogue });
  const text = (file: string, span: { start: number; end: number }) =>
    (file === TEMPLATE ? templateText : byPath.get(file)!).slice(span.start, span.end);
  return { analysis, text };
}

/**
 * `severity text-under-the-finding: message` of the permission findings about calls, as the Problems panel lists them.
 */
async function permissionFindings(templateText: string, files: Record<string, string>): Promise<string[]> {
  const { analysis, text } = await analyse(templateText, files);
  return analysis.findings
    .filter((f) => f.ruleId === 'iam-missing-permission' || f.ruleId === 'iam-unknown-action')
    .map((f) => `${f.severity} ${text(f.file, f.span)}: ${f.message}`);
}

function samFunction(
  runtime: string,
  handler: string,
  environment: string[],
  policies: string[],
  resources: string[] = [],
  parameters: string[] = [],
): string {
  return yaml(
    'Transform: AWS::Serverless-2016-10-31',
    ...(parameters.length ? ['Parameters:', ...parameters] : []),
    'Resources:',
    '  AppFunction:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    `      Runtime: ${runtime}`,
    '      CodeUri: src/',
    `      Handler: ${handler}`,
    ...(environment.length
      ? ['      Environment:', '        Variables:', ...environment.map((e) => `          ${e}`)]
      : []),
    ...(policies.length ? ['      Policies:', ...policies.map((p) => `        ${p}`)] : []),
    ...resources,
  );
}

const PUT_EVENTS = yaml(
  "import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';",
  'const events = new EventBridgeClient({});',
  'export const handler = async (event) => events.send(new PutEventsCommand({',
  "  Entries: [{ EventBusName: process.env.EVENT_BUS_NAME, Source: 'orders', DetailType: 'OrderPlaced', Detail: " +
    'JSON.stringify(event) }],',
  '}));',
);

const PUT_EVENTS_ON_DEFAULT_BUS = yaml(
  "import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';",
  'const events = new EventBridgeClient({});',
  'export const handler = async (event) => events.send(new PutEventsCommand({ Entries: [{ EventBusName: ' +
    "'default', Source: 'orders', DetailType: 'OrderPlaced', Detail: '{}' }] }));",
);

/** Entries built in code: which bus they name is not read, so no bus is assumed. */
const PUT_EVENTS_PYTHON = yaml(
  'import boto3, json, os',
  "events = boto3.client('events')",
  'def handler(event, context):',
  "    entries = [{'Source': 'orders', 'DetailType': 'OrderPlaced', 'Detail': json.dumps(e), 'EventBusName': " +
    "os.environ['EVENT_BUS_NAME']} for e in event['orders']]",
  '    events.put_events(Entries=entries)',
  "    events.put_events(Entries=[{'EventBusName': os.environ['EVENT_BUS_NAME'], 'Source': 'orders', " +
    "'DetailType': 'Done', 'Detail': '{}'}])",
);

describe('permission analysis on the shapes of published example apps', () => {
  it('matches EventBridgePutEventsPolicy on a bus named by a parameter, with or without a Default', async () => {
    const policy = ['- EventBridgePutEventsPolicy:', '    EventBusName: !Ref EventBusName'];
    const withDefault = ['  EventBusName:', '    Type: String', '    Default: default'];
    assert.deepEqual(
      await permissionFindings(samFunction('nodejs22.x', 'app.handler', [], policy, [], withDefault), {
        'src/app.mjs': PUT_EVENTS_ON_DEFAULT_BUS,
      }),
      [],
    );
    const withoutDefault = ['  EventBusName:', '    Type: String'];
    assert.deepEqual(
      await permissionFindings(
        samFunction('nodejs22.x', 'app.handler', ['EVENT_BUS_NAME: !Ref EventBusName'], policy, [], withoutDefault),
        { 'src/app.mjs': PUT_EVENTS },
      ),
      [],
    );
    const bus = ['  OrdersBus:', '    Type: AWS::Events::EventBus', '    Properties:', '      Name: orders'];
    const onBus = ['- EventBridgePutEventsPolicy:', '    EventBusName: !Ref OrdersBus'];
    assert.deepEqual(
      await permissionFindings(
        samFunction('python3.12', 'app.handler', ['EVENT_BUS_NAME: !Ref OrdersBus'], onBus, bus),
        { 'src/app.py': PUT_EVENTS_PYTHON },
      ),
      [],
    );
  });

  it('still reports events put on the default bus when the policy names another bus', async () => {
    const policy = ['- EventBridgePutEventsPolicy:', '    EventBusName: !Ref EventBusName'];
    const otherBus = ['  EventBusName:', '    Type: String', '    Default: orders-bus'];
    assert.deepEqual(
      await permissionFindings(samFunction('nodejs22.x', 'app.handler', [], policy, [], otherBus), {
        'src/app.mjs': PUT_EVENTS_ON_DEFAULT_BUS,
      }),
      [
        'error AppFunction: AppFunction calls PutEvents but its role does not allow events:PutEvents on ' +
          'arn:aws:events:${AWS::Region}:${AWS::AccountId}:event-bus/default.',
        'error PutEventsCommand: events:PutEvents on ' +
          'arn:aws:events:${AWS::Region}:${AWS::AccountId}:event-bus/default is not allowed for AppFunction: this ' +
          'call fails with AccessDenied.',
      ],
    );
  });

  it(
    'matches a statement built with ${AWS::Partition} and ' + 'a table-name parameter with the table the code writes',
    async () => {
      const statement = [
        '- Statement:',
        '  - Effect: Allow',
        '    Action: [dynamodb:PutItem]',
        "    Resource: !Sub 'arn:${AWS::Partition}:dynamodb:${AWS::Region}:${AWS::AccountId}:table/${TableName}'",
      ];
      const table = [
        '  OrdersTable:',
        '    Type: AWS::DynamoDB::Table',
        '    Properties:',
        '      TableName: !Ref TableName',
      ];
      const handler = yaml(
        'import boto3, os',
        "table = boto3.resource('dynamodb').Table(os.environ['TABLE_NAME'])",
        'def handler(event, context):',
        '    table.put_item(Item=event)',
      );
      for (const parameter of [
        ['  TableName:', '    Type: String', '    Default: orders'],
        ['  TableName:', '    Type: String'],
      ]) {
        const template = samFunction(
          'python3.12',
          'app.handler',
          ['TABLE_NAME: !Ref OrdersTable'],
          statement,
          table,
          parameter,
        );
        assert.deepEqual(await permissionFindings(template, { 'src/app.py': handler }), [], parameter.join(' '));
      }
    },
  );

  it("matches a Query of an index with a grant on the table's indexes only", async () => {
    const statement = [
      '- Statement:',
      '  - Effect: Allow',
      '    Action: dynamodb:Query',
      "    Resource: !Sub '${OrdersTable.Arn}/index/*'",
    ];
    const handler = yaml(
      "const { DynamoDBClient, QueryCommand } = require('@aws-sdk/client-dynamodb');",
      'const db = new DynamoDBClient({});',
      'exports.handler = async (event) => db.send(new QueryCommand({ TableName: process.env.TABLE_NAME, ' +
        "IndexName: 'byCustomer', KeyConditionExpression: 'c = :c' }));",
    );
    const table = ['  OrdersTable:', '    Type: AWS::DynamoDB::Table'];
    assert.deepEqual(
      await permissionFindings(
        samFunction('nodejs22.x', 'index.handler', ['TABLE_NAME: !Ref OrdersTable'], statement, table),
        { 'src/index.js': handler },
      ),
      [],
    );
  });

  it('matches a grant written for one account and Region with the call of the stack deployed there', async () => {
    const statement = [
      '- Statement:',
      '  - Effect: Allow',
      '    Action: dynamodb:PutItem',
      '    Resource: arn:aws:dynamodb:us-east-1:123456789012:table/orders',
    ];
    const handler = yaml(
      "const { DynamoDBClient, PutItemCommand } = require('@aws-sdk/client-dynamodb');",
      'const db = new DynamoDBClient({});',
      "exports.handler = async () => db.send(new PutItemCommand({ TableName: 'orders', Item: {} }));",
    );
    assert.deepEqual(
      await permissionFindings(samFunction('nodejs22.x', 'index.handler', [], statement), { 'src/index.js': handler }),
      [],
    );
  });

  it('matches !Ref of a secret (its ARN with the random suffix) with a call that names the secret', async () => {
    const secret = [
      '  DbSecret:',
      '    Type: AWS::SecretsManager::Secret',
      '    Properties:',
      "      Name: !Sub '${AWS::StackName}-db-credentials'",
    ];
    const policy = ['- AWSSecretsManagerGetSecretValuePolicy:', '    SecretArn: !Ref DbSecret'];
    const python = yaml(
      'import boto3, os',
      "secrets = boto3.client('secretsmanager')",
      'def handler(event, context):',
      "    return secrets.get_secret_value(SecretId=os.environ['SECRET_NAME'])['SecretString']",
    );
    const byName = samFunction(
      'python3.12',
      'app.handler',
      ["SECRET_NAME: !Sub '${AWS::StackName}-db-credentials'"],
      policy,
      secret,
    );
    assert.deepEqual(await permissionFindings(byName, { 'src/app.py': python }), []);
    const byRef = samFunction('python3.12', 'app.handler', ['SECRET_NAME: !Ref DbSecret'], policy, secret);
    assert.deepEqual(await permissionFindings(byRef, { 'src/app.py': python }), []);
    const literal = yaml(
      "const { SecretsManagerClient, GetSecretValueCommand } = require('@aws-sdk/client-secrets-manager');",
      'const client = new SecretsManagerClient({});',
      "exports.handler = async () => client.send(new GetSecretValueCommand({ SecretId: 'prod/app/api-key' }));",
    );
    const named = [
      '  ApiKey:',
      '    Type: AWS::SecretsManager::Secret',
      '    Properties:',
      '      Name: prod/app/api-key',
    ];
    assert.deepEqual(
      await permissionFindings(
        samFunction(
          'nodejs22.x',
          'index.handler',
          [],
          ['- AWSSecretsManagerGetSecretValuePolicy:', '    SecretArn: !Ref ApiKey'],
          named,
        ),
        { 'src/index.js': literal },
      ),
      [],
    );
  });

  it('maps Pinpoint to mobiletargeting and the RDS signer to rds-db:connect', async () => {
    const pinpoint = yaml(
      "import { PinpointClient, SendMessagesCommand } from '@aws-sdk/client-pinpoint';",
      'const pinpoint = new PinpointClient({});',
      'export const handler = async (event) => pinpoint.send(new SendMessagesCommand({ ApplicationId: ' +
        'process.env.APP_ID, MessageRequest: event }));',
    );
    const mobiletargeting = [
      '- Statement:',
      '  - Effect: Allow',
      '    Action: mobiletargeting:SendMessages',
      "    Resource: !Sub 'arn:${AWS::Partition}:mobiletargeting:${AWS::Region}:${AWS::AccountId}:apps/*'",
    ];
    assert.deepEqual(
      await permissionFindings(samFunction('nodejs22.x', 'app.handler', [], mobiletargeting), {
        'src/app.mjs': pinpoint,
      }),
      [],
    );

    const python = yaml(
      'import boto3, os',
      "rds = boto3.client('rds')",
      'def handler(event, context):',
      "    token = rds.generate_db_auth_token(DBHostname=os.environ['PROXY_ENDPOINT'], Port=5432, DBUsername='app')",
    );
    const connect = [
      '- Statement:',
      '  - Effect: Allow',
      '    Action: rds-db:connect',
      "    Resource: !Sub 'arn:${AWS::Partition}:rds-db:${AWS::Region}:${AWS::AccountId}:dbuser:${ProxyId}/*'",
    ];
    assert.deepEqual(
      await permissionFindings(
        samFunction('python3.12', 'app.handler', [], connect, [], ['  ProxyId:', '    Type: String']),
        { 'src/app.py': python },
      ),
      [],
    );

    const signer = yaml(
      "import { Signer } from '@aws-sdk/rds-signer';",
      "const signer = new Signer({ hostname: process.env.PROXY_ENDPOINT, port: 5432, username: 'app' });",
      'export const handler = async () => signer.getAuthToken();',
    );
    assert.deepEqual(
      await permissionFindings(samFunction('nodejs22.x', 'app.handler', [], []), { 'src/app.mjs': signer }),
      [
        'error AppFunction: AppFunction calls GetAuthToken but its role does not allow rds-db:connect.',
        'error getAuthToken: rds-db:connect is not allowed for AppFunction: this call fails with AccessDenied.',
      ],
    );
  });

  it('does not check calls of clients built with credentials of their own against the role', async () => {
    const javascript = yaml(
      "import { DynamoDBClient } from '@aws-sdk/client-dynamodb';",
      "import { DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';",
      "import { fromTemporaryCredentials } from '@aws-sdk/credential-providers';",
      'const tenant = DynamoDBDocumentClient.from(new DynamoDBClient({ credentials: fromTemporaryCredentials({ ' +
        'params: { RoleArn: process.env.TENANT_ROLE } }) }));',
      "export const handler = async (event) => tenant.send(new PutCommand({ TableName: 'tenant-data', Item: event }));",
    );
    assert.deepEqual(
      await permissionFindings(samFunction('nodejs22.x', 'app.handler', [], []), { 'src/app.mjs': javascript }),
      [],
    );
    const { analysis } = await analyse(samFunction('nodejs22.x', 'app.handler', [], []), { 'src/app.mjs': javascript });
    const code = permissionsOutline(analysis.functions[0]).children.find((n) => n.label === 'Code calls')!;
    const call = code.children.find((n) => n.label === 'dynamodb:PutItem')!;
    assert.equal(
      call.description,
      'not known (the client uses its own credentials, not the role) on ' +
        'arn:aws:dynamodb:${AWS::Region}:${AWS::AccountId}:table/tenant-data',
    );
    const keysByName = yaml(
      "const AWS = require('aws-sdk');",
      'const config = { accessKeyId: process.env.PARTNER_KEY_ID, secretAccessKey: process.env.PARTNER_SECRET };',
      'const partner = new AWS.S3(config);',
      "exports.handler = async () => partner.putObject({ Bucket: 'partner-drop', Key: 'report.csv', Body: '' " +
        '}).promise();',
    );
    assert.deepEqual(
      await permissionFindings(samFunction('nodejs22.x', 'index.handler', [], []), { 'src/index.js': keysByName }),
      [],
    );
    const python = yaml(
      'import boto3',
      'def handler(event, context):',
      "    creds = boto3.client('sts').assume_role(RoleArn=event['role'], RoleSessionName='tenant')['Credentials']",
      '    s3 = boto3.client(',
      "        's3',",
      "        aws_access_key_id=creds['AccessKeyId'],",
      "        aws_secret_access_key=creds['SecretAccessKey'],",
      "        aws_session_token=creds['SessionToken'],",
      '    )',
      "    s3.put_object(Bucket='tenant-bucket', Key='k', Body=b'')",
    );
    // The assume_role call itself is made with the function's role, so it is still checked.
    assert.deepEqual(
      (await permissionFindings(samFunction('python3.12', 'app.handler', [], []), { 'src/app.py': python })).map(
        (f) => f.split(':')[0],
      ),
      ['error AppFunction', 'error assume_role'],
    );
  });

  it("says 'cannot tell', at info, when the client's IAM prefix is not known", async () => {
    const handler = yaml(
      'import { MigrationHubRefactorSpacesClient, GetApplicationCommand } from ' +
        "'@aws-sdk/client-migration-hub-refactor-spaces';",
      'const client = new MigrationHubRefactorSpacesClient({});',
      'export const handler = async () => client.send(new GetApplicationCommand({}));',
    );
    assert.deepEqual(
      await permissionFindings(samFunction('nodejs22.x', 'app.handler', [], []), { 'src/app.mjs': handler }),
      [
        'info GetApplicationCommand: Cannot tell whether the role of AppFunction allows GetApplication: ' +
          "'migrationhubrefactorspaces' is not an IAM service prefix, so the action this call needs is not known.",
      ],
    );
  });

  it("suggests 'bedrock' for the SDK client name 'bedrock-runtime' written as an IAM prefix", async () => {
    const statement = [
      '- Statement:',
      '  - Effect: Allow',
      '    Action: bedrock-runtime:InvokeModel',
      "    Resource: '*'",
    ];
    const findings = await permissionFindings(samFunction('python3.12', 'app.handler', [], statement), {});
    assert.deepEqual(findings, [
      "error bedrock-runtime:InvokeModel: 'bedrock-runtime' is not an IAM service prefix. Did you mean 'bedrock'?",
    ]);
  });
});
