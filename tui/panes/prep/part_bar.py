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
    _shown_parts: tuple[list[tuple[str, str]], str, Conversation] | None = None
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
        progress; in a narrow terminal the separators, then the other parts' badges, go."""
        self._shown_parts = (parts, current, conversation)
        badges = part_badges(conversation)
        room = self.size.width - 2 if self.size.width else 1_000
        for separator, all_badges in ((" │ ", True), ("│", True), ("│", False)):
            pieces, width = [], 0
            for number, (part_id, label) in enumerate(parts, start=1):
                badge, warn = badges.get(part_id, ("", False))
                if not all_badges and part_id != current:
                    badge = ""
                if part_id == current:
                    shown = f"[bold reverse $accent] {label} [/]"
                    width += 2
                else:
                    shown = f"[$text-muted]{label}[/]"
                badge_look = "$warning" if warn else ("$success" if badge == "✓" else "dim")
                badge_markup = f" [{badge_look}]{badge}[/]" if badge else ""
                width += len(label) + (len(badge) + 1 if badge else 0)
                pieces.append(f"[@click=part({number})]{shown}{badge_markup}[/]")
            width += len(separator) * (len(pieces) - 1)
            if width <= room:
                break
        self.shown = Content.from_markup(separator.join(pieces))

    def on_resize(self) -> None:
        """Fit the parts to the new width."""
        if self._shown_parts is not None:
            self.show_parts(*self._shown_parts)

    async def action_part(self, number: int) -> None:
        """Switch to the clicked part."""
        await ask(self, self.PartWanted(number=number))

    async def action_step(self, step: int) -> None:
        """The next or previous part; the cursor stays here."""
        await ask(self, self.PartWanted(step=step))

    async def action_enter_part(self) -> None:
        """Into the part, where its work starts."""
        await ask(self, self.PartWanted(enter=True))
