import { strict as assert } from 'assert';
import { RETIRED_SERVICES, serviceRetired } from '../../../src/core/rules/service-retired';
import { isIsoDate } from '../../../src/core/rules';
import { yaml } from '../helpers';
import { ruleTester } from './rule-tester';
import { catalog as SCHEMAS } from '../completion/catalog';

const typed = (type: string) =>
  yaml("AWSTemplateFormatVersion: '2010-09-09'", 'Resources:', '  R:', `    Type: ${type}`);

ruleTester(serviceRetired, {
  valid: [
    { name: 'a current service', text: typed('AWS::SQS::Queue') },
    { name: 'Pinpoint Email is another service', text: typed('AWS::PinpointEmail::Identity') },
  ],
  invalid: [
    {
      name: 'QLDB after its end of support',
      text: typed('AWS::QLDB::Ledger'),
      findings: [
        {
          range: '4:11-4:28',
          text: 'AWS::QLDB::Ledger',
          severity: 'error',
          message:
            /^Amazon QLDB reached its end of support on 2025-07-31: .* See https:\/\/docs\.aws\.amazon\.com\/qldb\//,
        },
      ],
    },
    {
      name: 'Pinpoint, closed and ending',
      text: typed('AWS::Pinpoint::App'),
      inputs: { today: '2026-10-29' },
      findings: [
        {
          range: '4:11-4:29',
          text: 'AWS::Pinpoint::App',
          severity: 'warning',
          message: /Amazon Pinpoint is closed to new customers since 2025-05-20 and ends on 2026-10-30/,
        },
      ],
    },
    {
      name: 'Pinpoint on its end date',
      text: typed('AWS::Pinpoint::Campaign'),
      inputs: { today: '2026-10-30' },
      findings: [{ range: '4:11-4:34', text: 'AWS::Pinpoint::Campaign', severity: 'error' }],
    },
    {
      name: 'Pinpoint before it closed to new customers: the announced end',
      text: typed('AWS::Pinpoint::App'),
      inputs: { today: '2025-05-19' },
      findings: [
        {
          range: '4:11-4:29',
          text: 'AWS::Pinpoint::App',
          severity: 'warning',
          message: /^Amazon Pinpoint ends on 2026-10-30: /,
        },
      ],
    },
    {
      name: 'Cloud9, closed with no end date',
      text: typed('AWS::Cloud9::EnvironmentEC2'),
      findings: [
        {
          range: '4:11-4:38',
          text: 'AWS::Cloud9::EnvironmentEC2',
          severity: 'warning',
          message: /closed to new customers since 2024-07-25: /,
        },
      ],
    },
    {
      name: 'in a serverless.yml',
      fileName: 'serverless.yml',
      text: yaml(
        'service: s',
        'provider:',
        '  name: aws',
        'resources:',
        '  Resources:',
        '    L:',
        '      Type: AWS::QLDB::Ledger',
      ),
      findings: [{ range: '7:13-7:30', text: 'AWS::QLDB::Ledger' }],
    },
  ],
});

describe('data/retired-services.json', () => {
  const types = new Set(SCHEMAS.resourceTypes(false));
  for (const s of RETIRED_SERVICES) {
    it(`${s.service}: dated, sourced from AWS, and naming types that exist`, () => {
      assert.ok(s.endOfSupport ?? s.closedToNewCustomers, 'a row needs at least one date');
      for (const date of [s.endOfSupport, s.closedToNewCustomers]) if (date !== null) assert.ok(isIsoDate(date), date);
      assert.match(s.source, /^https:\/\/docs\.aws\.amazon\.com\//);
      assert.ok(
        [...types].some((t) => (s.types.endsWith('::') ? t.startsWith(s.types) : t === s.types)),
        `no type matches ${s.types}`,
      );
    });
  }
});
