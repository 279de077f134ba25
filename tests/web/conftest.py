"""Web tests share the API tests' fixture reports and records (``tests/api``)."""

from __future__ import annotations

import sys
from pathlib import Path

API_TESTS = Path(__file__).resolve().parents[1] / "api"
if str(API_TESTS) not in sys.path:
    sys.path.insert(0, str(API_TESTS))
