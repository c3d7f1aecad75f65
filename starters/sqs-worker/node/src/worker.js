// Processes a batch of orders from SQS and reports the messages that failed, so only those are retried.

/** One order: throws when the message is not an order, which marks only that message as failed. */
function processOrder(order) {
  if (typeof order.orderId !== 'string') throw new Error('the message has no orderId');
  if (!Number.isInteger(order.quantity) || order.quantity < 1) throw new Error(`order ${order.orderId}: bad quantity`);
  // Your processing goes here (store the order, call a service...).
  console.log(JSON.stringify({ level: 'INFO', message: 'order processed', orderId: order.orderId }));
}

exports.handler = async (event) => {
  const batchItemFailures = [];
  for (const record of event.Records) {
    try {
      processOrder(JSON.parse(record.body));
    } catch (error) {
      console.error(JSON.stringify({ level: 'ERROR', message: error.message, messageId: record.messageId }));
      batchItemFailures.push({ itemIdentifier: record.messageId });
    }
  }
  return { batchItemFailures };
};
