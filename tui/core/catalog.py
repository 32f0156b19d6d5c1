"""Knowing every conversation without holding them: summaries from the cache, kept fresh.

:func:`refresh` lists the conversations folder, takes the cached summary of each file whose
stamp is unchanged, reads (and validates) only the files that are new or changed, forgets the
ones that are gone, and records what it read in the cache. With a warm cache that is one
directory listing and one cache query; with a cold one, every file is read once (progress is
reported, and a refresh can be stopped between two files).

A file that cannot be used (damaged, from a newer coffeechat, misplaced) becomes a
:class:`~tui.core.convfile.FileProblem` and stays out of the lists; conflict copies left by a
sync tool are listed too. Nothing here writes in the data folder.
"""

from __future__ import annotations

import contextlib
import json
import os
import threading
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from pathlib import Path
from typing import Any, TypeVar

from tui.core.convfile import TABLE, FileProblem, decode, problem_of
from tui.core.dataformat import StorageError, parse_json
from tui.core.layout import Conflict, Layout, Stamp, stamp_of
from tui.core.models import Conversation
from tui.core.summary import SUMMARY_FIELDS, ConversationSummary, summarise
from tui.core.summary_cache import Entry, SummaryCache

T = TypeVar("T")
BATCH = 250  # files read between two cache writes (and progress reports)

Progress = Callable[[int, int], object]


class RefreshStopped(Exception):
    """A refresh was stopped (its progress callback returned False); what it read so far is
    in the cache, and the next refresh carries on from there."""


@dataclass
class Catalog:
    """Every usable conversation's summary, and the files that need the user."""

    summaries: dict[str, ConversationSummary] = field(default_factory=dict)
    names: dict[str, str] = field(default_factory=dict)  # conversation id -> file name
    stamps: dict[str, Stamp] = field(default_factory=dict)  # good file name -> its stamp
    problems: dict[str, FileProblem] = field(default_factory=dict)  # by file name
    conflicts: list[Conflict] = field(default_factory=list)
    read: int = 0  # files read (not taken from the cache) by the refresh that made this
    unread: int = 0  # new or changed files left for a later refresh (see ``limit``)

    def add(self, summary: ConversationSummary, name: str, stamp: Stamp) -> None:
        """Record a good file."""
        self.summaries[summary.id] = summary
        self.names[summary.id] = name
        self.stamps[name] = stamp
        self.problems.pop(name, None)

    def forget(self, conversation_id: str) -> None:
        """A conversation that was deleted."""
        self.summaries.pop(conversation_id, None)
        name = self.names.pop(conversation_id, None)
        if name is not None:
            self.stamps.pop(name, None)


def read_file(path: Path) -> tuple[bytes, Stamp]:
    """The bytes of a file and the stamp of exactly those bytes."""
    fd = os.open(path, os.O_RDONLY)
    try:
        stamp = stamp_of(os.fstat(fd))
        with os.fdopen(fd, "rb", closefd=False) as handle:
            return handle.read(), stamp
    finally:
        os.close(fd)


def entry_for(name: str, stamp: Stamp, summary: ConversationSummary | None,
              problem: FileProblem | None) -> Entry:
    """The cache row of a file that was read."""
    if summary is not None:
        return (name, stamp, summary.id, json.dumps(summary.to_json(), ensure_ascii=False),
                None, None)
    assert problem is not None
    return (name, stamp, None, None, problem.kind, problem.reason)


def refresh(layout: Layout, cache: SummaryCache, progress: Progress | None = None,
            changed: Callable[[Conversation], object] | None = None,
            limit: int | None = None) -> Catalog:
    """The catalog of the data in ``layout`` (see the module docstring). ``changed`` hears
    every conversation that was read because it was new or had changed (to index it);
    ``progress(done, total)`` hears how far the reading is, and stops it by returning False
    (:class:`RefreshStopped`). With more than ``limit`` files to read, none is read: the
    catalog holds what the cache knows and counts the rest in ``unread``."""
    listed = aside(lambda: (layout.scan(), layout.main_conflicts()),
                   "listing the conversations folder")
    try:
        names_read, stamps_read, cached, problem_rows = cache.listing()
    except BaseException:
        with contextlib.suppress(Exception):  # the cache's error is the one to report
            listed()
        raise
    scan, conflicts = listed()
    catalog = Catalog(conflicts=[*conflicts, *scan.conflicts])
    files = scan.files
    unchanged = None if problem_rows else _unchanged(files, names_read, stamps_read, cached)
    if unchanged is not None:
        _take_all(catalog, unchanged, names_read, cached)
        return catalog
    make = ConversationSummary.from_json
    summaries_by_id, names, stamps = catalog.summaries, catalog.names, catalog.stamps
    for name, cached_stamp, summary in zip(names_read, stamps_read, cached, strict=True):
        stamp = files.get(name)  # the scan's tuple is kept; the cache's rows are freed
        if summary is None or stamp != cached_stamp:
            continue
        try:
            made = make(summary)
        except (ValueError, TypeError):
            continue  # a row of another shape: the file is read again
        # catalog.add, written out: this runs for every conversation at every start
        summaries_by_id[made.id] = made
        names[made.id] = name
        stamps[name] = stamp
    for name, stamp, kind, reason in problem_rows:
        if files.get(name) == stamp:
            catalog.problems[name] = FileProblem(layout.conversations / name, kind, reason)
    known = set(names_read)
    todo = [name for name in files if name not in stamps and name not in catalog.problems]
    cache.delete(name for name in known if name not in scan.files)
    if limit is not None and len(todo) > limit:
        catalog.unread = len(todo)
        return catalog
    _read(layout, cache, catalog, sorted(todo), progress, changed)
    return catalog


