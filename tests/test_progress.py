"""Progress read off the records (``tui.core.progress``) and ``coffeechat stats [--json]``."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tests.routine_data import NOW, routine_records, save_routine_records
from tui import cli
from tui.cli import main
from tui.core.models import Contact, Conversation, DraftMessage, LiveSession, Referral
from tui.core.progress import progress, stats_inputs
from tui.core.store import Store


def held_chat() -> tuple[list[Contact], Conversation]:
    """A call held on Tue 1 Dec with an ask that led to an introduction (Eve became a
    contact) and a referral not yet a contact."""
    ann = Contact(name="Ann", id="ann", cadence_days=30)
    eve = Contact(name="Eve", id="eve")
    chat = Conversation(
        contact_id="ann", id="chat-ann", status="thanked", ask="an introduction",
        outreach=DraftMessage(sent_on="2026-11-24", replied_on="2026-11-25", reply="yes"),
        live=LiveSession(started_at="2026-12-01T23:30:00+00:00",
                         ended_at="2026-12-02T00:00:00+00:00"),
        thank_you=DraftMessage(sent_on="2026-12-02"),
        referrals=[Referral(name="Eve", contact_id="eve"), Referral(name="Bo")])
    return [ann, eve], chat


def test_each_conversation_is_read_as_the_stats_need_it() -> None:
    people, chat = held_chat()
    (row,) = stats_inputs(people, [chat], NOW)
    assert row.held_on.isoformat() == "2026-12-01"  # the call's day in the user's zone
    assert (row.referrals, row.introductions, row.ask_made) == (2, 1, True)
    assert (row.reply_answer, row.cadence) == ("yes", "within")
    later = datetime(2027, 2, 1, tzinfo=timezone.utc)
    assert stats_inputs(people, [chat], later)[0].cadence == "overdue"


def test_progress_counts_the_funnel_and_the_ask() -> None:
    contacts, chats = routine_records()
    people, chat = held_chat()
    stats = progress(contacts + people, [*chats, chat], NOW)
    assert [(s.stage, s.count) for s in stats.funnel] == [
        ("ideas", 4), ("reached_out", 4), ("replied", 2), ("held", 1), ("thanked", 1),
        ("referrals", 2)]
    assert (stats.asked, stats.led_to_introduction) == (1, 1)
    monday = stats.replies_by_weekday[0]
    assert (monday.label, monday.sent, monday.replied) == ("Mon", 2, 1)


@pytest.fixture
def filled(data_dir: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(cli.stats, "_now", lambda: NOW)
    store = Store.open(data_dir)
    save_routine_records(store)
    store.close()
    return data_dir


def test_stats_json_has_the_documented_keys(capsys, filled: Path) -> None:
    assert main(["stats", "--json", "--data-dir", str(filled)]) == 0
    out, err = capsys.readouterr()
    data = json.loads(out)
    assert err == ""
    assert set(data) == {"today", "conversations", "funnel", "replies", "per_month", "ask",
                         "relationships"}
    assert data["funnel"][1] == {"stage": "reached_out", "label": "Reached out", "count": 3,
                                 "conversion": 1.0}
    assert [d["weekday"] for d in data["replies"]["by_weekday"]] == \
        ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    assert data["per_month"][-1] == {"month": "2026-12", "held": 0, "reached_out": 1}
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    for key in data:
        assert f"`{key}`" in readme


def test_stats_table_for_people(capsys, filled: Path) -> None:
    assert main(["stats", "--data-dir", str(filled)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Progress as of 2026-12-03 (3 conversations)")
    assert "Reached out       3      100%" in out
    assert "Mon  2     1        0        50%   1" in out
