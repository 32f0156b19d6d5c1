"""The way back: ``coffeechat backups`` lists the copies and whether each loads, ``restore``
puts one back (keeping the current file), and an export can never land on the data's files."""

from __future__ import annotations

import json
import os
from datetime import date
from pathlib import Path

import pytest

from tests.test_cli import assert_one_line_error, run
from tui.core.models import Contact
from tui.core.storage import BACKUP_DIR, DATA_FILE, LOCK_FILE
from tui.core.store import Store


def _data_with_backups(folder: Path) -> dict[str, Path]:
    """Data holding Ana, a good backup of Ana (Nov 20), a damaged one (Nov 21), and today's."""
    store = Store.open(folder)
    store.save_contact(Contact(name="Ana", id="a1"))
    store.close()
    Store.open(folder).close()
    backups = folder / BACKUP_DIR
    today = backups / f"coffeechat-{date.today().isoformat()}.json"
    good = backups / "coffeechat-2026-11-20.json"
    good.write_bytes(today.read_bytes())
    bad = backups / "coffeechat-2026-11-21.json"
    bad.write_text('{"meta": {"1": {"app": "coffeechat", "schema": 1}}, '
                   '"contacts": {"1": {"id": "x", "name": 5}}}')
    store = Store.open(folder)
    store.save_contact(Contact(name="Bob", id="b2"))
    store.close()
    return {"today": today, "good": good, "bad": bad}


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
        assert [(r["kind"], r["loads"]) for r in rows] == [("daily", True), ("daily", False),
                                                           ("daily", True)]
        assert "'name' must be text" in rows[1]["problem"]
    finally:
        holder.close()


def test_backups_when_there_are_none(capsys, data_dir: Path) -> None:
    code, out, err = run(capsys, "--data-dir", str(data_dir), "backups")
    assert (code, err) == (0, "")
    assert out.startswith("No backups yet of ")


@pytest.mark.parametrize("how", ["date", "name", "path"])
def test_restore_puts_a_backup_back_and_keeps_the_current_file(capsys, data_dir: Path,
                                                              how: str) -> None:
    files = _data_with_backups(data_dir)
    current = (data_dir / DATA_FILE).read_bytes()
    name = {"date": "2026-11-20", "name": files["good"].name, "path": str(files["good"])}[how]
    code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", name)
    assert (code, err) == (0, "")
    assert f"Restored {files['good']} (1 contact, 0 conversations)" in out
    assert (data_dir / DATA_FILE).read_bytes() == files["good"].read_bytes()
    [kept] = (data_dir / BACKUP_DIR).glob("*-before-restore.json")
    assert kept.read_bytes() == current and str(kept) in out
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "export")
    assert [c["name"] for c in json.loads(out)["contacts"]] == ["Ana"]


def test_restore_over_a_damaged_file(capsys, data_dir: Path) -> None:
    files = _data_with_backups(data_dir)
    (data_dir / DATA_FILE).write_bytes(b"{damaged")
    code, _, err = run(capsys, "--data-dir", str(data_dir), "list")
    assert code == 1 and f"'coffeechat restore {files['today']}' puts it back" in err
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", str(files["today"]))
    assert (code, err) == (0, "")
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "list", "--json")
    assert (code, json.loads(out)) == (0, [])  # today's backup held Ana, no conversation
    [kept] = (data_dir / BACKUP_DIR).glob("*-before-restore.json")
    assert kept.read_bytes() == b"{damaged"


def test_restore_refuses_a_bad_backup_and_an_open_app(capsys, data_dir: Path) -> None:
    files = _data_with_backups(data_dir)
    before = (data_dir / DATA_FILE).read_bytes()
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", "2026-11-21")
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
    assert not list((data_dir / BACKUP_DIR).glob("*-before-restore.json"))


@pytest.mark.parametrize("target", ["data", "symlink", "hardlink", "backup", "lock"])
def test_export_never_lands_on_the_datas_own_files(capsys, data_dir: Path, tmp_path: Path,
                                                   target: str) -> None:
    _data_with_backups(data_dir)
    paths = {"data": data_dir / DATA_FILE, "symlink": tmp_path / "link.json",
             "hardlink": tmp_path / "hard.json",
             "backup": data_dir / BACKUP_DIR / "coffeechat-2026-11-20.json",
             "lock": data_dir / LOCK_FILE}
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
