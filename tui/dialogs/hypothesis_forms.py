"""Forms for career hypotheses: the statement, and a conversation's evidence for one."""

from __future__ import annotations

from textual.widget import Widget
from textual.widgets import Select

from tui.core.hypotheses import MAX_TEXT, STATUS_LABELS, VERDICTS, Hypothesis
from tui.core.safetext import has_visible, invisible_detail
from tui.dialogs.form import FieldError, FormScreen
from tui.widgets.text import one_line
from tui.widgets.text_box import LineBox

VERDICT_WORDS = {"f": "for", "for": "for", "a": "against", "against": "against",
                 "m": "mixed", "mixed": "mixed"}


class HypothesisForm(FormScreen[Hypothesis]):
    """Write or reword a hypothesis (the status is set with s on the list)."""

    def __init__(self, hypothesis: Hypothesis | None) -> None:
        super().__init__()
        self.hypothesis = Hypothesis.from_dict(hypothesis.to_dict()) if hypothesis else \
            Hypothesis(statement="-")
        self.is_new = hypothesis is None
        self.title_text = "New career hypothesis" if self.is_new else "Reword the hypothesis"

    def fields(self) -> list[tuple[str, Widget]]:
        """The statement."""
        text = "" if self.is_new else self.hypothesis.statement
        return [("Hypothesis", LineBox(text, id="h-statement",
                                       placeholder="e.g. Product management at a fintech "
                                                   "would suit me"))]

    def collect(self) -> Hypothesis:
        """Some words, not too many."""
        text = " ".join(self.value("h-statement").split())
        if not has_visible(text):
            raise FieldError("h-statement", "Write the hypothesis in a few words"
                                            f"{invisible_detail(text)}.")
        if len(text) > MAX_TEXT:
            raise FieldError("h-statement", f"Keep it under {MAX_TEXT:,} characters.")
        self.hypothesis.statement = text
        return self.hypothesis


class EvidenceForm(FormScreen[tuple[str, str, str]]):
    """What this conversation said about one hypothesis: the result is
    ``(hypothesis id, verdict, sentence)``."""

    title_text = "Evidence from this conversation"

    def __init__(self, hypotheses: list[Hypothesis], conversation_id: str) -> None:
        super().__init__()
        self.hypotheses = hypotheses
        self.conversation_id = conversation_id

    def fields(self) -> list[tuple[str, Widget]]:
        """Which hypothesis, the verdict and a sentence."""
        awaiting = [h for h in self.hypotheses if self.conversation_id in h.awaiting()]
        untested = [h for h in self.hypotheses
                    if self.conversation_id not in h.conversations()]
        first = (awaiting or untested or self.hypotheses)[0]
        options = [(f"{one_line(h.statement, 60)} ({STATUS_LABELS[h.status]})", h.id)
                   for h in self.hypotheses]
        return [
            ("Hypothesis", Select(options, value=first.id, allow_blank=False, id="e-which")),
            ("Verdict", LineBox(id="e-verdict", placeholder="for, against or mixed (f, a, m)")),
            ("Why", LineBox(id="e-note", placeholder="one sentence: what you heard")),
        ]

    def collect(self) -> tuple[str, str, str]:
        """A known verdict and a sentence of a sane length."""
        verdict = VERDICT_WORDS.get(self.value("e-verdict").casefold())
        if verdict not in VERDICTS:
            raise FieldError("e-verdict", "Verdict: for, against or mixed (f, a or m).")
        note = self.value("e-note")
        if len(note) > MAX_TEXT:
            raise FieldError("e-note", f"Why: keep it under {MAX_TEXT:,} characters.")
        return str(self.choice("e-which")), verdict, note
