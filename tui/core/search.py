"""Full-text search over every conversation and contact.

    index = SearchIndex.open(data_folder)         # the cache for this data folder
    synchronise(index, contacts, conversations)   # export-format dicts: rebuilds or catches up
    result = index.search('dublin company:stripe', limit=20)
    for hit in result.hits: ...                   # hit.label, hit.snippet, hit.spans
    print(json.dumps(result.to_json()))           # or format_hits(result.hits) for a table

The index is a cache, never the truth: it lives in the cache folder
(``platformdirs.user_cache_dir("coffeechat")``, or ``$COFFEECHAT_CACHE_DIR``), one SQLite file
per data folder (named by a hash of the folder's resolved path), 0600 in 0700 folders. Deleting
it loses nothing. A file from another index version, or one that is damaged, is deleted and
recreated empty (``needs_rebuild``); if no file can be written the index lives in memory.
Without FTS5 in this Python's SQLite, a slower in-memory engine gives the same hits
(``engine == "memory"``, with a notice for the user).

After a change, :meth:`SearchIndex.update_conversation` costs one conversation. To catch up
after changes made elsewhere (another process, a synced folder), compare stamps with
:meth:`SearchIndex.stale` and index only what differs.

Threads: every method may be called from any thread; keep them off the UI's event loop (a
query takes milliseconds, a rebuild seconds). Writes (rebuild, updates, removals) are
serialised with each other, searches with each other; with an index file, searches read the
last committed index through their own connection, so they go on during a rebuild or an
update (with the in-memory fallbacks they wait for it). :meth:`cancel_search` and
:meth:`cancel_rebuild` stop, from another thread, a search made stale by the next keystroke
or a rebuild no longer wanted.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
from collections.abc import Callable, Iterable, Iterator, Mapping
from pathlib import Path
from typing import Any

from tui.core.search_cache import IndexFile, SearchIndexError, cache_dir, index_path
from tui.core.search_fields import (
    contact_key,
    conversation_key,
    extract_contact,
    extract_conversation,
    with_contact,
)
from tui.core.search_fts import FtsEngine, fts5_available
from tui.core.search_hits import (
    Hit,
    SearchResult,
    TagPlaces,
    format_hits,
    place_hits,
    query_phrases,
    record_hits,
)
from tui.core.search_memory import MemoryEngine
from tui.core.search_query import Query, parse
from tui.core.search_sync import (
    Progress,
    RebuildStopped,
    Record,
    Staleness,
    compare,
    fill,
    records,
    synchronise,
)
from tui.core.search_tags import MAX_PLACES, TagCount, TagCounts, count_tags, wanted_tags
from tui.core.search_text import Highlighter

RANK_CAP = 300  # a query matching more records ranks only the newest this many
FIRST_LETTERS_CAP = 100  # ...and only this many while just one or two letters are typed
DEFAULT_LIMIT = 20
PER_RECORD = 3
MAX_LIMIT = 1000

__all__ = [
    "Hit", "SearchIndex", "SearchIndexError", "SearchResult", "Staleness", "TagCount",
    "TagCounts", "TagPlaces", "cache_dir", "format_hits", "index_path", "parse", "records",
    "synchronise",
]


class SearchIndex:
    """The search index of one data folder (see the module docstring)."""

    def __init__(self, store: IndexFile | None) -> None:
        self._file = store
        self._engine: FtsEngine | MemoryEngine
        self._reader: FtsEngine | MemoryEngine
        self._write_lock = threading.RLock()
        if store is not None:
            self._engine = FtsEngine(lambda: store.connection)
            _ = self._engine.db  # creates the tables before anything reads them
            self._reader = FtsEngine(lambda: store.reader, create=store.path is None)
        else:
            self._engine = self._reader = MemoryEngine()
        separate = store is not None and store.separate_reader
        self._read_lock = threading.RLock() if separate else self._write_lock
        self._stop_search = threading.Event()
        self._stop_rebuild = threading.Event()
        self._searching: int | None = None  # the thread inside a search, if any
        self._interrupt_lock = threading.Lock()  # an interrupt only ever lands in a search
        self._built = False  # the memory engine has been filled

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, data_folder: Path | str, *, cache_folder: Path | str | None = None,
             memory: bool = False) -> SearchIndex:
        """The index of ``data_folder``, in ``cache_folder`` (default: :func:`cache_dir`).

        Never fails for a bad cache file: it is recreated. ``memory=True`` forces the
        in-memory engine (for tests); a Python whose SQLite lacks FTS5 gets it anyway.
        """
        if memory or not fts5_available():
            return cls(None)
        return cls(IndexFile.open(Path(data_folder), cache_folder))

    @property
    def engine(self) -> str:
        """``fts5`` or ``memory`` (the fallback: slower, rebuilt at every start)."""
        return self._engine.name

    @property
    def path(self) -> Path | None:
        """The index file, or None when the index lives in memory."""
        return self._file.path if self._file is not None else None

    @property
    def needs_rebuild(self) -> bool:
        """True until :meth:`rebuild` has completed on this index (new, reset or in memory)."""
        return self._file.needs_rebuild if self._file is not None else not self._built

    @property
    def notices(self) -> tuple[str, ...]:
        """Sentences for the user about the index itself (fallback engine, recreated file)."""
        found = list(self._file.notices) if self._file is not None else []
        if self.engine == "memory":
            found.append("Search runs without SQLite FTS5 in this Python: it is slower and "
                         "is rebuilt at each start.")
        return tuple(found)

    def close(self) -> None:
        """Close the file (the index stays on disk for next time)."""
        with self._write_lock, self._read_lock:
            if self._file is not None:
                self._file.close()

    def __enter__(self) -> SearchIndex:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()

    def cancel_search(self) -> None:
        """Stop the search running on another thread (it returns ``cancelled=True``)."""
        self._stop_search.set()
        with self._interrupt_lock:
            searching = self._searching
            if self._file is not None and searching not in (None, threading.get_ident()):
                self._file.interrupt()

    def cancel_rebuild(self) -> None:
        """Stop the rebuild running on another thread, between two records: it returns 0
        and the index stays as it was."""
        self._stop_rebuild.set()

    # -- writing -------------------------------------------------------------------------

    def rebuild(self, records: Iterable[Record], progress: Progress | None = None,
                total: int | None = None) -> int:
        """Replace the whole index with ``records``; returns how many records were indexed.

        ``records`` yields ``(conversation, contact)`` dicts in the export format; pass
        ``(None, contact)`` for a contact without conversations (each contact is indexed
        once, the first time it appears). ``progress(done, total)`` is called every
        :data:`~tui.core.search_sync.PROGRESS_EVERY` records; if it returns ``False``, or
        :meth:`cancel_rebuild` is called, the rebuild stops, returns 0 and leaves the index
        as it was. All or nothing: a crash mid-way also leaves the previous index.
        """
        with self._write_lock:
            self._stop_rebuild.clear()
            try:
                if self._file is None:
                    engine = MemoryEngine()
                    done = fill(engine, records, self._stop_rebuild, progress, total)
                    self._engine = self._reader = engine
                    self._built = True
                    return done
                with self._file.transaction(self._engine, complete=True) as fts:
                    fts.clear()
                    done = fill(fts, records, self._stop_rebuild, progress, total)
                self._file.notices.clear()  # whatever happened before, the index is whole
                return done
            except RebuildStopped:
                return 0
            except sqlite3.DatabaseError as error:
                self._damaged(error)
                return 0

    def update_conversation(self, conversation: Mapping[str, Any],
                            contact: Mapping[str, Any] | None, stamp: str | None = None) -> None:
        """Index one conversation again (its rows only). ``stamp`` defaults to its
        ``updated_at``; pass your own when you compare stamps your way (:meth:`stale`)."""
        doc = extract_conversation(conversation, contact, stamp)
        self._write(lambda engine: engine.put(doc), None)

    def update_contact(self, contact: Mapping[str, Any], stamp: str | None = None) -> int:
        """Index a contact again, and the name, company and tags in their conversations
        (from the index: no conversation is read). Returns how many conversations changed."""
        doc = extract_contact(contact, stamp)

        def update(engine: FtsEngine | MemoryEngine) -> int:
            engine.put(doc)
            keys = engine.keys_of_contact(doc.contact_id)
            for conversation in engine.docs(keys):
                engine.put(with_contact(conversation, contact))
            return len(keys)

        return int(self._write(update, 0))

    def remove_conversation(self, conversation_id: str) -> bool:
        """Forget a conversation; True if it was indexed."""
        return bool(self._write(lambda engine: engine.remove(conversation_key(conversation_id)),
                                False))

    def remove_contact(self, contact_id: str) -> int:
        """Forget a contact and their conversations (as deleting a contact does); returns
        how many records went."""
        def remove(engine: FtsEngine | MemoryEngine) -> int:
            keys = [contact_key(contact_id), *engine.keys_of_contact(contact_id)]
            return sum(engine.remove(key) for key in keys)

        return int(self._write(remove, 0))

    def _write(self, change: Callable[[FtsEngine | MemoryEngine], Any], default: Any) -> Any:
        """Run ``change`` in one transaction. A damaged file is recreated (``needs_rebuild``)
        and ``default`` returned; other failures (disk full, locked) raise
        :class:`SearchIndexError`."""
        with self._write_lock:
            if self._file is None:
                return change(self._engine)
            try:
                with self._file.transaction(self._engine) as engine:
                    return change(engine)
            except sqlite3.DatabaseError as error:
                self._damaged(error)
                return default

    # -- staleness -----------------------------------------------------------------------

    def stamps(self) -> tuple[dict[str, str], dict[str, str]]:
        """(conversation id -> stamp, contact id -> stamp) of everything indexed."""
        with self._read_lock:
            try:
                raw = self._reader.stamps()
            except sqlite3.DatabaseError as error:
                failure: sqlite3.DatabaseError | None = error
            else:
                failure = None
        if failure is not None:
            self._damaged(failure)
            raw = {}
        conversations = {k[2:]: v for k, v in raw.items() if k.startswith("v:")}
        contacts = {k[2:]: v for k, v in raw.items() if k.startswith("p:")}
        return conversations, contacts

    def stale(self, conversations: Mapping[str, str], contacts: Mapping[str, str]) -> Staleness:
        """Compare the data's stamps (id -> stamp, as :func:`~tui.core.search_fields.
        conversation_stamp` and ``contact_stamp`` give them) with the index; see also
        :func:`~tui.core.search_sync.synchronise`."""
        return compare(self.stamps(), conversations, contacts)

    # -- searching -----------------------------------------------------------------------

    def search(self, query: str | Query, *, limit: int = DEFAULT_LIMIT,
               per_record: int = PER_RECORD, cap: int = RANK_CAP,
               width: int = 120) -> SearchResult:
        """Run a query (see :mod:`tui.core.search_query`); never raises for any query text.

        At most ``limit`` hits, at most ``per_record`` from one conversation or contact,
        snippets about ``width`` characters wide. A damaged index is recreated (the result
        says so in its notices); only a failing disk raises :class:`SearchIndexError`.
        """
        parsed = query if isinstance(query, Query) else parse(query)
        limit = max(1, min(limit, MAX_LIMIT))
        with self._read_lock, self._searching_now():
            try:
                notices = (*parsed.problems, *self.notices, *self._building())
                if parsed.empty:
                    return SearchResult(parsed, engine=self.engine, notices=notices)
                with self._snapshot():
                    return self._search(parsed, notices, limit, max(1, per_record), cap, width)
            except sqlite3.DatabaseError as error:
                if "interrupt" in str(error):
                    return SearchResult(parsed, engine=self.engine, cancelled=True)
                failure = error
        self._damaged(failure)  # outside the read lock: recreating takes both locks
        return SearchResult(parsed, engine=self.engine, notices=(*parsed.problems,
                                                                  *self.notices))

    def _building(self) -> tuple[str, ...]:
        if self.needs_rebuild and self._reader.count() == 0:
            return ("The search index is being built; results will follow.",)
        return ()

    @contextlib.contextmanager
    def _snapshot(self) -> Iterator[None]:
        """One read transaction, so that a search sees one state of the index throughout."""
        if self._file is None or not self._file.separate_reader:
            yield
            return
        reader = self._file.reader
        reader.execute("BEGIN")
        try:
            yield
        finally:
            with contextlib.suppress(sqlite3.Error):
                reader.execute("COMMIT")

    def _search(self, parsed: Query, notices: tuple[str, ...], limit: int, per_record: int,
                cap: int, width: int) -> SearchResult:
        engine = self._reader
        if parsed.terms and all(t.prefix and len(t.words) == 1 and len(t.words[0]) <= 2
                                for t in parsed.terms):
            cap = min(cap, FIRST_LETTERS_CAP)  # "m", "ma": relevance means little yet
        handles, more, capped = engine.rank(parsed, limit, max(limit, cap))
        highlighter = Highlighter(query_phrases(parsed))
        tags = wanted_tags(parsed)
        hits: list[Hit] = []
        taken = records = 0
        while taken < len(handles) and len(hits) < limit:
            # at first, enough records if each gives per_record hits; then one hit each
            wanted = -(-limit // per_record) if not taken else limit - len(hits)
            chunk = handles[taken:taken + wanted]
            for ranked in engine.fetch(chunk, highlighter, tags):
                hits += record_hits(ranked, highlighter, records, per_record, width, tags)
                records += 1
            taken += len(chunk)
            if self._stop_search.is_set():
                return SearchResult(parsed, engine=self.engine, cancelled=True)
        return SearchResult(parsed, tuple(hits[:limit]), records, more or taken < len(handles),
                            capped, self.engine, notices)

    # -- tags ----------------------------------------------------------------------------

    def tag_counts(self) -> TagCounts:
        """Every tag with how many places carry it, most first (see
        :func:`~tui.core.search_tags.count_tags`)."""
        return TagCounts(tuple(self._read_tags(lambda e: count_tags(*e.tag_groups()), [])),
                         (*self.notices, *self._building()))

    def tag_places(self, key: str, limit: int = MAX_PLACES, width: int = 120) -> TagPlaces:
        """The newest ``limit`` places carrying the tag ``key`` (a :func:`~tui.core.tags.
        tag_key`), one hit each, the tag marked in its snippet."""
        places, total = self._read_tags(lambda e: e.tag_places(key, max(1, limit)), ([], 0))
        return TagPlaces(key, tuple(place_hits(places, key, width)), total,
                         (*self.notices, *self._building()))

    def _read_tags(self, read: Callable[[FtsEngine | MemoryEngine], Any], default: Any) -> Any:
        with self._read_lock:
            try:
                with self._snapshot():
                    return read(self._reader)
            except sqlite3.DatabaseError as error:
                failure = error
        self._damaged(failure)
        return default

    @contextlib.contextmanager
    def _searching_now(self) -> Iterator[None]:
        """Mark a search as running, so that :meth:`cancel_search` may interrupt it."""
        self._stop_search.clear()
        with self._interrupt_lock:
            self._searching = threading.get_ident()
        try:
            yield
        finally:
            with self._interrupt_lock:
                self._searching = None

    def _damaged(self, error: sqlite3.DatabaseError) -> None:
        """Recreate a damaged index (reported in :attr:`notices`); raise for anything else."""
        if self._file is None or not self._file.is_damage(error):
            raise SearchIndexError(f"the search index failed: {error}") from error
        with self._write_lock, self._read_lock:
            self._file.reset(f"The search index was damaged ({error}) and was recreated.")

