"""What the app does with its data in the background after it opens.

:func:`upkeep` runs on a worker thread: it finishes reading the conversations whose files are
new or changed (when the list could not be made from the cache at once), makes the day's
backup, and brings the search index up to date (rebuilding it, file by file, when it is new
or damaged), then hands the index to the store so that every later save keeps it current.
Each step reports its progress through ``report(step, done, total)``; ``stop`` ends it early
(the app is closing). Nothing here blocks the UI, and nothing here is the truth: the caches can
be rebuilt at any time.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from tui.core.catalog import RefreshStopped
from tui.core.models import Conversation
from tui.core.search_cache import SearchIndexError
from tui.core.store import Store
from tui.core.summary import ConversationSummary

if TYPE_CHECKING:
    from tui.core.search_link import Reader

READING = "reading"  # reading conversation files into the list
INDEXING = "indexing"  # building the search index
DONE = "done"


def progress_line(step: str, done: int, total: int) -> str | None:
    """What the home screen says while the background work is at ``done`` of ``total`` in
    ``step`` (None: nothing worth a line)."""
    if step == READING and done < total:
        return f"Reading your conversations: {done:,} of {total:,}…"
    if step == INDEXING and total:
        return f"Building the search index: {done:,} of {total:,}…"
    return None

Report = Callable[[str, int, int], object]
IndexInputs = tuple[list[dict[str, Any]], list[ConversationSummary], "Reader"]


def upkeep(store: Store, report: Report, stop: threading.Event, needs_refresh: bool,
           inputs: Callable[[], IndexInputs]) -> None:
    """Refresh (if ``needs_refresh``), back up, index; see the module docstring.

    ``inputs()`` gives the contacts, summaries and file reader for the index; the app has it
    run on its event loop (the store's tables are not for other threads) and shows the list
    of conversations there and then.
    """
    changed: list[str] = []

    def progress(step: str) -> Callable[[int, int | None], bool]:
        def tell(done: int, total: int | None) -> bool:
            report(step, done, total or 0)
            return not stop.is_set()
        return tell

    def note_changed(conversation: Conversation) -> None:
        changed.append(conversation.id)

    if needs_refresh:
        try:
            store.files.refresh(progress(READING), note_changed)
        except RefreshStopped:
            return
    contacts, summaries, read = inputs()
    report(READING, 1, 1)
    if stop.is_set():
        return
    if not store.fresh_folder:
        store.backup_daily()
    if stop.is_set():
        return
    from tui.core.search import SearchIndex  # the engine: loaded here, off the first paint
    from tui.core.search_link import catch_up

    try:
        index = SearchIndex.open(store.layout.root)
        catch_up(index, contacts, summaries, read, also=changed, progress=progress(INDEXING))
        if stop.is_set():
            index.close()
            return
        # Saves made during that (perhaps long) rebuild are caught up now, then every save
        # updates the index itself. (Attached earlier, a save would wait for the rebuild.)
        catch_up(index, *inputs())
        store.attach_index(index)
    except SearchIndexError:
        pass  # searching will say so; the data is not affected
    report(DONE, 0, 0)
