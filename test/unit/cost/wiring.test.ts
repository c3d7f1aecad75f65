import { strict as assert } from 'assert';
import { load } from '../helpers';
import { assertUsd, estimate, fn, resource, sam } from './helpers';

const apiEvent = (api?: string): string[] => [
  'Events:',
  '  Get:',
  '    Type: Api',
  '    Properties:',
  '      Path: /x',
  '      Method: get',
  ...(api ? [`      RestApiId: !Ref ${api}`] : []),
];

/**
 * The implicit APIs come from the model's SAM implicit resources (src/core/model/sam/implicit.ts), which
 * another change completes; until it lands these tests say why they do not run.
 */
function skipUnlessModelGenerates(test: Mocha.Context, logicalId: string): void {
  const generated = load(
    sam(...fn('A', 'Events:', '  Get:', '    Type: Api', '  Get2:', '    Type: HttpApi')),
  ).resources.map((r) => r.logicalId);
  if (!generated.includes(logicalId)) {
    console.warn(`      (skipped: the model does not generate ${logicalId} yet)`);
    test.skip();
  }
}

describe('cost: usage follows the wiring', () => {
  const api = ['Api:', '  Type: AWS::Serverless::Api', '  Properties:', '    StageName: prod'];

  it("an API without a figure carries the sum of its functions' requests", () => {
    const report = estimate(
      sam(...api, ...fn('A', ...apiEvent('Api')), ...fn('B', ...apiEvent('Api'))),
      'version: 1\nresources:\n  B:\n    monthlyRequests: 3000000\n',
    );
    const r = resource(report, 'Api');
    // A's 1M is Lambda's default, so the API's figure is partly a default, and says so.
    assert.deepEqual(r.usage.monthlyRequests, { value: 4_000_000, source: 'from A + B', builtInDefault: true });
    // monthlyDataOutGb's default 0 leaves data out unpriced, so it is a default the price read too.
    assert.deepEqual(r.defaults, ['monthlyRequests', 'monthlyDataOutGb']);
    assertUsd(r.monthlyUsd, 4 * 3.5);
  });

  it("functions behind an API get the API's requests, shared between them", () => {
    const report = estimate(
      sam(...api, ...fn('A', ...apiEvent('Api')), ...fn('B', ...apiEvent('Api'))),
      'version: 1\nresources:\n  Api:\n    monthlyRequests: 4000000\n',
    );
    assert.deepEqual(resource(report, 'A').usage.monthlyRequests, {
      value: 2_000_000,
      source: 'from Api ÷ 2 functions',
    });
    assert.equal(resource(report, 'B').drivers, '2M req × 100 ms @ 128 MB');
  });

  it('a queue carries the requests of the function it feeds; a dead-letter queue only failures', () => {
    const text = sam(
      'Queue:',
      '  Type: AWS::SQS::Queue',
      '  Properties:',
      '    RedrivePolicy:',
      '      deadLetterTargetArn: !GetAtt Dlq.Arn',
      '      maxReceiveCount: 5',
      'Dlq:',
      '  Type: AWS::SQS::Queue',
      ...fn('Worker', 'Events:', '  Q:', '    Type: SQS', '    Properties:', '      Queue: !GetAtt Queue.Arn'),
    );
    const report = estimate(text, 'version: 1\nresources:\n  Worker:\n    monthlyRequests: 5000000\n');
    assert.deepEqual(resource(report, 'Queue').usage.monthlyMessages, { value: 5_000_000, source: 'from Worker' });
    assert.equal(resource(report, 'Dlq').usage.monthlyMessages.value, 0);
    const reverse = estimate(text, 'version: 1\nresources:\n  Queue:\n    monthlyMessages: 2000000\n');
    assert.deepEqual(resource(reverse, 'Worker').usage.monthlyRequests, { value: 2_000_000, source: 'from Queue' });
  });

  it('uses defaults for a type from the usage file, and says so', () => {
    const report = estimate(
      sam(...fn('A')),
      'version: 1\ndefaults:\n  AWS::Lambda::Function:\n    averageDurationMs: 250\n',
    );
    assert.deepEqual(resource(report, 'A').usage.averageDurationMs, {
      value: 250,
      source: 'usage defaults for AWS::Lambda::Function',
    });
  });

  it('prices the implicit API SAM creates for Api events as a REST API', function () {
    skipUnlessModelGenerates(this, 'ServerlessRestApi');
    const report = estimate(
      sam(...fn('A', ...apiEvent())),
      'version: 1\nresources:\n  A:\n    monthlyRequests: 2000000\n',
    );
    const implicit = report.resources.find((r) => r.origin === 'generated' && r.kind === 'restApi');
    assert.ok(
      implicit,
      `an implicit REST API is priced ` +
        `(resources: ${report.resources.map((r) => `${r.logicalId}:${r.type}`).join(', ')})`,
    );
    assert.equal(implicit.logicalId, 'ServerlessRestApi');
    assertUsd(implicit.monthlyUsd, 2 * 3.5);
  });

  it('prices the implicit HTTP API at the HTTP rate', function () {
    skipUnlessModelGenerates(this, 'ServerlessHttpApi');
    const report = estimate(sam(...fn('A', 'Events:', '  Get:', '    Type: HttpApi')));
    const implicit = report.resources.find((r) => r.origin === 'generated' && r.kind === 'httpApi');
    assert.ok(implicit, 'an implicit HTTP API is priced');
    assertUsd(implicit.monthlyUsd, 1.0);
  });
});

describe('cost: Serverless Framework services', () => {
  const service = [
    'service: shop',
    'provider:',
    '  name: aws',
    '  runtime: nodejs20.x',
    '  region: eu-central-1',
    'functions:',
    '  checkout:',
    '    handler: src/checkout.handler',
    '    memorySize: 1024',
    '    events:',
    '      - http:',
    '          path: checkout',
    '          method: post',
    '',
  ].join('\n');

  it("reads usage by function key, takes the provider Region and prices the framework's REST API", () => {
    const report = estimate(service, 'version: 1\nresources:\n  checkout:\n    monthlyRequests: 2000000\n', {});
    assert.equal(report.region, 'eu-central-1');
    const fn = report.resources.find((r) => r.kind === 'function')!;
    assert.deepEqual(fn.usage.monthlyRequests, { value: 2_000_000, source: 'usage file' });
    const api = report.resources.find((r) => r.kind === 'restApi');
    assert.ok(api, `the framework's REST API is priced (${report.resources.map((r) => r.logicalId).join(', ')})`);
    assertUsd(api.monthlyUsd, 2 * 3.5);
    assert.ok(!report.notes.some((n) => /does not have/.test(n)), 'the function key is not reported as unknown');
  });

  it("a function subscribed to the framework's topic by name takes the topic's publishes", () => {
    const subscriber = [
      'service: shop',
      'provider: {name: aws, runtime: nodejs20.x}',
      'functions:',
      '  notify:',
      '    handler: src/notify.handler',
      '    events:',
      '      - sns: alerts',
      '',
    ].join('\n');
    const report = estimate(
      subscriber,
      'version: 1\nresources:\n  SNSTopicAlerts:\n    monthlyPublishes: 3000000\n',
      {},
    );
    const fn = report.resources.find((r) => r.kind === 'function')!;
    assert.deepEqual(fn.usage.monthlyRequests, { value: 3_000_000, source: 'from SNSTopicAlerts' });
  });
});
