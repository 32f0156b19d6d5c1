"""The two lists of the question planner: the plan (ordered) and the bank (filtered)."""

from __future__ import annotations

from textual.binding import Binding
from textual.content import Content
from textual.widgets.option_list import Option

from tui.core.models import Question
from tui.core.question_bank import BankEntry, BankMatch
from tui.widgets.command_list import CommandList
from tui.widgets.text import one_line, styled

BANK_PREFIX = "bank:"


def plan_prompt(index: int, question: Question) -> Option:
    """``3. text · category`` with its state when it is no longer pending."""
    extra = f"  · {one_line(question.category, 30)}" if question.category else ""
    if question.added_live:
        extra += " · added live"
    if question.state != "pending":
        extra += f" · {question.state}"
    return Option(styled((f"{index + 1:>2}. ", "bold"), question.text, (extra, "dim")),
                  id=question.id)


def bank_prompt(entry: BankEntry, positions: tuple[int, ...], plan_index: int | None,
                show_category: bool = False) -> Content:
    """A bank question, matched letters highlighted, ``✓ Q3`` when it is in the plan."""
    text = Content(entry.text)
    for at in positions:
        text = text.stylize("bold underline $accent", at, at + 1)
    mark = styled((f"✓ Q{plan_index + 1} ", "$success")) if plan_index is not None else \
        Content("  ")
    suffix = styled((f"  · {entry.category}", "dim")) if show_category else Content("")
    body = Content.assemble(mark, text, suffix)
    return body.stylize("dim") if plan_index is not None else body


class PlanList(CommandList):
    """The planned questions in asking order; option ids are question ids. Its keys are
    commands for the Questions part (see :class:`ListCommand`)."""

    BINDINGS = [
        Binding("e", "command('edit')", "Reword", tooltip="Change the question's wording",
                id="prep.q_edit"),
        Binding("enter", "command('edit')", "Reword (enter)", show=False,
                tooltip="Change the question's wording",
                id="prep.q_edit_enter"),
        Binding("d,delete", "command('remove')", "Remove",
                tooltip="Take it out of the plan (u puts it back)", id="prep.q_remove"),
        Binding("u", "command('undo')", "Put back", show=False,
                tooltip="Put back the last removed question", id="prep.q_undo"),
        Binding("w", "command('write')", "Own question", show=False,
                tooltip="Write a question of your own", id="prep.q_write"),
        Binding("slash", "command('filter')", "Filter bank", show=False,
                tooltip="Filter the question bank", id="prep.q_filter"),
        Binding("shift+up,left_square_bracket", "command('move', -1)", "Move up",
                tooltip="Ask this question earlier ([ also works)", id="prep.q_up"),
        Binding("shift+down,right_square_bracket", "command('move', 1)", "Move down",
                tooltip="Ask this question later (] also works)", id="prep.q_down"),
    ]


class BankList(CommandList):
    """The question bank, grouped by category (or best match first while filtering). Its keys
    are commands for the Questions part (see :class:`ListCommand`)."""

    BINDINGS = [
        Binding("a", "command('add')", "Add to plan",
                tooltip="Add the question to the end of the plan", id="prep.bank_add"),
        Binding("slash", "command('filter')", "Filter",
                tooltip="Filter the bank by words or letters", id="prep.bank_filter"),
        Binding("c", "command('category', 1)", "Category",
                tooltip="Show the next category of questions", id="prep.bank_category"),
        Binding("C", "command('category', -1)", "Previous category", show=False,
                tooltip="Show the previous category", id="prep.bank_category_back"),
        Binding("w", "command('write')", "Own question", show=False,
                tooltip="Write a question of your own", id="prep.bank_write"),
        Binding("u", "command('take_back')", "Take back",
                tooltip="Take the question just added out of the plan again",
                id="prep.bank_take_back"),
    ]

    def show_matches(self, rows: list[tuple[int, BankMatch, int | None]], grouped: bool,
                     query: str = "") -> None:
        """Show (bank index, match, plan position) rows, with category headings if grouped;
        with no match, a line that says so."""
        if not rows:
            said = f"No question matches '{one_line(query, 40)}'" if query.strip() else \
                "No questions in this category"
            self.set_options([Option(styled((f"{said}: esc clears the filter, w writes your "
                                             "own.", "dim italic")), disabled=True)])
            return
        options: list[Option] = []
        category = None
        for index, match, plan_index in rows:
            if grouped and match.entry.category != category:
                category = match.entry.category
                options.append(Option(styled((category, "bold $accent")), disabled=True))
            options.append(Option(bank_prompt(match.entry, match.positions, plan_index,
                                              show_category=not grouped),
                                  id=f"{BANK_PREFIX}{index}"))
        self.set_options(options)

    @property
    def current_index(self) -> int | None:
        """The bank index of the highlighted question."""
        option_id = self.current_id
        return int(option_id.removeprefix(BANK_PREFIX)) if option_id else None
