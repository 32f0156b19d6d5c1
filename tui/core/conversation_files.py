"""The conversations of a data folder, one file each, known through their summaries.

:class:`ConversationFiles` keeps the :class:`~tui.core.catalog.Catalog` (a summary per usable
file, the files that need the user) and reads a conversation's file only when it is asked for.
A save encodes that one conversation and hands one :class:`~tui.core.persist.Job` to the
writer; once the file is on disk the writer records its new stamp in the summary cache and
updates the search index, off the caller's thread. A file listed as a problem (damaged, from a
newer coffeechat, misplaced) is never written over or removed.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tui.core import convfile
from tui.core.catalog import Catalog, RefreshStopped, read_file, refresh, stored_doc
from tui.core.convfile import Envelope, FileProblem, problem_of
from tui.core.dataformat import StorageError, encode_json_compact
from tui.core.layout import Conflict, Layout, Stamp
from tui.core.models import Conversation
from tui.core.persist import Job
from tui.core.summary import ConversationSummary, summarise
from tui.core.summary_cache import SummaryCache

if TYPE_CHECKING:
    from tui.core.search import SearchIndex

Progress = Callable[[int, int], object]


class NotFoundError(KeyError):
    """No record with that id."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "not found"


class ConversationFiles:
    """Every conversation file of one data folder (see the module docstring)."""

    def __init__(self, layout: Layout, cache: SummaryCache | None,
                 submit: Callable[[Job], None] | None) -> None:
        self.layout = layout
        self.cache = cache
        self.submit = submit
        self.catalog = Catalog()
        self.index: SearchIndex | None = None
        self._read_stamps: dict[str, Stamp] = {}  # id -> stamp of the version read
        self._envelopes: dict[str, Envelope] = {}  # only files carrying more than the record
        self._memory: dict[str, Conversation] | None = None  # a schema-1 file, read-only
        self._refreshing = threading.Lock()
        self._changed_meanwhile: dict[str, ConversationSummary | None] = {}
        # Saves handed to the writer and not on disk yet (None: a removal): reads see them.
        self._unwritten: dict[str, dict[str, Any] | None] = {}
        self._unwritten_lock = threading.Lock()

    # -- knowing what is there -----------------------------------------------------------

    def refresh(self, progress: Progress | None = None,
                changed: Callable[[Conversation], object] | None = None,
                limit: int | None = None) -> Catalog:
        """Bring the catalog up to date with the folder (see :func:`tui.core.catalog.refresh`;
        with ``limit``, the catalog's ``unread`` counts files left for a later refresh);
        saves made meanwhile are kept. Safe on a worker thread."""
        if self._memory is not None or self.cache is None:
            return self.catalog
        with self._refreshing:
            self._changed_meanwhile = {}
            try:
                fresh = refresh(self.layout, self.cache, progress, changed, limit)
            except RefreshStopped:
                raise
            for conversation_id, summary in list(self._changed_meanwhile.items()):
                if summary is None:
                    fresh.forget(conversation_id)
                else:
                    name = self.layout.conversation_name(conversation_id)
                    fresh.add(summary, name, self.catalog.stamps.get(name, (0, 0, 0)))
            self._changed_meanwhile = {}
            self.catalog = fresh
        return fresh

    def hold_in_memory(self, conversations: dict[str, Conversation]) -> None:
        """Serve the conversations of a schema-1 file read without migrating it."""
        self._memory = conversations
        for conversation in conversations.values():
            self.catalog.add(summarise(conversation), conversation.id, (0, 0, 0))

    def summaries(self, contact_id: str | None = None) -> list[ConversationSummary]:
        """Every usable conversation's summary (or one contact's), in no particular order."""
        found = list(self.catalog.summaries.values())
        if contact_id is None:
            return found
        return [s for s in found if s.contact_id == contact_id]

    def summary(self, conversation_id: str) -> ConversationSummary | None:
        """One conversation's summary, if it is known and usable."""
        return self.catalog.summaries.get(conversation_id)

    def problems(self) -> list[FileProblem]:
        """Files that cannot be used, by path."""
        return sorted(self.catalog.problems.values(), key=lambda p: p.path)

    def conflicts(self) -> list[Conflict]:
        """Conflict copies left by a sync tool (or by coffeechat, for a file changed on disk
        while it was open)."""
        return list(self.catalog.conflicts)

    # -- reading -------------------------------------------------------------------------

    def path_of(self, conversation_id: str) -> Path:
        """The file of a conversation."""
        return self.layout.conversations / self.name_of(conversation_id)

    def name_of(self, conversation_id: str) -> str:
        """The name of a conversation's file (in the conversations folder)."""
        return self.catalog.names.get(conversation_id) or self.layout.conversation_name(
            conversation_id)

    def read(self, conversation_id: str) -> Conversation:
        """The conversation, read from its file (a fresh copy the caller may edit)."""
        if self._memory is not None:
            found = self._memory.get(conversation_id)
            if found is None:
                raise NotFoundError(f"no conversation with id {conversation_id}")
            return found.copy()
        with self._unwritten_lock:
            waiting = self._unwritten.get(conversation_id, False)
        if waiting is None:
            raise NotFoundError(f"no conversation with id {conversation_id}")
        if isinstance(waiting, dict):
            return Conversation.from_dict(waiting)
        path = self.path_of(conversation_id)
        problem = self.catalog.problems.get(path.name)
        if problem is not None:
            raise StorageError(problem.describe())
        try:
            raw, stamp = read_file(path)
        except FileNotFoundError:
            raise NotFoundError(f"no conversation with id {conversation_id}") from None
        try:
            conversation, envelope = convfile.decode(raw, path)
        except StorageError as exc:
            self.catalog.problems[path.name] = problem_of(exc, path)
            self.catalog.forget(conversation_id)
            raise
        if conversation.id != conversation_id:
            raise NotFoundError(f"no conversation with id {conversation_id}")
        self._read_stamps[conversation_id] = stamp
        if envelope.meta.keys() - {"app", "schema"} or envelope.tables or envelope.doc_id != "1":
            self._envelopes[conversation_id] = envelope
        if self.catalog.stamps.get(path.name) != stamp:  # changed since the list was made
            self._note(conversation, path.name, stamp)
        return conversation

    def _note(self, conversation: Conversation, name: str, stamp: Stamp) -> None:
        summary = summarise(conversation)
        self.catalog.add(summary, name, stamp)
        if self.cache is not None:
            self.cache.put([(name, stamp, conversation.id, _summary_text(summary),
                             None, None)])

    def envelope(self, conversation_id: str) -> Envelope | None:
        """What the conversation's file holds besides it, when it holds more (as read)."""
        return self._envelopes.get(conversation_id)

    def doc_reader(self) -> Callable[[str], dict[str, Any] | None]:
        """A function giving a conversation as stored (None if it cannot be read), for
        another thread: it reads files and touches nothing of this object's."""
        if self._memory is not None:
            held = {i: c.to_dict() for i, c in self._memory.items()}
            return held.get
        layout, names = self.layout, dict(self.catalog.names)
        return lambda conversation_id: stored_doc(layout, conversation_id, names)

    # -- writing -------------------------------------------------------------------------

    def save(self, conversation: Conversation, contact: dict[str, Any] | None,
             label: str) -> None:
        """Write one conversation's file (through the writer); its summary is updated now."""
        if self.submit is None:
            raise StorageError("coffeechat opened this data read-only; nothing was changed.")
        path = self.path_of(conversation.id)
        problem = self.catalog.problems.get(path.name)
        if problem is not None:
            raise StorageError(f"{problem.describe()}; it is not written over.")
        doc = conversation.to_dict()
        payload = convfile.encode_conversation(conversation, doc,
                                               self._envelopes.get(conversation.id))
        summary = summarise(conversation)
        is_new = conversation.id not in self.catalog.summaries
        old_stamp = self.catalog.stamps.get(path.name, (0, 0, 0))
        self.catalog.add(summary, path.name, old_stamp)
        self._changed_meanwhile[conversation.id] = summary
        summary_json = _summary_text(summary)
        index = self.index
        self._waiting(conversation.id, doc)

        def written(stamp: Stamp | None) -> None:
            self._written(conversation.id, doc)
            if stamp is not None:
                if self.catalog.names.get(conversation.id) == path.name:
                    self.catalog.stamps[path.name] = stamp
                if self.cache is not None:
                    self.cache.put([(path.name, stamp, conversation.id, summary_json, None,
                                     None)])
            if index is not None:
                index.update_conversation(doc, contact)

        expected = self._read_stamps.get(conversation.id) or (
            None if is_new else self.catalog.stamps.get(path.name))
        self.submit(Job(path, payload, [f"{label} ({'new' if is_new else 'changed'})"],
                        expected, [written], {conversation.id: doc}))

    def delete(self, conversation_id: str, label: str) -> None:
        """Remove one conversation's file (through the writer)."""
        if self.submit is None:
            raise StorageError("coffeechat opened this data read-only; nothing was changed.")
        if conversation_id not in self.catalog.summaries:
            raise NotFoundError(f"no conversation with id {conversation_id}")
        path = self.path_of(conversation_id)
        expected = self._read_stamps.pop(conversation_id, None) or self.catalog.stamps.get(
            path.name)
        self.catalog.forget(conversation_id)
        self._envelopes.pop(conversation_id, None)
        self._changed_meanwhile[conversation_id] = None
        index = self.index
        self._waiting(conversation_id, None)

        def removed(_: Stamp | None) -> None:
            self._written(conversation_id, None)
            if self.cache is not None:
                self.cache.delete([path.name])
            if index is not None:
                index.remove_conversation(conversation_id)

        self.submit(Job(path, None, [f"{label} (deleted)"], expected, [removed]))

    def _waiting(self, conversation_id: str, doc: dict[str, Any] | None) -> None:
        with self._unwritten_lock:
            self._unwritten[conversation_id] = doc

    def _written(self, conversation_id: str, doc: dict[str, Any] | None) -> None:
        """A save reached the disk: reads go to the file again (unless a newer save waits)."""
        with self._unwritten_lock:
            if conversation_id in self._unwritten and self._unwritten[conversation_id] is doc:
                del self._unwritten[conversation_id]

    def adopt(self, written: dict[str, tuple[Conversation, Stamp]]) -> None:
        """Take conversations a transaction put in place (id -> (model, stamp of its new
        file)): their summaries, in memory and in the cache."""
        entries = []
        for conversation, stamp in written.values():
            name = self.name_of(conversation.id)
            summary = summarise(conversation)
            self.catalog.add(summary, name, stamp)
            self._read_stamps.pop(conversation.id, None)
            entries.append((name, stamp, conversation.id, _summary_text(summary), None,
                            None))
        if self.cache is not None:
            self.cache.put(entries)

    def close(self) -> None:
        """Close the cache."""
        if self.cache is not None:
            self.cache.close()


def _summary_text(summary: ConversationSummary) -> str:
    """A summary as the cache keeps it: JSON text (a summary holds no fractions, so the quick
    encoder writes it exactly)."""
    return encode_json_compact(summary.to_json()).decode("utf-8")
