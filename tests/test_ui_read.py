"""The read-only view: one scroll, sections in order, e to the matching pane, inert text."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import TabbedContent

from tests.review_tools import fill, until
from tests.uitools import make_app
from tui.screens.conversation import ConversationScreen
from tui.screens.home import HomeScreen
from tui.screens.read import ReadScreen
from tui.widgets.document_view import DocumentView


def _text(screen: ReadScreen) -> str:
    """Every rendered line of the document, as plain text."""
    return "\n".join(line.text for line in screen.query_one(DocumentView).lines)


def _highlight(app, conversation_id: str) -> None:
    app.screen.query_one("#conversation-list").select_id(conversation_id)


async def test_v_reads_the_whole_conversation_and_e_edits_the_part_shown(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        _highlight(app, "chat-marcus")
        await pilot.press("v")
        screen = await until(pilot, lambda: isinstance(app.screen, ReadScreen) and app.screen)
        await until(pilot, lambda: screen.all_shown is not None)
        titles = [section.title for section in screen.sections]
        assert titles == ["", "Goal", "The ask", "Outreach", "Prep checklist", "Research notes",
                          "Questions", "Live log", "Reflection", "Action items", "Referrals",
                          "Thank-you", "Follow-ups"]
        assert screen.first_shown is not None and screen.first_shown <= screen.all_shown
        shown = _text(screen)
        assert "Hiring juniors in spring" in shown and "On-call is most of it." in shown
        assert "**" not in shown
        for _ in range(8):
            await pilot.press("n")
        await pilot.pause()
        assert screen.current_section().title == "Reflection"
        await pilot.press("p")
        assert screen.current_section().title == "Live log"
        await pilot.press("n", "e")
        conv = await until(pilot, lambda: isinstance(app.screen, ConversationScreen)
                           and app.screen)
        assert conv.conversation_id == "chat-marcus"
        assert conv.query_one(TabbedContent).active == "reflect"


async def test_escape_goes_back_and_q_is_not_quit(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    async with app.run_test(size=(60, 24)) as pilot:
        _highlight(app, "chat-marcus-2")
        await pilot.press("v")
        screen = await until(pilot, lambda: isinstance(app.screen, ReadScreen) and app.screen)
        await until(pilot, lambda: screen.all_shown is not None)
        await pilot.press("e")  # the header: Details
        conv = await until(pilot, lambda: isinstance(app.screen, ConversationScreen)
                           and app.screen)
        assert conv.query_one(TabbedContent).active == "details"
        await app.screen.run_action("read")
        screen = await until(pilot, lambda: isinstance(app.screen, ReadScreen) and app.screen)
        await until(pilot, lambda: screen.all_shown is not None)
        await pilot.press("q")
        assert app.screen is conv and app.is_running


async def test_hostile_text_is_shown_as_text(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    async with app.run_test(size=(100, 30)) as pilot:
        _highlight(app, "chat-hostile")
        await pilot.press("v")
        screen = await until(pilot, lambda: isinstance(app.screen, ReadScreen) and app.screen)
        await until(pilot, lambda: screen.all_shown is not None)
        titles = [section.title for section in screen.sections]
        assert titles.count("Goal") == 1 and "title: injected" not in titles
        assert "# Zoë [b]x[/b] <script>" in str(screen.query_one("#read-title").render())
        shown = _text(screen)
        assert "<img src=x onerror=alert(1)>" in shown and "[red]Acme[/red]" in shown
        assert not any(ch in shown for ch in "\x1b\x07\u202e")
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)
