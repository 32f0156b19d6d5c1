"""The Questions part of Prep: goal and ask, the planned questions and the question bank."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, OptionList, Select
from textual.widgets.option_list import Option

from tui.core.models import Question
from tui.core.plan_fill import fill_plan
from tui.core.prep import (
    OWN_CATEGORY,
    PrepError,
    add_question,
    edit_question,
    move_question,
    plan_position,
    plan_summary,
    remove_by_id,
)
from tui.core.question_bank import categories, filter_bank
from tui.panes.prep.goal_ask import GoalAndAsk
from tui.panes.prep.part import PrepPart
from tui.panes.prep.question_lists import BankList, PlanList, plan_prompt
from tui.widgets.command_list import ListCommand
from tui.widgets.hypothesis_links import HypothesisLinks
from tui.widgets.key_order import focus_now
from tui.widgets.lines import Line
from tui.widgets.text import one_line, plain, styled
from tui.widgets.text_box import LineBox, SubInput

EMPTY_PLAN = Option(styled(("No questions yet: add from the bank below (enter or a) or write "
                            "your own (w).", "dim italic")), disabled=True)
ALL = "__all__"


class QuestionsPart(PrepPart):
    """What I want, what I will ask for, and the questions in the order I mean to ask them."""

    label = "Questions"
    BINDINGS = [
        Binding("f7", "tiara_fill", "TIARA fill", tooltip="Fill the plan with a balanced set of "
                "TIARA questions (trends, insights, advice, resources, assignments) for the "
                "call's length; again after d for another set", id="prep.tiara_fill"),
    ]
    DEFAULT_CSS = """
    QuestionsPart #plan-summary { padding: 0 1; color: $text-muted; }
    QuestionsPart #prep-tests { padding: 0 1; height: 1; }
    QuestionsPart #plan-summary.-over { color: $warning; }
    QuestionsPart #plan { height: 1fr; min-height: 3; }
    QuestionsPart #bank { height: 1fr; min-height: 3; }
    QuestionsPart #bank-category { width: 26; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._editing: str | None = None
        self._added: str | None = None
        self._removed: tuple[int, Question] | None = None
        self._categories: list[str] = []
        self._fills = 0

    def compose(self) -> ComposeResult:
        """Goal, ask, the plan with its summary, the own-question line, the bank."""
        yield self.follow(GoalAndAsk())
        yield HypothesisLinks(compact=True, id="prep-tests")
        yield Line(id="plan-summary")
        yield PlanList(id="plan")
        with Horizontal(classes="prep-row"):
            yield Label("+ Own", id="own-label")
            yield SubInput(id="own-question", compact=True,
                           placeholder="write your own question; enter adds it (w)")
        with Horizontal(classes="prep-row"):
            yield Select([("All categories", ALL)], id="bank-category", compact=True,
                         allow_blank=False)
            yield SubInput(id="bank-filter", compact=True, down_leaves=True,
                           placeholder="filter the bank (/); ↓ to the results")
        yield BankList(id="bank")

    # -- showing -------------------------------------------------------------------------

    @property
    def plan(self) -> PlanList:
        """The planned questions."""
        return self.query_one(PlanList)

    @property
    def bank(self) -> BankList:
        """The question bank."""
        return self.query_one(BankList)

    def refresh_view(self) -> None:
        """Fill every widget from the model and the bank."""
        self.query_one(GoalAndAsk).refresh_view()
        names = categories(self.content.bank)
        if names != self._categories:
            self._categories = names
            select = self.query_one("#bank-category", Select)
            with select.prevent(Select.Changed):
                # Category names come from the user's own file: never markup.
                select.set_options([("All categories", ALL), *((plain(n), n) for n in names)])
                select.value = ALL
        self.show_plan()
        self.show_bank()

    def show_plan(self, highlight: str | None = None) -> None:
        """Rebuild the plan list and its summary line."""
        plan = self.plan
        keep = highlight or (plan.highlighted_option.id if plan.highlighted_option else None)
        questions = self.conversation.questions
        plan.set_options([plan_prompt(i, q) for i, q in enumerate(questions)] or [EMPTY_PLAN])
        ids = [q.id for q in questions]
        if ids:
            plan.highlighted = ids.index(keep) if keep in ids else 0
        text, over = plan_summary(len(questions), self.conversation.minutes)
        summary = self.query_one("#plan-summary", Line)
        summary.shown = styled(("Plan  ", "bold"), text)
        summary.set_class(over, "-over")

    def show_bank(self) -> None:
        """Rebuild the bank list for the chosen category and filter."""
        bank = self.bank
        keep = bank.highlighted_option.id if bank.highlighted_option else None
        category = self.query_one("#bank-category", Select).value
        query = self.query_one("#bank-filter", Input).value
        entries = self.content.bank
        index = {entry: i for i, entry in enumerate(entries)}
        matches = filter_bank(entries, query, None if category in (ALL, Select.BLANK)
                              else str(category))
        planned = self.conversation.questions
        bank.show_matches([(index[m.entry], m, plan_position(planned, m.entry.text))
                           for m in matches], grouped=not query.strip(), query=query)
        bank.select_id(keep)

    # -- the plan ------------------------------------------------------------------------

    def current_question(self) -> Question | None:
        """The highlighted planned question."""
        option = self.plan.highlighted_option
        return self.conversation.question(option.id) if option and option.id else None

    def move(self, step: int) -> None:
        """Move the highlighted question earlier (negative) or later."""
        question = self.current_question()
        if question is None:
            return
        before = self.conversation.questions.index(question)
        if move_question(self.conversation.questions, question.id, step) != before:
            self.show_plan(highlight=question.id)
            self.edited()

    @on(ListCommand, "#plan")
    def _plan_command(self, request: ListCommand) -> None:
        request.done_here()
        command = request.command
        if command == "move":
            self.move(request.argument)
        else:
            commands: dict[str, Callable[[], object]] = {
                "edit": self.start_editing, "remove": self.remove_question,
                "undo": self.undo_remove, "write": self.start_writing,
                "filter": self._focus_filter}
            commands[command]()

    @on(ListCommand, "#bank")
    def _bank_command(self, request: ListCommand) -> None:
        request.done_here()
        command = request.command
        if command == "category":
            self.cycle_category(request.argument)
        else:
            commands: dict[str, Callable[[], object]] = {
                "add": self.add_from_bank, "write": self.start_writing,
                "take_back": self.take_back, "filter": self._focus_filter}
            commands[command]()

    def _focus_filter(self) -> None:
        focus_now(self.query_one("#bank-filter"))

    def remove_question(self) -> None:
        """Take the highlighted question out of the plan (u puts it back)."""
        question = self.current_question()
        if question is None:
            return
        self._removed = remove_by_id(self.conversation.questions, question.id)
        index = self._removed[0] if self._removed else 0
        remaining = self.conversation.questions
        self.show_plan(highlight=remaining[min(index, len(remaining) - 1)].id
                       if remaining else None)
        self.show_bank()
        self.edited()
        self.say(f"Removed '{one_line(question.text, 60)}'. Press u to put it back.")

    def undo_remove(self) -> None:
        """Put the last removed question back where it was."""
        if self._removed is None:
            self.say("Nothing to put back.")
            return
        index, question = self._removed
        self._removed = None
        if plan_position(self.conversation.questions, question.text) is not None:
            self.say("That question is in the plan again already.", "warning")
            return
        self.conversation.questions.insert(min(index, len(self.conversation.questions)),
                                           question)
        self.show_plan(highlight=question.id)
        self.show_bank()
        self.edited()

    def start_editing(self) -> None:
        """Load the highlighted question into the line below to reword it."""
        question = self.current_question()
        if question is None:
            return
        self._editing = question.id
        number = self.conversation.questions.index(question) + 1
        self.query_one("#own-label", Label).update(styled(f"✎ Q{number}"))
        box = self.query_one("#own-question", SubInput)
        box.value = question.text
        focus_now(box)

    def start_writing(self) -> None:
        """Focus the line for a new question of one's own."""
        self._stop_editing()
        focus_now(self.query_one("#own-question"))

    def _stop_editing(self) -> None:
        if self._editing is not None:
            self._editing = None
            self.query_one("#own-label", Label).update(styled("+ Own"))
            self.query_one("#own-question", SubInput).value = ""

    @on(LineBox.Entered, "#own-question")
    def _own_submitted(self, request: LineBox.Entered) -> None:
        request.done_here()
        try:
            if self._editing is not None:
                question = edit_question(self.conversation, self._editing, request.value)
            else:
                question = add_question(self.conversation, request.value, OWN_CATEGORY)
        except PrepError as exc:
            self.say(str(exc), "warning")
            return
        was_editing = self._editing is not None
        self._stop_editing()
        request.box.value = ""
        self.show_plan(highlight=question.id)
        self.show_bank()
        self.edited()
        if was_editing:
            focus_now(self.plan)

    @on(SubInput.Leave, "#own-question")
    def _own_left(self, request: SubInput.Leave) -> None:
        request.done_here()
        self._stop_editing()
        focus_now(self.plan)

    # -- the bank ------------------------------------------------------------------------

    def add_from_bank(self) -> None:
        """Add the highlighted bank question to the end of the plan (once); u takes it back."""
        index = self.bank.current_index
        if index is None:
            return
        entry = self.content.bank[index]
        try:
            question = add_question(self.conversation, entry.text, entry.category)
        except PrepError as exc:
            self.say(str(exc), "warning")
            return
        self._added = question.id
        self.show_plan(highlight=question.id)
        self.show_bank()
        self.edited()

    def action_tiara_fill(self) -> None:
        """Top the plan up with TIARA questions balanced across the five stages; each press
        draws from another shuffle of the bank."""
        v = self.conversation
        self._fills += 1
        result = fill_plan(self.content.bank, v.minutes, v.kind, v.questions,
                           seed=self._fills)
        first = None
        for entry in result.picks:
            try:
                question = add_question(v, entry.text, entry.category)
            except PrepError:
                continue  # already planned in other words, or the plan is full
            first = first or question.id
        if first is not None:
            self._added = None
            self.show_plan(highlight=first)
            self.show_bank()
            self.edited()
        self.say(result.message)

    def take_back(self) -> None:
        """Take the question last added from the bank out of the plan again."""
        added, self._added = self._added, None
        question = self.conversation.question(added) if added else None
        if question is None:
            self.say("Nothing to take back.")
            return
        remove_by_id(self.conversation.questions, question.id)
        self.show_plan()
        self.show_bank()
        self.edited()
        self.say(f"Took '{one_line(question.text, 60)}' out of the plan.")

    def cycle_category(self, step: int = 1) -> None:
        """Show the next category of the bank (all, then each one)."""
        select = self.query_one("#bank-category", Select)
        values = [ALL, *self._categories]
        at = values.index(select.value) if select.value in values else 0
        select.value = values[(at + step) % len(values)]

    @on(Select.Changed, "#bank-category")
    @on(Input.Changed, "#bank-filter")
    def _bank_filter_changed(self) -> None:
        self.show_bank()

    @on(LineBox.Entered, "#bank-filter")
    @on(SubInput.Down, "#bank-filter")
    def _filter_submitted(self, request: LineBox.Entered | SubInput.Down) -> None:
        request.done_here()
        self.show_bank()  # the filter as typed so far (its change messages may still come)
        focus_now(self.bank)

    @on(LineBox.Entered, "#ask")
    def _ask_submitted(self, request: LineBox.Entered) -> None:
        # From the ask, the next thing to do is pick questions: the bank is one key away.
        request.done_here()
        focus_now(self.query_one("#bank-filter"))

    @on(SubInput.Leave, "#bank-filter")
    def _filter_left(self, request: SubInput.Leave) -> None:
        request.done_here()
        self.query_one("#bank-filter", SubInput).value = ""
        focus_now(self.bank)

    @on(OptionList.OptionSelected, "#bank")
    def _bank_selected(self) -> None:
        self.add_from_bank()

    def first_widget(self) -> Widget | None:
        """Start on the goal when it is empty, else on the list (see :meth:`list_widget`)."""
        return self.query_one("#goal") if not self.conversation.goal else self.list_widget()

    def typing_box(self) -> Widget | None:
        """Letters typed on the part bar go into the goal while it is blank, else into a
        question of one's own."""
        return self.query_one("#goal" if not self.conversation.goal else "#own-question")

    def list_widget(self) -> Widget | None:
        """The plan, or the bank while the plan is empty (where the first question comes
        from)."""
        return self.plan if self.conversation.questions else self.bank
