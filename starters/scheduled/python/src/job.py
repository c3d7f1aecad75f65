"""Runs every hour over the hour that just ended, taken from the event's time so that a late or repeated run covers
the same hour."""

import json
from datetime import datetime, timedelta


def _iso(moment):
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def handler(event, context):
    scheduled = datetime.fromisoformat(event["time"].replace("Z", "+00:00"))
    end = scheduled.replace(minute=0, second=0, microsecond=0)
    window = {"from": _iso(end - timedelta(hours=1)), "to": _iso(end)}
    # Your job goes here (summarise the hour's orders, clean up what expired...).
    print(json.dumps({"level": "INFO", "message": "hour processed", **window}))
    return window
