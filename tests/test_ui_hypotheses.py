"""Career hypotheses: records, evidence from Reflect (f8), and the Hypotheses view."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import OptionList

from tests.reflect_data import fixed_clock
from tests.routine_data import NOW, save_routine_records
from tests.snapshot_tools import snapshot_app
from tests.uitools import make_app, type_text, until
from tui.core.hypotheses import Hypothesis, add_evidence, load_hypotheses, save_hypotheses
from tui.core.record_file import RecordFileError
from tui.dialogs.hypothesis_forms import EvidenceForm, HypothesisForm
from tui.screens.conversation import ConversationScreen
from tui.screens.hypotheses import HypothesesScreen


def test_evidence_over_time_one_per_conversation(tmp_path: Path) -> None:
    h = Hypothesis(statement="PM at a fintech would suit me")
    add_evidence(h, "c1", "for", "loves  the\npace", date(2026, 12, 1))
    add_evidence(h, "c2", "against", "", date(2026, 11, 20))
    add_evidence(h, "c1", "mixed", "on second thought", date(2026, 12, 2))
    assert [(e.conversation_id, e.verdict, e.note) for e in h.timeline()] == [
        ("c2", "against", ""), ("c1", "mixed", "on second thought")]
    assert h.summary() == "0 for · 1 against · 1 mixed · 2 conversations"
    with pytest.raises(ValueError, match="for, against or mixed"):
        add_evidence(h, "c3", "maybe", "", date(2026, 12, 2))
    save_hypotheses(tmp_path, [h])
    assert load_hypotheses(tmp_path)[0].to_dict() == h.to_dict()
    (tmp_path / "hypotheses.json").write_text('{"hypotheses": {"1": {"statement": ""}}}')
    with pytest.raises(RecordFileError, match="needs a statement"):
        load_hypotheses(tmp_path)


def saved(tmp_path: Path) -> list[dict]:
    data = json.loads((tmp_path / "hypotheses.json").read_text(encoding="utf-8"))
    return list(data["hypotheses"].values())


async def test_write_a_hypothesis_note_evidence_in_reflect_and_see_it(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    fixed_clock(app, NOW)
    save_routine_records(app.store)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HypothesesScreen)
        await until(pilot, lambda: app.screen.loaded)
        await pilot.press("a")
        assert isinstance(app.screen, HypothesisForm)
        await type_text(pilot, "Robotics research would suit me")
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("s")  # exploring -> promising
        rows = [str(o.prompt) for o in app.screen.query_one(OptionList).options]
        assert rows[0].startswith("promising Robotics research would suit me")
        await pilot.press("escape")
        chats = app.screen.query_one("#conversation-list", OptionList)
        chats.highlighted = chats.get_option_index("chat-ana")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("f5")
        await pilot.pause()
        await pilot.press("f8")
        assert isinstance(app.screen, EvidenceForm)
        assert app.focused.id == "e-verdict"  # the hypothesis is chosen already
        await type_text(pilot, "f")
        await pilot.press("tab")
        await type_text(pilot, "She said the lab hires [b]generalists[/b]")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, ConversationScreen)
        await pilot.press("escape")
        await pilot.pause()
        if isinstance(app.screen, ConversationScreen):
            await pilot.press("escape")
            await pilot.pause()
        await pilot.press("h")
        await until(pilot, lambda: getattr(app.screen, "loaded", False))
        detail = str(app.screen.query_one("#hypothesis-evidence").render())
        assert "+ 2026-12-03 Ana Silva: She said the lab hires [b]generalists[/b]" in detail
        assert "promising · 1 for · 0 against · 0 mixed · 1 conversation" in detail
    (h,) = saved(tmp_path)
    assert (h["statement"], h["status"]) == ("Robotics research would suit me", "promising")
    assert [(e["conversation_id"], e["verdict"]) for e in h["evidence"]] == [("chat-ana", "for")]


def test_hypotheses_snapshot(snap_compare, tmp_path: Path) -> None:
    app = snapshot_app(tmp_path)
    fixed_clock(app, NOW)
    save_routine_records(app.store)
    first = Hypothesis(statement="Robotics research would suit me", status="promising",
                       id="h1", created_at="2026-11-01T09:00:00+00:00")
    add_evidence(first, "chat-ana", "for", "The lab hires generalists", date(2026, 11, 30))
    add_evidence(first, "chat-dana", "mixed", "Long hours in crunch", date(2026, 12, 1))
    second = Hypothesis(statement="Economic development is worth a switch",
                        status="ruled_out", id="h2", created_at="2026-11-02T09:00:00+00:00")
    add_evidence(second, "chat-carla", "against", "Pay halves", date(2026, 12, 2))
    save_hypotheses(tmp_path, [first, second])

    async def run_before(pilot: Any) -> None:
        await pilot.press("h")
        await until(pilot, lambda: getattr(pilot.app.screen, "loaded", False))

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)
