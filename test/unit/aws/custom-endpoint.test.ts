import { strict as assert } from 'assert';
import { customEndpoint } from '../../../src/core/aws/connection';

describe('aws: the custom endpoint a client calls', () => {
  const connection = { region: 'us-east-1' };
  it("is the connection's own, else the SDK's service variable, else its global one", () => {
    const env = {
      AWS_ENDPOINT_URL_CLOUDWATCH_LOGS: 'http://localhost:4566/logs',
      AWS_ENDPOINT_URL: 'http://localhost:4566',
    };
    assert.equal(
      customEndpoint({ ...connection, endpoints: { logs: 'http://127.0.0.1:9' } }, 'logs', env),
      'http://127.0.0.1:9',
    );
    assert.equal(customEndpoint(connection, 'logs', env), 'http://localhost:4566/logs');
    assert.equal(customEndpoint(connection, 'lambda', env), 'http://localhost:4566');
  });

  it('is AWS itself without one, or when the SDK is told to ignore configured endpoints', () => {
    assert.equal(customEndpoint(connection, 'logs', {}), undefined);
    const ignored = { AWS_ENDPOINT_URL: 'http://localhost:4566', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' };
    assert.equal(customEndpoint(connection, 'logs', ignored), undefined);
  });
});
