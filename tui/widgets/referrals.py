"""The referrals section: people this contact suggested, pending until made contacts."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message

from tui.core.models import Conversation, Referral
from tui.core.referrals import pending_referrals
from tui.screens.reflect_forms import ReferralForm
from tui.widgets.item_lists import ReferralList
from tui.widgets.reflect_section import ReflectSection, section_title


class ReferralsSection(ReflectSection):
    """Names captured during the call or added here; f7 makes them contacts (the screen does
    it, as it needs the store: see :class:`PromoteReferrals`)."""

    BINDINGS = [
        Binding("f7", "promote", "Make contacts", tooltip="Make contacts (each with a planned "
                "chat) of all pending referrals", id="reflect.promote"),
    ]

    class PromoteReferrals(Message):
        """Make contacts of this conversation's pending referrals."""

        def __init__(self, conversation: Conversation) -> None:
            super().__init__()
            self.conversation = conversation

    def action_promote(self) -> None:
        """Ask the screen to make contacts of the pending referrals."""
        if not pending_referrals(self.conversation):
            self.say("No pending referrals: a on this list adds one.", "warning")
            return
        self.post_message(self.PromoteReferrals(self.conversation))

    def compose(self) -> ComposeResult:
        """Heading and the list."""
        yield section_title("Referrals", "a add · d remove · f7 make contacts")
        yield ReferralList(id="referral-list")

    def on_mount(self) -> None:
        """Keys on the list act at once, in typing order."""
        self.query_one(ReferralList).handler = self._command

    def show(self) -> None:
        """Show the current referrals."""
        self.query_one(ReferralList).show_referrals(self.conversation.referrals)

    def add(self) -> None:
        """Open the form for a new referral."""
        self.app.push_screen(ReferralForm(None), self._added)

    def _added(self, referral: Referral | None) -> None:
        if referral is not None:
            self.conversation.referrals.append(referral)
            self.edited()
            self.show()
            listing = self.query_one(ReferralList)
            listing.highlighted = len(self.conversation.referrals) - 1
            listing.focus()

    def _find(self, referral_id: str) -> Referral | None:
        return next((r for r in self.conversation.referrals if r.id == referral_id), None)

    def _command(self, command: str, item_id: str) -> None:
        if command == "add":
            self.add()
            return
        if command == "undo":
            self.put_back()
            return
        referral = self._find(item_id)
        if referral is None:
            return
        if command == "edit":
            self.app.push_screen(ReferralForm(referral),
                                 lambda new: self._replaced(referral.id, new))
        elif command == "delete":
            extra = " (the contact made from it stays)" if referral.contact_id else ""
            self.remove_record("referrals", referral.id, f"the referral {referral.name}{extra}")

    def _replaced(self, referral_id: str, new: Referral | None) -> None:
        old = self._find(referral_id)
        if new is not None and old is not None:
            old.name, old.company, old.why = new.name, new.company, new.why
            self.edited()
            self.show()
