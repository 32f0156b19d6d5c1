"""Reflect's f8: note what this conversation said about one of the user's career hypotheses."""

from __future__ import annotations

from typing import Any

from textual.binding import Binding

from tui.core.hypotheses import add_evidence, load_hypotheses, save_hypotheses
from tui.core.record_file import RecordFileError
from tui.screens.hypothesis_forms import EvidenceForm

EVIDENCE_BINDING = Binding("f8", "evidence", "Evidence", tooltip="What this conversation said "
                           "about one of your career hypotheses: for, against or mixed",
                           id="reflect.evidence")


class EvidenceKeys:
    """Mixed into the Reflect pane (which provides the app, the conversation and the clock)."""

    app: Any
    conversation: Any
    _now: Any

    def action_evidence(self) -> None:
        """Ask which hypothesis, the verdict and a sentence; then save it."""
        folder = self.app.store.path.parent
        try:
            hypotheses = load_hypotheses(folder)
        except RecordFileError as exc:
            self.app.notify(str(exc), markup=False, severity="error", timeout=12)
            return
        if not hypotheses:
            self.app.notify("No career hypotheses yet: h on the home screen writes one.",
                            timeout=5)
            return
        form = EvidenceForm(hypotheses, self.conversation.id)
        self.app.push_screen(form, lambda result: self._evidence(hypotheses, result))

    def _evidence(self, hypotheses: list[Any], result: tuple[str, str, str] | None) -> None:
        if result is None:
            return
        hypothesis_id, verdict, note = result
        chosen = next(h for h in hypotheses if h.id == hypothesis_id)
        add_evidence(chosen, self.conversation.id, verdict, note, self._now().date())
        try:
            save_hypotheses(self.app.store.path.parent, hypotheses)
        except (RecordFileError, OSError) as exc:
            self.app.notify(f"Evidence not saved: {exc}", markup=False, severity="error")
            return
        self.app.notify(f"Noted: {verdict} '{chosen.statement[:60]}'.", markup=False,
                        timeout=3)
