import json
import os
import pathlib
import sys
import types
import unittest.mock
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import items  # noqa: E402

EVENT = json.loads((ROOT / "events" / "create-item.json").read_text())


class MemoryTable:
    """Answers put_item and get_item from a dict, as boto3's Table does from DynamoDB."""

    def __init__(self, name):
        self.name = name
        self.items = {}

    def put_item(self, Item):
        self.items[Item["id"]] = Item

    def get_item(self, Key):
        found = self.items.get(Key["id"])
        return {"Item": found} if found else {}


class ItemsTest(unittest.TestCase):
    def setUp(self):
        # The handler imports boto3 on its first invocation: this stand-in answers from memory instead of AWS.
        self.table = MemoryTable("items-table")
        fake = types.SimpleNamespace(resource=lambda service: types.SimpleNamespace(Table=lambda name: self.table))
        self.patch = unittest.mock.patch.dict(sys.modules, {"boto3": fake})
        self.patch.start()
        os.environ["TABLE_NAME"] = self.table.name
        items._table = None

    def tearDown(self):
        self.patch.stop()

    def test_stores_the_posted_item_and_reads_it_back(self):
        created = items.handler(EVENT, None)
        self.assertEqual(created["statusCode"], 201)
        item = json.loads(created["body"])
        self.assertEqual(item["name"], "first item")
        self.assertEqual(self.table.items, {item["id"]: item})
        read = items.handler({"routeKey": "GET /items/{id}", "pathParameters": {"id": item["id"]}}, None)
        self.assertEqual(json.loads(read["body"]), item)

    def test_answers_400_to_a_body_without_a_name(self):
        self.assertEqual(items.handler({**EVENT, "body": "{}"}, None)["statusCode"], 400)


if __name__ == "__main__":
    unittest.main()
