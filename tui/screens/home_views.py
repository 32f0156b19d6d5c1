"""The home screen's views over everything (Companies, Hypotheses, Tags, Progress) and its
commands in the palette."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from textual.app import SystemCommand
from textual.screen import Screen

from tui.screens.routine_due import routine_item
from tui.widgets.due_list import DueList

if TYPE_CHECKING:
    from tui.screens.home import HomeScreen


def _view(home: HomeScreen, name: str) -> Screen[None]:
    if name == "companies":
        from tui.screens.companies import CompaniesScreen

        due = home.query_one(DueList)  # what is due, worked out already: not again
        return CompaniesScreen(due.due, due.speeds)
    if name == "hypotheses":
        from tui.screens.hypotheses import HypothesesScreen

        return HypothesesScreen()
    if name == "tags":
        from tui.screens.tags import TagsScreen

        return TagsScreen()
    from tui.screens.progress import ProgressScreen

    return ProgressScreen()


def work_ahead(home: HomeScreen) -> None:
    """Progress's numbers and Companies' rows, worked out on threads from what home has (what
    is due known, every conversation listed), so that those views open with them."""
    from tui.screens.companies import work_out_ahead
    from tui.screens.progress_numbers import warm_progress

    due = home.query_one(DueList)
    assert due.due is not None
    warm_progress(home)
    work_out_ahead(home, due.due, due.speeds)


def open_view(home: HomeScreen, name: str) -> None:
    """Show the view ``name`` (companies, hypotheses, tags or progress) over the home screen."""
    home.app.push_screen(_view(home, name))


def home_commands(home: HomeScreen) -> Iterator[SystemCommand]:
    """The home screen's commands for the command palette."""
    yield SystemCommand("Show companies", "Target companies, most promising first (c)",
                        lambda: home.action_view("companies"))
    yield SystemCommand("Show hypotheses", "Career hypotheses and their evidence (h)",
                        lambda: home.action_view("hypotheses"))
    yield SystemCommand("Show tags", "Every #tag with its count; the notes, answers and "
                        "contacts carrying each (t)", lambda: home.action_view("tags"))
    yield SystemCommand("Show progress", "The funnel, replies by weekday, conversations "
                        "per month (p)", lambda: home.action_view("progress"))
    yield SystemCommand("New conversation", "Plan a conversation", home.action_new_conversation)
    yield SystemCommand("Add contact", "Add a person", home.action_new_contact)
    yield SystemCommand("Read conversation", "The highlighted conversation on one "
                        "read-only scroll (v)", home.action_read)
    yield SystemCommand("Show conversations", "Switch to the conversations tab",
                        lambda: home.action_tab("conversations"))
    yield SystemCommand("Show contacts", "Switch to the contacts tab",
                        lambda: home.action_tab("contacts"))
    yield SystemCommand("Show what is due", "Thank-you notes, actions, referrals, "
                        "people to get back to", lambda: home.action_tab("due"))
    if home.on_tab("due") and routine_item(home.query_one(DueList).current_item):
        yield SystemCommand("They replied", "The highlighted outreach got a reply: the day "
                            "and yes, no or later (r)", home.action_replied)
