// Processes a batch of orders from SQS and reports the messages that failed, so only those are retried.
import type { SQSBatchItemFailure, SQSBatchResponse, SQSEvent } from 'aws-lambda';

export interface Order {
  readonly orderId: string;
  readonly quantity: number;
}

/** Throws when the message is not an order, which marks only that message as failed. */
function asOrder(value: Partial<Order>): Order {
  if (typeof value.orderId !== 'string') throw new Error('the message has no orderId');
  if (!Number.isInteger(value.quantity) || (value.quantity ?? 0) < 1)
    throw new Error(`order ${value.orderId}: bad quantity`);
  return value as Order;
}

export async function handler(event: SQSEvent): Promise<SQSBatchResponse> {
  const batchItemFailures: SQSBatchItemFailure[] = [];
  for (const { body, messageId } of event.Records) {
    try {
      const order = asOrder(JSON.parse(body));
      // Your processing goes here (store the order, call a service...).
      console.log(JSON.stringify({ level: 'INFO', message: 'order processed', orderId: order.orderId }));
    } catch (error) {
      console.error(JSON.stringify({ level: 'ERROR', message: (error as Error).message, messageId }));
      batchItemFailures.push({ itemIdentifier: messageId });
    }
  }
  return { batchItemFailures };
}
