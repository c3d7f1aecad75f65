"""Handles the objects uploaded under uploads/: S3 sends each one's key and size in the event."""

import json
from urllib.parse import unquote_plus

KINDS = {"image": {"jpg", "jpeg", "png", "gif", "webp"}, "document": {"pdf", "txt", "csv", "json"}}


def _kind_of(key):
    extension = key.rsplit(".", 1)[-1].lower()
    return next((kind for kind, extensions in KINDS.items() if extension in extensions), "other")


def handler(event, context):
    processed = []
    for record in event["Records"]:
        # S3 URL-encodes keys in events, with spaces as "+".
        key = unquote_plus(record["s3"]["object"]["key"])
        # Your processing goes here (read the object with get_object, make a thumbnail, index it...).
        processed.append(
            {
                "bucket": record["s3"]["bucket"]["name"],
                "key": key,
                "sizeBytes": record["s3"]["object"]["size"],
                "kind": _kind_of(key),
            }
        )
    print(json.dumps({"level": "INFO", "message": "uploads processed", "processed": processed}))
    return {"processed": processed}
