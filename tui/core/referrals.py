"""Referrals: the people a contact suggested, turned into contacts with a planned chat."""

from __future__ import annotations

from tui.core.models import Contact, Conversation, Referral
from tui.core.safetext import has_visible
from tui.core.store import Store

OPEN_STATUSES = ("idea", "reached_out", "scheduled")


def pending_referrals(conversation: Conversation) -> list[Referral]:
    """Named referrals that are not contacts yet (a name that shows nothing is no name)."""
    return [r for r in conversation.referrals if r.contact_id is None and has_visible(r.name)]


def promote_referrals(store: Store, conversation: Conversation) -> list[Contact]:
    """Make a contact of every pending referral of ``conversation``, in one step.

    Each becomes a contact introduced by this conversation's person (an existing contact with
    the same name and company is reused, never duplicated) with a planned conversation in status
    idea (unless they already have an open one). ``conversation`` is updated in place with the
    new contact ids and saved; the contacts are returned in referral order. Running it again
    after a failure part-way finds the same contacts, so nothing is created twice.
    """
    introducer = conversation.contact_id
    made: list[Contact] = []
    for referral in pending_referrals(conversation):
        contact = store.find_contact(referral.name, referral.company)
        if contact is None:
            contact = Contact(name=" ".join(referral.name.split()),
                              company=" ".join(referral.company.split()),
                              notes=referral.why.strip())
        if contact.id != introducer and not contact.introduced_by:
            contact.introduced_by = introducer
        contact = store.save_contact(contact)
        theirs = store.summaries(contact.id)
        if contact.id != introducer and not any(c.status in OPEN_STATUSES for c in theirs):
            store.save_conversation(Conversation(
                contact_id=contact.id, status="idea", goal=referral.why.strip(),
            ))
        referral.contact_id = contact.id
        made.append(contact)
    if made:
        store.save_conversation(conversation)
    return made


def promoted_summary(contacts: list[Contact]) -> str:
    """``Bob Lee and Carla Diaz are contacts now, each with a planned chat (idea).``"""
    names = list(dict.fromkeys(c.name for c in contacts))
    if not names:
        return "No pending referrals."
    if len(names) == 1:
        return f"{names[0]} is a contact now, with a planned chat (idea)."
    listed = ", ".join(names[:-1]) + f" and {names[-1]}"
    return f"{listed} are contacts now, each with a planned chat (idea)."
