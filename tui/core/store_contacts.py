"""The contacts of the main data file: listing, finding, saving and deleting them.

A mixin of :class:`tui.core.store.Store`, which owns the TinyDB table and the write of the
main file; contacts are kept validated in memory so that listing thousands stays quick.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tinydb.table import Table

from tui.core.conversation_files import ConversationFiles, NotFoundError
from tui.core.layout import Stamp
from tui.core.maindb import CoffeechatStorage
from tui.core.models import Contact


class ContactRecords:
    """Contacts in the main file (the store's ``_contacts`` table), as models."""

    files: ConversationFiles
    _storage: CoffeechatStorage
    _contacts: Table
    _index: dict[str, int] | None  # contact id -> TinyDB doc id
    _models: dict[str, Contact] | None
    _sorted: list[Contact] | None
    _main_afters: list[Callable[[Stamp | None], object]]
    _main_labels: list[str]

    def contacts(self) -> list[Contact]:
        """All contacts, by name. These are shared, read-only snapshots (validating thousands
        of contacts at every listing is slow); to change one, take an editable copy with
        :meth:`contact`."""
        if self._sorted is None:
            if self._models is None:
                self._models = {}
                for doc in self._contacts.all():
                    model = Contact.from_dict(doc)
                    self._models[model.id] = model
            self._sorted = sorted(self._models.values(),
                                  key=lambda c: (c.name.casefold(), c.company.casefold()))
        return list(self._sorted)

    def contacts_by_id(self) -> dict[str, Contact]:
        """Every contact by id, in no particular order (the same shared, read-only snapshots
        as :meth:`contacts`, without sorting them by name)."""
        if self._models is None:
            self.contacts()
        assert self._models is not None
        return dict(self._models)

    def contact_docs(self) -> list[dict[str, Any]]:
        """Every contact as stored (copies), for another thread (search indexing)."""
        return [dict(doc) for doc in self._contacts.all()]

    def contact(self, contact_id: str) -> Contact:
        """The contact with this id."""
        doc = self._find(contact_id)
        if doc is None:
            raise NotFoundError(f"no contact with id {contact_id}")
        return Contact.from_dict(doc)

    def contact_or_none(self, contact_id: str | None) -> Contact | None:
        """The contact with this id, or None."""
        if not contact_id:
            return None
        doc = self._find(contact_id)
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
        doc = stored.to_dict()
        index = self.files.index
        if index is not None:
            # the conversations' index rows carry the name and company: refresh them too
            self._main_afters.append(lambda _: index.update_contact(doc))
        state = "changed" if stored.id in self._ids() else "new"
        self._main_labels.append(f"contact {stored.name} ({state})")
        self._upsert(doc)
        if self._models is not None:
            self._models[stored.id] = Contact.from_dict(doc)
        self._sorted = None
        return stored

    def delete_contact(self, contact_id: str) -> int:
        """Delete a contact and their conversations; returns how many conversations went."""
        contact = self.contact(contact_id)
        gone = [s.id for s in self.files.summaries(contact_id)]
        for conversation_id in gone:
            self.files.delete(conversation_id, f"the conversation with {contact.name}")
        index = self.files.index
        if index is not None:
            self._main_afters.append(lambda _: index.remove_contact(contact_id))
        self._main_labels.append(f"contact {contact.name} (deleted)")
        self._remove(contact_id)
        return len(gone)

    # -- the table -----------------------------------------------------------------------

    def _ids(self) -> dict[str, int]:
        if self._index is None:
            self._index = {d["id"]: d.doc_id for d in self._contacts.all()
                           if isinstance(d.get("id"), str)}
        return self._index

    def _find(self, record_id: str) -> dict[str, Any] | None:
        doc_id = self._ids().get(record_id)
        return self._contacts.get(doc_id=doc_id) if doc_id is not None else None

    def _upsert(self, doc: dict[str, Any]) -> None:
        index = self._ids()
        doc_id = index.get(doc["id"])
        if doc_id is not None:
            self._storage.changed("contacts", doc_id)
            self._contacts.update(replace_with(doc), doc_ids=[doc_id])
        else:
            index[doc["id"]] = self._contacts.insert(doc)

    def _remove(self, record_id: str) -> bool:
        if self._models is not None:
            self._models.pop(record_id, None)
        self._sorted = None
        doc_id = self._ids().pop(record_id, None)
        if doc_id is None:
            return False
        self._storage.changed("contacts", doc_id)
        self._contacts.remove(doc_ids=[doc_id])
        return True

    def _reset_tables(self, contact_index: dict[str, int]) -> None:
        """The main tables changed under TinyDB (an import): fresh views."""
        self._contacts = Table(self._storage, "contacts", cache_size=0)
        self._index = contact_index
        self._models = self._sorted = None


def replace_with(doc: dict[str, Any]) -> Callable[[Any], None]:
    """A TinyDB update that replaces a stored document with ``doc`` (dropping fields it no
    longer has)."""
    def transform(stored: Any) -> None:
        stored.clear()
        stored.update(doc)

    return transform


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()
