"""The only code that talks to TinyDB: opening, queries, saves, export and import.

Models go in and come out; TinyDB documents never leave this module. The app opens the store
with a background writer so saving never blocks a keystroke; the CLI opens it synchronously.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, MutableMapping
from pathlib import Path
from typing import TYPE_CHECKING, Any

from tinydb import TinyDB
from tinydb.table import Table

from tui.core.importers import (
    EXPORT_FORMAT,
    ImportBatch,
    ImportResult,
    bulk,
    parse_import,
)
from tui.core.models import (
    Contact,
    Conversation,
    now_iso,
)
from tui.core.persist import BackgroundWriter, CoffeechatStorage, encode
from tui.core.profile import PROFILE_ID, Profile
from tui.core.storage import (
    APP_ID,
    SCHEMA_VERSION,
    DataFile,
    StorageError,
)
from tui.core.store_import import import_into
from tui.core.unsaved import unsaved_changes

if TYPE_CHECKING:
    from tui.core.importing import ImportPlan


class NotFoundError(KeyError):
    """No record with that id."""

    def __str__(self) -> str:
        return str(self.args[0]) if self.args else "not found"


class Store:
    """Contacts and conversations in one TinyDB JSON file."""

    def __init__(self, db: TinyDB, storage: CoffeechatStorage, datafile: DataFile) -> None:
        self._db = db
        self._storage = storage
        self.datafile = datafile
        self._contacts: Table = db.table("contacts", cache_size=0)
        self._conversations: Table = db.table("conversations", cache_size=0)
        self._profile: Table = db.table("profile", cache_size=0)
        # record id -> TinyDB doc_id, per table; this module is the only writer, so it stays true.
        self._index: dict[str, dict[str, int]] = {}
        # Validated conversations by id, shared by listings; dropped whenever one is written.
        self._listed: dict[str, Conversation] = {}

    # -- opening -------------------------------------------------------------------------

    @classmethod
    def open(
        cls,
        folder: Path,
        *,
        readonly: bool = False,
        background: bool = False,
        on_save_state: Callable[[str, str | None], None] | None = None,
    ) -> Store:
        """Open the data in ``folder``.

        ``readonly`` reads without taking the lock (safe beside a running app); otherwise the
        folder is locked for this process and a :class:`~tui.core.storage.LockedError` is raised
        if another coffeechat holds it. ``background`` writes off the calling thread.
        """
        datafile = DataFile(folder)
        checked = datafile.load() if readonly else datafile.open_for_writing()
        writer = None
        if background and not readonly:
            writer = BackgroundWriter(datafile, on_save_state)
        storage = CoffeechatStorage(datafile, checked.data, writer=writer, readonly=readonly)
        db = TinyDB(storage=lambda: storage)
        store = cls(db, storage, datafile)
        # Every conversation was validated on the way in: listings start from those models.
        store._listed.update(checked.conversations)
        if not readonly:
            store._ensure_meta()
        return store

    def _ensure_meta(self) -> None:
        meta = self._db.table("meta")
        if not meta.all():
            meta.insert({"app": APP_ID, "schema": SCHEMA_VERSION, "created_at": now_iso()})

    @property
    def path(self) -> Path:
        """The data file."""
        return self.datafile.path

    @property
    def warnings(self) -> list[str]:
        """Things the user should know that did not stop the data from opening (a backup
        that could not be made)."""
        return self.datafile.warnings

    @property
    def readonly(self) -> bool:
        """True when opened without the write lock."""
        return self._storage.readonly

    def flush(self, timeout: float = 10.0) -> bool:
        """Wait until everything saved so far is on disk."""
        writer = self._storage.writer
        return writer.flush(timeout) if writer else True

    def save_state(self) -> tuple[str, str | None]:
        """(``saved`` | ``saving`` | ``error``, error message) of the writes so far."""
        writer = self._storage.writer
        if writer is None:
            return ("saved", None)
        return (writer.state, writer.last_error)

    def watch_saves(self, callback: Callable[[str, str | None], None]) -> None:
        """Hear every change of the save state (``saving``, ``saved``, or ``error`` with the
        message), on the writer's thread; only a store with a background writer has one."""
        writer = self._storage.writer
        if writer is not None:
            writer.on_state = callback

    def snapshot(self) -> bytes:
        """The whole database as it is in memory, as a data file holds it."""
        return encode(self._storage.read() or {})

    def unsaved_changes(self) -> list[str]:
        """What is in memory but not in the file, one short line per record (empty when the
        file has everything)."""
        return unsaved_changes(self._storage.read() or {}, self.datafile.path)

    def write_recovery(self) -> Path:
        """Write the whole database as it is in memory to a new recovery file (beside the
        data if possible, never over it); returns its path."""
        return self.datafile.write_recovery(self.snapshot())

    def batch(self) -> contextlib.AbstractContextManager[None]:
        """Group many saves into one write of the file (imports, bulk changes)."""
        return self._storage.batch()

    def close(self) -> None:
        """Flush and release the lock."""
        self._db.close()

    # -- contacts ------------------------------------------------------------------------

    def contacts(self) -> list[Contact]:
        """All contacts, by name."""
        found = [Contact.from_dict(doc) for doc in self._contacts.all()]
        return sorted(found, key=lambda c: (c.name.casefold(), c.company.casefold()))

    def contact(self, contact_id: str) -> Contact:
        """The contact with this id."""
        doc = self._find(self._contacts, contact_id)
        if doc is None:
            raise NotFoundError(f"no contact with id {contact_id}")
        return Contact.from_dict(doc)

    def contact_or_none(self, contact_id: str | None) -> Contact | None:
        """The contact with this id, or None."""
        if not contact_id:
            return None
        doc = self._find(self._contacts, contact_id)
        return Contact.from_dict(doc) if doc is not None else None

    def find_contact(self, name: str, company: str = "") -> Contact | None:
        """The contact this name (and company) means, case and spacing ignored: the one with
        the same name and company; with no company given, the only contact of that name
        (none when there are several). The app, the command line and referrals share this
        rule, so a person is never split in two by a missing company."""
        wanted, where = _norm(name), _norm(company)
        named = [doc for doc in self._contacts.all() if _norm(doc.get("name", "")) == wanted]
        same = [doc for doc in named if _norm(doc.get("company", "")) == where]
        if same:
            return Contact.from_dict(same[0])
        if not where and len(named) == 1:
            return Contact.from_dict(named[0])
        return None

    def contact_for(self, name: str, company: str = "", role: str = "",
                    current: Contact | None = None) -> Contact:
        """The existing contact with this name and company, else a new (unsaved) one.

        A role given here fills an existing contact's empty role. ``current`` is the person a
        form was opened for: with the same name it is *their* company and role that change
        (a fixed typo must not split one person into two); another name means another person.
        """
        if current is not None and _norm(name) == _norm(current.name):
            edited = current.copy()
            edited.name, edited.company, edited.role = name.strip(), company.strip(), role.strip()
            return edited
        found = self.find_contact(name, company)
        if found is None:
            return Contact(name=name.strip(), company=company.strip(), role=role.strip())
        if role.strip() and not found.role:
            found.role = role.strip()
        return found

    def save_contact(self, contact: Contact) -> Contact:
        """Insert or update a contact; returns the stored version."""
        stored = Contact.from_dict(contact.to_dict())
        self._upsert(self._contacts, stored.to_dict())
        return stored

    def delete_contact(self, contact_id: str) -> int:
        """Delete a contact and their conversations; returns how many conversations went."""
        self.contact(contact_id)
        gone = [c.id for c in self.conversations() if c.contact_id == contact_id]
        for conversation_id in gone:
            self.delete_conversation(conversation_id)
        self._remove(self._contacts, contact_id)
        return len(gone)

    # -- conversations -------------------------------------------------------------------

    def conversations(self, contact_id: str | None = None) -> list[Conversation]:
        """All conversations (or one contact's), in no particular order.

        These are shared, read-only snapshots (validating thousands of conversations on every
        listing is slow); to change one, take an editable copy with :meth:`conversation`.
        """
        listed = self._listed
        found = []
        for doc in self._conversations.all():
            if contact_id is not None and doc.get("contact_id") != contact_id:
                continue
            model = listed.get(doc.get("id", ""))
            if model is None:
                model = Conversation.from_dict(doc)
                listed[model.id] = model
            found.append(model)
        return found

    def conversation(self, conversation_id: str) -> Conversation:
        """The conversation with this id."""
        doc = self._find(self._conversations, conversation_id)
        if doc is None:
            raise NotFoundError(f"no conversation with id {conversation_id}")
        return Conversation.from_dict(doc)

    def save_conversation(self, conversation: Conversation) -> Conversation:
        """Insert or update a conversation (its contact must exist); returns the stored one."""
        if self._find(self._contacts, conversation.contact_id) is None:
            raise NotFoundError(f"no contact with id {conversation.contact_id}")
        stored = Conversation.from_dict(conversation.to_dict())
        stored.updated_at = now_iso()
        self._upsert(self._conversations, stored.to_dict())
        return stored

    def delete_conversation(self, conversation_id: str) -> None:
        """Delete a conversation."""
        if not self._remove(self._conversations, conversation_id):
            raise NotFoundError(f"no conversation with id {conversation_id}")

    # -- the user's profile --------------------------------------------------------------

    def profile(self) -> Profile:
        """The user's own name and one-line introduction (empty until they give them)."""
        doc = self._find(self._profile, PROFILE_ID)
        return Profile.from_dict(doc) if doc is not None else Profile()

    def save_profile(self, profile: Profile) -> Profile:
        """Store the profile; returns the stored version."""
        stored = Profile.from_dict({**profile.to_dict(), "updated_at": now_iso()})
        self._upsert(self._profile, stored.to_dict())
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
            "schema": SCHEMA_VERSION,
            "exported_at": now_iso(),
            "profile": self.profile().to_dict(),
            "contacts": [c.to_dict() for c in self.contacts()],
            "conversations": [
                c.to_dict() for c in sorted(self.conversations(), key=lambda c: c.created_at)
            ],
        }

    def import_data(self, data: Any) -> ImportResult:
        """Merge an export (or a data file or backup) into this store: records are matched by
        id (a record without one by its content), never duplicated. See :meth:`import_batch`."""
        with bulk():
            return self.import_batch(parse_import(data))

    def import_batch(self, batch: ImportBatch) -> ImportResult:
        """Merge validated records in: the whole new state is built in memory, then written
        with one atomic write. A failure or an interruption anywhere leaves the file, and this
        store, exactly as they were. Linear in the size of the file and of the data."""
        return import_into(self, batch)

    def apply_contact_plan(self, plan: ImportPlan) -> int:
        """Save every contact an import plan adds or updates, in one write (all or nothing);
        returns how many. See :mod:`tui.core.store_contacts`."""
        from tui.core.store_contacts import apply_contact_plan

        return apply_contact_plan(self, plan)

    # -- internals -----------------------------------------------------------------------

    def _ids(self, table: Table) -> dict[str, int]:
        index = self._index.get(table.name)
        if index is None:
            index = {d["id"]: d.doc_id for d in table.all() if isinstance(d.get("id"), str)}
            self._index[table.name] = index
        return index

    def _find(self, table: Table, record_id: str) -> dict[str, Any] | None:
        doc_id = self._ids(table).get(record_id)
        return table.get(doc_id=doc_id) if doc_id is not None else None

    def _upsert(self, table: Table, doc: dict[str, Any]) -> None:
        index = self._ids(table)
        doc_id = index.get(doc["id"])
        self._listed.pop(doc["id"], None)
        if doc_id is not None:
            self._storage.changed(table.name, doc_id)
            table.update(_replace_with(doc), doc_ids=[doc_id])
        else:
            index[doc["id"]] = table.insert(doc)

    def _remove(self, table: Table, record_id: str) -> bool:
        doc_id = self._ids(table).pop(record_id, None)
        self._listed.pop(record_id, None)
        if doc_id is None:
            return False
        self._storage.changed(table.name, doc_id)
        table.remove(doc_ids=[doc_id])
        return True


def _replace_with(doc: dict[str, Any]) -> Callable[[MutableMapping[Any, Any]], None]:
    def transform(stored: MutableMapping[Any, Any]) -> None:
        stored.clear()
        stored.update(doc)

    return transform


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


def parse_export(data: Any) -> tuple[list[Contact], list[Conversation]]:
    """Validate an export (or a data file or backup) and return its records (raises
    ModelError); see :func:`tui.core.importers.parse_import`."""
    batch = parse_import(data)
    return batch.contacts, batch.conversations


def parse_profile(data: Any) -> Profile | None:
    """The profile in an export (None for an export made before profiles were exported)."""
    raw = data.get("profile") if isinstance(data, dict) else None
    return None if raw is None else Profile.from_dict(raw)


__all__ = ["EXPORT_FORMAT", "ImportResult", "NotFoundError", "StorageError", "Store",
           "parse_export", "parse_profile"]
