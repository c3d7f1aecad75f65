import json
import pathlib
import sys
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import steps  # noqa: E402

ORDER = json.loads((ROOT / "events" / "order.json").read_text())


class StepsTest(unittest.TestCase):
    def test_passes_a_valid_order_on_unchanged(self):
        self.assertEqual(steps.validateOrder(ORDER, None), ORDER)

    def test_rejects_an_order_without_items_with_the_error_the_workflow_catches(self):
        with self.assertRaises(steps.InvalidOrder):
            steps.validateOrder({"orderId": "o-2", "items": []}, None)

    def test_totals_the_order_in_cents(self):
        self.assertEqual(steps.priceOrder(ORDER, None), {"orderId": "o-1", "totalCents": 3097})


if __name__ == "__main__":
    unittest.main()
