"""Making contacts of referrals through the store, in one step and without duplicates."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.live import LiveError
from tui.core.live_flow import make_referral
from tui.core.models import Conversation, Referral
from tui.core.referrals import pending_referrals, promote_referrals, promoted_summary
from tui.core.store import Store


def test_promote_makes_contacts_with_a_planned_idea_and_reuses_existing(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    ana = store.save_contact(store.contact_for("Ana Silva", "Acme"))
    existing = store.save_contact(store.contact_for("Carla Diaz", "Northwind"))
    store.save_conversation(Conversation(contact_id=existing.id, status="scheduled"))
    chat = store.save_conversation(Conversation(contact_id=ana.id, status="done", referrals=[
        Referral(name="  Bob   Lee ", company="Acme", why="runs hiring"),
        Referral(name="carla diaz", company="NORTHWIND"),
        Referral(name="Bob Lee", company="Acme"),  # said twice: still one contact
        Referral(name="", company="nobody"),
    ]))
    made = promote_referrals(store, chat)
    assert [c.name for c in made] == ["Bob Lee", "Carla Diaz", "Bob Lee"]
    assert made[0].id == made[2].id and made[1].id == existing.id
    assert pending_referrals(chat) == []
    assert promoted_summary(made) == ("Bob Lee and Carla Diaz are contacts now, each with a "
                                      "planned chat (idea).")
    assert promoted_summary(made[:1]).startswith("Bob Lee is a contact now")
    store.close()

    again = Store.open(tmp_path, readonly=True)
    contacts = {c.name: c for c in again.contacts()}
    assert sorted(contacts) == ["Ana Silva", "Bob Lee", "Carla Diaz"]
    bob = contacts["Bob Lee"]
    assert (bob.company, bob.introduced_by, bob.notes) == ("Acme", ana.id, "runs hiring")
    assert contacts["Carla Diaz"].introduced_by == ana.id
    bob_chats = again.conversations(bob.id)
    assert [(c.status, c.goal) for c in bob_chats] == [("idea", "runs hiring")]
    # Carla already had an open conversation: no second one.
    assert len(again.conversations(existing.id)) == 1
    saved = again.conversation(chat.id)
    assert [r.contact_id for r in saved.referrals] == [bob.id, existing.id, bob.id, None]


def test_promote_twice_changes_nothing(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    ana = store.save_contact(store.contact_for("Ana"))
    chat = store.save_conversation(Conversation(contact_id=ana.id,
                                                referrals=[Referral(name="Bob")]))
    assert len(promote_referrals(store, chat)) == 1
    assert promote_referrals(store, chat) == []
    assert len(store.contacts()) == 2 and len(store.conversations()) == 2
    store.close()


def test_a_referral_naming_the_person_themself_is_not_introduced_by_them(tmp_path: Path) -> None:
    store = Store.open(tmp_path)
    ana = store.save_contact(store.contact_for("Ana", "Acme"))
    chat = store.save_conversation(Conversation(contact_id=ana.id,
                                                referrals=[Referral(name="Ana", company="Acme")]))
    made = promote_referrals(store, chat)
    assert made[0].id == ana.id and made[0].introduced_by is None
    assert len(store.conversations()) == 1
    store.close()


def test_a_referral_name_that_shows_nothing_is_refused_and_never_made_a_contact(
        tmp_path: Path) -> None:
    with pytest.raises(LiveError, match=r"Give at least a name \(the one given holds only "
                                        r"invisible characters: U\+200B ZERO WIDTH SPACE\)"):
        make_referral("\u200b ", "Acme")
    assert make_referral("\u0645\u0647\u200c\u0633\u0627").name == "\u0645\u0647\u200c\u0633\u0627"
    store = Store.open(tmp_path)
    ana = store.save_contact(store.contact_for("Ana"))
    chat = store.save_conversation(Conversation(contact_id=ana.id, referrals=[
        Referral(name="\u200b"), Referral(name="\u0301")]))  # saved before names had to show
    assert pending_referrals(chat) == [] and promote_referrals(store, chat) == []
    assert [c.name for c in store.contacts()] == ["Ana"]
    store.close()
