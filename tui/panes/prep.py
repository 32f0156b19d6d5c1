"""Prep: research checklist, goal and the ask, question plan, outreach and scheduling.

Four parts behind a one-line switch (f3 cycles while in the pane and puts the cursor in the
part; 1-4 jump from a list or the part bar and keep the cursor out of text boxes, so a second
digit switches again instead of being typed), so each part gets the whole height even at
80x24 or in a 60-column split.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets import ContentSwitcher, Input, Select, Static, TextArea
from textual.widgets._select import SelectCurrent

from tui.core.models import Conversation
from tui.core.prep import questions_that_fit
from tui.widgets.key_order import OrderedKeys, focus_now
from tui.widgets.outreach_part import OutreachPart
from tui.widgets.prep_checklist import ChecklistPart
from tui.widgets.prep_part import PrepHost, PrepPart, update_if_changed
from tui.widgets.question_planner import QuestionsPart
from tui.widgets.schedule_part import SchedulePart

PARTS: list[tuple[str, type[PrepPart]]] = [
    ("prep-research", ChecklistPart),
    ("prep-questions", QuestionsPart),
    ("prep-outreach", OutreachPart),
    ("prep-schedule", SchedulePart),
]


def part_badges(conversation: Conversation) -> dict[str, tuple[str, bool]]:
    """A short status per part (text, needs attention)."""
    done, total = conversation.checklist_progress
    count = len(conversation.questions)
    return {
        "prep-research": (f"{done}/{total}" if total else "", False),
        "prep-questions": (str(count) if count else "",
                           count > questions_that_fit(conversation.minutes)),
        "prep-outreach": ("✓" if conversation.outreach.sent_on else "", False),
        "prep-schedule": ("✓" if conversation.scheduled_at else "", False),
    }


class PartBar(OrderedKeys, Static, can_focus=True):
    """One line naming the parts, the current one highlighted; a click switches. With the
    cursor on it, ←/→ and 1-4 switch part, enter or ↓ go into the part."""

    # Keys of the bar itself (no ids: the palette has the pane's f3 and shift+f3 instead).
    BINDINGS = [
        Binding("right", "step(1)", "Next part", tooltip="Show the next part of Prep"),
        Binding("left", "step(-1)", "Previous part", tooltip="Show the previous part of Prep",
                show=False),
        Binding("enter,down", "enter_part", "Into part", tooltip="Put the cursor in the part"),
    ]
    DEFAULT_CSS = """
    PartBar { height: 1; padding: 0 1; background: $boost;
              link-style: none; link-color: $text; link-background: transparent;
              link-style-hover: underline; link-background-hover: transparent; }
    PartBar:focus { background: $accent 30%; }
    """
    skip_on_tab = True  # tab moves between fields; the bar is reached by 1-4 and esc

    def on_mount(self) -> None:
        """Letters typed here are text for the part's first box (digits switch part)."""
        self.type_into = lambda: self.query_ancestor(PrepPane).part().typing_box()

    def show_parts(self, current: str, conversation: Conversation) -> None:
        """Redraw for the current part and the model's progress."""
        badges = part_badges(conversation)
        pieces = []
        for number, (part_id, part_class) in enumerate(PARTS, start=1):
            badge, warn = badges[part_id]
            label = part_class.label
            if part_id == current:
                label = f"[bold reverse $accent] {label} [/]"
            else:
                label = f"[$text-muted]{label}[/]"
            badge_look = "$warning" if warn else ("$success" if badge == "✓" else "dim")
            badge_markup = f" [{badge_look}]{badge}[/]" if badge else ""
            pieces.append(f"[@click=part({number})]{label}{badge_markup}[/]")
        update_if_changed(self, Content.from_markup(" │ ".join(pieces)), fixed_size=True)

    def action_part(self, number: int) -> None:
        """Switch to the clicked part."""
        self.query_ancestor(PrepPane).action_part(number)

    def action_step(self, step: int) -> None:
        """The next or previous part; the cursor stays here."""
        self.query_ancestor(PrepPane).step_part(step)

    def action_enter_part(self) -> None:
        """Into the part, where its work starts."""
        self.query_ancestor(PrepPane).part().focus_first()


class PrepPane(PrepHost):
    """Everything to do before the chat, in four parts."""

    # f3 itself is the screen's (it shows Prep, and again moves on: see again()); shift+f3
    # arrives as f15 from most terminals.
    BINDINGS = [
        Binding("shift+f3,f15", "next_part(-1)", "Previous part", show=False,
                tooltip="Show the previous part of Prep", id="prep.previous_part"),
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
    current = PARTS[0][0]
    _prepared = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The 1-4 part keys are for lists: not in a text box or on a drop-down, where a digit
        is part of what the user is doing."""
        typing = isinstance(self.screen.focused, (Select, SelectCurrent, Input, TextArea))
        return not (action == "part" and typing)

    def on_mount(self) -> None:
        """The part keys run in typing order on the lists (see OrderedKeys)."""
        self.wire_keys({"part", "next_part"})

    def compose(self) -> ComposeResult:
        """The part bar and the parts."""
        yield PartBar(id="prep-bar")
        with ContentSwitcher(initial=self.current, id="prep-parts"):
            for part_id, part_class in PARTS:
                yield part_class(id=part_id)

    def part(self, part_id: str | None = None) -> PrepPart:
        """A part (the current one by default)."""
        return self.query_one(f"#{part_id or self.current}", PrepPart)

    def on_show(self) -> None:
        """Shown (also the first time, when the checklist is made)."""
        self.show()

    def show(self) -> None:
        """Make the checklist the first time; refresh what is visible (other parts refresh
        when shown)."""
        if not self.is_mounted:
            return
        if not self._prepared:
            self._prepared = True
            if self.query_one(ChecklistPart).ensure_checklist():
                self.edited()
            self.part().on_shown()
        else:
            if self.query_one(ChecklistPart).ensure_checklist():
                self.edited()
            self.part().show_model()
        self.refresh_bar()

    def entry_widget(self) -> Widget | None:
        """Where work in the current part starts."""
        return self.part().first_widget()

    def again(self) -> None:
        """f3 while Prep is shown: the next part."""
        self.action_next_part(1)

    def leave_text_box(self, box: Widget) -> None:
        """Escape in a text box: the part's list, or the part bar."""
        focus_now(self.part().leave_target(box) or self.query_one(PartBar))

    def edited(self, contact_changed: bool = False, profile_changed: bool = False) -> None:
        """Save (debounced by the screen) and update the part bar."""
        super().edited(contact_changed, profile_changed)
        self.refresh_bar()

    def refresh_bar(self) -> None:
        """Redraw the part bar."""
        if self.is_mounted:
            self.query_one(PartBar).show_parts(self.current, self.conversation)

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
        """Switch part and refresh it."""
        self.current = part_id
        self.query_one(ContentSwitcher).current = part_id
        self.part().on_shown()
        self.refresh_bar()
