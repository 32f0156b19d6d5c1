"""The Due tab's part of the outreach follow-up routine: open a step, mark a reply, plan the
chat with a second person at the company.

Conversations are read off the event loop (:class:`~tui.screens.opener.ConversationOpener`)
before a dialog opens; the dialog's answer is applied to that copy and saved through the store.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from datetime import date, datetime
from typing import Any

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
from tui.screens.opener import ConversationOpener
from tui.widgets.app_services import app_services


def routine_item(item: DueItem | None) -> bool:
    """A step of the outreach follow-up routine."""
    return item is not None and item.kind in ROUTINE_KINDS


class RoutineSteps:
    """The routine's steps for ``screen`` (the home screen): ``now`` is its clock,
    ``refresh`` shows its lists again, ``open_conversation`` opens one (True once mounted)."""

    def __init__(self, screen: Screen[Any], opener: ConversationOpener,
                 now: Callable[[], datetime], refresh: Callable[[], None],
                 open_conversation: Callable[[str], Awaitable[bool]]) -> None:
        self.screen = screen
        self._opener = opener
        self._now = now
        self._refresh = refresh
        self._open = open_conversation
        self._routine: RoutineSettings | None = None

    @property
    def store(self) -> Store:
        """The data."""
        return app_services(self.screen).store

    @property
    def routine(self) -> RoutineSettings:
        """The routine's numbers from the settings (worked out once; a value that cannot be
        used is named in a warning and its default used)."""
        if self._routine is None:
            values = app_services(self.screen).settings.values()
            self._routine, warnings = routine_settings(values)
            for warning in warnings:
                self.screen.notify(f"settings.json: {warning}", markup=False,
                                   severity="warning", timeout=12)
        return self._routine

    async def open_step(self, item: DueItem) -> None:
        """Enter on a routine step: the drafted follow-up, or who else to write to."""
        conversation = await self._opener.read(item.conversation_id or "")
        if conversation is None:
            return
        contact = self.store.contact_or_none(conversation.contact_id)
        if item.kind == FOLLOW_UP:
            text = nudge_text(conversation, contact, self.store.profile().name)
            self.screen.app.push_screen(
                NudgeScreen(item.contact, text),
                lambda result: self._nudge_done(item, conversation, result))
            return
        people = self.store.contacts()
        chats = self.store.summaries()
        now = self._now()
        speeds = contact_speeds(chats, now, self.routine)
        others = second_contacts(contact, people, chats, now, self.routine,
                                 speeds) if contact else []
        written = {c.contact_id for c in chats if c.outreach.sent_on}
        options = [suggestion_row(c, c.id in written, speeds.get(c.id)) for c in others]
        screen = SecondContactScreen(item.contact, contact.company if contact else "", options)
        self.screen.app.push_screen(
            screen, lambda result: self._second_done(item, conversation, result))

    def _nudge_done(self, item: DueItem, conversation: Conversation,
                    result: str | None) -> None:
        if result == "replied":
            self._ask_reply(item, conversation)
        elif result == "sent":
            contact = self.store.contact_or_none(conversation.contact_id)
            if contact is None:
                return
            log_nudge_sent(conversation, contact, self._now().date())
            self._save(conversation, contact,
                       f"Logged the follow-up to {contact.name} as sent today.")

    async def _second_done(self, item: DueItem, conversation: Conversation,
                           result: str | None) -> None:
        if result == "replied":
            self._ask_reply(item, conversation)
        elif result:
            await self._plan_with(conversation, result)

    async def _plan_with(self, first: Conversation, contact_id: str) -> None:
        """Plan a chat with the second person (same topic and goal) and open its outreach."""
        contact = self.store.contact(contact_id)
        ideas = [c for c in self.store.summaries(contact_id) if c.status == "idea"]
        chat_id = ideas[0].id if ideas else self.store.new_conversation(
            contact, kind=first.kind, topic=first.topic, goal=first.goal, ask=first.ask).id
        self._refresh()
        if await self._open(chat_id):
            from tui.screens.conversation import ConversationScreen

            screen = self.screen.app.screen
            if isinstance(screen, ConversationScreen):
                screen.show_prep_part("prep-outreach")

    async def mark_reply(self, item: DueItem | None) -> None:
        """They replied: ask the day and the answer, then stop the routine."""
        if item is None or not routine_item(item):
            return
        conversation = await self._opener.read(item.conversation_id or "")
        if conversation is not None:
            self._ask_reply(item, conversation)

    def _ask_reply(self, item: DueItem, conversation: Conversation) -> None:
        sent = conversation.outreach.sent_on
        form = ReplyForm(item.contact, self._now().date(),
                         date.fromisoformat(sent) if sent else None)
        self.screen.app.push_screen(
            form, lambda result: self._replied(item, conversation, result))

    def _replied(self, item: DueItem, conversation: Conversation,
                 result: tuple[date, str] | None) -> None:
        if result is None:
            return
        try:
            mark_replied(conversation, *result)
        except ValueError as exc:
            self.screen.notify(str(exc), markup=False, severity="warning")
            return
        self._save(conversation, None, f"{item.contact} replied {result[1]}; the follow-up "
                   "routine stops.")

    def _save(self, conversation: Conversation, contact: Contact | None, message: str) -> None:
        try:
            if contact is not None:
                self.store.save_contact(contact)
            self.store.save_conversation(conversation)
        except Exception as exc:
            self.screen.notify(f"Not saved: {exc}", markup=False, severity="error")
            return
        self._refresh()
        self.screen.notify(message, markup=False, timeout=3)
