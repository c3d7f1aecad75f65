import * as assert from 'assert';
import { AwsCallError, explainAwsError } from '../../../src/core/aws/errors';

/** The shapes the SDK v3 throws: a service error with its code as `name`, Node's socket errors with `code`. */
function serviceError(name: string, message: string, httpStatusCode = 400) {
  return Object.assign(new Error(message), { name, $metadata: { httpStatusCode } });
}

describe('explainAwsError: one wording for every AWS caller', () => {
  const connection = { region: 'eu-west-1', profile: 'dev' };

  it('expired credentials name the profile and the sign-in command', () => {
    const problem = explainAwsError(
      serviceError('ExpiredTokenException', 'The security token included in the request is expired'),
      'reading stack orders',
      connection,
    );
    assert.deepEqual(problem, {
      kind: 'expired-credentials',
      message: 'Reading stack orders: the credentials of profile "dev" are expired or invalid (ExpiredTokenException).',
      action: 'Refresh them (for SSO: aws sso login --profile dev) or pick another profile.',
    });
  });

  it('no credentials at all', () => {
    const problem = explainAwsError(
      serviceError('CredentialsProviderError', 'Could not load credentials from any providers'),
      'opening the artifact bucket',
      { region: 'us-east-1' },
    );
    assert.equal(problem.kind, 'no-credentials');
    assert.equal(
      problem.message,
      'Opening the artifact bucket: no AWS credentials found for the default credential chain.',
    );
  });

  it('access denied names the IAM action AWS denied', () => {
    const problem = explainAwsError(
      serviceError(
        'AccessDeniedException',
        'User: arn:aws:iam::123456789012:user/dev is not authorized to perform: logs:FilterLogEvents on resource: x',
        403,
      ),
      'reading /aws/lambda/f',
      connection,
    );
    assert.equal(problem.kind, 'access-denied');
    assert.equal(problem.deniedAction, 'logs:FilterLogEvents');
    assert.equal(
      problem.message,
      'Reading /aws/lambda/f: access denied for logs:FilterLogEvents (profile "dev", eu-west-1).',
    );
    assert.equal(problem.action, 'Allow logs:FilterLogEvents to this identity in IAM, or pick a profile that has it.');
  });

  it('throttling, the network, a cancellation and anything else', () => {
    const kinds = [
      serviceError('ThrottlingException', 'Rate exceeded'),
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' }),
      Object.assign(new Error('aborted'), { name: 'AbortError' }),
      serviceError('ValidationError', 'Template format error'),
    ].map((error) => explainAwsError(error, 'creating the change set', connection));
    assert.deepEqual(
      kinds.map((p) => [p.kind, p.message]),
      [
        [
          'throttled',
          'Creating the change set: AWS is throttling the requests (ThrottlingException), even after retrying ' +
            'with backoff.',
        ],
        ['network', 'Creating the change set: cannot reach AWS in eu-west-1 (ECONNREFUSED).'],
        ['cancelled', 'Creating the change set: cancelled.'],
        ['other', 'Creating the change set: ValidationError: Template format error'],
      ],
    );
  });

  it('AwsCallError says the problem and what to do in its message', () => {
    const error = new AwsCallError({
      kind: 'throttled',
      message: 'Reading stack orders: throttled.',
      action: 'Retry.',
    });
    assert.equal(error.message, 'Reading stack orders: throttled. Retry.');
  });
});
