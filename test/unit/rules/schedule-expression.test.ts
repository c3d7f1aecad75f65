import { strict as assert } from 'assert';
import { scheduleExpressionInvalid } from '../../../src/core/rules/schedule-expression';
import { checkSchedule } from '../../../src/core/rules/schedule-syntax';
import { load, yaml } from '../helpers';
import { applyEdits, ruleTester, run } from './rule-tester';

const samEvent = (type: string, property: string, expression: string) =>
  yaml(
    'Transform: AWS::Serverless-2016-10-31',
    'Resources:',
    '  Fn:',
    '    Type: AWS::Serverless::Function',
    '    Properties:',
    '      Runtime: python3.12',
    '      Events:',
    '        Tick:',
    `          Type: ${type}`,
    '          Properties:',
    `            ${property}: ${expression}`,
  );
const schedule = (expression: string) => samEvent('Schedule', 'Schedule', expression);
const resource = (type: string, expression: string) =>
  yaml(
    "AWSTemplateFormatVersion: '2010-09-09'",
    'Resources:',
    '  R:',
    `    Type: ${type}`,
    '    Properties:',
    `      ScheduleExpression: ${expression}`,
  );

describe('schedule expression grammar', () => {
  const valid = [
    'rate(1 minute)',
    'rate(5 minutes)',
    'rate(1 hour)',
    'rate(12 hours)',
    'rate(1 day)',
    'rate(7 days)',
    'cron(0 12 * * ? *)',
    'cron(15 10 ? * 6L 2022-2023)',
    'cron(0 18 ? * MON-FRI *)',
    'cron(0 8 1 * ? *)',
    'cron(0/15 * * * ? *)',
    'cron(0/10 * ? * MON-FRI *)',
    'cron(0/5 8-17 ? * MON-FRI *)',
    'cron(0 9 ? * 2#1 *)',
    'cron(0 0 L * ? *)',
    'cron(0 0 15W * ? *)',
    'cron(0 12 ? JAN,JUL SUN *)',
    'cron(*/5 * * * ? *)',
  ];
  for (const expression of valid)
    it(`accepts ${expression}`, () => assert.equal(checkSchedule(expression, false), undefined));
  it('accepts at() only where Scheduler allows it', () => {
    assert.equal(checkSchedule('at(2026-03-01T09:30:00)', true), undefined);
    assert.match(checkSchedule('at(2026-03-01T09:30:00)', false)?.message ?? '', /rate\(\.\.\.\) or cron\(\.\.\.\)/);
    assert.match(checkSchedule('at(2026-02-30T09:30:00)', true)?.message ?? '', /not a date/);
  });
  const invalid: [string, string, RegExp][] = [
    ['rate(0 minutes)', '0', /positive whole number/],
    ['rate(1 minutes)', 'minutes', /must be 'minute'/],
    ['rate(5 minute)', 'minute', /must be 'minutes'/],
    ['rate(5 weeks)', 'weeks', /minute\(s\), hour\(s\) or day\(s\)/],
    ['rate(5)', '5', /a value and a unit/],
    ['cron(0 12 * * ?)', '0 12 * * ?', /six fields.*has 5/],
    ['cron(60 12 * * ? *)', '60', /minutes field \(0-59\): 60 is outside 0-59/],
    ['cron(0 24 * * ? *)', '24', /hours/],
    ['cron(0 12 * 13 ? *)', '13', /month/],
    ['cron(0 12 ? * FRY *)', 'FRY', /day-of-week.*'FRY' is not a value/],
    ['cron(0 12 * * MON *)', '*', /must be \?/],
    ['cron(0 12 ? * ? *)', '?', /cannot both be \?/],
  ];
  for (const [expression, at, message] of invalid) {
    it(`rejects ${expression} at '${at}'`, () => {
      const mistake = checkSchedule(expression, false);
      assert.ok(mistake);
      assert.equal(expression.slice(mistake.start, mistake.end), at);
      assert.match(mistake.message, message);
    });
  }
});

