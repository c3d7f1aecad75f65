import { TEXT } from '../../model/resolve/setting';
import { compact } from '../format';
import { flat } from '../prices';
import type { ServiceCost, ServiceInput } from '../services';
import type { PricedSetting } from '../settings';
import { assumptionNote, BOOLEAN, pricedSetting, propertySetting } from '../settings';

/**
 * Key specs whose requests cost the symmetric rate; other asymmetric specs cost more (aws.amazon.com/kms/pricing).
 * HMAC keys are billed as symmetric keys.
 */
const STANDARD_RATE_SPECS: ReadonlySet<string> = new Set([
  'SYMMETRIC_DEFAULT',
  'RSA_2048',
  'HMAC_224',
  'HMAC_256',
  'HMAC_384',
  'HMAC_512',
]);

/** A KMS key (or a replica of one): a monthly fee per key and a price per request, 20,000 requests a month free. */
export function kmsKeyCost({ template, resource, usage, sheet }: ServiceInput): ServiceCost {
  const { kms } = sheet;
  const settings: PricedSetting[] = [];
  const spec = propertySetting(template, resource, ['KeySpec'], TEXT);
  if (spec) settings.push(pricedSetting('KeySpec', spec, undefined, 'priced at the symmetric request rate'));
  const asymmetric = spec?.value !== undefined && !STANDARD_RATE_SPECS.has(spec.value);
  const requests = usage.monthlyRequests.value;
  const notes: string[] = [];
  if (propertySetting(template, resource, ['EnableKeyRotation'], BOOLEAN)?.value === true)
    notes.push('Each automatic rotation adds a key-month fee for the first two rotations; not included.');
  return {
    demands: [
      {
        name: 'Key',
        quantity: 1,
        unit: 'key-months',
        tiers: flat(kms.keyMonthUsd),
        pool: 'kms-keys',
      },
      {
        name: `Requests (${asymmetric ? `asymmetric ${spec?.value}` : 'symmetric rate'})`,
        quantity: requests,
        unit: 'requests',
        tiers: flat(asymmetric ? kms.asymmetricRequestUsd : kms.requestUsd),
        pool: asymmetric ? 'kms-requests-asymmetric' : 'kms-requests',
        freeGroup: 'kms-requests',
        note: settings.length > 0 ? assumptionNote(settings[0]) : undefined,
      },
    ],
    drivers: `1 key · ${compact(requests)} requests`,
    notes,
    settings,
  };
}
