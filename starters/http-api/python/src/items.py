"""POST /items stores an item in the table named by TABLE_NAME; GET /items/{id} reads one back."""

import base64
import json
import os
import uuid
from datetime import datetime, timezone

_table = None


def _reply(status_code, body):
    return {"statusCode": status_code, "headers": {"content-type": "application/json"}, "body": json.dumps(body)}


def _name_of(event):
    """The request's "name", if its body is JSON with one (API Gateway base64-encodes binary bodies)."""
    text = event.get("body") or ""
    if event.get("isBase64Encoded"):
        text = base64.b64decode(text).decode("utf-8")
    try:
        name = json.loads(text).get("name")
    except (ValueError, AttributeError):
        return None
    return name if isinstance(name, str) and name else None


def handler(event, context):
    global _table
    if _table is None:
        # Made on the first invocation and kept for the warm ones. boto3 comes with Lambda's runtime; importing it
        # here lets the unit tests stand in for it.
        import boto3

        _table = boto3.resource("dynamodb").Table(os.environ["TABLE_NAME"])
    if event.get("routeKey") == "GET /items/{id}":
        response = _table.get_item(Key={"id": event["pathParameters"]["id"]})
        if "Item" in response:
            return _reply(200, response["Item"])
        return _reply(404, {"message": "No item has this id."})
    name = _name_of(event)
    if name is None:
        return _reply(400, {"message": 'Send a JSON body with a "name".'})
    item = {"id": str(uuid.uuid4()), "name": name, "createdAt": datetime.now(timezone.utc).isoformat()}
    _table.put_item(Item=item)
    return _reply(201, item)
