"""The way back: ``coffeechat backups`` lists the copies and whether each loads, ``restore``
puts one back (a whole snapshot, one conversation, an older single-file backup; keeping what
it replaces), and an export can never land on the data's files."""

from __future__ import annotations

import json
import os
import shutil
from datetime import date
from pathlib import Path

import pytest

from tests.layout_tools import conversation_files, main_file
from tests.test_cli import assert_one_line_error, run
from tui.core.models import Contact, Conversation
from tui.core.storage import BACKUP_DIR, DATA_FILE, LOCK_FILE
from tui.core.store import Store

GOOD_DAY = "2026-11-20"
BAD_DAY = "2026-11-21"


def _data_with_backups(folder: Path) -> dict[str, Path]:
    """Data holding Ana and her conversation c1 ("first"), a good snapshot of that (Nov 20), a
    damaged one (Nov 21) and today's; then Bob was added and c1 changed to "second"."""
    store = Store.open(folder)
    store.save_contact(Contact(name="Ana", id="a1"))
    store.save_conversation(Conversation(contact_id="a1", id="c1", goal="first"))
    store.close()
    backups = folder / BACKUP_DIR
    Store.open(folder, today=date.fromisoformat(GOOD_DAY)).close()
    good = backups / GOOD_DAY
    bad = backups / BAD_DAY
    shutil.copytree(good, bad, copy_function=os.link)
    (bad / DATA_FILE).unlink()  # replaced, not written into: snapshots share their files
    (bad / DATA_FILE).write_text('{"meta": {"1": {"app": "coffeechat", "schema": 2}}, '
                                 '"contacts": {"1": {"id": "x", "name": 5}}}')
    store = Store.open(folder)  # today's snapshot
    store.save_contact(Contact(name="Bob", id="b2"))
    changed = store.conversation("c1")
    changed.goal = "second"
    store.save_conversation(changed)
    store.close()
    return {"today": backups / date.today().isoformat(), "good": good, "bad": bad}


def _goal(folder: Path) -> str:
    return conversation_files(folder)["c1.json"]["goal"]


def _names(folder: Path) -> list[str]:
    return sorted(d["name"] for d in main_file(folder)["contacts"].values())


def test_backups_lists_newest_first_and_whether_each_loads(capsys, data_dir: Path) -> None:
    files = _data_with_backups(data_dir)
    holder = Store.open(data_dir)  # works while the app has the data open
    try:
        code, out, err = run(capsys, "--data-dir", str(data_dir), "backups")
        assert (code, err) == (0, "")
        lines = out.splitlines()
        assert lines[0].split() == ["MADE", "KIND", "SIZE", "LOADS", "FILE"]
        assert [line.split()[-1] for line in lines[1:]] == [
            str(files["today"]), str(files["bad"]), str(files["good"])]
        assert " yes " in lines[1] and " yes " in lines[3]
        assert "no: holds a contact coffeechat cannot read" in lines[2]
        code, out, _ = run(capsys, "--data-dir", str(data_dir), "backups", "--json")
        rows = json.loads(out)
        assert [(r["kind"], r["loads"], r["conversations"]) for r in rows] == [
            ("daily", True, 1), ("daily", False, 1), ("daily", True, 1)]
        assert "'name' must be text" in rows[1]["problem"]
    finally:
        holder.close()


def test_backups_when_there_are_none(capsys, data_dir: Path) -> None:
    code, out, err = run(capsys, "--data-dir", str(data_dir), "backups")
    assert (code, err) == (0, "")
    assert out.startswith("No backups yet of ")


@pytest.mark.parametrize("how", ["date", "name", "path"])
def test_restore_puts_a_snapshot_back_and_keeps_what_it_replaced(capsys, data_dir: Path,
                                                                how: str) -> None:
    files = _data_with_backups(data_dir)
    store = Store.open(data_dir)
    store.save_conversation(Conversation(contact_id="b2", id="c9", goal="made after"))
    store.close()
    name = {"date": GOOD_DAY, "name": GOOD_DAY, "path": str(files["good"])}[how]
    code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", name)
    assert (code, err) == (0, "")
    assert f"Restored {files['good']} (1 contact, 1 conversation)" in out
    assert _names(data_dir) == ["Ana"] and _goal(data_dir) == "first"
    assert list(conversation_files(data_dir)) == ["c1.json"]  # c9 came later: gone...
    [kept] = (data_dir / BACKUP_DIR).glob("*-before-restore")
    assert str(kept) in out
    assert _names(kept) == ["Ana", "Bob"]  # ...but kept, with everything it replaced
    assert sorted(conversation_files(kept)) == ["c1.json", "c9.json"]
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "export")
    assert [c["name"] for c in json.loads(out)["contacts"]] == ["Ana"]


