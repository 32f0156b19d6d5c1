"""Dealing with a Due item straight from the list: check off, mark sent, log a touch."""

from __future__ import annotations

from datetime import date
from typing import TypeVar

from tui.core.followup import DueItem, add_followup, log_touch
from tui.core.models import Contact, Conversation
from tui.core.outreach_due import log_nudge_sent
from tui.core.summary import ConversationLike
from tui.core.thank_you import mark_sent

C = TypeVar("C", bound=ConversationLike)

SETTLEABLE = ("action", "thank-you", "cadence", "outreach-follow-up")
TOUCH_NOTE = "got back in touch (logged from the Due list)"


def latest_conversation(conversations: list[C]) -> C | None:
    """The most recent conversation (by call, else creation), to log a touch in."""
    def when(c: ConversationLike) -> str:
        return c.live.ended_at or c.scheduled_at or c.created_at

    return max(conversations, key=when, default=None)


def settle(item: DueItem, conversation: Conversation | None, contact: Contact | None,
           day: date) -> str:
    """Do what ``item`` asks on the models (the caller saves them); returns what was done.

    An action is checked off, a thank-you marked sent (the contact's clock restarts), a
    keep-in-touch reminder logged as a touch today (in ``conversation``'s follow-up log when
    there is one), an outreach follow-up logged as sent. Raises ``ValueError`` for items that
    need the user (referrals, a second person to write to).
    """
    if item.kind == "action" and conversation is not None:
        action = next((a for a in conversation.actions if a.id == item.item_id), None)
        if action is None:
            raise ValueError("That action item is gone.")
        action.done = True
        return f"Checked off: {' '.join(action.text.split())}"
    if item.kind == "thank-you" and conversation is not None and contact is not None:
        mark_sent(conversation, contact, day)
        return f"Thank-you to {contact.name} marked as sent today."
    if item.kind == "cadence" and contact is not None:
        if conversation is not None:
            add_followup(conversation, contact, day, TOUCH_NOTE)
        else:
            log_touch(contact, day)
        return f"Logged a touch with {contact.name} today; the clock restarts."
    if item.kind == "outreach-follow-up" and conversation is not None and contact is not None:
        log_nudge_sent(conversation, contact, day)
        return f"Logged the follow-up to {contact.name} as sent today."
    if item.kind == "outreach-second-contact":
        raise ValueError("Write to a second person there: enter suggests who. The step is done "
                         "once that outreach is marked sent.")
    raise ValueError("A referral needs you: enter opens it, and f7 there makes contacts.")
