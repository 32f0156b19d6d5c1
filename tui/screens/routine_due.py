"""The Due tab's part of the outreach follow-up routine: open a step, mark a reply, plan the
chat with a second person at the company."""

from __future__ import annotations

from collections.abc import Awaitable
from datetime import date, datetime

from textual.screen import Screen

from tui.core.followup import DueItem
from tui.core.models import Contact, Conversation
from tui.core.outreach_due import (
    ROUTINE_KINDS,
    contact_speeds,
    log_nudge_sent,
    mark_replied,
    nudge_text,
    routine_settings,
    second_contacts,
)
from tui.core.outreach_routine import FOLLOW_UP, RoutineSettings
from tui.core.store import Store
from tui.dialogs.reply_form import ReplyForm
from tui.dialogs.routine_steps import NudgeScreen, SecondContactScreen, suggestion_row
from tui.screens.conversation import ConversationScreen
from tui.widgets.app_services import app_services
from tui.widgets.due_list import DueList


def routine_item(item: DueItem | None) -> bool:
    """A step of the outreach follow-up routine."""
    return item is not None and item.kind in ROUTINE_KINDS


class RoutineDue(Screen[None]):
    """The base of the home screen (which provides the store, the clock and the lists)."""

    _routine: RoutineSettings | None = None

    @property
    def store(self) -> Store:
        """The data (the home screen provides it)."""
        raise NotImplementedError

    def now(self) -> datetime:
        """The app's clock (the home screen provides it)."""
        raise NotImplementedError

    def refresh_lists(self, reload: bool = True, clock: bool = False) -> None:
        """Show the lists again (the home screen provides it)."""
        raise NotImplementedError

    def open_conversation(self, conversation_id: str) -> Awaitable[object] | None:
        """Show one conversation (the home screen provides it)."""
        raise NotImplementedError

    @property
    def routine(self) -> RoutineSettings:
        """The routine's numbers from the settings (worked out once; a value that cannot be
        used is named in a warning and its default used)."""
        if self._routine is None:
            self._routine, warnings = routine_settings(app_services(self).settings.values())
            for warning in warnings:
                self.notify(f"settings.json: {warning}", markup=False, severity="warning",
                            timeout=12)
        return self._routine

    def open_routine_step(self, item: DueItem) -> None:
        """Enter on a routine step: the drafted follow-up, or who else to write to."""
        conversation = self.store.conversation(item.conversation_id or "")
        contact = self.store.contact_or_none(conversation.contact_id)
        if item.kind == FOLLOW_UP:
            text = nudge_text(conversation, contact, self.store.profile().name)
            self.app.push_screen(NudgeScreen(item.contact, text),
                                 lambda result: self._nudge_done(item, result))
            return
        people = self.store.contacts()
        chats = self.store.conversations()
        now = self.now()
        others = second_contacts(contact, people, chats, now, self.routine) if contact else []
        written = {c.contact_id for c in chats if c.outreach.sent_on}
        speeds = contact_speeds(chats, now, self.routine)
        options = [suggestion_row(c, c.id in written, speeds.get(c.id)) for c in others]
        screen = SecondContactScreen(item.contact, contact.company if contact else "", options)
        self.app.push_screen(screen, lambda result: self._second_done(item, result))

    def _nudge_done(self, item: DueItem, result: str | None) -> None:
        if result == "replied":
            self.action_replied(item)
        elif result == "sent":
            conversation = self.store.conversation(item.conversation_id or "")
            contact = self.store.contact(conversation.contact_id)
            log_nudge_sent(conversation, contact, self.now().date())
            self._save(conversation, contact,
                       f"Logged the follow-up to {contact.name} as sent today.")

    def _second_done(self, item: DueItem, result: str | None) -> None:
        if result == "replied":
            self.action_replied(item)
        elif result:
            self._plan_with(item, result)

    def _plan_with(self, item: DueItem, contact_id: str) -> None:
        """Plan a chat with the second person (same topic and goal) and open its outreach."""
        first = self.store.conversation(item.conversation_id or "")
        contact = self.store.contact(contact_id)
        theirs = [c for c in self.store.conversations(contact_id) if c.status == "idea"]
        chat = theirs[0] if theirs else self.store.new_conversation(
            contact, kind=first.kind, topic=first.topic, goal=first.goal, ask=first.ask)
        self.refresh_lists()
        mounted = self.open_conversation(chat.id)
        if mounted is not None:
            self.app.call_after_refresh(self._show_outreach)

    def _show_outreach(self) -> None:
        screen = self.app.screen
        if isinstance(screen, ConversationScreen):
            screen.show_prep_part("prep-outreach")

    def action_replied(self, item: DueItem | None = None) -> None:
        """They replied: ask the day and the answer, then stop the routine."""
        item = item or self.query_one(DueList).current_item
        if item is None or not routine_item(item):
            return
        conversation = self.store.conversation(item.conversation_id or "")
        sent = conversation.outreach.sent_on
        form = ReplyForm(item.contact, self.now().date(),
                         date.fromisoformat(sent) if sent else None)
        self.app.push_screen(form, lambda result: self._replied(item, result))

    def _replied(self, item: DueItem, result: tuple[date, str] | None) -> None:
        if result is None:
            return
        conversation = self.store.conversation(item.conversation_id or "")
        try:
            mark_replied(conversation, *result)
        except ValueError as exc:
            self.notify(str(exc), markup=False, severity="warning")
            return
        self._save(conversation, None, f"{item.contact} replied {result[1]}; the follow-up "
                   "routine stops.")

    def _save(self, conversation: Conversation, contact: Contact | None, message: str) -> None:
        try:
            if contact is not None:
                self.store.save_contact(contact)
            self.store.save_conversation(conversation)
        except Exception as exc:
            self.notify(f"Not saved: {exc}", markup=False, severity="error")
            return
        self.refresh_lists()
        self.notify(message, markup=False, timeout=3)
