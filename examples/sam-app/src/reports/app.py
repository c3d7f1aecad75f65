"""GET /reports/{day}: counts the day's orders by status and stores the report in S3."""
import json
import os

import boto3

dynamodb = boto3.resource("dynamodb")
s3 = boto3.client("s3")


def handler(event, context):
    day = (event.get("pathParameters") or {}).get("day", "today")
    table = dynamodb.Table(os.environ["TABLE_NAME"])
    counts = {}
    scan = {}
    while True:
        page = table.scan(**scan)
        for item in page.get("Items", []):
            if str(item.get("createdAt", "")).startswith(day) or day in ("today", "yesterday"):
                counts[item.get("status", "UNKNOWN")] = counts.get(item.get("status", "UNKNOWN"), 0) + 1
        if "LastEvaluatedKey" not in page:
            break
        scan["ExclusiveStartKey"] = page["LastEvaluatedKey"]
    report = {"day": day, "ordersByStatus": counts, "requestId": context.aws_request_id}
    s3.put_object(Bucket=os.environ["BUCKET_NAME"], Key=f"reports/{day}.json", Body=json.dumps(report).encode())
    return {"statusCode": 200, "headers": {"content-type": "application/json"}, "body": json.dumps(report)}
