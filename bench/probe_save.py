"""Run in a child process against one version of coffeechat (``PYTHONPATH`` chooses it):
what one autosave of a conversation costs.

    python bench/probe_save.py DATA_DIR

Prints JSON: the median time ``save_conversation`` takes on the caller's thread (what it
blocks the app's event loop for), and the median bytes the process writes for one save until
it is on disk (``wchar`` of ``/proc/self/io``: the data files, and any cache or index row).
"""

from __future__ import annotations

import json
import statistics
import sys
import time
from pathlib import Path

ROUNDS = 7


def written() -> int:
    """Bytes this process has written so far (Linux)."""
    with open("/proc/self/io", encoding="ascii") as handle:
        for line in handle:
            if line.startswith("wchar:"):
                return int(line.split()[1])
    return 0


def main() -> int:
    """Open the data as the app does, save one conversation a few times, report."""
    from tui.core.store import Store

    store = Store.open(Path(sys.argv[1]), background=True)
    if hasattr(store, "attach_index"):  # this version keeps the search index up to date too
        from tui.core.search import SearchIndex

        index = SearchIndex.open(store.layout.root)
        if not index.needs_rebuild:
            store.attach_index(index)
    listed = store.summaries() if hasattr(store, "summaries") else store.conversations()
    target = max(listed, key=lambda c: c.updated_at).id
    blocks, sizes = [], []
    for round_ in range(ROUNDS):
        conversation = store.conversation(target)
        conversation.research_notes += f" edit {round_}"
        before = written()
        start = time.perf_counter()
        store.save_conversation(conversation)
        blocks.append(time.perf_counter() - start)
        assert store.flush(60)
        sizes.append(written() - before)
    store.close()
    print(json.dumps({"block_ms": statistics.median(blocks) * 1000,
                      "bytes": statistics.median(sizes)}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
