"""Merging an import into the store: all or nothing, in one transaction.

Contacts are merged into a copy of the main file's table, conversations compared with their
files; every new or changed file is staged and the lot is committed at once
(:class:`~tui.core.txn.Transaction`). Until the commit nothing in the data folder, and
nothing in the open store, has changed: an error, a full disk or Ctrl-C leaves both exactly as
they were. Linear in the size of the file and of the data.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING

from tui.core import convfile
from tui.core.dataformat import StorageError
from tui.core.importers import ImportBatch, ImportResult, bulk, merge_records
from tui.core.layout import Stamp, stamp_of
from tui.core.models import Conversation, ModelError, now_iso
from tui.core.profile import Profile
from tui.core.txn import Transaction

if TYPE_CHECKING:
    from tui.core.store import Store


def import_into(store: Store, batch: ImportBatch) -> ImportResult:
    """Merge ``batch`` into ``store`` (see the module docstring)."""
    known = store._ids()
    batch_ids = {c.id for c in batch.contacts}
    for conversation in batch.conversations:
        if conversation.contact_id not in batch_ids and conversation.contact_id not in known:
            raise ModelError(
                f"conversation {conversation.id} refers to contact "
                f"{conversation.contact_id}, which is neither in the file nor in the store"
            )
    with bulk():
        return _import(store, batch)


def _import(store: Store, batch: ImportBatch) -> ImportResult:
    result = ImportResult(controls_removed=batch.controls_removed, source=batch.source)
    tables = store._storage.data
    contacts = merge_records(tables.get("contacts", {}), store._ids(), batch.contacts,
                             batch.untimed)
    changed = _changed_conversations(store, batch, result)
    result.contacts_added, result.contacts_updated = contacts.added, contacts.updated
    result.unchanged += contacts.unchanged
    profile = _imported_profile(store, batch)
    result.profile_updated = profile is not None
    if not result.added and not result.updated and profile is None:
        return result
    files, layout = store.files, store.layout
    data = dict(tables)
    data["contacts"] = contacts.docs
    main_changed = {("contacts", doc_id) for doc_id in contacts.changed}
    if profile is not None:
        doc_id = _profile_doc_id(tables.get("profile"))
        data["profile"] = {doc_id: profile.to_dict()}
        main_changed.add(("profile", doc_id))
    main_written = bool(contacts.added or contacts.updated or profile is not None)
    folder = layout.relative(layout.conversations)
    names = {c.id: files.name_of(c.id) for c in changed}
    try:
        with Transaction(layout.root, "import") as txn:
            for conversation in changed:
                txn.stage(f"{folder}/{names[conversation.id]}",
                          convfile.encode_conversation(
                              conversation, envelope=files.envelope(conversation.id)))
            if main_written:
                payload = store._storage.encoded(data, main_changed)
                txn.stage(layout.relative(layout.main), payload)
            txn.commit()
    except BaseException:
        store._storage.forget_encoding()
        raise
    written: dict[str, tuple[Conversation, Stamp]] = {}
    paths: list[Path] = []
    base = str(layout.conversations)
    for conversation in changed:
        path = f"{base}/{names[conversation.id]}"
        paths.append(Path(path))
        try:
            written[conversation.id] = (conversation, stamp_of(os.stat(path)))
        except OSError:
            continue
    if main_written:
        store._storage.adopt(data)
        store._reset_tables(contacts.index)
        paths.append(store.datafile.real_path)
    files.adopt(written)
    store._written(paths)
    return result


def _imported_profile(store: Store, batch: ImportBatch) -> Profile | None:
    """The file's profile when it says something new (an empty one never erases yours)."""
    theirs, mine = batch.profile, store.profile()
    if theirs is None or theirs.empty or (theirs.name, theirs.intro) == (mine.name, mine.intro):
        return None
    return Profile.from_dict({**theirs.to_dict(), "updated_at": now_iso()})


def _profile_doc_id(table: object) -> str:
    """The doc id the profile has in the main file (``1`` when it has none yet)."""
    if isinstance(table, dict) and table:
        return str(next(iter(table)))
    return "1"


def _changed_conversations(store: Store, batch: ImportBatch,
                           result: ImportResult) -> list[Conversation]:
    """The imported conversations that are new or differ from their files (each existing
    file is read once); a conversation whose file cannot be used stops the import."""
    files = store.files
    changed = []
    for record in batch.conversations:
        problem = files.catalog.problems.get(files.name_of(record.id))
        if problem is not None:
            raise StorageError(f"conversation {record.id} cannot be imported: "
                               f"{problem.describe()}, and it is never written over; nothing "
                               "was imported")
        if files.summary(record.id) is None:
            changed.append(record)
            result.conversations_added += 1
            continue
        existing = files.read(record.id)
        if record.id in batch.untimed:  # the file did not say when it was made: keep ours
            record.created_at, record.updated_at = existing.created_at, existing.updated_at
        if existing == record:
            result.unchanged += 1
            continue
        changed.append(record)
        result.conversations_updated += 1
    return changed
