"""The line that names the parts of Prep: where you are, how far each part is, a click away."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content

from tui.core.models import Conversation
from tui.core.prep import questions_that_fit
from tui.widgets.key_order import OrderedKeys, Request, ask
from tui.widgets.lines import FixedLine


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


class PartBar(OrderedKeys, FixedLine, can_focus=True):
    """One line naming the parts, the current one highlighted; a click switches. With the
    cursor on it, ←/→ and 1-5 switch part, enter or ↓ go into the part; letters typed here are
    text for the part's first box (the pane puts them there)."""

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
    skip_on_tab = True  # tab moves between fields; the bar is reached by 1-5 and esc

    class PartWanted(Request):
        """Show part ``number`` (1-5), or the one ``step`` away; ``enter`` puts the cursor in
        it, else the cursor stays on the bar."""

        def __init__(self, number: int = 0, step: int = 0, enter: bool = False) -> None:
            super().__init__()
            self.number = number
            self.step = step
            self.enter = enter

    def show_parts(self, parts: list[tuple[str, str]], current: str,
                   conversation: Conversation) -> None:
        """Show ``parts`` ((id, label) in order), ``current`` highlighted, with the model's
        progress."""
        badges = part_badges(conversation)
        pieces = []
        for number, (part_id, label) in enumerate(parts, start=1):
            badge, warn = badges.get(part_id, ("", False))
            if part_id == current:
                label = f"[bold reverse $accent] {label} [/]"
            else:
                label = f"[$text-muted]{label}[/]"
            badge_look = "$warning" if warn else ("$success" if badge == "✓" else "dim")
            badge_markup = f" [{badge_look}]{badge}[/]" if badge else ""
            pieces.append(f"[@click=part({number})]{label}{badge_markup}[/]")
        self.shown = Content.from_markup(" │ ".join(pieces))

    async def action_part(self, number: int) -> None:
        """Switch to the clicked part."""
        await ask(self, self.PartWanted(number=number))

    async def action_step(self, step: int) -> None:
        """The next or previous part; the cursor stays here."""
        await ask(self, self.PartWanted(step=step))

    async def action_enter_part(self) -> None:
        """Into the part, where its work starts."""
        await ask(self, self.PartWanted(enter=True))
