"""The "Last time" part of Prep: the brief before meeting someone again.

Shown only for a conversation not held yet with someone met before (the screen reads the
earlier conversations on a thread and hands the brief down). What was learned, what is still
open, the questions never asked (``c`` carries them into the plan, ``u`` takes them back) and
whom they introduced; enter on a row reads the conversation it came from.
"""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widget import Widget
from textual.widgets.option_list import Option

from tui.core.brief import Brief, brief_heading, questions_to_carry
from tui.core.models import Question
from tui.core.prep import PrepError, add_question, plan_position, remove_by_id
from tui.panes.base import ConversationPane
from tui.panes.prep.part import PrepPart
from tui.widgets.command_list import CommandList, ListCommand
from tui.widgets.key_order import focus_now
from tui.widgets.lines import Line
from tui.widgets.text import one_line, styled

CHAT_PREFIX = "c:"


class BriefList(CommandList):
    """The brief's rows; a row that came from an earlier conversation has the id
    ``c:<conversation id>:<n>``. Its keys are commands for the Last time part."""

    BINDINGS = [
        Binding("c", "command('carry')", "Carry questions", tooltip="Carry the questions "
                "never asked into this plan (those it has already are left out)",
                id="prep.brief_carry"),
        Binding("u", "command('take_back')", "Take back", show=False,
                tooltip="Take the carried questions out of the plan again",
                id="prep.brief_take_back"),
        Binding("enter,v", "command('read')", "Read that chat", tooltip="Read the earlier "
                "conversation this row comes from, top to bottom", id="prep.brief_read"),
    ]


def _heading(text: str) -> Option:
    return Option(styled((text, "bold $accent")), disabled=True)


def brief_rows(brief: Brief, plan: list[Question]) -> list[Option]:
    """The list: learned, open, unasked (marked ``✓ Q3`` once in ``plan``), introduced.
    User text is never markup."""
    rows: list[Option] = []
    serial = 0

    def row(content: Content, conversation_id: str) -> Option:
        nonlocal serial
        serial += 1
        return Option(content, id=f"{CHAT_PREFIX}{conversation_id}:{serial}"
                      if conversation_id else None, disabled=not conversation_id)

    if brief.learned:
        rows.append(_heading("What you learned"))
        for item in brief.learned:
            if item.starred:  # the question, and its note below
                content = styled(("  ★ ", "$warning"), (one_line(item.label, 120), "bold"),
                                 "\n    " + one_line(item.text, 400))
            else:  # a reflection answer: its prompt, then the answer on the same line
                content = styled("  ", (one_line(item.label, 60) + ": ", "bold"),
                                 one_line(item.text, 400))
            rows.append(row(content, item.conversation_id))
    if brief.open_items:
        rows.append(_heading("Still open"))
        for open_item in brief.open_items:
            due = f"  due {open_item.due}" if open_item.due else ""
            rows.append(row(styled("  [ ] ", one_line(open_item.text, 200), (due, "dim")),
                            open_item.conversation_id))
    if brief.unasked:
        left = len(questions_to_carry(brief, plan))
        hint = f"  c carries {left} into the plan" if left else "  all in the plan"
        rows.append(Option(styled(("Never asked", "bold $accent"), (hint, "dim")),
                           disabled=True))
        for question in brief.unasked:
            position = plan_position(plan, question.text)
            mark = ((f"  ✓ Q{position + 1} ", "$success") if position is not None
                    else ("  ? ", "dim"))
            rows.append(row(styled(mark, one_line(question.text, 200),
                                   (f"  · {question.day}", "dim")), question.conversation_id))
    if brief.introduced:
        rows.append(_heading("They introduced you to"))
        for person in brief.introduced:
            company = f" ({one_line(person.company, 40)})" if person.company else ""
            state = ("  · a contact" if person.contact_id else "  · not a contact yet")
            why = f" · {one_line(person.why, 80)}" if person.why else ""
            rows.append(row(styled("  ", (one_line(person.name, 60), "bold"), company,
                                   (state + why, "dim")), person.conversation_id))
    if not rows:
        rows.append(Option(styled(("Nothing was noted last time beyond the call itself.",
                                   "dim italic")), disabled=True))
    return rows


