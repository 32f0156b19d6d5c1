"""Prep: research checklist, goal and the ask, question plan, outreach and scheduling, and
for someone met before, the brief of last time.

Parts behind a one-line switch (f3 cycles while in the pane and puts the cursor in the part;
1-5 jump from a list or the part bar and keep the cursor out of text boxes, so a second digit
switches again instead of being typed), so each part gets the whole height even at 80x24 or
in a 60-column split. Each part is drawn only while it is the one shown. The fifth part, "Last
time", is there only when the screen has found earlier conversations with the person (the
pane asks for them with :class:`PrepPane.BriefWanted`); Prep then opens on it.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, Select, TextArea

from tui.core.brief import Brief
from tui.panes.base import ConversationPane
from tui.panes.prep.brief import BriefPart
from tui.panes.prep.checklist import ChecklistPart
from tui.panes.prep.outreach import OutreachPart
from tui.panes.prep.part import PrepPart
from tui.panes.prep.part_bar import PartBar
from tui.panes.prep.questions import QuestionsPart
from tui.panes.prep.schedule import SchedulePart
from tui.widgets.app_services import app_services
from tui.widgets.hypothesis_links import LinksWanted
from tui.widgets.key_order import focus_now
from tui.widgets.textual_patches import SelectCurrent

PARTS: list[tuple[str, type[PrepPart]]] = [
    ("prep-research", ChecklistPart),
    ("prep-questions", QuestionsPart),
    ("prep-outreach", OutreachPart),
    ("prep-schedule", SchedulePart),
    ("prep-brief", BriefPart),  # only with a brief (see show_brief)
]
BRIEF = "prep-brief"


class PrepPane(ConversationPane):
    """Everything to do before the chat, in four parts."""

    # f3 itself is the screen's (it shows Prep, and again moves on: see shown_again()); shift+f3
    # arrives as f15 from most terminals.
    BINDINGS = [
        Binding("shift+f3,f15", "next_part(-1)", "Previous part", show=False,
                tooltip="Show the previous part of Prep", id="prep.previous_part"),
        Binding("f8", "hypotheses", "Tests", tooltip="Link the career hypotheses this "
                "conversation will test", id="prep.hypotheses"),
        *[
            Binding(str(number), f"part({number})", part_class.label, show=False,
                    tooltip=f"Show the {part_class.label} part ({number} from a list)",
                    id=f"prep.part{number}")
            for number, (_, part_class) in enumerate(PARTS[:-1], start=1)
        ],
        Binding("5", "brief_part", BriefPart.label, show=False,
                tooltip="Show the Last time part: the brief of earlier conversations with "
                "this person (5 from a list)", id="prep.part5"),
    ]
    DEFAULT_CSS = """
    PrepPane ContentSwitcher { height: 1fr; }
    PrepPane .prep-row { height: 1; }
    PrepPane .prep-row Label { width: 10; color: $text-muted; padding: 0 1; }
    PrepPane .prep-row Input { width: 1fr; }
    """
    HELP_NOTE = ("f3 moves on to the next part and into it; 1-5 jump to a part from a list or "
                 "the part bar. Letters on a list act on that list only, each undone by one "
                 "key; in a text box they are text. esc leaves a text box, and outside one "
                 "goes back to the list of chats.")
    ORDERED_ACTIONS = frozenset({"part", "next_part", "brief_part"})
    DRAW_ON_MOUNT = False  # drawn when first shown
    current = PARTS[0][0]
    _prepared = False
    brief: Brief | None = None

    class BriefWanted(Message):
        """Find out whether the person was met before, and hand the brief of those
        conversations to :meth:`PrepPane.show_brief` (the screen reads them)."""

    def on_mount(self) -> None:
        """Ask for the brief at once: it is read while the user is still on another pane."""
        self.post_message(self.BriefWanted())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The part keys are for lists: not in a text box or on a drop-down, where a digit is
        part of what the user is doing; 5 only when there is a brief."""
        typing = isinstance(self.screen.focused, (Select, SelectCurrent, Input, TextArea))
        if action == "brief_part":
            return self.brief is not None and not typing
        return not (action == "part" and typing)

    def part_ids(self) -> list[str]:
        """The parts there are (the brief only when there is one), in order."""
        return [p for p, _ in PARTS if p != BRIEF or self.brief is not None]

    def show_brief(self, brief: Brief | None) -> None:
        """The brief of earlier conversations with the person (None: there is none). Before
        Prep is first shown it becomes the part Prep opens on; later it only joins the bar."""
        self.brief = brief
        part = self.query_one(BriefPart)
        part.brief = brief
        if brief is not None and not self._prepared:
            self.current = BRIEF
            self.query_one(ContentSwitcher).current = BRIEF
        elif brief is None and self.current == BRIEF:
            self.show_part(PARTS[0][0])
        if self._prepared and self.current == BRIEF:
            part.refresh_view()
        self.refresh_bar()
        self.refresh_bindings()

    def typing_target(self, widget: Widget) -> Widget | None:
        """Letters typed on the part bar go into the part's first text box."""
        return self.part().typing_box() if isinstance(widget, PartBar) else None

    def compose(self) -> ComposeResult:
        """The part bar and the parts."""
        yield PartBar(id="prep-bar")
        with ContentSwitcher(initial=self.current, id="prep-parts"):
            for part_id, part_class in PARTS:
                yield self.follow(part_class(id=part_id))

    def part(self, part_id: str | None = None) -> PrepPart:
        """A part (the current one by default)."""
        return self.query_one(f"#{part_id or self.current}", PrepPart)

    def on_show(self) -> None:
        """Shown (also the first time, when the checklist is made)."""
        self.refresh_view()

    def _model_changed(self, old: object, new: object) -> None:
        if self.parent is not None and self.parent.display:
            super()._model_changed(old, new)

    def refresh_view(self) -> None:
        """Make the checklist if there is none; draw the part shown and the part bar (other
        parts are drawn when shown). The first time, the part shown is prepared too, and what
        was wrong with the user's own content files is said."""
        first, self._prepared = not self._prepared, True
        if first:
            for warning in app_services(self).content.prep_warnings:
                self.app.notify(warning, title="Your own content file", severity="warning",
                                markup=False, timeout=12)
        if self.query_one(ChecklistPart).prepare():
            self.edited()
        self._draw_part(prepare=first)

    def _draw_part(self, prepare: bool) -> None:
        part = self.part()
        if prepare and part.prepare():
            self.edited()
        part.refresh_view()
        self.refresh_bar()

    def entry_widget(self) -> Widget | None:
        """Where work in the current part starts; during the call, unless that is a text
        box, the part bar, where letters go into the part's text box (on a list a letter is
        a command: f3 pressed for f4, then a word typed, would remove a step and open a
        form)."""
        first = self.part().first_widget()
        if self.conversation.live.running and not isinstance(first, (Input, TextArea)):
            return self.query_one(PartBar)
        return first

    def shown_again(self) -> None:
        """f3 while Prep is shown: the next part."""
        self.action_next_part(1)

    def leave_text_box(self, box: Widget) -> None:
        """Escape in a text box: the part's list, or the part bar; during the call, the part
        bar (on a list the next letter typed would be a command)."""
        target = None if self.conversation.live.running else self.part().leave_target(box)
        focus_now(target or self.query_one(PartBar))

    @on(ConversationPane.Edited)
    def _part_edited(self) -> None:
        # Let the message go on to the screen (which saves); the part bar shows progress.
        self.refresh_bar()

    def refresh_bar(self) -> None:
        """Redraw the part bar."""
        if self.is_mounted:
            ids = self.part_ids()
            parts = [(part_id, part_class.label) for part_id, part_class in PARTS
                     if part_id in ids]
            self.query_one(PartBar).show_parts(parts, self.current, self.conversation)

    @on(PartBar.PartWanted)
    def _part_wanted(self, request: PartBar.PartWanted) -> None:
        request.done_here()
        if request.enter:
            self.part().focus_first()
        elif request.step:
            self.step_part(request.step)
        else:
            self.action_part(request.number)

    def action_hypotheses(self) -> None:
        """f8: ask the screen to link the career hypotheses this conversation will test."""
        self.post_message(LinksWanted(self.conversation.id, self.contact.name).set_sender(self))

    def action_next_part(self, step: int = 1) -> None:
        """Show the next (or previous) part and put the cursor where the pane starts in it
        (see :meth:`entry_widget`)."""
        self.step_part(step)
        target = self.entry_widget()
        if target is not None:
            focus_now(target)

    def step_part(self, step: int) -> None:
        """Show the next (or previous) part; the cursor stays where it is."""
        ids = self.part_ids()
        at = ids.index(self.current) if self.current in ids else 0
        self.show_part(ids[(at + step) % len(ids)])

    def action_part(self, number: int) -> None:
        """Show part ``number`` (1-5); the cursor goes to the part's list, or stays on the
        part bar, never into a text box (the next digit would be typed there)."""
        if 1 <= number <= len(PARTS) and PARTS[number - 1][0] in self.part_ids():
            self.show_part(PARTS[number - 1][0])
            focus_now(self.part().list_widget() or self.query_one(PartBar))

    def action_brief_part(self) -> None:
        """Show the Last time part (when there is a brief)."""
        self.action_part(len(PARTS))

    def show_part(self, part_id: str) -> None:
        """Switch part and draw it."""
        self.current = part_id
        self.query_one(ContentSwitcher).current = part_id
        self._draw_part(prepare=True)
