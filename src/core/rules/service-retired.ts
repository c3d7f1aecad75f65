import table from '../../../data/retired-services.json';
import { defineRule } from './define';
import { typeScalar, writtenResources } from './resource-entries';

/**
 * A service AWS has shut down or closed to new customers (data/retired-services.json, hand-kept from AWS's notices).
 */
export interface RetiredService {
  /** A type prefix ending in `::` (all types of the service) or one full type. */
  readonly types: string;
  readonly service: string;
  readonly what: string;
  readonly closedToNewCustomers: string | null;
  readonly endOfSupport: string | null;
  readonly source: string;
}

export const RETIRED_SERVICES: readonly RetiredService[] = table.services;
export const RETIRED_SERVICES_CHECKED: string = table.lastChecked;

function retirementOf(type: string): RetiredService | undefined {
  return RETIRED_SERVICES.find((s) => (s.types.endsWith('::') ? type.startsWith(s.types) : type === s.types));
}

export const serviceRetired = defineRule({
  id: 'service-retired',
  meta: {
    severity: 'error',
    docs: {
      summary:
        'A resource of a service AWS has shut down (error) or closed to new customers or announced the end of ' +
        '(warning).',
      why:
        'After the end of support CloudFormation can no longer create or update the resource, and what exists is ' +
        'gone; before it, accounts that never used the service cannot create one, and what is built on it has a ' +
        'deadline.',
      fact:
        `The services and dates are in data/retired-services.json, each with the AWS page that announces it ` +
        `(last checked ${RETIRED_SERVICES_CHECKED}): ` +
        RETIRED_SERVICES.map(
          (s) =>
            `${s.service} (` +
            (s.endOfSupport
              ? `end of support ${s.endOfSupport}`
              : `closed to new customers ${s.closedToNewCustomers}`) +
            ')',
        ).join(', ') +
        '.',
      example: 'Resources:\n  Ledger:\n    Type: AWS::QLDB::Ledger',
      fix: 'Migrate to the replacement AWS names in the announcement the message links to, then remove the resource.',
    },
  },
  messages: {
    ended: '{{service}} reached its end of support on {{date}}: {{what}} See {{source}}',
    ending: '{{service}} {{status}}: {{what}} See {{source}}',
  },
  check(context) {
    const { today } = context.inputs;
    for (const written of writtenResources(context.template)) {
      const type = typeScalar(written);
      const retired = type && retirementOf(type.value);
      if (!type || !retired) continue;
      const base = { span: type.span, logicalId: written.resource.logicalId };
      const data = { service: retired.service, what: retired.what, source: retired.source };
      if (retired.endOfSupport && retired.endOfSupport <= today) {
        context.report({ ...base, messageId: 'ended', data: { ...data, date: retired.endOfSupport } });
        continue;
      }
      const closed =
        retired.closedToNewCustomers && retired.closedToNewCustomers <= today
          ? `is closed to new customers since ${retired.closedToNewCustomers}`
          : undefined;
      const ends = retired.endOfSupport ? `ends on ${retired.endOfSupport}` : undefined;
      const status = [closed, ends].filter(Boolean).join(' and ');
      if (status) context.report({ ...base, messageId: 'ending', data: { ...data, status }, severity: 'warning' });
    }
  },
});
