"""``coffeechat restore`` with arguments that are not one of this data's backups: an empty
name, a folder that is not a snapshot, the data's own files, another data folder's snapshot,
and the README's ``backups/DATE/...`` path given from another folder."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from tests.layout_tools import conversation_files, main_file
from tests.test_cli import assert_one_line_error, run
from tui.core.models import Contact, Conversation
from tui.core.storage import BACKUP_DIR, DATA_FILE
from tui.core.store import Store

DAY = "2026-11-20"


def _data(folder: Path, name: str = "Ana") -> Path:
    """Data holding ``name`` and conversation c1 ("first"), a snapshot of that (Nov 20), then
    c1 changed to "second"; returns the snapshot."""
    store = Store.open(folder)
    store.save_contact(Contact(name=name, id="a1"))
    store.save_conversation(Conversation(contact_id="a1", id="c1", goal="first"))
    store.close()
    Store.open(folder, today=date.fromisoformat(DAY)).close()
    store = Store.open(folder)
    changed = store.conversation("c1")
    changed.goal = "second"
    store.save_conversation(changed)
    store.close()
    return folder / BACKUP_DIR / DAY


def _names(folder: Path) -> list[str]:
    return sorted(d["name"] for d in main_file(folder)["contacts"].values())


def test_an_empty_backup_name_is_refused_as_empty(capsys, data_dir: Path) -> None:
    _data(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", "")
    assert (code, out) == (2, "")
    assert_one_line_error(err, "'' is empty")
    assert "manifest" not in err


def test_a_folder_that_is_not_a_snapshot_is_named_so(capsys, data_dir: Path,
                                                     tmp_path: Path) -> None:
    _data(data_dir)
    folder = tmp_path / "some-folder"
    folder.mkdir()
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", str(folder))
    assert code == 2
    assert_one_line_error(err, f"{folder} is not a coffeechat snapshot (no manifest.json)")
    assert "interrupted" not in err
    # a snapshot of this data that lost its manifest is still called incomplete
    (data_dir / BACKUP_DIR / DAY / "manifest.json").unlink()
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore", DAY)
    assert code == 2
    assert_one_line_error(err, "interrupted while being made")


@pytest.mark.parametrize("own", ["coffeechat.json", "conversations/c1.json", "."])
def test_the_datas_own_files_are_refused(capsys, data_dir: Path, own: str) -> None:
    _data(data_dir)
    before = conversation_files(data_dir)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", str(data_dir / own))
    assert (code, out) == (2, "")
    assert_one_line_error(err, "itself, not a backup")
    assert conversation_files(data_dir) == before
    assert [p.name for p in (data_dir / BACKUP_DIR).iterdir()
            if p.name.endswith("before-restore")] == []


def test_a_backups_path_is_found_in_the_data_folder(capsys, data_dir: Path, tmp_path: Path,
                                                    monkeypatch) -> None:
    _data(data_dir)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    code, out, err = run(capsys, "--data-dir", str(data_dir), "restore",
                         f"backups/{DAY}/conversations/c1.json")
    assert (code, err) == (0, ""), err
    assert "one conversation" in out
    assert conversation_files(data_dir)["c1.json"]["goal"] == "first"


def test_another_folders_snapshot_needs_from_other_folder(capsys, tmp_path: Path,
                                                          data_dir: Path) -> None:
    _data(data_dir, "Mine")
    theirs = _data(tmp_path / "other", "Theirs")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "restore", str(theirs))
    assert (code, out) == (2, "")
    assert_one_line_error(err, "not one of the backups of", "import json",
                          "--from-other-folder")
    assert _names(data_dir) == ["Mine"]
    # its main file alone is refused too; one conversation from it is not a whole data
    code, _, err = run(capsys, "--data-dir", str(data_dir), "restore",
                       str(theirs / DATA_FILE))
    assert code == 2 and "--from-other-folder" in err
    code, out, _ = run(capsys, "--data-dir", str(data_dir), "restore", str(theirs),
                       "--from-other-folder")
    assert code == 0 and out.startswith(f"Restored {theirs} ")
    assert _names(data_dir) == ["Theirs"]
    kept = [p for p in os.scandir(data_dir / BACKUP_DIR) if p.name.endswith("before-restore")]
    assert len(kept) == 1