ruleTester(scheduleExpressionInvalid, {
  valid: [
    { name: 'a SAM schedule', text: schedule("'rate(5 minutes)'") },
    { name: 'a Scheduler one-time schedule', text: resource('AWS::Scheduler::Schedule', "'at(2027-01-01T00:00:00)'") },
    {
      name: 'a parameter',
      text: yaml(
        "AWSTemplateFormatVersion: '2010-09-09'",
        'Parameters:',
        '  S:',
        '    Type: String',
        'Resources:',
        '  R:',
        '    Type: AWS::Events::Rule',
        '    Properties:',
        '      ScheduleExpression: !Ref S',
      ),
    },
    {
      name: 'serverless.yml schedule',
      fileName: 'serverless.yml',
      text: yaml(
        'service: s',
        'provider:',
        '  name: aws',
        '  runtime: nodejs20.x',
        'functions:',
        '  tick:',
        '    handler: h.handler',
        '    events:',
        '      - schedule: rate(1 hour)',
        '      - schedule:',
        '          rate:',
        '            - cron(0 12 ? * MON *)',
      ),
    },
  ],
  invalid: [
    {
      name: 'a SAM schedule with both day fields',
      text: schedule('cron(0 12 * * MON-FRI *)'),
      findings: [
        {
          range: '11:33-11:34',
          text: '*',
          message:
            /Schedule 'cron\(0 12 \* \* MON-FRI \*\)' is not valid: One of day-of-month and day-of-week must be \?/,
        },
      ],
    },
    {
      name: 'ScheduleV2, quoted',
      text: samEvent('ScheduleV2', 'ScheduleExpression', "'rate(1 hours)'"),
      findings: [{ range: '11:41-11:46', text: 'hours', message: /must be 'hour'/ }],
    },
    {
      name: 'an EventBridge rule refuses at()',
      text: resource('AWS::Events::Rule', 'at(2027-01-01T00:00:00)'),
      findings: [{ range: '6:27-6:50', text: 'at(2027-01-01T00:00:00)' }],
    },
    {
      name: 'a Scheduler schedule',
      text: resource('AWS::Scheduler::Schedule', '"cron(0 25 * * ? *)"'),
      findings: [{ range: '6:35-6:37', text: '25', message: /hours field/ }],
    },
    {
      name: 'a state machine event',
      text: yaml(
        'Transform: AWS::Serverless-2016-10-31',
        'Resources:',
        '  SM:',
        '    Type: AWS::Serverless::StateMachine',
        '    Properties:',
        '      Events:',
        '        T:',
        '          Type: Schedule',
        '          Properties:',
        '            Schedule: rate(2 day)',
      ),
      findings: [{ range: '10:30-10:33', text: 'day' }],
    },
    {
      name: 'serverless.yml schedule, in a list',
      fileName: 'serverless.yml',
      text: yaml(
        'service: s',
        'provider:',
        '  name: aws',
        '  runtime: nodejs20.x',
        'functions:',
        '  tick:',
        '    handler: h.handler',
        '    events:',
        '      - schedule:',
        '          rate:',
        '            - rate(1 hour)',
        '            - cron(0 12 * * ? 1960)',
      ),
      findings: [{ range: '12:31-12:35', text: '1960', message: /year/ }],
    },
  ],
});

describe('schedule-expression-invalid quick fixes', () => {
  for (const [before, after] of [
    ['cron(0 12 * * MON-FRI *)', 'cron(0 12 ? * MON-FRI *)'],
    ['rate(1 hours)', 'rate(1 hour)'],
    ['rate(10 minute)', 'rate(10 minutes)'],
  ]) {
    it(`${before} → ${after}`, () => {
      const template = load(schedule(before));
      const [finding] = run(template, scheduleExpressionInvalid);
      assert.equal(applyEdits(template.text, finding.fixes[0].edits), schedule(after));
    });
  }
});
