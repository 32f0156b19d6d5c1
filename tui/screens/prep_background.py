"""What the conversation screen works out for Prep in the background once it is shown: the
user's own replies by weekday (beside the outreach draft's day-of-week tip) and the brief of
earlier conversations with the same person (their files read on a thread)."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.screen import Screen

from tui.core.models import Contact, Conversation
from tui.core.outreach_due import routine_settings
from tui.core.outreach_routine import RoutineSettings
from tui.core.send_days import own_send_evidence
from tui.core.summary import ConversationSummary
from tui.panes.prep import PrepPane
from tui.panes.prep.outreach import OutreachPart
from tui.widgets.app_services import app_services


def work_out_send_days(screen: Screen[Any]) -> None:
    """Work out, on a thread, how the user's outreach did by weekday, and show it in Prep."""
    services = app_services(screen)
    routine, _ = routine_settings(services.settings.values())
    contacts, chats = services.store.contacts(), services.store.summaries()
    now = services.clock()
    screen.run_worker(lambda: _send_days(screen, contacts, chats, now, routine), thread=True,
                      group="send-days", exclusive=True, exit_on_error=False,
                      description="working out replies by weekday")


def _send_days(screen: Screen[Any], contacts: list[Contact], chats: list[ConversationSummary],
               now: datetime, routine: RoutineSettings) -> None:
    text = own_send_evidence(contacts, chats, now, routine).text()
    screen.app.call_from_thread(_show_send_days, screen, text)


def _show_send_days(screen: Screen[Any], text: str) -> None:
    for part in screen.query(OutreachPart):
        part.show_send_evidence(text)


def load_brief(screen: Screen[Any], conversation: Conversation, contact: Contact) -> None:
    """Read the earlier conversations with ``contact`` (off the event loop) and give Prep the
    brief, if there is one."""
    screen.run_worker(_load_brief(screen, conversation, contact), group="brief",
                      exclusive=True, exit_on_error=False, description="reading the brief")


async def _load_brief(screen: Screen[Any], conversation: Conversation,
                      contact: Contact) -> None:
    from tui.screens.brief_reader import read_brief

    try:
        brief = await read_brief(app_services(screen).store, conversation, contact)
    except Exception as exc:
        screen.notify(f"Could not read the earlier conversations: {exc}",
                      severity="warning", markup=False)
        return
    if brief is not None and screen.is_attached:
        screen.query_one(PrepPane).show_brief(brief)
