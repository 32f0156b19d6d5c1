"""Saving an import's contacts in bulk: every new and changed contact in one write.

Contacts live in the main data file, in memory. The new table is built beside the current one
(nothing the store holds changes while it is built: an invalid contact stops the import with
the store exactly as it was), then it replaces the table at once and the main file is written
once, atomically, through the store's writer (on the app's writer thread, or at once on the
command line). Saving contacts one at a time would rebuild and write the table per contact:
30,000 of them took minutes that way; in bulk it takes about a second.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from tinydb.table import Table

from tui.core.importing import ImportPlan
from tui.core.models import Contact

if TYPE_CHECKING:
    from tui.core.store import Store


def apply_contact_plan(store: Store, plan: ImportPlan) -> int:
    """Save every contact ``plan`` adds or updates, in one write; returns how many."""
    to_save = plan.contacts_to_save()
    if not to_save:
        return 0
    storage = store._storage
    tables = storage.read() or {}
    docs = dict(tables.get("contacts", {}))
    index = dict(store._ids(store._contacts))
    next_doc = max((int(key) for key in docs if key.isdigit()), default=0) + 1
    changed: set[tuple[str, str]] = set()
    for contact in to_save:
        stored = Contact.from_dict(contact.to_dict())  # validated before anything changes
        doc_id = index.get(stored.id)
        if doc_id is None:
            doc_id = index[stored.id] = next_doc
            next_doc += 1
        docs[str(doc_id)] = stored.to_dict()
        changed.add(("contacts", str(doc_id)))
    data = dict(tables)
    data["contacts"] = docs
    storage.replace(data, changed)  # one write; on failure nothing in memory changed
    store._contacts = Table(storage, "contacts", cache_size=0)
    store._index["contacts"] = index
    return len(to_save)
