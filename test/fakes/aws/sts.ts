import { queryError, queryForm, queryResult } from './query-protocol';
import { FakeServer, type FakeReply } from './server';

const STS_NAMESPACE = 'https://sts.amazonaws.com/doc/2011-06-15/';

/**
 * STS GetCallerIdentity (https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html), the call
 * that tells which account a managed artifact bucket belongs to.
 */
export class FakeSts {
  account = '123456789012';
  readonly server = new FakeServer(
    (_req, body) => queryForm(body).get('Action') ?? '',
    (_req, _body, operation) => this.handle(operation),
  );

  async start(): Promise<this> {
    await this.server.start();
    return this;
  }

  get url(): string {
    return this.server.url;
  }

  private handle(operation: string): FakeReply {
    if (operation !== 'GetCallerIdentity')
      return queryError(STS_NAMESPACE, 400, 'InvalidAction', `${operation} is not implemented by this test server.`);
    return queryResult(STS_NAMESPACE, operation, {
      Arn: `arn:aws:iam::${this.account}:user/deployer`,
      UserId: 'AIDACKCEVSQ6C2EXAMPLE',
      Account: this.account,
    });
  }
}

/** The error STS and other query services answer with for an expired session token (STS Common Errors). */
export function expiredTokenReply(): FakeReply {
  return queryError(STS_NAMESPACE, 403, 'ExpiredToken', 'The security token included in the request is expired');
}
