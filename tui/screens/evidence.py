"""The conversation screen's part of Reflect's f8: read the career hypotheses, ask which one
this conversation speaks to, and have the evidence written in a thread."""

from __future__ import annotations

from functools import partial

from textual import on

from tui.core.hypotheses import (
    Hypothesis,
    add_evidence,
    hypotheses_path,
    load_hypotheses,
    save_hypotheses,
)
from tui.dialogs.hypothesis_forms import EvidenceForm
from tui.panes.reflect.evidence import EvidenceWanted
from tui.screens.side_files import SideFiles
from tui.widgets.app_services import app_services


class EvidenceNotes(SideFiles):
    """Mixed into the conversation screen."""

    @on(EvidenceWanted)
    def _evidence_wanted(self, event: EvidenceWanted) -> None:
        event.stop()
        folder = app_services(self).folders.data
        self.read_in_thread(partial(load_hypotheses, folder),
                            partial(self._ask_evidence, event.conversation_id),
                            self._hypotheses_unreadable)

    def _hypotheses_unreadable(self, message: str) -> None:
        self.notify(message, markup=False, severity="error", timeout=12)

    def _ask_evidence(self, conversation_id: str, hypotheses: list[Hypothesis]) -> None:
        if not hypotheses:
            self.notify("No career hypotheses yet: h on the home screen writes one.",
                        timeout=5)
            return
        form = EvidenceForm(hypotheses, conversation_id)
        self.app.push_screen(form, partial(self._note_evidence, hypotheses, conversation_id))

    def _note_evidence(self, hypotheses: list[Hypothesis], conversation_id: str,
                       result: tuple[str, str, str] | None) -> None:
        if result is None:
            return
        hypothesis_id, verdict, note = result
        chosen = next(h for h in hypotheses if h.id == hypothesis_id)
        add_evidence(chosen, conversation_id, verdict, note, app_services(self).clock().date())
        folder = app_services(self).folders.data
        self.write_in_thread(str(hypotheses_path(folder)),
                             partial(save_hypotheses, folder, hypotheses), "Evidence",
                             f"Noted: {verdict} '{chosen.statement[:60]}'.")
