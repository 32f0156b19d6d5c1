"""Prep: research checklist, goal and the ask, question plan, outreach and scheduling.

Four parts behind a one-line switch (f3 cycles while in the pane and puts the cursor in the
part; 1-4 jump from a list or the part bar and keep the cursor out of text boxes, so a second
digit switches again instead of being typed), so each part gets the whole height even at
80x24 or in a 60-column split. Each part is drawn only while it is the one shown.
"""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, Select, TextArea

from tui.panes.base import ConversationPane
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
]


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
                    tooltip=f"Show the {part_class.label} part (1-4 from a list)",
                    id=f"prep.part{number}")
            for number, (_, part_class) in enumerate(PARTS, start=1)
        ],
    ]
    DEFAULT_CSS = """
    PrepPane ContentSwitcher { height: 1fr; }
    PrepPane .prep-row { height: 1; }
    PrepPane .prep-row Label { width: 10; color: $text-muted; padding: 0 1; }
    PrepPane .prep-row Input { width: 1fr; }
    """
    HELP_NOTE = ("f3 moves on to the next part and into it; 1-4 jump to a part from a list or "
                 "the part bar. Letters on a list act on that list only, each undone by one "
                 "key; in a text box they are text. esc leaves a text box, and outside one "
                 "goes back to the list of chats.")
    ORDERED_ACTIONS = frozenset({"part", "next_part"})
    DRAW_ON_MOUNT = False  # drawn when first shown
    current = PARTS[0][0]
    _prepared = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The 1-4 part keys are for lists: not in a text box or on a drop-down, where a digit
        is part of what the user is doing."""
        typing = isinstance(self.screen.focused, (Select, SelectCurrent, Input, TextArea))
        return not (action == "part" and typing)

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
        """Where work in the current part starts."""
        return self.part().first_widget()

    def shown_again(self) -> None:
        """f3 while Prep is shown: the next part."""
        self.action_next_part(1)

    def leave_text_box(self, box: Widget) -> None:
        """Escape in a text box: the part's list, or the part bar."""
        focus_now(self.part().leave_target(box) or self.query_one(PartBar))

    @on(ConversationPane.Edited)
    def _part_edited(self) -> None:
        # Let the message go on to the screen (which saves); the part bar shows progress.
        self.refresh_bar()

    def refresh_bar(self) -> None:
        """Redraw the part bar."""
        if self.is_mounted:
            parts = [(part_id, part_class.label) for part_id, part_class in PARTS]
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
        """Show the next (or previous) part and put the cursor where its work starts."""
        self.step_part(step)
        self.part().focus_first()

    def step_part(self, step: int) -> None:
        """Show the next (or previous) part; the cursor stays where it is."""
        ids = [part_id for part_id, _ in PARTS]
        self.show_part(ids[(ids.index(self.current) + step) % len(ids)])

    def action_part(self, number: int) -> None:
        """Show part ``number`` (1-4); the cursor goes to the part's list, or stays on the
        part bar, never into a text box (the next digit would be typed there)."""
        if 1 <= number <= len(PARTS):
            self.show_part(PARTS[number - 1][0])
            focus_now(self.part().list_widget() or self.query_one(PartBar))

    def show_part(self, part_id: str) -> None:
        """Switch part and draw it."""
        self.current = part_id
        self.query_one(ContentSwitcher).current = part_id
        self._draw_part(prepare=True)