class BriefPart(PrepPart):
    """What you know from meeting this person before (see the module docstring)."""

    label = "Last time"
    DEFAULT_CSS = """
    BriefPart #brief-heading { padding: 0 1; height: auto; max-height: 3; }
    BriefPart #brief-rows { height: 1fr; min-height: 3; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.brief: Brief | None = None
        self._carried: list[str] = []

    def compose(self) -> ComposeResult:
        """The heading and the list."""
        yield Line(id="brief-heading")
        yield BriefList(id="brief-rows")

    @property
    def rows(self) -> BriefList:
        """The brief's list."""
        return self.query_one(BriefList)

    def refresh_view(self) -> None:
        """Show the brief, with the plan's marks on the unasked questions."""
        brief = self.brief
        heading = self.query_one("#brief-heading", Line)
        if brief is None:
            heading.shown = styled(("No earlier conversation with this person.", "dim"))
            self.rows.set_options([])
            return
        parts: list[str | tuple[str, str]] = [(brief_heading(brief), "bold")]
        if brief.last_goal:
            parts += [("\nGoal then: ", "dim"), one_line(brief.last_goal, 200)]
        if brief.last_ask:
            parts += [("\nAsked for: ", "dim"), one_line(brief.last_ask, 200)]
        heading.shown = styled(*parts)
        rows = self.rows
        keep = rows.highlighted
        rows.set_options(brief_rows(brief, self.conversation.questions))
        enabled = [i for i, o in enumerate(rows.options) if not o.disabled]
        if enabled:
            rows.highlighted = keep if keep in enabled else enabled[0]

    def first_widget(self) -> Widget | None:
        """The list."""
        return self.rows

    def list_widget(self) -> Widget | None:
        """The list."""
        return self.rows

    @on(ListCommand, "#brief-rows")
    def _command(self, request: ListCommand) -> None:
        request.done_here()
        if request.command == "carry":
            self.carry()
        elif request.command == "take_back":
            self.take_back()
        elif request.command == "read" and request.item_id:
            conversation_id = request.item_id.removeprefix(CHAT_PREFIX).rsplit(":", 1)[0]
            self.post_message(ConversationPane.ReadWanted(conversation_id))

    def carry(self) -> int:
        """Add the questions never asked to the end of the plan (none twice); returns how
        many were added, and says so."""
        if self.brief is None or not self.brief.unasked:
            self.say("No unasked questions from earlier conversations.")
            return 0
        added: list[str] = []
        for question in questions_to_carry(self.brief, self.conversation.questions):
            try:
                added.append(add_question(self.conversation, question.text,
                                          question.category or "From last time").id)
            except PrepError:
                continue  # too long, or planned already in other words
        if not added:
            self.say(f"All {len(self.brief.unasked)} unasked questions are in the plan "
                     "already.")
            return 0
        self._carried = added
        self.refresh_view()
        self.edited()
        count = len(added)
        self.say(f"Added {count} question{'s' if count != 1 else ''} not asked last time "
                 f"to the plan (now {len(self.conversation.questions)}); u takes "
                 f"{'them' if count != 1 else 'it'} back.")
        return count

    def take_back(self) -> None:
        """Take the questions just carried out of the plan again."""
        carried, self._carried = self._carried, []
        removed = sum(1 for qid in carried
                      if remove_by_id(self.conversation.questions, qid) is not None)
        if not removed:
            self.say("Nothing to take back.")
            return
        self.refresh_view()
        self.edited()
        self.say(f"Took {removed} carried question{'s' if removed != 1 else ''} out of the "
                 "plan.")

    def focus_rows(self) -> None:
        """Put the cursor on the list."""
        focus_now(self.rows)
