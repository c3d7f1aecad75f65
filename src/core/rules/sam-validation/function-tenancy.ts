import { entryOf, stringOf, valueOf } from '../../model/nodes';
import { eventsOf } from '../../model/functions';
import type { SamCheck } from './check';
import { samResources } from './check';

/**
 * A function with `TenancyConfig` runs one execution environment per tenant, invoked through API Gateway with the
 * tenant's ID (Lambda developer guide, "Tenant isolation"): only Api and HttpApi events can pass it, and features
 * that keep environments warm or reachable another way (provisioned concurrency, SnapStart, function URLs) are off.
 */
const TENANT_EVENTS = ['Api', 'HttpApi'];
const NOT_WITH_TENANCY: readonly { readonly property: string; readonly feature: string }[] = [
  { property: 'ProvisionedConcurrencyConfig', feature: 'Provisioned concurrency' },
  { property: 'SnapStart', feature: 'SnapStart' },
  { property: 'FunctionUrlConfig', feature: 'A function URL' },
];
/** `SnapStart: { ApplyOn: None }` leaves SnapStart off. */
const SNAPSTART_OFF = 'None';

export const functionTenancy: SamCheck = {
  messages: {
    tenancyEvent:
      '{{type}} events cannot invoke a function with TenancyConfig; only Api and HttpApi events carry the tenant ID.',
    tenancyFeature: '{{feature}} is not available for a function with TenancyConfig.',
  },
  check(template, report) {
    for (const { resource, properties } of samResources(template, 'AWS::Serverless::Function')) {
      const tenancy = entryOf(properties, 'TenancyConfig');
      if (!tenancy) continue;
      const logicalId = resource.logicalId;
      const related = [{ span: tenancy.keySpan, message: 'TenancyConfig is set here' }];
      for (const event of eventsOf(properties)) {
        if (event.type === 'Unknown' || TENANT_EVENTS.includes(event.type)) continue;
        report({ messageId: 'tenancyEvent', data: { type: event.type }, span: event.nameSpan, logicalId, related });
      }
      for (const { property, feature } of NOT_WITH_TENANCY) {
        const entry = entryOf(properties, property);
        if (!entry || (property === 'SnapStart' && stringOf(valueOf(entry.value, 'ApplyOn')) === SNAPSTART_OFF))
          continue;
        report({ messageId: 'tenancyFeature', data: { feature }, span: entry.keySpan, logicalId, related });
      }
    }
  },
};
