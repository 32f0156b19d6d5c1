"""Storage safety: folder modes left alone, unwritable folders refused (even as root), backups
only of good files and never the last good one lost, a failed backup only a warning, one lock
per real file, and errors that name the data file."""

from __future__ import annotations

import errno
import json
import os
import shutil
from datetime import date, timedelta
from pathlib import Path

import pytest

from tests.test_storage import _mode, _valid_file
from tui.core import snapshots as snapshots_module
from tui.core.models import Contact
from tui.core.storage import (
    BACKUP_DIR,
    DATA_FILE,
    TEMP_PREFIX,
    TEMP_SUFFIX,
    DamagedRecordError,
    FolderError,
    LockedError,
    newest_backup,
)
from tui.core.store import Store


def _good_file(folder: Path, *names: str) -> Path:
    path = _valid_file(folder, *names)
    Store.open(folder).close()  # a second opening keeps today's backup
    return path


def _tree(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes()
            for p in sorted(folder.rglob("*")) if p.is_file()}


# -- folders -----------------------------------------------------------------------------


@pytest.mark.parametrize("mode", [0o1777, 0o755, 0o770])
def test_an_existing_folder_keeps_its_mode(tmp_path: Path, mode: int) -> None:
    folder = tmp_path / "given"
    folder.mkdir()
    os.chmod(folder, mode)
    _good_file(folder, "Ada")
    assert _mode(folder) == mode
    assert _mode(folder / DATA_FILE) == 0o600
    assert _mode(folder / BACKUP_DIR) == 0o700  # made by coffeechat
    made = list((folder / BACKUP_DIR).rglob("*"))
    assert made and all(_mode(p) == (0o700 if p.is_dir() else 0o600) for p in made)


def test_new_folders_are_private_whatever_the_umask(tmp_path: Path) -> None:
    before = os.umask(0)
    try:
        _good_file(tmp_path / "a" / "b" / "data", "Ada")
    finally:
        os.umask(before)
    for folder in (tmp_path / "a", tmp_path / "a" / "b", tmp_path / "a" / "b" / "data"):
        assert _mode(folder) == 0o700
    assert _mode(tmp_path / "a" / "b" / "data" / DATA_FILE) == 0o600


@pytest.mark.parametrize("mode", [0o500, 0o555, 0o444])
def test_an_unwritable_folder_is_refused_and_untouched_even_as_root(
        tmp_path: Path, mode: int) -> None:
    folder = tmp_path / "readonly"
    _good_file(folder, "Ada")
    before = _tree(folder)
    os.chmod(folder, mode)
    try:
        with pytest.raises(FolderError) as caught:
            Store.open(folder)
        assert f"cannot write in {folder} (mode {mode:04o}" in str(caught.value)
        assert "nothing was changed" in str(caught.value)
        assert _mode(folder) == mode
        reader = Store.open(folder, readonly=True)  # reading is still fine
        assert [c.name for c in reader.contacts()] == ["Ada"]
        reader.close()
    finally:
        os.chmod(folder, 0o700)
    assert _tree(folder) == before


def test_a_read_only_data_file_is_refused(tmp_path: Path) -> None:
    path = _good_file(tmp_path / "data", "Ada")
    os.chmod(path, 0o400)
    with pytest.raises(FolderError, match=r"is read-only \(mode 0400"):
        Store.open(tmp_path / "data")
    assert _mode(path) == 0o400


def test_a_data_folder_that_is_a_file(tmp_path: Path) -> None:
    afile = tmp_path / "afile"
    afile.write_text("mine")
    for folder in (afile, afile / "inside"):
        with pytest.raises(FolderError, match=f"{afile} is a file, not a folder"):
            Store.open(folder)
        with pytest.raises(FolderError, match=f"{afile} is a file, not a folder"):
            Store.open(folder, readonly=True)
    assert afile.read_text() == "mine"


# -- backups -----------------------------------------------------------------------------


def _seven_good_backups(folder: Path) -> None:
    _good_file(folder, "Ada")
    store = Store.open(folder)
    for day in range(1, 8):
        store.backup_daily(date(2026, 1, day))
    store.close()
    shutil.rmtree(folder / BACKUP_DIR / date.today().isoformat())


def _damage(snapshot: Path, payload: bytes) -> None:
    """Replace a snapshot's main file (never write into it: snapshots share files)."""
    (snapshot / DATA_FILE).unlink()
    (snapshot / DATA_FILE).write_bytes(payload)


