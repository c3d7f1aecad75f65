// The workflow's steps, one function each (statemachine/order.asl.json).

/** Its name is the error the state machine catches (`"ErrorEquals": ["InvalidOrder"]`). */
class InvalidOrder extends Error {
  name = 'InvalidOrder';
}

const validItem = (item) => typeof item.sku === 'string' && item.quantity > 0 && Number.isInteger(item.unitPriceCents);

exports.validateOrder = async (order) => {
  if (!Array.isArray(order.items) || order.items.length === 0 || !order.items.every(validItem))
    throw new InvalidOrder(`order ${order.orderId} has no items or an item without quantity and price`);
  return order;
};

exports.priceOrder = async (order) => ({
  orderId: order.orderId,
  totalCents: order.items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0),
});
