"""The lists of records in Reflect: action items, referrals and the follow-up log.

One :class:`RecordSection` adds, edits, removes and puts back the records of one list of the
conversation; each kind says only what differs: its form, how an edit is copied in, and
what else a key on its list does.
"""

from __future__ import annotations

from datetime import date
from typing import ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message

from tui.core.followup import add_followup, log_touch
from tui.core.models import ActionItem, FollowUp, Referral
from tui.core.moments import format_day
from tui.core.referrals import pending_referrals
from tui.dialogs.form import FormScreen
from tui.dialogs.item_forms import ActionForm, FollowUpForm, ReferralForm
from tui.panes.reflect.item_lists import ActionList, FollowUpList, ItemList, ReferralList
from tui.panes.reflect.section import ReflectSection, section_title
from tui.widgets.command_list import ListCommand
from tui.widgets.text import one_line

R = TypeVar("R", ActionItem, Referral, FollowUp)


class RecordSection(ReflectSection, Generic[R]):
    """A list of one kind of record: ``a`` adds (a form), enter edits, ``d`` removes and ``u``
    puts back. ``FIELD`` names the conversation's list, ``LIST`` the widget that shows it."""

    FIELD: ClassVar[str]
    TITLE: ClassVar[str]
    KEYS: ClassVar[str]
    LIST: ClassVar[type[ItemList]]
    LIST_ID: ClassVar[str]

    def compose(self) -> ComposeResult:
        """Heading and the list."""
        yield section_title(self.TITLE, self.KEYS)
        yield self.LIST(id=self.LIST_ID)

    @property
    def records(self) -> list[R]:
        """The conversation's records of this kind."""
        records: list[R] = getattr(self.conversation, self.FIELD)
        return records

    @property
    def listing(self) -> ItemList:
        """The list widget."""
        return self.query_one(self.LIST)

    def refresh_view(self) -> None:
        """Show the records."""
        self.listing.show_records(self.records, self.today)

    # -- what differs between kinds --------------------------------------------------------

    def form(self, record: R | None) -> FormScreen[R]:
        """The form that adds (``record`` None) or edits a record."""
        raise NotImplementedError

    def describe(self, record: R) -> str:
        """How a removal names the record: ``the action 'send the CV'``."""
        raise NotImplementedError

    def include(self, record: R) -> tuple[str, bool]:
        """Put a new record in; returns its id and whether the contact changed too."""
        self.records.append(record)
        return record.id, False

    def take_edit(self, old: R, new: R) -> bool:
        """Copy what the form edited from ``new`` into ``old``; True when the contact changed
        too."""
        raise NotImplementedError

    def command(self, command: str, record: R) -> None:
        """A command of this kind's own list (sections add to add, edit, delete, undo)."""

    # -- the common work -------------------------------------------------------------------

    def _find(self, record_id: str | None) -> R | None:
        return next((r for r in self.records if r.id == record_id), None)

    @on(ListCommand)
    def _command(self, request: ListCommand) -> None:
        if request.source is not self.listing:
            return
        request.done_here()
        if request.command == "add":
            self.add()
        elif request.command == "undo":
            self.put_back()
        elif (record := self._find(request.item_id)) is not None:
            if request.command == "edit":
                self.app.push_screen(self.form(record),
                                     lambda new: self._edited(record.id, new))
            elif request.command == "delete":
                self.remove_record(self.FIELD, record.id, self.describe(record))
            else:
                self.command(request.command, record)

    def add(self) -> None:
        """Open the form for a new record."""
        self.app.push_screen(self.form(None), self._added)

    def _added(self, record: R | None) -> None:
        if record is None:
            return
        record_id, contact_changed = self.include(record)
        self.edited(contact_changed=contact_changed)
        self.refresh_view()
        listing = self.listing
        listing.highlighted = listing.get_option_index(record_id)
        listing.focus()

    def _edited(self, record_id: str, new: R | None) -> None:
        old = self._find(record_id)  # the model may have been saved and replaced meanwhile
        if new is not None and old is not None:
            self.edited(contact_changed=self.take_edit(old, new))
            self.refresh_view()


