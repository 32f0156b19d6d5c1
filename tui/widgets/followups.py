"""The follow-up log: each later touch, dated; logging one restarts the stay-in-touch clock."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult

from tui.core.followup import add_followup, log_touch
from tui.core.models import FollowUp
from tui.core.moments import format_day
from tui.screens.reflect_forms import FollowUpForm
from tui.widgets.item_lists import FollowUpList
from tui.widgets.reflect_section import ReflectSection, section_title


class FollowUpSection(ReflectSection):
    """Reported back, shared news, sent an article: every time the user got back in touch."""

    def compose(self) -> ComposeResult:
        """Heading and the log."""
        yield section_title("Follow-ups", "a log a touch · d remove")
        yield FollowUpList(id="followup-list")

    def on_mount(self) -> None:
        """Keys on the list act at once, in typing order."""
        self.query_one(FollowUpList).handler = self._command

    def show(self) -> None:
        """Show the log, newest first."""
        self.query_one(FollowUpList).show_followups(self.conversation.followups, self.today)

    def add(self) -> None:
        """Open the form for a new entry (dated today unless changed)."""
        self.app.push_screen(FollowUpForm(None, self.today), self._added)

    def _added(self, entry: FollowUp | None) -> None:
        if entry is None:
            return
        added = add_followup(self.conversation, self.contact, date.fromisoformat(entry.on),
                             entry.note)
        self.edited(contact_changed=True)
        self.show()
        listing = self.query_one(FollowUpList)
        listing.highlighted = listing.get_option_index(added.id)
        listing.focus()
        when = format_day(date.fromisoformat(added.on), self.today)
        self.say(f"Logged. The keep-in-touch clock for {self.contact.name} restarts "
                 f"from {when}.")

    def _find(self, entry_id: str) -> FollowUp | None:
        return next((f for f in self.conversation.followups if f.id == entry_id), None)

    def _command(self, command: str, item_id: str) -> None:
        if command == "add":
            self.add()
            return
        if command == "undo":
            self.put_back()
            return
        entry = self._find(item_id)
        if entry is None:
            return
        if command == "edit":
            self.app.push_screen(FollowUpForm(entry, self.today),
                                 lambda new: self._replaced(entry.id, new))
        elif command == "delete":
            self.remove_record("followups", entry.id, f"the follow-up of {entry.on}")

    def _replaced(self, entry_id: str, new: FollowUp | None) -> None:
        old = self._find(entry_id)
        if new is None or old is None:
            return
        old.on, old.note = new.on, new.note
        self.conversation.followups.sort(key=lambda f: f.on)
        contact_changed = log_touch(self.contact, date.fromisoformat(new.on))
        self.edited(contact_changed=contact_changed)
        self.show()
