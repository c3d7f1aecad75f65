"""The workflow's steps, one function each (statemachine/order.asl.json)."""


class InvalidOrder(Exception):
    """Its name is the error the state machine catches ("ErrorEquals": ["InvalidOrder"])."""


def _valid_item(item):
    return (
        isinstance(item.get("sku"), str)
        and isinstance(item.get("quantity"), int)
        and item["quantity"] > 0
        and isinstance(item.get("unitPriceCents"), int)
    )


def validateOrder(order, context):
    items = order.get("items")
    if not isinstance(items, list) or not items or not all(_valid_item(item) for item in items):
        raise InvalidOrder(f"order {order.get('orderId')} has no items or an item without quantity and price")
    return order


def priceOrder(order, context):
    total = sum(item["quantity"] * item["unitPriceCents"] for item in order["items"])
    return {"orderId": order["orderId"], "totalCents": total}
