"""``coffeechat due`` lists the outreach follow-up routine's steps, with their own kinds and
the numbers from the settings file."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from tests.routine_data import NOW, save_routine_records
from tui import cli
from tui.cli import main
from tui.core.store import Store


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cli.records, "_now", lambda: NOW)


@pytest.fixture
def filled(data_dir: Path) -> Path:
    store = Store.open(data_dir)
    save_routine_records(store)
    store.close()
    return data_dir


def settings(values: dict) -> None:
    folder = Path(os.environ["COFFEECHAT_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "settings.json").write_text(json.dumps(values), encoding="utf-8")


def due_json(capsys, folder: Path) -> tuple[list[dict], str]:
    assert main(["due", "--json", "--data-dir", str(folder)]) == 0
    out, err = capsys.readouterr()
    return json.loads(out), err


def test_due_json_has_both_routine_kinds(capsys, filled: Path) -> None:
    items, err = due_json(capsys, filled)
    assert err == ""
    routine = [i for i in items if i["kind"].startswith("outreach-")]
    assert routine == [
        {"kind": "outreach-second-contact", "level": "overdue", "due": "2026-11-26",
         "contact": "Ana Silva", "contact_id": "ana", "conversation": "chat-ana",
         "reason": "no reply from Ana Silva after 8 business days: reach out to a second "
                   "person at Acme Robotics"},
        {"kind": "outreach-follow-up", "level": "overdue", "due": "2026-12-02",
         "contact": "Ana Silva", "contact_id": "ana", "conversation": "chat-ana",
         "reason": "no reply from Ana Silva after 8 business days: send one short follow-up"},
    ]
    assert main(["due", "--data-dir", str(filled)]) == 0
    table = capsys.readouterr().out
    assert "outreach-follow-up" in table and "outreach-second-contact" in table


def test_the_numbers_come_from_settings_and_bad_ones_are_named(capsys, filled: Path) -> None:
    settings({"second_contact_after": 4, "follow_up_after": 9})
    items, _err = due_json(capsys, filled)
    assert [(i["kind"], i["due"]) for i in items if i["kind"].startswith("outreach-")] == \
        [("outreach-second-contact", "2026-11-27")]
    settings({"second_contact_after": "soon", "holidays": ["someday"]})
    items, err = due_json(capsys, filled)
    assert "coffeechat: warning: settings.json: second_contact_after: 'soon' is not a whole " \
           "number of business days from 1 to 60; using 3" in err
    assert "holidays: 'someday' is not a YYYY-MM-DD date; skipped" in err
    assert len([i for i in items if i["kind"].startswith("outreach-")]) == 2
