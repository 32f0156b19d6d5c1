"""The conversation screen's part in career hypotheses: read them in a thread and show the ones
this conversation tests (Prep and Reflect), link it to hypotheses before the call (Prep's f8),
and note its evidence after (Reflect's f8). Every read and write happens in a thread."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import partial

from textual import on

from tui.core.hypotheses import (
    Hypothesis,
    add_evidence,
    hypotheses_path,
    linked_to,
    load_hypotheses,
    set_links,
    update_hypotheses,
)
from tui.dialogs.hypothesis_forms import EvidenceForm
from tui.dialogs.hypothesis_links import LinkHypothesesForm
from tui.panes.reflect.evidence import EvidenceWanted
from tui.screens.side_files import SideFiles
from tui.widgets.app_services import app_services
from tui.widgets.hypothesis_links import HypothesisLinks, LinksWanted
from tui.widgets.text import one_line

NO_HYPOTHESES = "No career hypotheses yet: h on the home screen writes one."


class EvidenceNotes(SideFiles):
    """Mixed into the conversation screen."""

    conversation_id: str

    def read_links(self) -> None:
        """Read the hypotheses (in a thread) and show the ones this conversation tests."""
        self.read_in_thread(partial(load_hypotheses, app_services(self).folders.data),
                            self.show_links, self._links_unreadable)

    def show_links(self, hypotheses: list[Hypothesis]) -> None:
        """Hand the links to every widget that shows them."""
        links = linked_to(hypotheses, self.conversation_id)
        for widget in self.query(HypothesisLinks):
            widget.show_links(links)

    def _links_unreadable(self, message: str) -> None:
        for widget in self.query(HypothesisLinks):
            widget.show_links([])
        self._hypotheses_unreadable(message)

    def _hypotheses_unreadable(self, message: str) -> None:
        self.notify(message, markup=False, severity="error", timeout=12)

    def _write(self, change: Callable[[list[Hypothesis]], object], what: str, done: str) -> None:
        folder = app_services(self).folders.data
        self.write_in_thread(str(hypotheses_path(folder)),
                             partial(update_hypotheses, folder, change), what, done)

    # -- before the call: what it will test ------------------------------------------------

    @on(LinksWanted)
    def _links_wanted(self, event: LinksWanted) -> None:
        event.stop()
        self.read_in_thread(partial(load_hypotheses, app_services(self).folders.data),
                            partial(self._ask_links, event.conversation_id, event.who),
                            self._hypotheses_unreadable)

    def _ask_links(self, conversation_id: str, who: str,
                   hypotheses: list[Hypothesis]) -> None:
        self.show_links(hypotheses)
        if not hypotheses:
            self.notify(NO_HYPOTHESES, timeout=5)
            return
        self.app.push_screen(LinkHypothesesForm(hypotheses, conversation_id, who),
                             partial(self._set_links, hypotheses, conversation_id))

    def _set_links(self, hypotheses: list[Hypothesis], conversation_id: str,
                   chosen: set[str] | None) -> None:
        if chosen is None:
            return
        linked, unlinked = set_links(hypotheses, conversation_id, chosen)
        self.show_links(hypotheses)
        if linked or unlinked:
            count = len(chosen)
            self._write(partial(set_links, conversation_id=conversation_id, chosen=chosen),
                        "Links", f"Tests {count} hypothes{'es' if count != 1 else 'is'}.")

    # -- after the call: what it said ---------------------------------------------------

    @on(EvidenceWanted)
    def _evidence_wanted(self, event: EvidenceWanted) -> None:
        event.stop()
        self.read_in_thread(partial(load_hypotheses, app_services(self).folders.data),
                            partial(self._ask_evidence, event.conversation_id),
                            self._hypotheses_unreadable)

    def _ask_evidence(self, conversation_id: str, hypotheses: list[Hypothesis]) -> None:
        self.show_links(hypotheses)
        if not hypotheses:
            self.notify(NO_HYPOTHESES, timeout=5)
            return
        form = EvidenceForm(hypotheses, conversation_id)
        self.app.push_screen(form, partial(self._note_evidence, hypotheses, conversation_id))

    def _note_evidence(self, hypotheses: list[Hypothesis], conversation_id: str,
                       result: tuple[str, str, str] | None) -> None:
        if result is None:
            return
        hypothesis_id, verdict, note = result
        chosen = next(h for h in hypotheses if h.id == hypothesis_id)
        on_day = app_services(self).clock().date()
        add_evidence(chosen, conversation_id, verdict, note, on_day)
        self.show_links(hypotheses)
        self._write(partial(_evidence_into, hypothesis_id, conversation_id, verdict, note,
                            on_day),
                    "Evidence", f"Noted: {verdict} '{one_line(chosen.statement, 60)}'.")


def _evidence_into(hypothesis_id: str, conversation_id: str, verdict: str, note: str,
                   on_day: date, hypotheses: list[Hypothesis]) -> None:
    """Add the evidence to the hypothesis as it is in the file now."""
    for h in hypotheses:
        if h.id == hypothesis_id:
            add_evidence(h, conversation_id, verdict, note, on_day)
