import { LAMBDA_DEFAULTS } from '../../model/functions';
import { valueOf } from '../../model/nodes';
import { functionNamedBy } from '../../model/references';
import { NUMBER } from '../../model/resolve/setting';
import { compact, formatUnitUsd } from '../format';
import type { Architecture } from '../lambda-settings';
import { lambdaSettings } from '../lambda-settings';
import type { Demand } from '../pricing';
import type { PriceSheet } from '../prices';
import { flat, MB_PER_GB } from '../prices';
import type { ServiceCost, ServiceInput } from '../services';
import type { PricedSetting } from '../settings';
import { assumptionNote, pricedSetting, propertySetting } from '../settings';

const SECONDS_PER_HOUR = 3600;

/**
 * Lambda bills provisioned concurrency for the time it is configured, per GB of the function's memory
 * (aws.amazon.com/lambda/pricing), whether or not it serves invocations.
 */
export function provisionedConcurrencyDemand(
  sheet: PriceSheet,
  instances: number,
  memoryMb: number,
  arch: Architecture,
  hours: number,
  note: string | undefined,
): Demand {
  return {
    name: `Provisioned concurrency (${instances} × ${memoryMb} MB, ${arch}, ${compact(hours)} h)`,
    quantity: instances * (memoryMb / MB_PER_GB) * hours * SECONDS_PER_HOUR,
    unit: 'GB-s',
    tiers: flat(sheet.lambda.provisionedConcurrencyUsdPerGbSecond[arch]),
    pool: `lambda-pc-${arch}`,
    note,
  };
}

/**
 * `ProvisionedConcurrencyConfig` written on an `AWS::Lambda::Version` or `AWS::Lambda::Alias`: priced at the memory
 * and architecture of the function its `FunctionName` names (`!Ref Fn`, `!GetAtt Fn.Arn`).
 */
export function provisionedConcurrencyCost({ template, resource, usage, sheet }: ServiceInput): ServiceCost {
  const settings: PricedSetting[] = [];
  const count = propertySetting(
    template,
    resource,
    ['ProvisionedConcurrencyConfig', 'ProvisionedConcurrentExecutions'],
    NUMBER,
  );
  if (count) settings.push(pricedSetting('ProvisionedConcurrentExecutions', count, undefined, 'priced at 0'));
  const instances = count?.value ?? 0;
  const target = functionNamedBy(template, valueOf(resource.properties, 'FunctionName'));
  const fn = target && lambdaSettings(target.fn, undefined);
  const notes: string[] = [];
  const lineNotes: string[] = [];
  if (count?.value === undefined)
    lineNotes.push(
      (count && assumptionNote(settings[0])) ?? 'ProvisionedConcurrentExecutions is not given; priced at 0.',
    );
  let memoryMb: number;
  let arch: Architecture;
  if (fn) {
    memoryMb = fn.memoryMb;
    arch = fn.arch;
    for (const s of fn.settings.filter((s) => s.name === 'MemorySize' || s.name === 'Architectures')) {
      settings.push({ ...s, name: `${target.fn.logicalId}.${s.name}` });
      const note = assumptionNote(s);
      if (note) lineNotes.push(note);
    }
    notes.push(
      `Invocations are priced on ${target.fn.logicalId} at the on-demand rate; those the provisioned instances ` +
        `serve cost ${formatUnitUsd(sheet.lambda.provisionedDurationUsdPerGbSecond[arch])} per GB-s instead, and ` +
        'the free tier does not cover them.',
    );
  } else {
    memoryMb = LAMBDA_DEFAULTS.memorySize;
    arch = LAMBDA_DEFAULTS.architecture;
    lineNotes.push(
      `FunctionName does not name a function of this template; priced at Lambda's default ${memoryMb} MB ${arch}.`,
    );
  }
  const hours = usage.provisionedHours.value;
  return {
    demands: [
      provisionedConcurrencyDemand(
        sheet,
        instances,
        memoryMb,
        arch,
        hours,
        lineNotes.length > 0 ? lineNotes.join(' ') : undefined,
      ),
    ],
    drivers:
      `${instances}${count?.value === undefined ? '?' : ''} provisioned × ${memoryMb} MB` +
      `${fn ? '' : '?'} · ${compact(hours)} h`,
    notes,
    settings,
  };
}
