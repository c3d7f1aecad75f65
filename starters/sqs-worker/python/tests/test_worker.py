import json
import pathlib
import sys
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import worker  # noqa: E402

EVENT = json.loads((ROOT / "events" / "messages.json").read_text())


class WorkerTest(unittest.TestCase):
    def test_reports_only_the_message_that_is_not_a_valid_order(self):
        self.assertEqual(
            worker.handler(EVENT, None),
            {"batchItemFailures": [{"itemIdentifier": "2e1424d4-f796-459a-8184-9c92662be6da"}]},
        )

    def test_reports_a_body_that_is_not_json(self):
        record = {**EVENT["Records"][0], "body": "not json"}
        self.assertEqual(
            worker.handler({"Records": [record]}, None),
            {"batchItemFailures": [{"itemIdentifier": record["messageId"]}]},
        )


if __name__ == "__main__":
    unittest.main()
