"""Pilot tests of the live checklist beside the outreach draft."""

from __future__ import annotations

import json
import threading
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import TextArea

from tests.test_ui_prep import MONDAY, new_app, open_prep, text_of
from tests.uitools import type_text
from tui.app import CoffeechatApp
from tui.core.content import OUTREACH, fill_template, shipped_dir
from tui.core.outreach_checks import DraftContext, check_draft
from tui.widgets import outreach_checklist
from tui.widgets.outreach_checklist import OutreachChecklist


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CoffeechatApp, "now", lambda self: MONDAY)


def checks(app: Any) -> str:
    return text_of(app, "#outreach-checks")


async def until(pilot: Any, condition: Any, tries: int = 400) -> None:
    """Let the app run until ``condition()`` holds (a worker thread is checking)."""
    for _ in range(tries):
        if condition():
            return
        await pilot.pause(0.02)
    raise AssertionError("the condition never held")


def test_the_shipped_template_passes_every_check() -> None:
    template = (shipped_dir() / OUTREACH).read_text(encoding="utf-8")
    values = {"name": "Priya", "mutual_connection": "Dana Okafor", "my_name": "Sam Lee",
              "who_i_am": "I teach physics and I'm exploring a move into UX research.",
              "why_them": "you made that same switch at Northwind Health",
              "what_i_hope_to_learn": "how you tested the move before committing"}
    for minutes in (20, 30):
        draft = fill_template(template, {**values, "minutes": str(minutes)})
        context = DraftContext(name="Priya Raman", company="Northwind Health",
                               introducer="Dana Okafor", minutes=minutes)
        assert [(r.key, r.status) for r in check_draft(draft, context)
                if r.status != "pass"] == []


async def test_checklist_follows_the_draft_and_the_medium(tmp_path: Path) -> None:
    app = new_app(tmp_path, goal="platform teams", minutes=20)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_prep(pilot, "3")
        assert checks(app).startswith("Email: 6 of 6 checks pass (f7 LinkedIn)")
        assert "✓ Suggests 20 min" in checks(app)
        draft = app.screen.query_one("#outreach-draft", TextArea)
        draft.focus()
        await pilot.press("ctrl+end")
        await type_text(pilot, " Could you refer me for a job [b]now[/b]")
        lines = checks(app).splitlines()
        assert lines[0] == "Email: 4 of 6 checks pass (f7 LinkedIn)", lines
        assert "✗ Asks for a job or referral" in lines
        assert "! Question not at the end" in lines
        await pilot.press("f7")  # a command key in the draft: the text is unchanged
        assert checks(app).startswith("LinkedIn note: ")
        assert draft.text.endswith("[b]now[/b]")
        await pilot.pause()
        await app.workers.wait_for_complete()
    saved = json.loads((tmp_path / "config" / "settings.json").read_text(encoding="utf-8"))
    assert saved["outreach_medium"] == "linkedin"


async def test_a_huge_paste_is_checked_in_the_background(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    checked_on = []

    def spy(text: str, context: DraftContext) -> Any:
        checked_on.append((len(text), threading.current_thread() is threading.main_thread()))
        return check_draft(text, context)

    monkeypatch.setattr(outreach_checklist, "check_draft", spy)
    app = new_app(tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_prep(pilot, "3")
        draft = app.screen.query_one("#outreach-draft", TextArea)
        assert checked_on and all(on_loop for _, on_loop in checked_on)  # short: at once
        checked_on.clear()
        draft.replace("Would you have 20 minutes? " * 300, (0, 0), draft.document.end)
        await until(pilot, lambda: "Long" in checks(app))
        assert checked_on == [(8100, False)]  # long: once, off the event loop
        assert "✗ Long: 1500 words\n  Cut 1400 words: aim for under 100." in checks(app)
        draft.replace("x " * 15_000, (0, 0), draft.document.end)
        await pilot.pause()
        assert checks(app) == "Email: not checked: over 20,000 characters (f7 LinkedIn)"
        assert app.screen.query_one(OutreachChecklist).compact  # 80 columns: under the draft


async def test_narrow_split_lists_only_what_needs_a_look(tmp_path: Path) -> None:
    app = new_app(tmp_path, minutes=45)
    async with app.run_test(size=(60, 24)) as pilot:
        await open_prep(pilot, "3")
        shown = checks(app).splitlines()
        assert shown[0] == "Email: 5 of 6 checks pass (f7 LinkedIn)"
        assert [line[:2] for line in shown[1:]] == ["✗ ", "  "]  # 45 minutes is too long an ask
        assert "✓" not in checks(app)
