// The workflow's steps, one function each (statemachine/order.asl.json).

export interface OrderItem {
  readonly sku: string;
  readonly quantity: number;
  readonly unitPriceCents: number;
}
export interface Order {
  readonly orderId: string;
  readonly items: readonly OrderItem[];
}
export interface PricedOrder {
  readonly orderId: string;
  readonly totalCents: number;
}

/** Its name is the error the state machine catches (`"ErrorEquals": ["InvalidOrder"]`). */
export class InvalidOrder extends Error {
  override name = 'InvalidOrder';
}

function isValidItem(item: Partial<OrderItem>): boolean {
  return typeof item.sku === 'string' && (item.quantity ?? 0) > 0 && Number.isInteger(item.unitPriceCents);
}

export async function validateOrder(order: Order): Promise<Order> {
  if (!Array.isArray(order.items) || order.items.length === 0 || !order.items.every(isValidItem))
    throw new InvalidOrder(`order ${order.orderId} has no items or an item without quantity and price`);
  return order;
}

export async function priceOrder(order: Order): Promise<PricedOrder> {
  const totalCents = order.items.reduce((sum, item) => sum + item.quantity * item.unitPriceCents, 0);
  return { orderId: order.orderId, totalCents };
}
