"""Helper for the crash tests: does one long piece of storage work until killed.

Usage: ``python tests/crash_child.py FOLDER migrate|rebuild``

``migrate``: opens the data for writing, which moves a schema-1 file to one file per
conversation (the parent makes the file; it kills this process at random moments).
``rebuild``: builds the search index of the data in the cache folder, from scratch.
Prints ``done`` when it finished before being killed.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tui.core.search import SearchIndex  # noqa: E402
from tui.core.search_sync import records  # noqa: E402
from tui.core.store import Store  # noqa: E402


def main() -> int:
    """Work until killed."""
    folder, what = Path(sys.argv[1]), sys.argv[2]
    if what == "migrate":
        Store.open(folder).close()
    else:
        store = Store.open(folder, readonly=True)
        contacts, summaries, read = store.index_inputs()
        with SearchIndex.open(store.layout.root) as index:
            docs = (read(s.id) for s in summaries)
            index.rebuild(records(contacts, (d for d in docs if d is not None)))
        store.close()
    print("done", flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
