"""The call's log: every stamped note, each of which can be corrected or deleted."""

from __future__ import annotations

from textual import on
from textual.widgets import OptionList

from tui.core import live
from tui.dialogs.confirm import ConfirmScreen
from tui.dialogs.prompts import TextPrompt
from tui.panes.base import ModelViewing
from tui.panes.live.note_log import NoteLog, log_rows
from tui.widgets.text import one_line


def _checked_note(text: str) -> str:
    if not text.strip():
        raise live.LiveError("The note is empty. To remove it, press delete in the log.")
    if len(text) > live.MAX_QUICK_NOTE:
        raise live.LiveError(f"Keep a quick note under {live.MAX_QUICK_NOTE:,} characters.")
    return text.strip()


class CallLog(ModelViewing, NoteLog):
    """The log of stamped notes as a part of the pane: it shows the notes of the model it is
    given, and corrects or deletes one (enter, delete)."""

    def refresh_view(self) -> None:
        """Show the notes (only what changed is redrawn)."""
        self.rows = log_rows(self.conversation.live.notes, self.conversation.questions)

    @on(OptionList.OptionSelected)
    def _note_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id:
            self.edit_note(event.option.id)

    @on(NoteLog.DeleteRequested)
    def _note_delete(self, event: NoteLog.DeleteRequested) -> None:
        event.stop()
        self.delete_note(event.note_id)

    def edit_note(self, note_id: str) -> None:
        """Change the text of a stamped note."""
        note = next((n for n in self.conversation.live.notes if n.id == note_id), None)
        if note is None:
            return

        def done(text: str | None) -> None:
            edited = next((n for n in self.conversation.live.notes if n.id == note_id), None)
            if text is not None and edited is not None and text != edited.text:
                edited.text = text
                self.refresh_view()
                self.edited()

        self.app.push_screen(TextPrompt(f"Note at {note.stamp}", "Note", note.text,
                                        check=_checked_note), done)

    def delete_note(self, note_id: str) -> None:
        """Delete a stamped note, after asking."""
        note = next((n for n in self.conversation.live.notes if n.id == note_id), None)
        if note is None:
            return

        def done(yes: bool | None) -> None:
            notes = self.conversation.live.notes
            if yes and any(n.id == note_id for n in notes):
                self.conversation.live.notes = [n for n in notes if n.id != note_id]
                self.refresh_view()
                self.edited()

        question = f"Delete the note at {note.stamp}: “{one_line(note.text, 80)}”?"
        self.app.push_screen(ConfirmScreen(question, "Yes, delete", variant="warning"), done)
