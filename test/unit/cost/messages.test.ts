import { strict as assert } from 'assert';
import { yaml } from '../helpers';
import { assertUsd, estimate, item, resource, sam, typed } from './helpers';

// Unit prices: aws.amazon.com/sns/pricing, aws.amazon.com/eventbridge/pricing and
// aws.amazon.com/step-functions/pricing (us-east-1). 1 GB = 1,048,576 KB.

describe('cost: SNS FIFO and message-size chunks, EventBridge chunks, Step Functions Express memory', () => {
  it('SNS FIFO topics: FIFO publishes per 64 KB chunk plus payload per GB, no free tier', () => {
    const report = estimate(
      sam(...typed('T', 'AWS::SNS::Topic', 'FifoTopic: true')),
      'version: 1\nresources:\n  T:\n    monthlyPublishes: 2000000\n    averageMessageKb: 128\n',
    );
    // 128 KB = two 64 KB chunks: 4,000,000 × $0.30 per million = $1.20
    assertUsd(item(report, 'T', /FIFO publishes/).usd, 1.2);
    // 2M × 128 KB = 256,000,000 KB = 244.140625 GB × $0.017 = $4.150390625
    assertUsd(item(report, 'T', /FIFO payload/).usd, 4.150390625);
    assert.equal(resource(report, 'T').drivers, '2M publishes × 2 chunks of 64 KB (FIFO)');
  });

  it('SNS standard topics bill each 64 KB chunk as a publish, after 1M free', () => {
    const report = estimate(
      sam(...typed('T', 'AWS::SNS::Topic')),
      'version: 1\nresources:\n  T:\n    monthlyPublishes: 3000000\n    averageMessageKb: 128\n',
    );
    // 3M × 2 chunks = 6M × $0.50 per million = $3.00 before the free tier; 6M − 1M free = 5M, $2.50 to pay
    assertUsd(resource(report, 'T').monthlyUsd, 3);
    assertUsd(report.totalMonthlyUsd, 2.5);
  });

  it('an unresolved FifoTopic is priced as a standard topic, and says so', () => {
    const report = estimate(
      yaml(
        'Parameters:',
        '  Fifo:',
        '    Type: String',
        'Resources:',
        '  T:',
        '    Type: AWS::SNS::Topic',
        '    Properties:',
        '      FifoTopic: !Ref Fifo',
      ),
    );
    assert.match(item(report, 'T', /Publishes/).note ?? '', /FifoTopic is unknown .*priced as a standard topic/);
  });

  it('EventBridge bills each 64 KB chunk of an event as one event', () => {
    const report = estimate(
      sam(...typed('Bus', 'AWS::Events::EventBus', 'Name: orders')),
      'version: 1\nresources:\n  Bus:\n    monthlyEvents: 2000000\n    averageEventKb: 100\n',
    );
    // 100 KB = two chunks: 4,000,000 × $1.00 per million = $4.00
    assertUsd(resource(report, 'Bus').monthlyUsd, 4);
    assert.equal(resource(report, 'Bus').drivers, '2M events × 2 chunks of 64 KB');
  });

  it('Step Functions Express: memory from memoryMb, billed in 64 MB steps', () => {
    const report = estimate(
      sam(...typed('Sm', 'AWS::StepFunctions::StateMachine', 'StateMachineType: EXPRESS')),
      'version: 1\nresources:\n  Sm:\n    monthlyExecutions: 1000000\n    averageDurationMs: 250\n    memoryMb: 100\n',
    );
    // 100 MB → 128 MB; 250 ms → 300 ms: 1M × 0.3 s × 0.125 GB = 37,500 GB-s × $0.00001667 = $0.625125
    assertUsd(item(report, 'Sm', /Express duration \(128 MB\)/).usd, 0.625125);
    assertUsd(item(report, 'Sm', /Express requests/).usd, 1); // 1M × $1.00 per million
    assert.equal(resource(report, 'Sm').drivers, '1M exec × 300 ms @ 128 MB (Express)');
  });
});
