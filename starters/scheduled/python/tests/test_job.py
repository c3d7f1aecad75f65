import json
import pathlib
import sys
import unittest

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "src"))

import job  # noqa: E402

EVENT = json.loads((ROOT / "events" / "scheduled.json").read_text())
TWELVE_O_CLOCK_RUN = {"from": "2026-12-01T11:00:00.000Z", "to": "2026-12-01T12:00:00.000Z"}


class JobTest(unittest.TestCase):
    def test_covers_the_hour_before_the_scheduled_time(self):
        self.assertEqual(job.handler(EVENT, None), TWELVE_O_CLOCK_RUN)

    def test_a_late_run_covers_the_same_hour(self):
        self.assertEqual(job.handler({**EVENT, "time": "2026-12-01T12:04:31Z"}, None), TWELVE_O_CLOCK_RUN)


if __name__ == "__main__":
    unittest.main()
