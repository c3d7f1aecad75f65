import { strict as assert } from 'assert';
import { invocationCostUsd } from '../../../src/core/invoke';

describe('cost of one invocation', () => {
  it("is one request plus billed GB-seconds at the Region's first duration tier", () => {
    // us-east-1: $0.20 per 1M requests, $0.0000166667 per GB-s on x86_64, $0.0000133334 on arm64 (aws-facts.md §D).
    assert.ok(Math.abs(invocationCostUsd(100, 1024, 'x86_64', 'us-east-1') - (0.2e-6 + 0.1 * 0.0000166667)) < 1e-15);
    assert.ok(Math.abs(invocationCostUsd(1000, 512, 'arm64', 'us-east-1') - (0.2e-6 + 0.5 * 0.0000133334)) < 1e-15);
    assert.ok(
      invocationCostUsd(1000, 1024, 'x86_64', 'af-south-1') > invocationCostUsd(1000, 1024, 'x86_64', 'us-east-1'),
      'Regions with higher prices cost more',
    );
    assert.equal(
      invocationCostUsd(0, 128, 'x86_64', 'us-east-1'),
      0.2e-6,
      'a zero-duration call still costs a request',
    );
  });
});
