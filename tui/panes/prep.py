"""Prep: research checklist, goal and the ask, question plan, outreach and scheduling.

Four parts behind a one-line switch (f3 cycles while in the pane; 1-4 jump from a list), so
each part gets the whole height even at 80x24 or in a 60-column split.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import ContentSwitcher, Input, Select, Static
from textual.widgets._select import SelectCurrent
from textual.widgets.tabbed_content import ContentTabs

from tui.core.models import Conversation
from tui.core.prep import questions_that_fit
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


class PartBar(Static):
    """One line naming the parts, the current one highlighted; a click switches."""

    DEFAULT_CSS = """
    PartBar { height: 1; padding: 0 1; background: $boost;
              link-style: none; link-color: $text; link-background: transparent;
              link-style-hover: underline; link-background-hover: transparent; }
    """

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


class PrepPane(PrepHost):
    """Everything to do before the chat, in four parts."""

    BINDINGS = [
        Binding("f3", "next_part(1)", "Next part", tooltip="Show the next part of Prep",
                id="prep.next_part"),
        Binding("shift+f3", "next_part(-1)", "Previous part", show=False,
                tooltip="Show the previous part of Prep", id="prep.previous_part"),
        *[
            Binding(str(number), f"part({number})", part_class.label, show=False,
                    tooltip=f"Show the {part_class.label} part (from a list)",
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

    current = PARTS[0][0]
    _prepared = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """The 1-4 part keys are for lists: not while a drop-down (or any field) has focus,
        where a digit is part of what the user is doing."""
        typing = isinstance(self.app.focused, (Select, SelectCurrent, Input))
        return not (action == "part" and typing)

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
        """First time: make the checklist. Every time: refresh and put the cursor in."""
        if not self._prepared:
            self._prepared = True
            if self.query_one(ChecklistPart).ensure_checklist():
                self.edited()
        self.part().on_shown()
        self.refresh_bar()
        # Switching here with f3 should land in the pane, not on the tab strip above.
        focused = self.app.focused
        if focused is None or isinstance(focused, ContentTabs) or not focused.is_attached \
                or self not in focused.ancestors:
            self.part().focus_first()

    def show(self) -> None:
        """A replaced model: refresh what is visible (other parts refresh when shown)."""
        if self._prepared and self.is_mounted:
            if self.query_one(ChecklistPart).ensure_checklist():
                self.edited()
            self.part().show_model()
            self.refresh_bar()

    def edited(self, contact_changed: bool = False) -> None:
        """Save (debounced by the screen) and update the part bar."""
        super().edited(contact_changed)
        self.refresh_bar()

    def refresh_bar(self) -> None:
        """Redraw the part bar."""
        if self.is_mounted:
            self.query_one(PartBar).show_parts(self.current, self.conversation)

    def action_next_part(self, step: int = 1) -> None:
        """Show the next (or previous) part."""
        ids = [part_id for part_id, _ in PARTS]
        self.show_part(ids[(ids.index(self.current) + step) % len(ids)])

    def action_part(self, number: int) -> None:
        """Show part ``number`` (1-4)."""
        if 1 <= number <= len(PARTS):
            self.show_part(PARTS[number - 1][0])

    def show_part(self, part_id: str) -> None:
        """Switch part, refresh it and put the cursor in it."""
        self.current = part_id
        self.query_one(ContentSwitcher).current = part_id
        part = self.part()
        part.on_shown()
        self.refresh_bar()
        part.focus_first()