class ActionsSection(RecordSection[ActionItem]):
    """What the user promised themselves to do after the call."""

    FIELD, TITLE, KEYS = "actions", "Action items", "a add · space done · d remove"
    LIST, LIST_ID = ActionList, "action-list"

    def form(self, record: ActionItem | None) -> FormScreen[ActionItem]:
        """What and when."""
        return ActionForm(record, self.today)

    def describe(self, record: ActionItem) -> str:
        """``the action 'send the CV'``."""
        return f"the action '{one_line(record.text, 60)}'"

    def take_edit(self, old: ActionItem, new: ActionItem) -> bool:
        """Text and due date."""
        old.text, old.due = new.text, new.due
        return False

    def command(self, command: str, record: ActionItem) -> None:
        """``toggle``: done, or not done again."""
        if command == "toggle":
            record.done = not record.done
            self.edited()
            self.refresh_view()


class ReferralsSection(RecordSection[Referral]):
    """Names captured during the call or added here; f7 makes them contacts (the screen does
    it, as it needs the store: see :class:`PromoteReferrals`)."""

    FIELD, TITLE, KEYS = "referrals", "Referrals", "a add · d remove · f7 make contacts"
    LIST, LIST_ID = ReferralList, "referral-list"
    BINDINGS = [
        Binding("f7", "promote", "Make contacts", tooltip="Make contacts (each with a planned "
                "chat) of all pending referrals", id="reflect.promote"),
    ]

    class PromoteReferrals(Message):
        """Make contacts of this conversation's pending referrals."""

    def form(self, record: Referral | None) -> FormScreen[Referral]:
        """Name, company, why."""
        return ReferralForm(record)

    def describe(self, record: Referral) -> str:
        """``the referral Bob Lee``."""
        extra = " (the contact made from it stays)" if record.contact_id else ""
        return f"the referral {record.name}{extra}"

    def take_edit(self, old: Referral, new: Referral) -> bool:
        """Name, company and why."""
        old.name, old.company, old.why = new.name, new.company, new.why
        return False

    def action_promote(self) -> None:
        """Ask the screen to make contacts of the pending referrals."""
        if not pending_referrals(self.conversation):
            self.say("No pending referrals: a on this list adds one.", "warning")
            return
        self.post_message(self.PromoteReferrals().set_sender(self))


class FollowUpSection(RecordSection[FollowUp]):
    """Reported back, shared news, sent an article: every time the user got back in touch;
    logging one restarts the stay-in-touch clock."""

    FIELD, TITLE, KEYS = "followups", "Follow-ups", "a log a touch · d remove"
    LIST, LIST_ID = FollowUpList, "followup-list"

    def form(self, record: FollowUp | None) -> FormScreen[FollowUp]:
        """Note, and when (today unless changed)."""
        return FollowUpForm(record, self.today)

    def describe(self, record: FollowUp) -> str:
        """``the follow-up of 2026-12-10``."""
        return f"the follow-up of {record.on}"

    def include(self, record: FollowUp) -> tuple[str, bool]:
        """Log the touch (the contact's clock restarts) and say so."""
        added = add_followup(self.conversation, self.contact, date.fromisoformat(record.on),
                             record.note)
        when = format_day(date.fromisoformat(added.on), self.today)
        self.say(f"Logged. The keep-in-touch clock for {self.contact.name} restarts "
                 f"from {when}.")
        return added.id, True

    def take_edit(self, old: FollowUp, new: FollowUp) -> bool:
        """Date and note; a later date restarts the contact's clock from it."""
        old.on, old.note = new.on, new.note
        self.conversation.followups.sort(key=lambda f: f.on)
        return log_touch(self.contact, date.fromisoformat(new.on))
