import { TEXT } from '../../model/resolve/setting';
import { compact } from '../format';
import type { Demand } from '../pricing';
import { flat } from '../prices';
import type { ServiceCost, ServiceInput } from '../services';
import type { PricedSetting } from '../settings';
import { assumptionNote, pricedSetting, propertySetting } from '../settings';

/** A user pool's feature tier when `UserPoolTier` is not given (AWS::Cognito::UserPool reference). */
const DEFAULT_TIER = 'ESSENTIALS';

/**
 * A Cognito user pool by its monthly active users and feature tier (`UserPoolTier`: LITE, ESSENTIALS or PLUS;
 * aws.amazon.com/cognito/pricing). Lite and Essentials share the account's free MAUs; Plus has none.
 */
export function userPoolCost({ template, resource, usage, sheet }: ServiceInput): ServiceCost {
  const { cognito } = sheet;
  const settings: PricedSetting[] = [];
  const tierSetting = propertySetting(template, resource, ['UserPoolTier'], TEXT);
  if (tierSetting) settings.push(pricedSetting('UserPoolTier', tierSetting, undefined, `priced as ${DEFAULT_TIER}`));
  const tier = (tierSetting?.value ?? DEFAULT_TIER).toUpperCase();
  const maus = usage.monthlyActiveUsers.value;
  const note = settings.length > 0 ? assumptionNote(settings[0]) : undefined;
  const base = { quantity: maus, unit: 'MAUs', note };
  const demand: Demand =
    tier === 'LITE'
      ? {
          ...base,
          name: 'Monthly active users (Lite)',
          tiers: cognito.liteUsdPerMau,
          pool: 'cognito-lite',
          freeGroup: 'cognito-maus',
        }
      : tier === 'PLUS'
        ? { ...base, name: 'Monthly active users (Plus)', tiers: flat(cognito.plusUsdPerMau), pool: 'cognito-plus' }
        : {
            ...base,
            name: 'Monthly active users (Essentials)',
            tiers: flat(cognito.essentialsUsdPerMau),
            pool: 'cognito-essentials',
            freeGroup: 'cognito-maus',
          };
  return {
    demands: [demand],
    drivers: `${compact(maus)} MAU (${tier.charAt(0)}${tier.slice(1).toLowerCase()}${note ? '?' : ''})`,
    notes: [
      'Users who sign in through SAML or OpenID Connect federation, SMS messages and machine-to-machine ' +
        'tokens are priced separately and not included.',
    ],
    settings,
  };
}
