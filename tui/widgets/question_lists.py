"""The two lists of the question planner: the plan (ordered) and the bank (filtered)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.content import Content
from textual.widgets.option_list import Option

from tui.core.models import Question
from tui.core.question_bank import BankEntry, BankMatch
from tui.text import one_line, styled
from tui.widgets.key_order import OrderedKeys, focus_now
from tui.widgets.record_lists import RecordList

if TYPE_CHECKING:
    from tui.widgets.question_planner import QuestionsPart

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


class PlanList(OrderedKeys, RecordList):
    """The planned questions in asking order; option ids are question ids."""

    BINDINGS = [
        Binding("e", "edit", "Reword", tooltip="Change the question's wording",
                id="prep.q_edit"),
        Binding("enter", "edit", "Reword (enter)", show=False,
                tooltip="Change the question's wording",
                id="prep.q_edit_enter"),
        Binding("d,delete", "remove", "Remove", tooltip="Take it out of the plan (u puts it back)",
                id="prep.q_remove"),
        Binding("u", "undo", "Put back", show=False, tooltip="Put back the last removed question",
                id="prep.q_undo"),
        Binding("w", "write", "Own question", show=False, tooltip="Write a question of your own",
                id="prep.q_write"),
        Binding("slash", "filter", "Filter bank", show=False, tooltip="Filter the question bank",
                id="prep.q_filter"),
        Binding("shift+up,left_square_bracket", "move(-1)", "Move up",
                tooltip="Ask this question earlier ([ also works)", id="prep.q_up"),
        Binding("shift+down,right_square_bracket", "move(1)", "Move down",
                tooltip="Ask this question later (] also works)", id="prep.q_down"),
    ]

    def _part(self) -> QuestionsPart:
        from tui.widgets.question_planner import QuestionsPart

        return self.query_ancestor(QuestionsPart)

    def action_move(self, step: int) -> None:
        """Move the highlighted question."""
        self._part().move(step)

    def action_edit(self) -> None:
        """Reword the highlighted question."""
        self._part().start_editing()

    def action_remove(self) -> None:
        """Remove the highlighted question."""
        self._part().remove()

    def action_undo(self) -> None:
        """Put back the last removed question."""
        self._part().undo_remove()

    def action_write(self) -> None:
        """Write an own question."""
        self._part().start_writing()

    def action_filter(self) -> None:
        """Type a filter for the bank."""
        focus_now(self._part().query_one("#bank-filter"))


class BankList(OrderedKeys, RecordList):
    """The question bank, grouped by category (or best match first while filtering)."""

    BINDINGS = [
        Binding("a", "add", "Add to plan", tooltip="Add the question to the end of the plan",
                id="prep.bank_add"),
        Binding("slash", "filter", "Filter", tooltip="Filter the bank by words or letters",
                id="prep.bank_filter"),
        Binding("c", "category(1)", "Category", tooltip="Show the next category of questions",
                id="prep.bank_category"),
        Binding("C", "category(-1)", "Previous category", show=False,
                tooltip="Show the previous category", id="prep.bank_category_back"),
        Binding("w", "write", "Own question", show=False, tooltip="Write a question of your own",
                id="prep.bank_write"),
        Binding("u", "take_back", "Take back",
                tooltip="Take the question just added out of the plan again",
                id="prep.bank_take_back"),
    ]

    def _part(self) -> QuestionsPart:
        from tui.widgets.question_planner import QuestionsPart

        return self.query_ancestor(QuestionsPart)

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

    def action_add(self) -> None:
        """Add the highlighted question to the plan."""
        self._part().add_from_bank()

    def action_filter(self) -> None:
        """Type a filter."""
        focus_now(self._part().query_one("#bank-filter"))

    def action_category(self, step: int) -> None:
        """Cycle the category shown."""
        self._part().cycle_category(step)

    def action_write(self) -> None:
        """Write an own question."""
        self._part().start_writing()

    def action_take_back(self) -> None:
        """Undo the last add."""
        self._part().take_back()
