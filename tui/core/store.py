"""The only code that talks to TinyDB: opening the data, contacts, conversations, saves.

Models go in and come out; TinyDB documents never leave this module. Contacts (and the
profile, and tables this version does not know) live in the main file, kept in memory;
conversations live one per file (:mod:`tui.core.conversation_files`) and are known through
summaries until one is asked for. The app opens the store with a background writer so saving
never blocks a keystroke; the CLI opens it synchronously.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable, Iterator
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.table import Table

from tui.core.catalog import Progress
from tui.core.conversation_files import ConversationFiles, NotFoundError
from tui.core.convfile import FileProblem
from tui.core.dataformat import EXPORT_FORMAT, EXPORT_SCHEMA
from tui.core.layout import Conflict, Layout, Stamp, stamp_of
from tui.core.maindb import CoffeechatStorage
from tui.core.models import Contact, Conversation, now_iso
from tui.core.persist import BackgroundWriter, Disk, Job, SyncWriter
from tui.core.profile import PROFILE_ID, Profile
from tui.core.storage import APP_ID, SCHEMA_VERSION, DataFile, StorageError
from tui.core.store_backup import daily_backup
from tui.core.store_contacts import ContactRecords, replace_with
from tui.core.summary import ConversationSummary
from tui.core.summary_cache import SummaryCache
from tui.core.unsaved import recovery_document, unsaved_lines

if TYPE_CHECKING:
    from tui.core.importers import ImportBatch, ImportResult
    from tui.core.importing import ImportPlan
    from tui.core.search import SearchIndex
    from tui.core.search_link import Reader

StateCallback = Callable[[str, str | None], None]


class Store(ContactRecords):
    """Contacts in the main file, conversations one per file (see the module docstring)."""

    def __init__(self, datafile: DataFile, tables: dict[str, Any], *, readonly: bool,
                 writer: BackgroundWriter | SyncWriter | None, files: ConversationFiles,
                 contacts: dict[str, Contact] | None = None) -> None:
        self.datafile = datafile
        self.writer = writer
        self.files = files
        self.notices: list[str] = []
        self._cache_notices_told = 0  # how many of the list cache's are in notices or told
        self.fresh_folder = False  # no main file when opened: nothing to back up yet
        sink = self._submit_main if writer is not None and not readonly else None
        self._storage = CoffeechatStorage(tables, sink, readonly=readonly)
        self._db = TinyDB(storage=lambda: self._storage)
        self._contacts: Table = self._db.table("contacts", cache_size=0)
        self._index: dict[str, int] | None = None  # contact id -> TinyDB doc id
        # Validated contacts (shared, read-only), so that listing never validates them again.
        self._models: dict[str, Contact] | None = dict(contacts) if contacts else None
        self._sorted: list[Contact] | None = None
        self._main_afters: list[Callable[[Stamp | None], object]] = []
        self._main_labels: list[str] = []  # the contacts in the next write of the main file
        self._main_stamp: Stamp | None = None
        with contextlib.suppress(OSError):
            self._main_stamp = stamp_of(os.stat(files.layout.main))

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(cls, folder: Path, *, readonly: bool = False, background: bool = False,
             on_save_state: StateCallback | None = None,
             cache_folder: Path | str | None = None, refresh: bool = True,
             progress: Progress | None = None, today: date | None = None) -> Store:
        """Open the data in ``folder``.

        ``readonly`` reads without taking the lock and writes nothing in the data folder
        (safe beside a running app); otherwise the folder is locked for this process and a
        :class:`~tui.core.storage.LockedError` is raised if another coffeechat holds it.
        ``background`` writes off the calling thread. ``refresh`` brings the list of
        conversations up to date now (reading the files that changed, with ``progress``);
        without it, call :meth:`refresh` (on a worker thread) before listing. Opening for
        writing with ``refresh`` also makes the day's backup.
        """
        datafile = DataFile(folder)
        main = datafile.load() if readonly else datafile.open_for_writing()
        try:
            layout = datafile.layout
            cache = SummaryCache.open(layout.root, cache_folder)
            writer: BackgroundWriter | SyncWriter | None = None
            if not readonly:
                disk = Disk(datafile)
                writer = BackgroundWriter(disk, on_save_state) if background else \
                    SyncWriter(disk, on_save_state)
            files = ConversationFiles(layout, cache, writer.submit if writer else None)
            tables = dict(main.checked.data)
            if main.schema == 1:  # read-only view of a single file: no migration here
                files.hold_in_memory(main.checked.conversations)
                tables.pop("conversations", None)
            store = cls(datafile, tables, readonly=readonly, writer=writer, files=files,
                        contacts=main.checked.contacts)
        except BaseException:
            datafile.close()
            raise
        if main.migration is not None:
            store.notices.append(main.migration.notice())
        if main.finished:
            store.notices.append(f"An interrupted {main.finished} was finished.")
        if not readonly:
            store._ensure_meta()
        store.fresh_folder = main.schema == 0
        if refresh:
            store.refresh(progress)
            if not readonly and not store.fresh_folder:
                store.backup_daily(today)
        store.notices.extend(cache.notices)  # with what the refresh found
        store._cache_notices_told = len(cache.notices)
        return store

    def _ensure_meta(self) -> None:
        meta = self._db.table("meta")
        if not meta.all():
            meta.insert({"app": APP_ID, "schema": SCHEMA_VERSION, "created_at": now_iso()})

    def refresh(self, progress: Progress | None = None, limit: int | None = None) -> int:
        """Bring the conversations' summaries up to date with the files (reading only new or
        changed ones); may run on a worker thread. With more than ``limit`` files to read,
        none is read and the summaries are those the cache knows; returns how many files
        are then left unread (0 when the list is complete)."""
        return self.files.refresh(progress, limit=limit).unread

    def backup_daily(self, today: date | None = None) -> Path | None:
        """Make the day's snapshot of every file known to be good (after :meth:`refresh`);
        may run on a worker thread. A failure is a warning."""
        return daily_backup(self.datafile, self.files, today)

    def index_inputs(self) -> tuple[list[dict[str, Any]], list[ConversationSummary], Reader]:
        """What :func:`tui.core.search_link.catch_up` needs, safe to hand to another thread:
        copies of the contacts, the summaries, and a reader of conversation files."""
        return self.contact_docs(), self.files.summaries(), self.files.doc_reader()

    def attach_index(self, index: SearchIndex | None) -> None:
        """Keep ``index`` up to date with every save from now on."""
        self.files.index = index

    @property
    def search_index(self) -> SearchIndex | None:
        """The index given to :meth:`attach_index` (kept current by every save), or None."""
        return self.files.index

    @property
    def path(self) -> Path:
        """The main data file."""
        return self.datafile.path

    @property
    def layout(self) -> Layout:
        """Where the data's files are."""
        return self.files.layout

    @property
    def warnings(self) -> list[str]:
        """Things the user should know that did not stop the data from opening (a backup
        that could not be made)."""
        return self.datafile.warnings

    @property
    def readonly(self) -> bool:
        """True when opened without the write lock."""
        return self._storage.readonly

    def problems(self) -> list[FileProblem]:
        """Conversation files that cannot be used (they are left untouched)."""
        return self.files.problems()

    def conflicts(self) -> list[Conflict]:
        """Conflict copies beside the data's files."""
        return self.files.conflicts()

    # -- saving --------------------------------------------------------------------------

    def _submit_main(self, payload: bytes) -> None:
        assert self.writer is not None
        afters, self._main_afters = self._main_afters, []
        labels, self._main_labels = self._main_labels or ["the contacts"], []
        self.writer.submit(Job(self.datafile.real_path, payload, labels, self._main_stamp,
                               afters, main=True))

    def _written(self, paths: list[Path]) -> None:
        """Files a transaction replaced: what this process now knows of them."""
        if self.writer is not None:
            for path in paths:
                self.writer.disk.seen[path] = self.writer.disk.stamp(path)

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything saved so far is on disk."""
        return self.writer.flush(timeout) if self.writer else True

    def save_state(self) -> tuple[str, str | None]:
        """(``saved`` | ``saving`` | ``error``, error message) of the writes so far."""
        if self.writer is None or isinstance(self.writer, SyncWriter):
            return ("saved", None)
        return (self.writer.state, self.writer.last_error)

    def watch_saves(self, callback: StateCallback) -> None:
        """Hear every change of the save state (``saving``, ``saved``, ``conflict`` or
        ``error`` with the message), on the writer's thread."""
        if self.writer is not None:
            self.writer.on_state = callback

    def later_notices(self) -> list[str]:
        """What the list cache said since :attr:`notices` were made or this was last asked
        (a refresh that found it damaged, say); for one thread at a time, as the app asks
        at start and then from its one background worker."""
        said = self.files.cache.notices if self.files.cache is not None else []
        found = said[self._cache_notices_told:]
        self._cache_notices_told += len(found)
        return found

    def save_notices(self) -> list[str]:
        """Saves that went to a conflict copy because the file changed on disk."""
        return list(self.writer.notices) if self.writer is not None else []

    def unsaved_changes(self) -> list[str]:
        """What is not on disk yet, one short line per record (empty when everything is)."""
        return unsaved_lines(self.writer.pending() if self.writer is not None else [])

    def write_recovery(self) -> Path:
        """Write what is not on disk yet (the contacts as they are in memory, and every
        conversation waiting to be written) to a new recovery file beside the data (never
        over it); returns its path."""
        pending = self.writer.pending() if self.writer is not None else []
        return self.datafile.write_recovery(recovery_document(self._storage.data, pending))

    def batch(self) -> contextlib.AbstractContextManager[None]:
        """Group many contact saves into one write of the main file."""
        return self._storage.batch()

    def close(self) -> None:
        """Flush and release the lock."""
        try:
            self._db.close()
            if self.writer is not None:
                self.writer.close()
        finally:
            index, self.files.index = self.files.index, None
            if index is not None:
                index.close()
            self.files.close()
            self.datafile.close()

    # -- conversations -------------------------------------------------------------------

    def summaries(self, contact_id: str | None = None) -> list[ConversationSummary]:
        """What the lists need of every conversation (or one contact's), without reading
        their files; in no particular order."""
        return self.files.summaries(contact_id)

    def summary(self, conversation_id: str) -> ConversationSummary | None:
        """One conversation's summary (None if it is unknown or its file cannot be used)."""
        return self.files.summary(conversation_id)

    def conversations(self, contact_id: str | None = None) -> list[Conversation]:
        """Conversations read from their files: one contact's, or (for exports and
        scripts; never in the app) all of them. Files that cannot be used are left out."""
        found = []
        for summary in self.files.summaries(contact_id):
            with contextlib.suppress(NotFoundError, StorageError, OSError):
                found.append(self.files.read(summary.id))
        return found

    def iter_conversations(self) -> Iterator[Conversation]:
        """Every usable conversation, one file at a time, oldest first."""
        for summary in sorted(self.files.summaries(), key=lambda s: s.created_at):
            with contextlib.suppress(NotFoundError, StorageError, OSError):
                yield self.files.read(summary.id)

    def conversation(self, conversation_id: str) -> Conversation:
        """The conversation with this id, read from its file."""
        return self.files.read(conversation_id)

    def save_conversation(self, conversation: Conversation) -> Conversation:
        """Insert or update a conversation (its contact must exist); returns the stored one.
        Costs that one conversation: its file is the only one written."""
        if not isinstance(conversation, Conversation):
            raise TypeError(f"only a Conversation can be saved, not {type(conversation)}")
        contact_doc = self._find(conversation.contact_id)
        if contact_doc is None:
            raise NotFoundError(f"no contact with id {conversation.contact_id}")
        stored = Conversation.from_dict(conversation.to_dict())
        stored.updated_at = now_iso()
        name = contact_doc.get("name") or "an unknown contact"
        self.files.save(stored, dict(contact_doc), f"the conversation with {name}")
        return stored

    def delete_conversation(self, conversation_id: str) -> None:
        """Delete a conversation."""
        summary = self.files.summary(conversation_id)
        who = self.contact_or_none(summary.contact_id) if summary else None
        self.files.delete(conversation_id,
                          f"the conversation with {who.name if who else 'an unknown contact'}")

    # -- the user's profile --------------------------------------------------------------

    def profile(self) -> Profile:
        """The user's own name and one-line introduction (empty until they give them)."""
        doc = _profile_doc(self._storage.data)
        return Profile.from_dict(doc[1]) if doc is not None else Profile()

    def save_profile(self, profile: Profile) -> Profile:
        """Store the profile (in the main file, with the contacts); returns the stored
        version."""
        stored = Profile.from_dict({**profile.to_dict(), "updated_at": now_iso()})
        table = Table(self._storage, "profile", cache_size=0)  # fresh: imports replace tables
        found = _profile_doc(self._storage.data)
        self._main_labels.append("your profile")
        if found is not None:
            self._storage.changed("profile", found[0])
            table.update(replace_with(stored.to_dict()), doc_ids=[int(found[0])])
        else:
            table.insert(stored.to_dict())
        return stored

    def new_conversation(self, contact: Contact, **fields: Any) -> Conversation:
        """Create and save a conversation with ``contact`` (saving the contact too)."""
        self.save_contact(contact)
        conversation = Conversation(contact_id=contact.id, **fields)
        return self.save_conversation(conversation)

    # -- export and import ---------------------------------------------------------------

    def export_data(self) -> dict[str, Any]:
        """Everything, as one JSON-ready document that :meth:`import_data` takes back."""
        return {
            "format": EXPORT_FORMAT,
            "schema": EXPORT_SCHEMA,
            "exported_at": now_iso(),
            "profile": self.profile().to_dict(),
            "contacts": [c.to_dict() for c in self.contacts()],
            "conversations": [c.to_dict() for c in self.iter_conversations()],
        }

    def import_data(self, data: Any) -> ImportResult:
        """Merge an export (or a data file or backup) into this store: records are matched by
        id (a record without one by its content), never duplicated. See :meth:`import_batch`."""
        from tui.core.importers import bulk, parse_import  # only imports need it

        with bulk():
            return self.import_batch(parse_import(data))

    def import_batch(self, batch: ImportBatch) -> ImportResult:
        """Merge validated records in, all or nothing (one transaction: a failure or an
        interruption anywhere leaves the data, and this store, exactly as they were)."""
        from tui.core.store_import import import_into

        self.flush()
        return import_into(self, batch)

    def apply_contact_plan(self, plan: ImportPlan) -> int:
        """Save every contact an import plan adds or updates, in one write of the main file
        (all or nothing); returns how many. See :mod:`tui.core.store_contact_import`."""
        from tui.core.store_contact_import import apply_contact_plan

        return apply_contact_plan(self, plan)


def _profile_doc(tables: dict[str, Any]) -> tuple[str, dict[str, Any]] | None:
    """The profile's (doc id, document) in the main file's tables, if it has one."""
    table = tables.get("profile")
    if isinstance(table, dict):
        for doc_id, doc in table.items():
            if isinstance(doc, dict) and doc.get("id", PROFILE_ID) == PROFILE_ID:
                return doc_id, doc
    return None



def parse_export(data: Any) -> tuple[list[Contact], list[Conversation]]:
    """Validate an export (or a data file or backup) and return its records (raises
    ModelError); see :func:`tui.core.importers.parse_import`."""
    from tui.core.importers import parse_import

    batch = parse_import(data)
    return batch.contacts, batch.conversations


def parse_profile(data: Any) -> Profile | None:
    """The profile in an export (None for an export made before profiles were exported)."""
    raw = data.get("profile") if isinstance(data, dict) else None
    return None if raw is None else Profile.from_dict(raw)


__all__ = ["EXPORT_FORMAT", "NotFoundError", "StorageError", "Store",
           "parse_export", "parse_profile"]
