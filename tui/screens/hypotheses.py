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

from tui.core.agenda import status_label, when_label
from tui.core.hypotheses import (
    STATUS_LABELS,
    Hypothesis,
    hypotheses_path,
    load_hypotheses,
    next_status,
    save_hypotheses,
    update_hypotheses,
)
from tui.dialogs.confirm import ConfirmScreen
from tui.dialogs.hypothesis_forms import HypothesisForm
from tui.dialogs.hypothesis_links import PickConversation, PlannedChat
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
        Binding("l", "link", "Link", tooltip="Link a planned conversation that will test it",
                id="hypotheses.link"),
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
    loaded = False  # the file has been read (in a thread) and the list shown

    def compose(self) -> ComposeResult:
        """The list, the evidence of the highlighted one."""
        yield Header()
        yield OptionList(id="hypothesis-list")
        with VerticalScroll(id="hypothesis-detail"):
            yield Static(id="hypothesis-evidence")
        yield KeyFooter()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Nothing changes the list before it has been read (a write would lose the file's)."""
        return self.loaded or action == "back"

    @property
    def folder(self) -> Path:
        """The data folder (the hypotheses file lives beside the data)."""
        return app_services(self).folders.data

    def on_mount(self) -> None:
        """Read the file in a thread, then show the list."""
        self.title = "Hypotheses"
        self.hypotheses = []
        box = self.query_one(OptionList)
        box.add_option(Option(styled(("Reading your hypotheses…", "dim")), disabled=True))
        box.focus()
        self.read_in_thread(partial(load_hypotheses, self.folder), self._loaded,
                            self._unreadable)

    def _loaded(self, hypotheses: list[Hypothesis]) -> None:
        self.hypotheses, self.loaded = hypotheses, True
        self.show_list()

    def _unreadable(self, message: str) -> None:
        self.hypotheses, self._broken, self.loaded = [], True, True
        self.notify(message, markup=False, severity="error", timeout=20)
        self.show_list()

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
        parts: list[str | tuple[str, str]] = [(one_line(h.statement, 200), "bold"), "\n",
                                              (f"{STATUS_LABELS[h.status]} · {h.summary()}",
                                               "dim")]
        for entry in h.timeline():
            mark, look = VERDICT_LOOK[entry.verdict]
            parts.extend(["\n", (f"{mark} {entry.on} ", look),
                          (self.who_and_when(entry.conversation_id, with_when=False), "bold"),
                          f": {one_line(entry.note, 200)}" if entry.note else ""])
        for chat_id in h.awaiting():
            parts.extend(["\n", ("… to test in: ", "$accent"),
                          (self.who_and_when(chat_id), "bold")])
        if not h.evidence and not h.tested_by:
            parts.extend(["\n", ("No evidence yet: l links a planned conversation that will "
                                 "test it; in its Reflect pane, f8 notes what it said.", "dim")])
        detail.update(styled(*parts))

    def who_and_when(self, conversation_id: str, with_when: bool = True) -> str:
        """``Ana Silva, Tue 3 Dec 14:00`` from the summaries held in memory (no file read)."""
        store = app_services(self).store
        summary = store.summary(conversation_id)
        if summary is None:
            return "(a deleted conversation)"
        who = store.contact_or_none(summary.contact_id)
        name = one_line(who.name, 40) if who else "(unknown contact)"
        return f"{name}, {when_label(summary)}" if with_when else name

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

    def action_link(self) -> None:
        """Pick a planned conversation that will test the highlighted hypothesis."""
        h = self.current()
        if h is None or self._broken:
            return
        store = app_services(self).store
        planned = [s for s in store.summaries() if s.status in ("idea", "reached_out",
                                                                "scheduled")]
        planned.sort(key=lambda s: (s.scheduled_at is None, s.scheduled_at or "",
                                    s.created_at))
        chats = []
        for summary in planned:
            who = store.contact_or_none(summary.contact_id)
            chats.append(PlannedChat(summary.id, who.name if who else "(unknown contact)",
                                     when_label(summary), status_label(summary)))
        self.app.push_screen(PickConversation(h.statement, chats),
                             partial(self._link, h.id))

    def _link(self, hypothesis_id: str, conversation_id: str | None) -> None:
        h = next((h for h in self.hypotheses if h.id == hypothesis_id), None)
        if conversation_id is None or h is None:
            return
        if conversation_id not in h.tested_by:
            h.tested_by.append(conversation_id)
        self.write_in_thread(str(hypotheses_path(self.folder)),
                             partial(update_hypotheses, self.folder,
                                     partial(_link_one, hypothesis_id, conversation_id)),
                             "Link", f"Linked: {self.who_and_when(conversation_id)}.")
        self.show_list()

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
        yield SystemCommand("Link a planned conversation", "One that will test the "
                            "highlighted hypothesis (l)", self.action_link)
        yield SystemCommand("Back to the lists", "Leave Hypotheses (esc)", self.action_back)


def _link_one(hypothesis_id: str, conversation_id: str, hypotheses: list[Hypothesis]) -> None:
    """Add ``conversation_id`` to one hypothesis's links (the others keep theirs)."""
    for h in hypotheses:
        if h.id == hypothesis_id and conversation_id not in h.tested_by:
            h.tested_by.append(conversation_id)