def _unchanged(files: Mapping[str, Stamp], names: list[str], stamps: list[Stamp],
               cached: list[Any]) -> dict[str, Stamp] | None:
    """The stamps by file name, in the cache's order, when the cache holds a summary of the
    listed shape for exactly the files listed, each with the stamp it has now (the usual
    start, taken whole by :func:`_take_all`); None otherwise."""
    if len(names) != len(files):
        return None
    by_name = dict(zip(names, stamps, strict=True))
    if by_name != files:
        return None
    try:
        return by_name if set(map(len, cached)) <= {SUMMARY_FIELDS} else None
    except TypeError:  # a row that is not a list: the rows are looked at one by one
        return None


def _take_all(catalog: Catalog, stamps: dict[str, Stamp], names: list[str],
              cached: list[Any]) -> None:
    """Every cached summary into ``catalog``, as the loop in :func:`refresh` would put them
    (a later file of the same id wins, the files in the cache's order), without a Python
    step per file: 10,000 of them took 30 ms that way at every start."""
    made = list(map(tuple.__new__, repeat(ConversationSummary), cached))  # as from_json
    ids = list(map(itemgetter(0), made))
    catalog.summaries = dict(zip(ids, made, strict=True))
    catalog.names = dict(zip(ids, names, strict=True))
    catalog.stamps = stamps


def aside(work: Callable[[], T], name: str) -> Callable[[], T]:
    """Start ``work`` on a thread of its own; returns what waits for its answer (or raises its
    error). The refresh lists the folder (a stat per file) while SQLite reads the cache, and
    both wait on the system without holding Python's lock: at 10,000 conversations the two
    took 60 ms one after the other, and overlap almost wholly. The cache is read on the
    calling thread: memory a thread allocates stays in the C library's arena for that
    thread, and SQLite's reading on a thread of its own left the app 10 MB larger."""
    answer: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            answer.append(work())
        except BaseException as error:  # raised again by the caller
            failure.append(error)

    thread = threading.Thread(target=run, name=name, daemon=True)
    thread.start()

    def wait() -> T:
        thread.join()
        if failure:
            raise failure[0]
        return answer[0]

    return wait


def _read(layout: Layout, cache: SummaryCache, catalog: Catalog, names: list[str],
          progress: Progress | None, changed: Callable[[Conversation], object] | None) -> None:
    entries: list[Entry] = []
    total = len(names)
    for done, name in enumerate(names, 1):
        path = layout.conversations / name
        try:
            raw, stamp = read_file(path)
        except FileNotFoundError:
            continue  # deleted since the listing
        except OSError as exc:
            catalog.problems[name] = problem_of(exc, path)
            continue
        conversation, problem = read_conversation(raw, path)
        if conversation is not None and conversation.id in catalog.names:
            problem = FileProblem(path, "misplaced", f"holds conversation {conversation.id}, "
                                  f"which is also in {catalog.names[conversation.id]}")
            conversation = None
        summary = summarise(conversation) if conversation is not None else None
        entries.append(entry_for(name, stamp, summary, problem))
        if conversation is not None and summary is not None:
            catalog.add(summary, name, stamp)
            if changed is not None:
                changed(conversation)
        elif problem is not None:
            catalog.problems[name] = problem
        catalog.read += 1
        if len(entries) >= BATCH or done == total:
            cache.put(entries)
            entries = []
            if progress is not None and progress(done, total) is False:
                raise RefreshStopped
    cache.put(entries)


def read_conversation(raw: bytes, path: Path) -> tuple[Conversation | None, FileProblem | None]:
    """The conversation in a file's bytes, or the problem that stops it from being used."""
    try:
        conversation, _ = decode(raw, path)
    except StorageError as exc:
        return None, problem_of(exc, path)
    return conversation, None


def stored_doc(layout: Layout, conversation_id: str,
               names: Mapping[str, str] | None = None) -> dict[str, Any] | None:
    """A conversation as its file holds it (None when the file cannot be read). Indexing is
    defensive about field types, so the record is not validated again here."""
    name = (names or {}).get(conversation_id) or layout.conversation_name(conversation_id)
    path = layout.conversations / name
    try:
        raw, _ = read_file(path)
        data = parse_json(raw, path)
    except (OSError, StorageError):
        return None
    table = data.get(TABLE) if isinstance(data, dict) else None
    if not isinstance(table, dict) or len(table) != 1:
        return None
    doc = next(iter(table.values()))
    return doc if isinstance(doc, dict) else None
