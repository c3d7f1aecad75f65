import copy
import json
import pathlib
import sys
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import uploads  # noqa: E402

EVENT = json.loads((ROOT / "events" / "object-created.json").read_text())


class UploadsTest(unittest.TestCase):
    def test_decodes_the_key_and_sorts_the_object_by_kind(self):
        self.assertEqual(
            uploads.handler(EVENT, None),
            {
                "processed": [
                    {"bucket": "my-app-uploads", "key": "uploads/holiday photo.jpg", "sizeBytes": 1024, "kind": "image"}
                ]
            },
        )

    def test_an_unknown_extension_is_other(self):
        record = copy.deepcopy(EVENT["Records"][0])
        record["s3"]["object"]["key"] = "uploads/data.bin"
        self.assertEqual(uploads.handler({"Records": [record]}, None)["processed"][0]["kind"], "other")


if __name__ == "__main__":
    unittest.main()
