import { compact } from '../format';
import { flat, KB_PER_GB } from '../prices';
import type { ServiceCost, ServiceInput } from '../services';
import { assumptionNote, BOOLEAN, pricedSetting, propertySetting } from '../settings';

/**
 * An SNS topic: each 64 KB chunk of a published payload is billed as one publish (a 128 KB message is two). A FIFO
 * topic (`FifoTopic: true`) has its own publish price plus a price per GB of payload (aws.amazon.com/sns/pricing).
 */
export function topicCost({ template, resource, usage, sheet }: ServiceInput): ServiceCost {
  const { sns } = sheet;
  const fifoTopic = propertySetting(template, resource, ['FifoTopic'], BOOLEAN);
  const settings = fifoTopic ? [pricedSetting('FifoTopic', fifoTopic, undefined, 'priced as a standard topic')] : [];
  const note = settings.length > 0 ? assumptionNote(settings[0]) : undefined;
  const fifo = fifoTopic?.value === true;
  const publishes = usage.monthlyPublishes.value;
  const messageKb = usage.averageMessageKb.value;
  const chunks = Math.max(1, Math.ceil(messageKb / sns.chunkKb));
  const chunked = chunks > 1 ? ` × ${chunks} chunks of ${sns.chunkKb} KB` : '';
  const publishDemand = {
    name: `${fifo ? 'FIFO publishes' : 'Publishes'} (per ${sns.chunkKb} KB chunk)`,
    quantity: publishes * chunks,
    unit: 'publishes',
    note,
  };
  return {
    demands: fifo
      ? [
          { ...publishDemand, tiers: flat(sns.fifoPublishUsd), pool: 'sns-fifo-publishes' },
          {
            name: 'FIFO payload',
            quantity: (publishes * messageKb) / KB_PER_GB,
            unit: 'GB',
            tiers: flat(sns.fifoPayloadUsdPerGb),
            pool: 'sns-fifo-payload',
          },
        ]
      : [{ ...publishDemand, tiers: flat(sns.publishUsd), pool: 'sns-publishes', freeGroup: 'sns-publishes' }],
    drivers: `${compact(publishes)} publishes${chunked}${fifo ? ' (FIFO)' : note ? ' (standard?)' : ''}`,
    notes: [
      fifo
        ? 'Deliveries to the subscribed SQS queues are billed per message and GB; not included.'
        : 'Deliveries to SQS and Lambda are free; HTTP, email and SMS deliveries are not included.',
    ],
    settings,
  };
}
