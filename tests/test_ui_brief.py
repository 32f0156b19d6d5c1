"""The brief before meeting someone again, in Prep: what the earlier conversations left, and
the questions never asked carried into the new plan with one key."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import ContentSwitcher, OptionList

from tests.layout_tools import stored
from tests.review_tools import fill, until
from tests.uitools import make_app
from tui.app import CoffeechatApp
from tui.core.models import Contact, Question
from tui.panes.prep import PrepPane
from tui.panes.prep.brief import BriefPart
from tui.screens.conversation import ConversationScreen
from tui.screens.read import ReadScreen


def _rows(app: CoffeechatApp) -> str:
    rows = app.screen.query_one("#brief-rows", OptionList)
    return "\n".join(str(rows.get_option_at_index(i).prompt) for i in range(rows.option_count))


def _toasts(app: CoffeechatApp) -> str:
    return " | ".join(str(n.message) for n in app._notifications)


async def _open(app: CoffeechatApp, pilot, conversation_id: str) -> ConversationScreen:
    app.screen.query_one("#conversation-list").select_id(conversation_id)
    await pilot.press("enter")
    return await until(pilot, lambda: isinstance(app.screen, ConversationScreen)
                       and app.screen.is_mounted and app.screen)


def _plan_on_disk(tmp_path: Path, conversation_id: str) -> list[str]:
    (doc,) = [d for d in stored(tmp_path, "conversations") if d["id"] == conversation_id]
    return [q["text"] for q in doc["questions"]]


async def test_brief_shows_last_time_and_carries_unasked_questions_once(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await _open(app, pilot, "chat-marcus-2")
        prep = screen.query_one(PrepPane)
        await until(pilot, lambda: prep.brief is not None)
        await pilot.press("f3")
        await until(pilot, lambda: app.screen.query_one(
            "#prep-parts", ContentSwitcher).current == "prep-brief")
        assert app.focused is screen.query_one("#brief-rows")
        heading = str(screen.query_one("#brief-heading").render())
        assert heading.startswith("Last time with Marcus Lee: 2026-12-03, 31 min")
        rows = _rows(app)
        assert "★ How did you start?" in rows and "As an analyst. Then pipelines." in rows
        assert "Key insights" in rows and "On-call is **most** of it." in rows
        assert "[ ] Read DDIA ch. 3  due 2026-12-05" in rows and "Send notes" not in rows
        assert "Thank-you for the chat of 2026-12-03 not sent" in rows
        assert "? Typical week?" in rows and "? What surprised you?" in rows
        assert "How did you start?  ·" not in rows  # asked: not carried
        assert "Jonas Berg (Tidewater)  · a contact · runs grid analytics" in rows
        assert "Priya Raman (Northwind Health)  · a contact" in rows
        assert "Last time" in str(screen.query_one("#prep-bar").render())

        await pilot.press("c")
        await pilot.pause()
        assert [q.text for q in screen.conversation.questions] == [
            "Typical week?", "What surprised you?"]
        assert "Added 2 questions not asked last time" in _toasts(app)
        assert "✓ Q1 Typical week?" in _rows(app)
        screen.save_now()
        assert app.store.flush()
        assert _plan_on_disk(tmp_path, "chat-marcus-2") == ["Typical week?",
                                                           "What surprised you?"]

        await pilot.press("c")
        await pilot.pause()
        assert len(screen.conversation.questions) == 2
        assert "All 2 unasked questions are in the plan already." in _toasts(app)

        await pilot.press("u")  # the first carry is taken back only once
        await pilot.pause()
        assert screen.conversation.questions == []
        screen.save_now()
        assert app.store.flush()
        assert _plan_on_disk(tmp_path, "chat-marcus-2") == []

        await pilot.press("down", "enter")  # a row of the earlier chat: read it
        read = await until(pilot, lambda: isinstance(app.screen, ReadScreen) and app.screen)
        assert read.conversation_id == "chat-marcus"


async def test_a_question_already_planned_is_not_carried_twice(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    plan = app.store.conversation("chat-marcus-2")
    plan.questions = [Question(text="typical week")]
    app.store.save_conversation(plan)
    async with app.run_test(size=(60, 24)) as pilot:
        screen = await _open(app, pilot, "chat-marcus-2")
        await until(pilot, lambda: screen.query_one(PrepPane).brief is not None)
        await pilot.press("f3")
        await until(pilot, lambda: app.focused is screen.query_one("#brief-rows"))
        assert "✓ Q1 Typical week?" in _rows(app)
        await pilot.press("c")
        await pilot.pause()
        assert [q.text for q in screen.conversation.questions] == ["typical week",
                                                                   "What surprised you?"]
        assert "Added 1 question" in _toasts(app)


async def test_no_brief_for_someone_never_met_or_a_held_conversation(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fill(app.store)
    newcomer = app.store.save_contact(Contact(name="Nadia Novak"))
    never = app.store.new_conversation(newcomer, status="scheduled")
    async with app.run_test(size=(80, 24)) as pilot:
        for conversation_id in (never.id, "chat-marcus"):
            screen = await _open(app, pilot, conversation_id)
            prep = screen.query_one(PrepPane)
            await pilot.press("f3")
            await pilot.pause()
            await until(pilot, lambda: not screen.workers)  # noqa: B023
            assert prep.brief is None and prep.current == "prep-research"
            assert "Last time" not in str(screen.query_one("#prep-bar").render())
            assert screen.query_one(BriefPart).brief is None
            await pilot.press("5")
            assert prep.current == "prep-research"
            await pilot.press("escape")
            await until(pilot, lambda: not isinstance(app.screen, ConversationScreen))
