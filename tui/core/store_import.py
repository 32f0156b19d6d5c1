"""Merging an import into the store: all or nothing.

The whole new state is built in memory from the store's tables and the imported records,
then written with one atomic write. Until then nothing in the data file, and nothing in the
open store, has changed: an error, a full disk or Ctrl-C leaves both exactly as they were.
Linear in the size of the file and of the data.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tinydb.table import Table

from tui.core.importers import ImportBatch, ImportResult, bulk, merge_records
from tui.core.models import ModelError, now_iso
from tui.core.profile import PROFILE_ID, Profile

if TYPE_CHECKING:
    from tui.core.store import Store


def import_into(store: Store, batch: ImportBatch) -> ImportResult:
    """Merge validated records into ``store`` (see the module docstring)."""
    known = store._ids(store._contacts)
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
    tables = store._storage.read() or {}
    contacts = merge_records(tables.get("contacts", {}), store._ids(store._contacts),
                             batch.contacts, batch.untimed)
    conversations = merge_records(tables.get("conversations", {}),
                                  store._ids(store._conversations), batch.conversations,
                                  batch.untimed)
    result.contacts_added, result.contacts_updated = contacts.added, contacts.updated
    result.conversations_added = conversations.added
    result.conversations_updated = conversations.updated
    result.unchanged = contacts.unchanged + conversations.unchanged
    profile = _imported_profile(store, batch)
    result.profile_updated = profile is not None
    if not result.added and not result.updated and profile is None:
        return result
    data = dict(tables)
    data["contacts"], data["conversations"] = contacts.docs, conversations.docs
    changed = {("contacts", doc_id) for doc_id in contacts.changed}
    changed |= {("conversations", doc_id) for doc_id in conversations.changed}
    if profile is not None:
        doc_id = str(store._ids(store._profile).get(PROFILE_ID, 1))
        data["profile"] = {doc_id: profile.to_dict()}
        changed.add(("profile", doc_id))
    store._storage.replace(data, changed)
    # The tables changed under TinyDB: fresh views (their next doc id is read anew).
    store._contacts = Table(store._storage, "contacts", cache_size=0)
    store._conversations = Table(store._storage, "conversations", cache_size=0)
    store._profile = Table(store._storage, "profile", cache_size=0)
    store._index = {"contacts": contacts.index, "conversations": conversations.index}
    for conversation in batch.conversations:
        store._listed.pop(conversation.id, None)
    return result


def _imported_profile(store: Store, batch: ImportBatch) -> Profile | None:
    """The file's profile when it says something new (an empty one never erases yours)."""
    theirs, mine = batch.profile, store.profile()
    if theirs is None or theirs.empty or (theirs.name, theirs.intro) == (mine.name, mine.intro):
        return None
    return Profile.from_dict({**theirs.to_dict(), "updated_at": now_iso()})
