"""Search from anywhere: results as you type, matches as styled spans, Enter opens the place."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, OptionList, TabbedContent

from tests.review_tools import fill, until
from tests.uitools import make_app, type_text
from tui.screens.conversation import ConversationScreen
from tui.screens.person import PersonScreen
from tui.screens.search import SearchScreen


async def _search(app, pilot, text: str) -> SearchScreen:
    await pilot.press("ctrl+f")
    screen = await until(pilot, lambda: isinstance(app.screen, SearchScreen) and app.screen)
    await until(pilot, lambda: screen._index is not None)
    before = screen._searched
    await type_text(pilot, text)
    await until(pilot, lambda: screen._searched > before
                and screen.query_one(Input).value == text and screen.result is not None
                and screen.result.query.text == text)
    return screen


def _labels(screen: SearchScreen) -> list[tuple[str, str]]:
    return [(h.name, h.label) for h in screen.hits]


async def test_results_follow_each_keystroke(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    async with app.run_test(size=(100, 30)) as pilot:
        await until(pilot, lambda: app.upkeep_done.is_set())
        screen = await _search(app, pilot, "hiri")  # a prefix while typing
        assert ("Marcus Lee", "quick note 10:10") in _labels(screen)
        rows = screen.query_one("#search-results", OptionList)
        first = rows.get_option_at_index(0).prompt
        assert "Hiring" in str(first)
        styled = [s for s in first.spans if "reverse" in str(s.style)]
        assert styled and str(first)[styled[0].start:styled[0].end].lower().startswith("hiri")
        await type_text(pilot, " kafka")
        await until(pilot, lambda: screen.result.query.text == "hiri kafka")
        assert screen.hits == []
        assert "No matches" in str(screen.query_one("#search-status").render())


async def test_filters_in_the_query_and_markup_stays_text(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    async with app.run_test(size=(60, 24)) as pilot:
        await until(pilot, lambda: app.upkeep_done.is_set())
        screen = await _search(app, pilot, "status:scheduled")
        assert {h.conversation_id for h in screen.hits} == {"chat-hostile"}
        box = screen.query_one(Input)
        box.value = ""
        await type_text(pilot, "[red]")
        await until(pilot, lambda: screen.result.query.text == "[red]")
        row = str(screen.query_one("#search-results", OptionList).get_option_at_index(0).prompt)
        assert "[red]Acme[/red]" in row


async def test_enter_opens_the_conversation_at_the_place(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.upkeep_done.is_set())
        screen = await _search(app, pilot, "ddia")
        labels = [h.label for h in screen.hits]
        for _ in range(labels.index("quick note 22:00")):
            await pilot.press("down")
        await pilot.press("enter")
        conv = await until(pilot, lambda: isinstance(app.screen, ConversationScreen)
                           and screen.opened and app.screen)
        assert conv.query_one(TabbedContent).active == "live"
        log = conv.query_one("NoteLog", OptionList)
        assert app.focused is log and log.highlighted_option.id == "n2"
        screen = await _search(app, pilot, "read ddia")  # from inside a conversation
        labels = [h.label for h in screen.hits]
        for _ in range(labels.index("action")):
            await pilot.press("down")
        await pilot.press("enter")
        await until(pilot, lambda: screen.opened)
        assert app.screen is conv and conv.query_one(TabbedContent).active == "reflect"
        assert type(app.focused).__name__ == "ActionList"
        assert app.focused.highlighted_option.id == "a1"


async def test_a_question_note_and_a_contact(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: app.upkeep_done.is_set())
        screen = await _search(app, pilot, "pipelines")
        await pilot.press("enter")
        conv = await until(pilot, lambda: isinstance(app.screen, ConversationScreen)
                           and screen.opened and app.screen)
        assert conv.query_one(TabbedContent).active == "live"
        assert conv.query_one("#live-pane").current_id == "q1"
        await pilot.press("escape", "escape")
        screen = await _search(app, pilot, "priya@northwind")
        contact_hits = [n for n, h in enumerate(screen.hits) if h.conversation_id is None]
        for _ in range(contact_hits[0]):
            await pilot.press("down")
        await pilot.press("enter")
        page = await until(pilot, lambda: isinstance(app.screen, PersonScreen) and app.screen)
        assert page.contact_id == "c-priya"


async def test_keys_typed_right_after_ctrl_f_land_in_the_box(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        app.screen.query_one("#conversation-list").select_id("chat-marcus")
        await pilot.press("enter")
        conv = await until(pilot, lambda: isinstance(app.screen, ConversationScreen)
                           and app.screen)
        await pilot.press("f4")
        live = conv.query_one("#live-pane")
        notes_before = [q.note for q in live.conversation.questions]
        await pilot.press("ctrl+f", "d", "d", "i", "a")
        screen = await until(pilot, lambda: isinstance(app.screen, SearchScreen) and app.screen)
        await until(pilot, lambda: screen.query_one(Input).value == "ddia")
        assert [q.note for q in live.conversation.questions] == notes_before
        await pilot.press("escape")
        assert app.screen is conv
