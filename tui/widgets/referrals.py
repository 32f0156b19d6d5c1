"""The referrals section: people this contact suggested, pending until made contacts."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult

from tui.core.models import Referral
from tui.screens.reflect_forms import ReferralForm
from tui.widgets.item_lists import ItemList, ReferralList
from tui.widgets.reflect_section import ReflectSection, section_title


class ReferralsSection(ReflectSection):
    """Names captured during the call or added here; ``p`` (on the pane) makes them contacts."""

    def compose(self) -> ComposeResult:
        """Heading and the list."""
        yield section_title("Referrals", "r add · p make contacts · enter edit")
        yield ReferralList(id="referral-list")

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

    @on(ItemList.Command, "#referral-list")
    def _command(self, event: ItemList.Command) -> None:
        event.stop()
        referral = self._find(event.item_id)
        if referral is None:
            return
        if event.command == "edit":
            self.app.push_screen(ReferralForm(referral),
                                 lambda new: self._replaced(referral.id, new))
        elif event.command == "delete":
            extra = " (the contact made from it stays)" if referral.contact_id else ""
            self.confirm(f"Delete the referral '{referral.name}'{extra}?",
                         lambda: self._delete(referral.id))

    def _replaced(self, referral_id: str, new: Referral | None) -> None:
        old = self._find(referral_id)
        if new is not None and old is not None:
            old.name, old.company, old.why = new.name, new.company, new.why
            self.edited()
            self.show()

    def _delete(self, referral_id: str) -> None:
        kept = [r for r in self.conversation.referrals if r.id != referral_id]
        self.conversation.referrals = kept
        self.edited()
        self.show()
