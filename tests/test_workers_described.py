"""Every ``@work`` names its worker: without a description Textual writes one from ``repr`` of
every argument, on the event loop, and the lists handed to workers hold thousands of records
(10,000 summaries took about 0.2 s to repr at start)."""

from __future__ import annotations

import re
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "tui"
DECORATOR = re.compile(r"@work\((?P<args>[^)]*)\)", re.S)


def test_every_worker_decorator_has_a_description() -> None:
    found, missing = 0, []
    for path in sorted(PACKAGE.rglob("*.py")):
        for match in DECORATOR.finditer(path.read_text(encoding="utf-8")):
            found += 1
            if "description=" not in match["args"]:
                missing.append(f"{path.relative_to(PACKAGE)}: {match[0]}")
    assert found >= 9  # the decorators this checks are still written this way
    assert missing == []
