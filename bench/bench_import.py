"""Speed of ``coffeechat import json`` as the file grows: ``python -m bench.bench_import``.

Reports medians (ms) of importing an export of N contacts (one conversation per two contacts)
into an empty folder, and of importing the same file a second time (everything already
present), with the ratio between sizes: about the size ratio means linear. Times are CPU time
of this process (``time.process_time``), so other work on a shared machine does not blur them.
"""

from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

from bench.generate import make_conversation
from tui.core.models import Contact
from tui.core.storage import SCHEMA_VERSION
from tui.core.store import EXPORT_FORMAT, Store

SIZES = (2000, 4000, 8000)
REPEATS = 3


def make_export(contacts: int, seed: int = 7) -> dict[str, Any]:
    """An export document with ``contacts`` contacts and half as many conversations."""
    rng = random.Random(seed)
    people = [Contact(name=f"Person {i}", company=f"Company {i % 97}", role="Engineer")
              for i in range(contacts)]
    chats = [make_conversation(rng, people[i], i) for i in range(contacts // 2)]
    return {"format": EXPORT_FORMAT, "schema": SCHEMA_VERSION,
            "contacts": [c.to_dict() for c in people],
            "conversations": [c.to_dict() for c in chats]}


def import_ms(data: dict[str, Any], twice: bool) -> float:
    """Median ms of one import into a new folder (the second one when ``twice``)."""
    times = []
    for _ in range(REPEATS):
        with tempfile.TemporaryDirectory() as tmp:
            store = Store.open(Path(tmp))
            if twice:
                store.import_data(data)
            start = time.process_time()
            store.import_data(data)
            times.append((time.process_time() - start) * 1000)
            store.close()
    return statistics.median(times)


def main(sizes: tuple[int, ...] = SIZES) -> None:
    """Measure every size and print a table with ratios."""
    rows = {}
    for size in sizes:
        data = make_export(size)
        rows[size] = {"import ms": import_ms(data, twice=False),
                      "re-import ms": import_ms(data, twice=True)}
    keys = list(next(iter(rows.values())))
    print(f"{'contacts':>10} " + " ".join(f"{k:>14}" for k in keys))
    for size, values in rows.items():
        print(f"{size:>10} " + " ".join(f"{values[k]:>14.1f}" for k in keys))
    first, last = sizes[0], sizes[-1]
    ratios = " ".join(f"{rows[last][k] / rows[first][k]:>14.2f}" for k in keys)
    print(f"{f'{last}/{first}':>10} {ratios}")


if __name__ == "__main__":
    main(tuple(int(a) for a in sys.argv[1:]) or SIZES)
