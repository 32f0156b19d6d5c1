"""The README's key tables agree with the code: every key they name is bound where they say,
and every key of the Prep, Live and Reflect panes (and of the app) is in them."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from textual.binding import Binding
from textual.widgets import OptionList

from tui.app import CoffeechatApp
from tui.panes.details import DetailsPane
from tui.panes.live import LivePane
from tui.panes.live.note_log import NoteLog
from tui.panes.live.question_flow import QuestionFlow
from tui.panes.prep import PartBar, PrepPane
from tui.panes.prep.brief import BriefList
from tui.panes.prep.checklist import ChecklistList
from tui.panes.prep.outreach import OutreachPart
from tui.panes.prep.question_lists import BankList, PlanList
from tui.panes.prep.schedule import SchedulePart
from tui.panes.reflect import ReflectPane
from tui.panes.reflect.item_lists import ActionList, ItemList
from tui.panes.reflect.records import ReferralsSection
from tui.panes.reflect.reflection import RatingBar
from tui.panes.reflect.thank_you import ThankYouSection
from tui.screens.conversation import ConversationScreen
from tui.screens.home import HomeScreen
from tui.screens.search import SearchScreen
from tui.screens.tags import TagsScreen
from tui.widgets.due_list import DueList
from tui.widgets.text_box import LineBox, TextBox

README = Path(__file__).resolve().parent.parent / "README.md"
# README section -> the classes whose keys it documents (all of them, for the pane sections).
SECTIONS = {
    "Everywhere": [CoffeechatApp, TextBox, LineBox],
    "Home": [HomeScreen, DueList],
    "A conversation": [ConversationScreen, DetailsPane],
    "Prep": [ConversationScreen, PrepPane, PartBar, ChecklistList, PlanList, BankList,
             OutreachPart, SchedulePart, BriefList],
    "Live": [LivePane, QuestionFlow, NoteLog],
    "Reflect": [ReflectPane, RatingBar, ItemList, ActionList, ReferralsSection,
                ThankYouSection],
    "Search": [SearchScreen],
    "Tags": [TagsScreen, OptionList],
}
COMPLETE = {"Everywhere", "Prep", "Live", "Reflect", "Search", "Tags"}
# Keys Textual provides itself: the command palette, and Enter choosing in a list.
TEXTUAL_KEYS = {"ctrl+p", "enter"}
NAMES = {"←": "left", "→": "right", "↑": "up", "↓": "down", "esc": "escape", "del": "delete",
         "/": "slash", "?": "question_mark", "[": "left_square_bracket",
         "]": "right_square_bracket", "+": "plus", "-": "minus", "enter": "enter",
         "pgdn": "pagedown", "pgup": "pageup"}


def key_name(shown: str) -> str:
    """``shift+F3`` -> ``shift+f3``, ``ctrl+↑`` -> ``ctrl+up``, ``Enter`` -> ``enter``."""
    *mods, key = shown.split("+") if shown not in ("+",) else [shown]
    if len(key) > 1 or key in NAMES:
        key = NAMES.get(key.lower(), NAMES.get(key, key.lower()))
    return "+".join([*(m.lower() for m in mods), key])


def documented(section: str) -> set[str]:
    """The keys named in the Key column of the section's table."""
    text = README.read_text(encoding="utf-8")
    body = text.split(f"\n### {section}\n", 1)[1].split("\n### ", 1)[0].split("\n## ", 1)[0]
    keys: set[str] = set()
    for line in body.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if not line.startswith("|") or cells[0] in ("Key", "Where") or (
                cells[0] and set(cells[0]) <= {"-"}):
            continue
        column = cells[1] if len(cells) == 3 else cells[0]
        for token in re.findall(r"`([^`]+)`", column):
            if re.fullmatch(r"\d-\d", token):
                keys.update(str(n) for n in range(int(token[0]), int(token[2]) + 1))
            else:
                keys.add(key_name(token))
        for low, high in re.findall(r"`(\d)`-`(\d)`", column):
            keys.update(str(n) for n in range(int(low), int(high) + 1))
    return keys


def bound(classes: list[type]) -> dict[str, Binding]:
    """Key -> binding, for the bindings the classes declare themselves."""
    keys: dict[str, Binding] = {}
    for cls in classes:
        for binding in cls.__dict__.get("BINDINGS", []):
            for key in binding.key.split(","):
                keys.setdefault(key.strip(), binding)
    return keys


@pytest.mark.parametrize("section", SECTIONS)
def test_every_key_in_the_readme_is_bound(section: str) -> None:
    keys = bound(SECTIONS[section])
    missing = sorted(documented(section) - set(keys) - TEXTUAL_KEYS)
    assert not missing, f"{section}: the README names keys nothing binds: {missing}"


@pytest.mark.parametrize("section", sorted(COMPLETE))
def test_every_key_of_the_panes_is_in_the_readme(section: str) -> None:
    keys = {key for key, binding in bound(SECTIONS[section]).items()
            if binding.description and key not in ("f15",)}  # shift+f3 as terminals send it
    if section == "Prep":
        keys -= {"f2", "f4", "f5", "escape"}  # the screen's, in "A conversation"
    missing = sorted(keys - documented(section))
    assert not missing, f"{section}: keys the README does not mention: {missing}"
