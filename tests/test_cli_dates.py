"""Dates on the command line: refused outside 1900-2200 with a precise message, and a data
file that already holds such a date (from an older coffeechat or a hand edit) still lists,
shows what is due and exports, in any time zone."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from tests.test_cli import assert_one_line_error, run
from tui.core.models import ActionItem, Contact, Conversation, LiveSession
from tui.core.store import Store


@pytest.mark.parametrize(
    ("when", "words"),
    [
        ("9999-12-31 23:59", "'9999-12-31 23:59' is too far ahead: coffeechat takes dates from "
                             "1900 to 2200"),
        ("0001-01-01 00:00", "'0001-01-01 00:00' is too long ago"),
        ("2026-13-45", "'2026-13-45' is not a real date: there is no month 13"),
        ("2026-02-29 10:00", "February 2026 has 28 days"),
        ("-1", "'-1' is not a date and time coffeechat understands"),
        ("", "--when is empty: give a date and time"),
        ("   ", "--when is empty"),
    ],
)
def test_new_refuses_impossible_dates(capsys, data_dir: Path, when: str, words: str) -> None:
    code, out, err = run(capsys, "--data-dir", str(data_dir), "new", "Bob", "--when", when)
    assert (code, out) == (2, "")
    assert_one_line_error(err, words)
    assert not (data_dir / "coffeechat.json").exists()


def _plant_extreme_dates(folder: Path) -> None:
    """What an older coffeechat let in: year 9999 and year 1, with and without offsets."""
    store = Store.open(folder)
    bob = store.save_contact(Contact(name="Bob", last_contacted="9999-12-31", cadence_days=30))
    old = store.save_contact(Contact(name="Old", last_contacted="0001-01-01"))
    store.save_conversation(Conversation(contact_id=bob.id, status="scheduled",
                                         scheduled_at="9999-12-31T23:59:00+00:00"))
    store.save_conversation(Conversation(contact_id=bob.id, status="done",
                                         scheduled_at="9999-12-31T23:59:00",
                                         actions=[ActionItem(text="x", due="9999-12-31")]))
    store.save_conversation(Conversation(
        contact_id=old.id, status="done", scheduled_at="0001-01-01T00:00:00",
        live=LiveSession(started_at="0001-01-01T00:00:00", ended_at="0001-01-01T00:30:00")))
    store.close()


@pytest.mark.parametrize("zone", ["Asia/Tokyo", "America/Los_Angeles", "UTC"])
def test_extreme_stored_dates_list_due_and_export(
        data_dir: Path, subprocess_env: dict[str, str], zone: str) -> None:
    _plant_extreme_dates(data_dir)
    env = dict(subprocess_env, TZ=zone)
    for argv in (["list"], ["list", "--json"], ["due"], ["due", "--json"], ["export"]):
        result = subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(data_dir), *argv],
                                capture_output=True, text=True, env=env, timeout=60)
        assert (result.returncode, result.stderr) == (0, ""), (argv, result.stderr)
    listed = subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(data_dir), "list"],
                            capture_output=True, text=True, env=env, timeout=60).stdout
    assert "9999-12-31 23:59" in listed or "9999" in listed