def test_a_bad_record_fails_the_open_without_touching_the_backups(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _seven_good_backups(folder)
    raw = json.loads((folder / DATA_FILE).read_text())
    doc_id = next(iter(raw["contacts"]))
    raw["contacts"][doc_id]["name"] = 5
    (folder / DATA_FILE).unlink()
    (folder / DATA_FILE).write_text(json.dumps(raw))
    before = _tree(folder)
    with pytest.raises(DamagedRecordError) as caught:
        Store.open(folder)
    message = str(caught.value)
    assert str(folder / DATA_FILE) in message
    assert f"document {doc_id} in 'contacts'" in message and "'name' must be text" in message
    assert str(folder / BACKUP_DIR / "2026-01-07") in message
    assert "coffeechat restore" in message
    assert _tree(folder) == before  # no backup of the bad file, none rotated away


def test_newest_good_backup_must_validate_not_only_parse(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _seven_good_backups(folder)
    bad_record = json.loads((folder / DATA_FILE).read_text())
    for doc in bad_record["contacts"].values():
        doc["name"] = 5
    backups = folder / BACKUP_DIR
    for day, payload in ((8, json.dumps(bad_record).encode()), (9, b"[1, 2]")):
        shutil.copytree(backups / "2026-01-07", backups / f"2026-01-0{day}",
                        copy_function=os.link)
        _damage(backups / f"2026-01-0{day}", payload)
    assert newest_backup(folder / DATA_FILE) == backups / "2026-01-07"


def test_rotation_never_deletes_the_last_good_backup(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    _good_file(folder, "Ada")
    backups = folder / BACKUP_DIR
    shutil.rmtree(backups)
    first = date(2026, 1, 1)
    store = Store.open(folder, today=first)
    store.backup_daily(first + timedelta(1))
    for day in range(10, 17):  # newer, but damaged
        store.backup_daily(first + timedelta(day))
        _damage(backups / str(first + timedelta(day)), b"{broken")
    # the clock went back: today's copy is older than the damaged ones
    made = store.backup_daily(first + timedelta(4))
    store.close()
    assert made is not None and made.exists()
    names = sorted(p.name for p in backups.iterdir())
    assert names == sorted([made.name] + [str(first + timedelta(d)) for d in range(10, 17)])


def test_a_failed_backup_is_a_warning_and_leaves_nothing_behind(tmp_path: Path,
                                                               monkeypatch) -> None:
    folder = tmp_path / "data"
    _good_file(folder, "Ada")
    backups = folder / BACKUP_DIR
    shutil.rmtree(backups)
    backups.mkdir()
    (backups / ".coffeechat-backup.tmp").write_bytes(b"")  # left by an older coffeechat
    real_link = snapshots_module._link_or_copy

    def full_disk(source: Path, target: Path) -> None:
        real_link(source, target)  # the first file makes it, then the disk is full
        raise OSError(errno.ENOSPC, "No space left on device", str(target))

    monkeypatch.setattr(snapshots_module, "_link_or_copy", full_disk)
    store = Store.open(folder)
    assert store.warnings and "No space left on device" in store.warnings[0]
    assert str(backups) in store.warnings[0]
    store.save_contact(Contact(name="Bob"))  # the data still saves
    store.close()
    assert not list(backups.iterdir())
    assert not list(folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"))


# -- the lock and the real file -----------------------------------------------------------


def test_the_lock_is_on_the_real_file_not_the_path(tmp_path: Path) -> None:
    real = tmp_path / "real"
    _good_file(real, "Ada")
    other = tmp_path / "other"
    other.mkdir()
    (other / DATA_FILE).symlink_to(real / DATA_FILE)
    linked_folder = tmp_path / "linked"
    linked_folder.symlink_to(real)
    app = Store.open(real)
    try:
        for folder in (other, linked_folder):
            with pytest.raises(LockedError, match=str(os.getpid())):
                Store.open(folder)
    finally:
        app.close()
    via_link = Store.open(other)
    with pytest.raises(LockedError):
        Store.open(real)
    via_link.close()


def test_a_write_error_names_the_data_file_not_the_temp(tmp_path: Path, monkeypatch) -> None:
    import tempfile

    store = Store.open(tmp_path / "data")

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied",
                              str(tmp_path / "data" / ".coffeechat-x1y2.tmp"))

    monkeypatch.setattr(tempfile, "mkstemp", denied)
    with pytest.raises(PermissionError) as caught:
        store.save_contact(Contact(name="Ada"))
    assert caught.value.filename == str(tmp_path / "data" / DATA_FILE)
    monkeypatch.undo()
    store.close()


def test_settings_never_go_into_a_read_only_config_folder(tmp_path: Path) -> None:
    from tui.core.settings import save_setting

    config = tmp_path / "config"
    config.mkdir()
    os.chmod(config, 0o500)
    try:
        with pytest.raises(OSError, match="cannot write in"):
            save_setting("theme", "nord", config)
        assert list(config.iterdir()) == []
    finally:
        os.chmod(config, 0o700)


def test_a_folder_made_read_only_while_open_is_not_written(tmp_path: Path) -> None:
    folder = tmp_path / "data"
    store = Store.open(folder)
    store.save_contact(Contact(name="Ana"))
    before = (folder / DATA_FILE).read_bytes()
    os.chmod(folder, 0o500)
    try:
        with pytest.raises(FolderError, match=f"cannot write in {folder}"):
            store.save_contact(Contact(name="Bob"))
        assert (folder / DATA_FILE).read_bytes() == before
    finally:
        os.chmod(folder, 0o700)
    store.save_contact(Contact(name="Cy"))  # writable again: saved, Bob included
    store.close()
    names = sorted(c.name for c in Store.open(folder, readonly=True).contacts())
    assert names == ["Ana", "Bob", "Cy"]
