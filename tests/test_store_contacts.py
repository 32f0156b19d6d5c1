"""The store's bulk step for contact imports: one write, all or nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.import_tools import FIXTURES
from tui.core.importing import parse_linkedin, plan_contact_import
from tui.core.models import Contact, ModelError
from tui.core.store import Store


def reopened(folder: Path) -> dict[str, Contact]:
    store = Store.open(folder, readonly=True)
    try:
        return {c.name: c for c in store.contacts()}
    finally:
        store.close()


def test_a_plan_is_saved_in_one_write(store: Store, data_dir: Path, monkeypatch) -> None:
    store.save_contact(Contact(name="Priya Raman", company="Stripe", notes="met at a meetup",
                               linkedin="https://www.linkedin.com/in/priya-raman"))
    plan = plan_contact_import(store.contacts(),
                               parse_linkedin(FIXTURES / "Connections-newer.csv"))
    assert plan.added and plan.updated
    writes: list[bytes] = []
    write = store.datafile.write
    monkeypatch.setattr(store.datafile, "write", lambda payload: (writes.append(payload),
                                                                  write(payload)))
    assert store.apply_contact_plan(plan) == len(plan.added) + len(plan.updated)
    assert len(writes) == 1
    people = reopened(data_dir)
    assert people["Priya Raman"].company == "Plaid"
    assert people["Priya Raman"].notes == "met at a meetup"
    assert people["Priya Raman"].connected_on == "2024-11-12"
    assert len(people) == len(plan.added) + 1
    assert {c.name for c in store.contacts()} == set(people)


def test_a_failed_write_leaves_the_store_and_the_file_as_they_were(
        store: Store, data_dir: Path, monkeypatch) -> None:
    store.save_contact(Contact(name="Ana Silva"))
    plan = plan_contact_import(store.contacts(), parse_linkedin(FIXTURES / "Connections.csv"))

    def full_disk(payload: bytes) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(store.datafile, "write", full_disk)
    with pytest.raises(OSError):
        store.apply_contact_plan(plan)
    monkeypatch.undo()
    assert [c.name for c in store.contacts()] == ["Ana Silva"]
    assert list(reopened(data_dir)) == ["Ana Silva"]
    store.save_contact(Contact(name="Kofi Mensah"))  # the store still saves normally
    assert set(reopened(data_dir)) == {"Ana Silva", "Kofi Mensah"}


def test_an_invalid_contact_stops_the_plan_before_anything_changes(store: Store,
                                                                   data_dir: Path) -> None:
    store.save_contact(Contact(name="Ana Silva"))
    plan = plan_contact_import(store.contacts(), parse_linkedin(FIXTURES / "Connections.csv"))
    plan.added[-1].contact.connected_on = "12 Nov"  # not a date
    with pytest.raises(ModelError):
        store.apply_contact_plan(plan)
    assert [c.name for c in store.contacts()] == ["Ana Silva"]
    assert list(reopened(data_dir)) == ["Ana Silva"]


def test_contacts_by_id_follows_every_change(store: Store, data_dir: Path) -> None:
    ada = store.save_contact(Contact(name="Ada", company="Analytical"))
    bob = store.save_contact(Contact(name="Bob"))
    assert store.contacts_by_id() == {c.id: c for c in store.contacts()}
    store.delete_contact(bob.id)
    renamed = store.contact(ada.id)
    renamed.name = "Ada Lovelace"
    store.save_contact(renamed)
    assert {i: c.name for i, c in store.contacts_by_id().items()} == {ada.id: "Ada Lovelace"}
    store.close()
    reader = Store.open(data_dir, readonly=True)
    try:
        assert reader.contacts_by_id() == {c.id: c for c in reader.contacts()}
        assert list(reader.contacts_by_id()) == [ada.id]
    finally:
        reader.close()
