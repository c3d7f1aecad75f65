import { strict as assert } from 'assert';
import { firingsPerMonth } from '../../../src/core/cost/schedule';
import { assertUsd, estimate, fn, resource, sam } from './helpers';

describe('cost: schedules set the traffic of what they run', () => {
  it('counts rate() and cron() firings in a 730-hour month', () => {
    assert.equal(firingsPerMonth('rate(1 hour)'), 730);
    assert.equal(firingsPerMonth('rate(5 minutes)'), 730 * 12);
    assert.equal(firingsPerMonth('rate(1 day)'), 730 / 24);
    assert.equal(firingsPerMonth('cron(0 2 * * ? *)'), 730 / 24);
    assert.equal(firingsPerMonth('cron(0/15 * * * ? *)'), 4 * 730);
    assert.equal(firingsPerMonth('cron(0 9 ? * MON-FRI *)'), (5 * 730) / 24 / 7);
    assert.equal(firingsPerMonth('cron(0 0 1 * ? *)'), 1);
    assert.equal(firingsPerMonth('cron(0 0 1 JAN,JUL ? *)'), 2 / 12);
  });

  it('leaves what it cannot read to the defaults', () => {
    for (const e of [
      'rate(0 days)',
      'rate(1 fortnight)',
      'cron(0 2 * *)',
      'cron(x 2 * * ? *)',
      '${self:custom.schedule}',
    ])
      assert.equal(firingsPerMonth(e), undefined, e);
  });

  it('runs a state machine and a function as often as their schedules say', () => {
    const report = estimate(
      sam(
        'Nightly:',
        '  Type: AWS::Serverless::StateMachine',
        '  Properties:',
        '    DefinitionUri: sm.json',
        '    Events:',
        '      Night:',
        '        Type: Schedule',
        '        Properties:',
        '          Schedule: cron(0 2 * * ? *)',
        ...fn(
          'Tick',
          'Events:',
          '  Every:',
          '    Type: ScheduleV2',
          '    Properties:',
          '      ScheduleExpression: rate(1 minute)',
        ),
      ),
    );
    assert.deepEqual(resource(report, 'Nightly').usage.monthlyExecutions, {
      value: 730 / 24,
      source: 'from schedule cron(0 2 * * ? *)',
    });
    assertUsd(resource(report, 'Nightly').monthlyUsd, (730 / 24) * 10 * 0.000025, 'about 304 transitions');
    const transitions = report.freeTierCredits.find((c) => c.name === 'Step Functions state transitions')!;
    assertUsd(transitions.payUsd, 0, 'inside the 4,000 free');
    assert.deepEqual(resource(report, 'Tick').usage.monthlyRequests, {
      value: 43_800,
      source: 'from schedule rate(1 minute)',
    });
  });
});
