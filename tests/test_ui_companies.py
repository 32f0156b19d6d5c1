"""Pilot tests and snapshots of the Companies view and a company's page."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from textual.widgets import DataTable, OptionList

from tests.reflect_data import fixed_clock
from tests.routine_data import NOW, save_routine_records
from tests.snapshot_tools import snapshot_app, until_still
from tests.uitools import make_app, type_text, until
from tui.core.models import Contact
from tui.dialogs.company_form import CompanyForm
from tui.dialogs.confirm import ConfirmScreen
from tui.screens.companies import CompaniesScreen, work_out
from tui.screens.company_page import CompanyPage
from tui.screens.home import HomeScreen
from tui.screens.side_files import side_files_idle


def company_app(make: Any, tmp_path: Path) -> Any:
    app = make(tmp_path)
    fixed_clock(app, NOW)
    save_routine_records(app.store)
    app.store.save_contact(Contact(name="Zed [b]Yu[/b]", company="Acme Robotics, Inc.",
                                   id="zed", how_found="alumni"))
    return app


def names(app: Any) -> list[str]:
    table = app.screen.query_one(DataTable)
    return [str(table.get_row_at(i)[1]) for i in range(table.row_count)]


def on_disk(tmp_path: Path) -> list[dict]:
    data = json.loads((tmp_path / "companies.json").read_text(encoding="utf-8"))
    return list(data["companies"].values())


async def test_companies_list_sort_edit_merge_and_page(tmp_path: Path) -> None:
    app = company_app(make_app, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await until(pilot, lambda: app.screen.loaded)
        assert isinstance(app.screen, CompaniesScreen)
        assert names(app) == ["Acme Robotics", "Acme Robotics, Inc.", "Globex"]
        assert "1 look-alike name to merge (m)" in str(
            app.screen.query_one("#companies-note").render())
        await pilot.press("down", "down", "e")
        assert isinstance(app.screen, CompanyForm)
        await type_text(pilot, "fintech team")
        await pilot.press("tab", "backspace", "3", "tab", "backspace", "2", "enter")
        # 3 + 2 + a contact there: most promising
        await until(pilot, lambda: names(app)[0] == "Globex")
        await pilot.press("s", "s")  # score -> name -> motivation
        assert "sorted by motiv." in str(app.screen.query_one("#companies-note").render())
        await pilot.press("m")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("escape")  # not without a yes
        assert len(names(app)) == 3
        await pilot.press("m", "left", "enter")
        await until(pilot, lambda: len(names(app)) == 2)
        assert sorted(names(app)) == ["Acme Robotics", "Globex"]
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=names(app).index("Acme Robotics"))
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, CompanyPage)
        people = str(app.screen.query_one("#company-people").render())
        assert "Zed [b]Yu[/b] · via alumni" in people  # literally, never as markup
        assert "Bob Lee · Engineer" in people
        await pilot.press("escape", "escape")
        assert isinstance(app.screen, HomeScreen)
    saved = {c["name"]: c for c in on_disk(tmp_path)}
    assert set(saved) == {"Acme Robotics", "Globex"}
    assert (saved["Globex"]["why"], saved["Globex"]["motivation"],
            saved["Globex"]["openings"]) == ("fintech team", 3, 2)
    assert saved["Acme Robotics"]["aliases"] == ["Acme Robotics, Inc."]


async def test_a_bad_score_is_refused(tmp_path: Path) -> None:
    app = company_app(make_app, tmp_path)
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("c")
        await until(pilot, lambda: app.screen.loaded)
        await pilot.press("e", "tab", "backspace", "7", "ctrl+s")
        assert isinstance(app.screen, CompanyForm)
        assert "Motivation: a score from 0 to 3." in str(
            app.screen.query_one(".form-error").render())


def test_companies_snapshot(snap_compare, tmp_path: Path) -> None:
    app = company_app(snapshot_app, tmp_path)

    async def run_before(pilot: Any) -> None:
        await pilot.press("c")
        await until(pilot, lambda: pilot.app.screen.loaded)
        await until(pilot, side_files_idle)  # the companies named by contacts are written
        await until_still(pilot)

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)


def test_company_page_snapshot_narrow(snap_compare, tmp_path: Path) -> None:
    app = company_app(snapshot_app, tmp_path)

    async def run_before(pilot: Any) -> None:
        await pilot.press("c")
        await until(pilot, lambda: pilot.app.screen.loaded)
        await pilot.press("enter")
        await until(pilot, lambda: getattr(pilot.app.screen, "learned_ready", False))
        await until(pilot, side_files_idle)
        await until_still(pilot)

    assert snap_compare(app, terminal_size=(60, 24), run_before=run_before)


async def test_companies_file_is_written_off_the_event_loop(
        tmp_path: Path, monkeypatch: Any) -> None:
    import threading

    from tui.core import company_file

    writers: list[str] = []
    save = company_file.save_records

    def spy(*args: Any) -> None:
        writers.append(threading.current_thread().name)
        save(*args)

    monkeypatch.setattr(company_file, "save_records", spy)
    app = company_app(make_app, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        main = threading.current_thread().name
        await pilot.press("c")
        await until(pilot, lambda: app.screen.loaded)
        await until(pilot, side_files_idle)
        assert writers and main not in writers
        assert sorted(c["name"] for c in on_disk(tmp_path)) == [
            "Acme Robotics", "Acme Robotics, Inc.", "Globex"]
    assert (tmp_path / "companies.json").stat().st_mode & 0o777 == 0o600


async def test_company_page_lists_what_is_due_and_enter_opens_it(tmp_path: Path) -> None:
    from tui.core.models import Conversation, LiveSession, Reflection
    from tui.screens.conversation import ConversationScreen

    app = company_app(make_app, tmp_path)
    app.store.save_conversation(Conversation(
        contact_id="bob", id="chat-bob", status="done",
        live=LiveSession(started_at="2026-11-30T15:00:00+00:00",
                         ended_at="2026-11-30T15:30:00+00:00"),
        reflection=Reflection(answers={"key-insights": "Hiring is [i]slow[/i] in Q1"},
                              rating=4)))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("c")
        await until(pilot, lambda: app.screen.loaded)
        table = app.screen.query_one(DataTable)
        table.move_cursor(row=names(app).index("Acme Robotics"))
        await pilot.press("enter")
        await until(pilot, lambda: getattr(app.screen, "learned_ready", False))
        page = app.screen
        assert isinstance(page, CompanyPage)
        due = page.query_one("#company-due", OptionList)
        rows = [str(o.prompt) for o in due.options]
        assert any("Ana Silva" in r and "Wed 2 Dec" in r for r in rows), rows
        assert any("Bob Lee" in r and "thank-you" in r for r in rows), rows
        learned = str(page.query_one("#company-conversations").render())
        assert "Bob Lee · 2026-11-30" in learned and "rated 4/5" in learned
        assert "#key-insights Hiring is [i]slow[/i] in Q1" in learned
        assert app.focused is due
        due.highlighted = next(i for i, r in enumerate(rows) if "Bob Lee" in r)
        await pilot.press("enter")
        await until(pilot, lambda: isinstance(app.screen, ConversationScreen))
        assert app.screen.conversation_id == "chat-bob"
        await pilot.press("escape")
        await until(pilot, lambda: isinstance(app.screen, CompanyPage))


async def test_companies_open_with_rows_worked_out_ahead_and_again_after_a_change(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    worked_out: list[int] = []

    def counted(*args: Any, **kwargs: Any) -> Any:
        worked_out.append(1)
        return work_out(*args, **kwargs)

    monkeypatch.setattr("tui.screens.companies.work_out", counted)
    app = company_app(make_app, tmp_path)
    async with app.run_test(size=(80, 24)) as pilot:
        await until(pilot, lambda: worked_out)  # ahead, once home's own work was done
        await until(pilot, lambda: not any(w.is_running for w in app.workers))
        await pilot.press("c")
        await until(pilot, lambda: app.screen.loaded)
        assert names(app) == ["Acme Robotics", "Acme Robotics, Inc.", "Globex"]
        assert len(worked_out) == 1  # shown from what was worked out ahead
        await pilot.press("m")  # merging changes a company in place: on the screen's copy
        await until(pilot, lambda: isinstance(app.screen, ConfirmScreen))
        await pilot.press("left", "enter")
        await until(pilot, lambda: len(names(app)) == 2)
        await pilot.press("escape")
        app.store.save_contact(Contact(name="Ida Initech", company="Initech", id="ida"))
        await pilot.press("c")
        await until(pilot, lambda: isinstance(app.screen, CompaniesScreen)
                    and app.screen.loaded)
        await until(pilot, lambda: "Initech" in names(app))
        assert len(worked_out) >= 2  # the records changed: worked out again
        assert "Acme Robotics, Inc." not in names(app)  # the merge held
