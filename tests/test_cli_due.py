"""``coffeechat due [--json]``: the Due list on the command line, with a fixed clock."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

import pytest

from tui import cli
from tui.cli import main
from tui.core.models import ActionItem, Contact, Conversation, LiveSession, Referral
from tui.core.storage import DATA_FILE
from tui.core.store import Store

NOW = datetime(2026, 12, 3, 20, 0, tzinfo=timezone.utc)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.records, "_now", lambda: NOW)


def _fill(folder: Path) -> None:
    store = Store.open(folder)
    ana = store.save_contact(Contact(name="Ana Silva", id="ana"))
    store.save_conversation(Conversation(
        contact_id=ana.id, id="chat1", status="done",
        live=LiveSession(started_at="2026-12-03T14:30:00+00:00",
                         ended_at="2026-12-03T15:00:00+00:00"),
        actions=[ActionItem(text="Send the\nportfolio\x1b[31m", due="2026-12-01")],
        referrals=[Referral(name="Bob Lee")],
    ))
    store.save_contact(Contact(name="Carla", id="carla", cadence_days=30,
                               last_contacted="2026-10-01"))
    store.close()


def test_due_table_most_urgent_first(capsys, data_dir: Path) -> None:
    _fill(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "due")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["LEVEL", "DUE", "CONTACT", "KIND", "REASON"]
    assert [line.split()[0] for line in lines[1:]] == ["overdue", "overdue", "due", "due"]
    assert "keep in touch (every 30 days)" in lines[1]
    assert "action overdue since Tue 01 Dec: Send the portfolio␛[31m" in lines[2]
    assert "\x1b" not in out
    assert "thank-you due · 19h left" in lines[4]


def test_due_json_for_scripts(capsys, data_dir: Path) -> None:
    _fill(data_dir)
    code, out, _ = run(capsys, "due", "--json", "--data-dir", str(data_dir))
    assert code == 0
    items = json.loads(out)
    assert [(i["kind"], i["contact"], i["conversation"]) for i in items] == [
        ("cadence", "Carla", None), ("action", "Ana Silva", "chat1"),
        ("referral", "Bob Lee", "chat1"), ("thank-you", "Ana Silva", "chat1")]
    assert items[3]["due"] == "2026-12-04T15:00:00+00:00"
    assert items[1]["due"] == "2026-12-01"
    assert set(items[0]) == {"kind", "level", "due", "contact", "contact_id", "conversation",
                             "reason"}


def test_nothing_due_says_so_in_one_line(capsys, data_dir: Path) -> None:
    assert run(capsys, "--data-dir", str(data_dir), "due") == (0, "Nothing is due.\n", "")
    assert run(capsys, "--data-dir", str(data_dir), "due", "--json") == (0, "[]\n", "")
    assert not (data_dir / DATA_FILE).exists()  # read-only: nothing created


def test_due_works_beside_the_running_app_and_reports_damage(capsys, data_dir: Path) -> None:
    _fill(data_dir)
    holder = Store.open(data_dir)  # as if the app were open
    try:
        code, out, _ = run(capsys, "--data-dir", str(data_dir), "due", "--json")
        assert code == 0 and len(json.loads(out)) == 4
    finally:
        holder.close()
    (data_dir / DATA_FILE).write_text("{not json")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "due")
    assert (code, out) == (1, "")
    assert err.startswith("coffeechat: ") and err.count("\n") == 1
