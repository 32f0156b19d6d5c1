"""Hypotheses: career ideas tested by conversations, each with its status and its evidence
over time and the conversations behind it."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial
from pathlib import Path

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.widgets import Header, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.hypotheses import (
    STATUS_LABELS,
    Hypothesis,
    hypotheses_path,
    load_hypotheses,
    next_status,
    save_hypotheses,
)
from tui.core.record_file import RecordFileError
from tui.dialogs.confirm import ConfirmScreen
from tui.dialogs.hypothesis_forms import HypothesisForm
from tui.screens.side_files import SideFiles
from tui.widgets.app_services import app_services
from tui.widgets.key_footer import KeyFooter
from tui.widgets.text import one_line, styled

STATUS_LOOK = {"exploring": "$accent", "promising": "$success", "ruled_out": "$text-muted"}
VERDICT_LOOK = {"for": ("+", "$success"), "against": ("−", "$error"), "mixed": ("~", "$warning")}


def hypothesis_row(h: Hypothesis) -> Option:
    """``promising  PM at a fintech would suit me  2 for · 1 against · ...``."""
    return Option(styled((f"{STATUS_LABELS[h.status]:<10}", STATUS_LOOK[h.status]),
                         (one_line(h.statement, 80), "bold"), (f"  {h.summary()}", "dim")),
                  id=h.id)


class HypothesesScreen(SideFiles):
    """The list of hypotheses above the highlighted one's evidence over time."""

    BINDINGS = [
        Binding("a", "add", "Add", tooltip="Write a new hypothesis", id="hypotheses.add"),
        Binding("e", "edit", "Reword", tooltip="Reword the hypothesis", id="hypotheses.edit"),
        Binding("s", "status", "Status", tooltip="Exploring, promising, ruled out",
                id="hypotheses.status"),
        Binding("d,delete", "delete", "Delete", tooltip="Delete it (asks first)",
                id="hypotheses.delete"),
        Binding("escape,q", "back", "Back", tooltip="Back to the lists", id="hypotheses.back"),
    ]
    DEFAULT_CSS = """
    HypothesesScreen #hypothesis-list { height: 1fr; }
    HypothesesScreen #hypothesis-detail { height: 1fr; padding: 0 1; border-top: solid $panel; }
    """

    hypotheses: list[Hypothesis]
    _broken = False

    def compose(self) -> ComposeResult:
        """The list, the evidence of the highlighted one."""
        yield Header()
        yield OptionList(id="hypothesis-list")
        with VerticalScroll(id="hypothesis-detail"):
            yield Static(id="hypothesis-evidence")
        yield KeyFooter()

    @property
    def folder(self) -> Path:
        """The data folder (the hypotheses file lives beside the data)."""
        return app_services(self).folders.data

    def on_mount(self) -> None:
        """Load and show."""
        self.title = "Hypotheses"
        try:
            self.hypotheses = load_hypotheses(self.folder)
        except RecordFileError as exc:
            self.hypotheses, self._broken = [], True
            self.notify(str(exc), markup=False, severity="error", timeout=20)
        self.show_list()
        self.query_one(OptionList).focus()

    def show_list(self, keep: str | None = None) -> None:
        """Rebuild the list, keeping the highlight."""
        box = self.query_one(OptionList)
        current = keep or self.current_id()
        box.clear_options()
        if not self.hypotheses:
            box.add_option(Option(styled(("No hypotheses yet: a writes one, e.g. 'Product "
                                          "management at a fintech would suit me'.", "dim")),
                                  disabled=True))
        box.add_options(hypothesis_row(h) for h in self.hypotheses)
        ids = [h.id for h in self.hypotheses]
        if ids:
            box.highlighted = ids.index(current) if current in ids else 0
        self.show_detail()

    def current(self) -> Hypothesis | None:
        """The highlighted hypothesis."""
        current = self.current_id()
        return next((h for h in self.hypotheses if h.id == current), None)

    def current_id(self) -> str | None:
        """The highlighted hypothesis's id."""
        box = self.query_one(OptionList)
        if box.highlighted is None or not self.hypotheses:
            return None
        return box.get_option_at_index(box.highlighted).id

    @on(OptionList.OptionHighlighted)
    def show_detail(self) -> None:
        """The evidence over time and the conversations behind it."""
        h = self.current()
        detail = self.query_one("#hypothesis-evidence", Static)
        if h is None:
            detail.update("")
            return
        store = app_services(self).store
        parts: list[str | tuple[str, str]] = [(one_line(h.statement, 200), "bold"), "\n",
                                              (f"{STATUS_LABELS[h.status]} · {h.summary()}",
                                               "dim")]
        for entry in h.timeline():
            mark, look = VERDICT_LOOK[entry.verdict]
            try:
                chat = store.conversation(entry.conversation_id)
                who = store.contact_or_none(chat.contact_id)
                source = who.name if who else "(unknown contact)"
            except Exception:
                source = "(a deleted conversation)"
            parts.extend(["\n", (f"{mark} {entry.on} ", look), (one_line(source, 40), "bold"),
                          f": {one_line(entry.note, 200)}" if entry.note else ""])
        if not h.evidence:
            parts.extend(["\n", ("No evidence yet: in a conversation's Reflect pane, f8 notes "
                                 "what it said about this.", "dim")])
        detail.update(styled(*parts))

    def save(self) -> None:
        """Write a copy of the list in a thread (a failure is shown there), show it again."""
        if not self._broken:
            copy = [Hypothesis.from_dict(h.to_dict()) for h in self.hypotheses]
            self.write_in_thread(str(hypotheses_path(self.folder)),
                                 partial(save_hypotheses, self.folder, copy), "Hypotheses")
        self.show_list()

    def action_add(self) -> None:
        """Write a new hypothesis."""
        self.app.push_screen(HypothesisForm(None), self._added)

    def _added(self, hypothesis: Hypothesis | None) -> None:
        if hypothesis is not None:
            self.hypotheses.append(hypothesis)
            self.save()
            self.show_list(keep=hypothesis.id)

    def action_edit(self) -> None:
        """Reword the highlighted hypothesis."""
        h = self.current()
        if h is not None:
            self.app.push_screen(HypothesisForm(h), self._edited)

    def _edited(self, hypothesis: Hypothesis | None) -> None:
        if hypothesis is not None:
            self.hypotheses = [hypothesis if h.id == hypothesis.id else h
                               for h in self.hypotheses]
            self.save()

    def action_status(self) -> None:
        """The next status: exploring, promising, ruled out."""
        h = self.current()
        if h is not None:
            h.status = next_status(h.status)
            self.save()
            self.notify(f"Now {STATUS_LABELS[h.status]}.", markup=False, timeout=2)

    def action_delete(self) -> None:
        """Delete the highlighted hypothesis, after a yes."""
        h = self.current()
        if h is not None:
            question = f"Delete '{one_line(h.statement, 60)}' and its evidence?"
            self.app.push_screen(ConfirmScreen(question),
                                 lambda yes: self._delete(h.id) if yes else None)

    def _delete(self, hypothesis_id: str) -> None:
        self.hypotheses = [h for h in self.hypotheses if h.id != hypothesis_id]
        self.save()

    def action_back(self) -> None:
        """Back to the lists."""
        self.dismiss()

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands for the command palette."""
        yield SystemCommand("New hypothesis", "Write a career hypothesis (a)", self.action_add)
        yield SystemCommand("Change status", "Exploring, promising, ruled out (s)",
                            self.action_status)
        yield SystemCommand("Back to the lists", "Leave Hypotheses (esc)", self.action_back)
