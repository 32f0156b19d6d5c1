"""What the Live pane's keys do to notes, referrals and settings (a mixin of
:class:`tui.panes.live.LivePane`)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core import live
from tui.core.models import Referral
from tui.core.settings import save_setting
from tui.screens.confirm import ConfirmScreen
from tui.text import one_line
from tui.widgets.key_order import focus_now
from tui.widgets.live_forms import ReferralForm, TextPrompt, TimingForm
from tui.widgets.live_log import NoteLog

if TYPE_CHECKING:
    from tui.panes.live import LivePane

    _Base = LivePane
else:
    _Base = object


class NoteActions(_Base):
    """Notes, the log, referrals, the wrap-up and planned minutes."""

    def action_write_note(self) -> None:
        """Put the cursor in the current question's note (or the quick line without one)."""
        focus_now(self.typing_box())

    def action_quick_note(self) -> None:
        """Put the cursor in the quick-note line; enter brings it back to where it was."""
        focused = self.screen.focused
        if focused is not self.quick:
            self._before_quick = focused
        focus_now(self.quick)

    def add_quick_note(self, text: str) -> None:
        """Stamp ``text`` as a note of the current question and clear the line."""
        if not text.strip():
            return
        session = self.conversation.live
        try:
            note = live.add_note(session, text, self.current_id, self.clock())
        except live.LiveError as exc:
            self.notify(str(exc), severity="warning", markup=False)
            return
        session.draft = ""
        self.quick.value = ""
        self.query_one(NoteLog).append_note(note, self.conversation.questions,
                                            first=len(session.notes) == 1)
        self._log_shown = self.log_key()
        self.edited()
        back, self._before_quick = self._before_quick, None
        if back is not None and back.is_attached and back.display and back.focusable:
            focus_now(back)

    def edit_log_note(self, note_id: str) -> None:
        """Change the text of a stamped note."""
        note = next((n for n in self.conversation.live.notes if n.id == note_id), None)
        if note is None:
            return

        def check(text: str) -> str:
            if not text.strip():
                raise live.LiveError("The note is empty. To remove it, press delete in the log.")
            if len(text) > live.MAX_QUICK_NOTE:
                raise live.LiveError(f"Keep a quick note under {live.MAX_QUICK_NOTE:,} "
                                     "characters.")
            return text.strip()

        def done(text: str | None) -> None:
            if text is not None and text != note.text:
                note.text = text
                self.query_one(NoteLog).replace_note(note, self.conversation.questions)
                self.edited()

        self.app.push_screen(TextPrompt(f"Note at {note.stamp}", "Note", note.text,
                                        check=check), done)

    def delete_log_note(self, note_id: str) -> None:
        """Delete a stamped note, after asking."""
        notes = self.conversation.live.notes
        note = next((n for n in notes if n.id == note_id), None)
        if note is None:
            return

        def done(yes: bool | None) -> None:
            if yes and note in notes:
                notes.remove(note)
                self._show_log()
                self.edited()

        question = f"Delete the note at {note.stamp}: “{one_line(note.text, 80)}”?"
        self.app.push_screen(ConfirmScreen(question, "Yes, delete", variant="warning"), done)

    def action_referral(self) -> None:
        """They mentioned someone: keep the name as a pending referral."""
        self.app.push_screen(ReferralForm(), self._add_referral)

    def _add_referral(self, referral: Referral | None) -> None:
        if referral is None:
            return
        self.conversation.referrals.append(referral)
        self._show_referrals()
        self.edited()
        self.notify(f"Noted {referral.name}. Reflect (f5) turns referrals into contacts.",
                    markup=False, timeout=4)

    # -- settings and layout -------------------------------------------------------------

    def action_timing(self) -> None:
        """Change the planned length of this call and the wrap-up warning."""
        self.app.push_screen(TimingForm(self.conversation.minutes, self.wrap_up), self._timed)

    def _timed(self, timing: tuple[int, int] | None) -> None:
        if timing is None:
            return
        minutes, wrap_up = timing
        if minutes != self.conversation.minutes:
            self.conversation.minutes = minutes
            self.edited()
        if wrap_up != self.wrap_up:
            self.wrap_up = wrap_up
            try:
                save_setting(live.WRAP_UP_SETTING, wrap_up,
                             getattr(self.app, "config_folder", None))
            except OSError as exc:
                self.notify(f"Wrap-up set for now, but not remembered: {exc}",
                            severity="warning", markup=False)
        self.tick()
