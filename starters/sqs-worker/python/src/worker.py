"""Processes a batch of orders from SQS and reports the messages that failed, so only those are retried."""

import json


def _process_order(order):
    """Raises when the message is not an order, which marks only that message as failed."""
    if not isinstance(order.get("orderId"), str):
        raise ValueError("the message has no orderId")
    quantity = order.get("quantity")
    if not isinstance(quantity, int) or quantity < 1:
        raise ValueError(f"order {order['orderId']}: bad quantity")
    # Your processing goes here (store the order, call a service...).
    print(json.dumps({"level": "INFO", "message": "order processed", "orderId": order["orderId"]}))


def handler(event, context):
    failures = []
    for record in event["Records"]:
        try:
            _process_order(json.loads(record["body"]))
        except (ValueError, AttributeError) as error:
            print(json.dumps({"level": "ERROR", "message": str(error), "messageId": record["messageId"]}))
            failures.append({"itemIdentifier": record["messageId"]})
    return {"batchItemFailures": failures}