def test_restore_one_conversation_from_a_snapshot(capsys, data_dir: Path) -> None:
    files = _data_with_backups(data_dir)
    one = files["good"] / "conversations" / "c1.json"
    code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", str(one))
    assert (code, err) == (0, "")
    assert "one conversation" in out
    assert _goal(data_dir) == "first" and _names(data_dir) == ["Ana", "Bob"]
    [kept] = (data_dir / BACKUP_DIR).glob("*-before-restore")
    assert _goal(kept) == "second"


def test_restore_an_older_single_file_backup(capsys, data_dir: Path) -> None:
    _data_with_backups(data_dir)
    single = data_dir / BACKUP_DIR / "coffeechat-2026-11-19.json"
    single.write_text(json.dumps({
        "meta": {"1": {"app": "coffeechat", "schema": 1}},
        "contacts": {"1": {"id": "z1", "name": "Zoë"}},
        "conversations": {"1": {"id": "c7", "contact_id": "z1", "goal": "from one file"}}}))
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", "2026-11-19")
    assert (code, err) == (0, "")
    assert _names(data_dir) == ["Zoë"]
    assert {n: d["goal"] for n, d in conversation_files(data_dir).items()} == {
        "c7.json": "from one file"}
    assert main_file(data_dir)["meta"]["1"]["schema"] == 2


def test_restore_over_a_damaged_file(capsys, data_dir: Path) -> None:
    files = _data_with_backups(data_dir)
    (data_dir / DATA_FILE).unlink()
    (data_dir / DATA_FILE).write_bytes(b"{damaged")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 1 and f"'coffeechat restore {files['today']}' puts it back" in err
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", str(files["today"]))
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert code == 0 and [r["id"] for r in json.loads(out)] == ["c1"]
    [kept] = (data_dir / BACKUP_DIR).glob("*-before-restore")
    assert (kept / DATA_FILE).read_bytes() == b"{damaged"


def test_restore_refuses_a_bad_backup_and_an_open_app(capsys, data_dir: Path) -> None:
    files = _data_with_backups(data_dir)
    before = (data_dir / DATA_FILE).read_bytes()
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", BAD_DAY)
    assert code == 2
    assert_one_line_error(err, "'name' must be text", "Nothing was restored")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", "1999-01-01")
    assert code == 2
    assert_one_line_error(err, "no backup 1999-01-01")
    app = Store.open(data_dir)
    try:
        code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", str(files["good"]))
        assert code == 3
        assert_one_line_error(err, "already open")
    finally:
        app.close()
    assert (data_dir / DATA_FILE).read_bytes() == before
    assert not list((data_dir / BACKUP_DIR).glob("*-before-restore"))


def test_restoring_a_recovery_file_merges_it(capsys, data_dir: Path) -> None:
    _data_with_backups(data_dir)
    recovery = data_dir / "coffeechat-recovery-2026-11-29-101500.json"
    recovery.write_text(json.dumps({
        "meta": {"1": {"app": "coffeechat", "schema": 2, "recovery": True}},
        "contacts": {"1": {"id": "a1", "name": "Ana"}},
        "conversations": {"1": {"id": "c1", "contact_id": "a1", "goal": "typed, not saved"}}}))
    code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", str(recovery))
    assert (code, err) == (0, "")
    assert "Merged the recovery file" in out
    assert _goal(data_dir) == "typed, not saved" and _names(data_dir) == ["Ana", "Bob"]


@pytest.mark.parametrize("target", ["data", "symlink", "hardlink", "backup", "lock",
                                    "conversation"])
def test_export_never_lands_on_the_datas_own_files(capsys, data_dir: Path, tmp_path: Path,
                                                   target: str) -> None:
    _data_with_backups(data_dir)
    paths = {"data": data_dir / DATA_FILE, "symlink": tmp_path / "link.json",
             "hardlink": tmp_path / "hard.json",
             "backup": data_dir / BACKUP_DIR / GOOD_DAY / DATA_FILE,
             "lock": data_dir / LOCK_FILE,
             "conversation": data_dir / "conversations" / "c1.json"}
    (tmp_path / "link.json").symlink_to(data_dir / DATA_FILE)
    os.link(data_dir / DATA_FILE, tmp_path / "hard.json")
    (data_dir / LOCK_FILE).touch()
    before = {p: p.read_bytes() for p in paths.values()}
    app = Store.open(data_dir)  # also while the app runs
    try:
        code, out, err = run(capsys, "--data-dir", str(data_dir), "export", "--out",
                             str(paths[target]), "--force")
    finally:
        app.close()
    assert (code, out) == (2, "")
    assert_one_line_error(err, "refusing to export onto", "nothing was written")
    assert {p: p.read_bytes() for p in paths.values() if p.name != LOCK_FILE} == {
        p: b for p, b in before.items() if p.name != LOCK_FILE}
