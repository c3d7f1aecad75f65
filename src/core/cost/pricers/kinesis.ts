import { NUMBER, TEXT } from '../../model/resolve/setting';
import { compact } from '../format';
import { flat, HOURS_PER_MONTH, KB_PER_GB } from '../prices';
import type { ServiceCost, ServiceInput } from '../services';
import type { PricedSetting } from '../settings';
import { assumptionNote, pricedSetting, propertySetting } from '../settings';

/** Kinesis keeps records 24 hours at no extra charge (aws.amazon.com/kinesis/data-streams/pricing). */
const INCLUDED_RETENTION_HOURS = 24;
/** The smallest provisioned stream; what a stream without a known `ShardCount` is priced at. */
const MIN_SHARDS = 1;

/**
 * A Kinesis data stream by its capacity mode (`StreamModeDetails.StreamMode`, PROVISIONED unless ON_DEMAND):
 * provisioned streams pay shard-hours and 25 KB PUT payload units, on-demand streams a stream-hour and each GB
 * written and read (aws.amazon.com/kinesis/data-streams/pricing).
 */
export function streamCost({ template, resource, usage, sheet }: ServiceInput): ServiceCost {
  const { kinesis } = sheet;
  const settings: PricedSetting[] = [];
  const mode = propertySetting(template, resource, ['StreamModeDetails', 'StreamMode'], TEXT);
  if (mode) settings.push(pricedSetting('StreamMode', mode, undefined, 'priced as PROVISIONED, the default'));
  const modeNote = settings.length > 0 ? assumptionNote(settings[0]) : undefined;
  const notes: string[] = [];
  const retention = propertySetting(template, resource, ['RetentionPeriodHours'], NUMBER)?.value;
  if (retention !== undefined && retention > INCLUDED_RETENTION_HOURS)
    notes.push(`Retention beyond ${INCLUDED_RETENTION_HOURS} hours (${retention} h) costs extra and is not included.`);
  const records = usage.monthlyRecords.value;
  const recordKb = usage.averageRecordKb.value;
  if (mode?.value === 'ON_DEMAND') {
    const round = kinesis.onDemandRecordRoundKb;
    const billedKb = Math.max(round, Math.ceil(recordKb / round) * round);
    const gbIn = (records * billedKb) / KB_PER_GB;
    const consumers = usage.consumers.value;
    return {
      demands: [
        {
          name: 'On-demand stream hours',
          quantity: HOURS_PER_MONTH,
          unit: 'stream-hours',
          tiers: flat(kinesis.onDemandStreamHourUsd),
          pool: 'kinesis-stream-hours',
        },
        {
          name: `Data in (records rounded up to ${round} KB)`,
          quantity: gbIn,
          unit: 'GB',
          tiers: flat(kinesis.onDemandDataInUsdPerGb),
          pool: 'kinesis-data-in',
        },
        {
          name: `Data out (${consumers} consumer${consumers === 1 ? '' : 's'})`,
          quantity: gbIn * consumers,
          unit: 'GB',
          tiers: flat(kinesis.onDemandDataOutUsdPerGb),
          pool: 'kinesis-data-out',
        },
      ],
      drivers: `on demand · ${compact(records)} records × ${billedKb} KB`,
      notes,
      settings,
    };
  }
  const shardSetting = propertySetting(template, resource, ['ShardCount'], NUMBER);
  if (shardSetting)
    settings.push(pricedSetting('ShardCount', shardSetting, undefined, `priced at ${MIN_SHARDS} shard`));
  const shards = shardSetting?.value ?? MIN_SHARDS;
  const shardNote = shardSetting
    ? assumptionNote(settings[settings.length - 1])
    : `ShardCount is not given; priced at ${MIN_SHARDS} shard, the smallest stream.`;
  const units = Math.max(1, Math.ceil(recordKb / kinesis.putPayloadUnitKb));
  return {
    demands: [
      {
        name: `Shard hours (${shards} shard${shards === 1 ? '' : 's'})`,
        quantity: shards * HOURS_PER_MONTH,
        unit: 'shard-hours',
        tiers: flat(kinesis.provisionedShardHourUsd),
        pool: 'kinesis-shard-hours',
        note: [modeNote, shardNote].filter(Boolean).join(' ') || undefined,
      },
      {
        name: `PUT payload units (${kinesis.putPayloadUnitKb} KB each)`,
        quantity: records * units,
        unit: 'units',
        tiers: flat(kinesis.putPayloadUnitUsd),
        pool: 'kinesis-put-units',
      },
    ],
    drivers:
      `${shards}${shardSetting?.value === undefined ? '?' : ''} shard${shards === 1 ? '' : 's'} ` +
      `· ${compact(records)} records`,
    notes,
    settings,
  };
}
