"""A conversation linked to the career hypotheses it will test, before any evidence: from Prep
(f8), from the Hypotheses view (l); shown in Reflect and in the Hypotheses view."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

from textual.widgets import OptionList, SelectionList

from tests.reflect_data import fixed_clock
from tests.routine_data import NOW, save_routine_records
from tests.uitools import make_app, type_text, until
from tui.core.hypotheses import Hypothesis, add_evidence, load_hypotheses, save_hypotheses
from tui.dialogs.hypothesis_forms import EvidenceForm
from tui.dialogs.hypothesis_links import LinkHypothesesForm, PickConversation
from tui.screens.conversation import ConversationScreen
from tui.screens.hypotheses import HypothesesScreen
from tui.screens.side_files import side_files_idle


def on_disk(tmp_path: Path) -> dict[str, dict[str, Any]]:
    data = json.loads((tmp_path / "hypotheses.json").read_text(encoding="utf-8"))
    return {h["id"]: h for h in data["hypotheses"].values()}


def two_hypotheses(tmp_path: Path) -> None:
    save_hypotheses(tmp_path, [
        Hypothesis(statement="Robotics research would suit me", id="h1"),
        Hypothesis(statement="Economic development is worth a switch", id="h2")])


def links_text(app: Any, selector: str) -> str:
    found = app.screen.query(selector)  # none while a dialog is up
    return str(found.first().render()) if found else ""


async def open_chat(pilot: Any, chat_id: str) -> None:
    chats = pilot.app.screen.query_one("#conversation-list", OptionList)
    chats.highlighted = chats.get_option_index(chat_id)
    await pilot.press("enter")
    await until(pilot, lambda: isinstance(pilot.app.screen, ConversationScreen))


def test_old_files_load_and_unknown_keys_are_kept(tmp_path: Path) -> None:
    (tmp_path / "hypotheses.json").write_text(json.dumps({"hypotheses": {"1": {
        "id": "h1", "statement": "Teaching would suit me", "status": "exploring",
        "evidence": [{"id": "e1", "conversation_id": "c1", "verdict": "for",
                      "on": "2026-11-01", "mood": "good"}],
        "colour": "blue", "created_at": "2026-11-01T09:00:00+00:00"}}}))
    (h,) = load_hypotheses(tmp_path)
    assert h.tested_by == [] and h.is_tested_by("c1") and h.awaiting() == []
    h.tested_by.append("c2")
    save_hypotheses(tmp_path, [h])
    saved = on_disk(tmp_path)["h1"]
    assert (saved["colour"], saved["evidence"][0]["mood"]) == ("blue", "good")
    assert saved["tested_by"] == ["c2"]
    assert load_hypotheses(tmp_path)[0].awaiting() == ["c2"]


async def test_link_in_prep_then_reflect_lists_it_and_f8_preselects_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fixed_clock(app, NOW)
    save_routine_records(app.store)
    two_hypotheses(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_chat(pilot, "chat-ana")
        await pilot.press("f3")
        await until(pilot, lambda: "no hypothesis linked: f8" in links_text(app, "#prep-tests"))
        await pilot.press("f3")  # the Questions part, the cursor in the goal
        await type_text(pilot, "learn")
        await pilot.press("f8")  # a function key: never text, even in the goal box
        await until(pilot, lambda: isinstance(app.screen, LinkHypothesesForm))
        await pilot.press("down", "space", "enter")  # tick the second, save
        await until(pilot, lambda: isinstance(app.screen, ConversationScreen))
        assert app.screen.conversation.goal == "learn"
        assert "Economic development is worth a switch" in links_text(app, "#prep-tests")
        await until(pilot, side_files_idle)
        assert on_disk(tmp_path)["h2"]["tested_by"] == ["chat-ana"]
        assert on_disk(tmp_path)["h1"]["tested_by"] == []
        await pilot.press("f5")
        await until(pilot, lambda: "no evidence yet — f8" in links_text(app, "#reflect-tests"))
        assert "Robotics" not in links_text(app, "#reflect-tests")
        await pilot.press("f8")
        await until(pilot, lambda: isinstance(app.screen, EvidenceForm))
        assert app.screen.query_one("#e-which").value == "h2"  # the linked one
        await type_text(pilot, "a")
        await pilot.press("tab")
        await type_text(pilot, "Pay halves")
        await pilot.press("enter")
        await until(pilot, lambda: "− against: Pay halves" in links_text(app, "#reflect-tests"))
        await until(pilot, side_files_idle)
    saved = on_disk(tmp_path)["h2"]
    assert saved["tested_by"] == ["chat-ana"]
    assert [(e["conversation_id"], e["verdict"]) for e in saved["evidence"]] == [
        ("chat-ana", "against")]


async def test_link_from_the_hypotheses_view_shows_to_test_in(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fixed_clock(app, NOW)
    save_routine_records(app.store)
    first = Hypothesis(statement="Robotics research would suit me", id="h1")
    add_evidence(first, "chat-dana", "for", "The lab hires generalists", date(2026, 11, 30))
    save_hypotheses(tmp_path, [first])
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("h")
        await until(pilot, lambda: getattr(app.screen, "loaded", False))
        assert isinstance(app.screen, HypothesesScreen)
        await pilot.press("l")
        await until(pilot, lambda: isinstance(app.screen, PickConversation))
        options = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert any(o.startswith("Carla Diaz") for o in options), options
        await type_text(pilot, "carla")
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, HypothesesScreen))
        detail = links_text(app, "#hypothesis-evidence")
        assert "+ 2026-11-30 Dana Li: The lab hires generalists" in detail
        assert "… to test in: Carla Diaz, not scheduled" in detail
        await until(pilot, side_files_idle)
        assert on_disk(tmp_path)["h1"]["tested_by"] == ["chat-carla"]
        await pilot.press("escape")
        await open_chat(pilot, "chat-carla")
        await pilot.press("f3", "f3", "f8")
        await until(pilot, lambda: isinstance(app.screen, LinkHypothesesForm))
        ticks = app.screen.query_one(SelectionList)
        assert ticks.selected == ["h1"]  # already linked
        await pilot.press("space", "ctrl+s")  # untick it
        await until(pilot, lambda: isinstance(app.screen, ConversationScreen))
        await until(pilot, side_files_idle)
    assert on_disk(tmp_path)["h1"]["tested_by"] == []
    assert on_disk(tmp_path)["h1"]["evidence"][0]["conversation_id"] == "chat-dana"


async def test_space_then_enter_in_one_burst_saves_the_tick(tmp_path: Path) -> None:
    from tests.test_ui_live_typing import burst

    app = make_app(tmp_path)
    fixed_clock(app, NOW)
    save_routine_records(app.store)
    two_hypotheses(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_chat(pilot, "chat-ana")
        await pilot.press("f3")
        await until(pilot, lambda: "no hypothesis linked" in links_text(app, "#prep-tests"))
        await pilot.press("f8")
        await until(pilot, lambda: isinstance(app.focused, SelectionList))
        burst(app, [("space", " "), ("enter", None)])
        await until(pilot, lambda: "Robotics" in links_text(app, "#prep-tests"))
        await until(pilot, side_files_idle)
    assert on_disk(tmp_path)["h1"]["tested_by"] == ["chat-ana"]
