"""Storage: atomic private writes, refusing bad files untouched, backups, the lock, crashes."""

from __future__ import annotations

import json
import os
import random
import shutil
import signal
import stat
import subprocess
import sys
import time
from datetime import date, timedelta
from pathlib import Path

import pytest
import tinydb

from tui.core.models import Contact
from tui.core.storage import (
    BACKUP_DIR,
    BACKUPS_KEPT,
    DATA_FILE,
    SCHEMA_VERSION,
    TEMP_PREFIX,
    TEMP_SUFFIX,
    CorruptFileError,
    DataFile,
    ForeignFileError,
    LockedError,
    NewerSchemaError,
    StorageError,
    atomic_write,
    newest_backup,
)
from tui.core.store import Store

CRASH_WRITER = Path(__file__).with_name("crash_writer.py")


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def _valid_file(folder: Path, *names: str) -> Path:
    """A real data file holding contacts with these names."""
    store = Store.open(folder)
    for name in names:
        store.save_contact(Contact(name=name))
    store.close()
    return folder / DATA_FILE


# -- atomic, private writes --------------------------------------------------------------


def test_new_store_is_private(data_dir: Path) -> None:
    path = _valid_file(data_dir, "Ada")
    assert _mode(path) == 0o600
    assert _mode(data_dir) == 0o700
    assert json.loads(path.read_bytes())["contacts"]


def test_atomic_write_replaces_whole_and_leaves_no_temp(tmp_path: Path) -> None:
    target = tmp_path / "out.json"
    target.write_text("old")
    os.chmod(target, 0o644)
    atomic_write(target, b"new contents")
    assert target.read_bytes() == b"new contents"
    assert _mode(target) == 0o600
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


def test_atomic_write_failure_keeps_old_file(tmp_path: Path, monkeypatch) -> None:
    target = tmp_path / "out.json"
    target.write_bytes(b"old")

    def broken_replace(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", broken_replace)
    with pytest.raises(OSError):
        atomic_write(target, b"new")
    assert target.read_bytes() == b"old"
    assert [p.name for p in tmp_path.iterdir()] == ["out.json"]


# -- files that must be refused, untouched -----------------------------------------------

BAD_FILES = [
    pytest.param(b"", CorruptFileError, "empty", id="empty"),
    pytest.param(b"  \n", CorruptFileError, "empty", id="blank"),
    pytest.param(b'{"contacts": {"1": {"name": "A"', CorruptFileError, "line 1", id="truncated"),
    pytest.param(b"\x89PNG\r\n\x1a\n\x00\x00garbage", CorruptFileError, "UTF-8", id="binary"),
    pytest.param(b"hello, world", CorruptFileError, "damaged", id="garbage"),
    pytest.param(b"[1, 2, 3]", ForeignFileError, "not a coffeechat data file", id="list"),
    pytest.param(b'{"_default": {"1": {"x": 1}}}', ForeignFileError, "meta", id="no-meta"),
    pytest.param(
        json.dumps({"meta": {"1": {"app": "coffeechat", "schema": SCHEMA_VERSION + 1}}}).encode(),
        NewerSchemaError,
        "newer coffeechat",
        id="newer-schema",
    ),
]


@pytest.mark.parametrize(("payload", "error", "words"), BAD_FILES)
@pytest.mark.parametrize("readonly", [False, True], ids=["write", "readonly"])
def test_bad_file_is_refused_and_untouched(
    data_dir: Path, payload: bytes, error: type[StorageError], words: str, readonly: bool
) -> None:
    data_dir.mkdir()
    path = data_dir / DATA_FILE
    path.write_bytes(payload)
    before = path.stat().st_mtime_ns
    with pytest.raises(error) as caught:
        Store.open(data_dir, readonly=readonly)
    message = str(caught.value)
    assert str(path) in message
    assert words in message
    assert path.read_bytes() == payload
    assert path.stat().st_mtime_ns == before
    assert not (data_dir / BACKUP_DIR).exists()  # a bad file is not "backed up" either
    # the lock was given back: the folder can be locked again
    lock = DataFile(data_dir).lock
    lock.acquire()
    lock.release()


def test_json_error_names_line_and_column(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / DATA_FILE).write_bytes(b'{\n "meta": {\n  "1": {"app": "coffeechat",,}\n }\n}')
    with pytest.raises(CorruptFileError, match=r"line 3, column \d+"):
        Store.open(data_dir)


# -- backups -----------------------------------------------------------------------------


def _snapshots(data_dir: Path) -> list[str]:
    return sorted(p.name for p in (data_dir / BACKUP_DIR).iterdir() if p.is_dir())


def test_backup_once_a_day_and_only_last_seven(data_dir: Path) -> None:
    _valid_file(data_dir, "Ada")
    first = date(2026, 1, 1)
    store = Store.open(data_dir, today=first)
    try:
        assert _snapshots(data_dir) == ["2026-01-01"]
        assert store.backup_daily(first) is None  # once a day
        for offset in range(1, 12):
            store.backup_daily(first + timedelta(days=offset))
    finally:
        store.close()
    kept = _snapshots(data_dir)
    assert len(kept) == BACKUPS_KEPT
    assert (kept[0], kept[-1]) == ("2026-01-06", "2026-01-12")
    for name in kept:
        folder = data_dir / BACKUP_DIR / name
        assert _mode(folder) == 0o700
        assert all(_mode(p) == 0o600 for p in folder.iterdir() if p.is_file())


def test_opening_for_writing_makes_todays_backup_of_every_good_file(data_dir: Path) -> None:
    path = _valid_file(data_dir, "Ada")
    store = Store.open(data_dir)
    conversation = store.new_conversation(Contact(name="Bo"))
    store.close()
    for snapshot in _snapshots(data_dir):  # the first open of today made one already
        shutil.rmtree(data_dir / BACKUP_DIR / snapshot)
    Store.open(data_dir).close()
    today = data_dir / BACKUP_DIR / date.today().isoformat()
    assert (today / DATA_FILE).read_bytes() == path.read_bytes()
    kept = today / "conversations" / f"{conversation.id}.json"
    live = data_dir / "conversations" / f"{conversation.id}.json"
    assert os.path.samefile(kept, live)  # a hard link: it costs no space until a save
    store = Store.open(data_dir)
    edited = store.conversation(conversation.id)
    edited.goal = "after the backup"
    store.save_conversation(edited)
    store.close()
    assert not os.path.samefile(kept, live)
    assert "after the backup" not in kept.read_text(encoding="utf-8")


def test_corrupt_file_message_names_newest_good_backup(data_dir: Path) -> None:
    _valid_file(data_dir, "Ada")
    store = Store.open(data_dir, today=date(2026, 1, 1))
    for day in (date(2026, 1, 2), date(2026, 1, 3), date(2026, 1, 4)):
        store.backup_daily(day)
    store.close()
    # the newest backup is itself damaged: the message must point to the newest *good* one
    # (replaced, not written into: the snapshots share the file through hard links)
    (data_dir / BACKUP_DIR / "2026-01-04" / DATA_FILE).unlink()
    (data_dir / BACKUP_DIR / "2026-01-04" / DATA_FILE).write_bytes(b"{broken")
    path = data_dir / DATA_FILE
    path.unlink()
    path.write_bytes(b"{not json")
    good = data_dir / BACKUP_DIR / "2026-01-03"
    assert newest_backup(path) == good
    with pytest.raises(CorruptFileError) as caught:
        Store.open(data_dir)
    assert str(good) in str(caught.value)
    assert path.read_bytes() == b"{not json"


def test_corrupt_file_without_backup_says_so(data_dir: Path) -> None:
    data_dir.mkdir()
    (data_dir / DATA_FILE).write_bytes(b"nope")
    with pytest.raises(CorruptFileError, match="No good backup exists yet"):
        Store.open(data_dir)


# -- stale temps and the lock ------------------------------------------------------------


def test_stale_temp_files_removed_on_open(data_dir: Path) -> None:
    _valid_file(data_dir, "Ada")
    stale = data_dir / f"{TEMP_PREFIX}abc123{TEMP_SUFFIX}"
    stale.write_bytes(b'{"half": ')
    unrelated = data_dir / "notes.tmp"
    unrelated.write_bytes(b"mine")
    store = Store.open(data_dir)
    store.close()
    assert not stale.exists()
    assert unrelated.exists()
    # read-only opening never deletes anything
    stale.write_bytes(b"x")
    Store.open(data_dir, readonly=True).close()
    assert stale.exists()


def test_second_writer_is_locked_out_until_close(data_dir: Path) -> None:
    first = Store.open(data_dir)
    first.save_contact(Contact(name="Ada"))
    with pytest.raises(LockedError, match=str(os.getpid())):
        Store.open(data_dir)
    reader = Store.open(data_dir, readonly=True)  # readers need no lock
    assert [c.name for c in reader.contacts()] == ["Ada"]
    reader.close()
    first.close()
    second = Store.open(data_dir)
    assert [c.name for c in second.contacts()] == ["Ada"]
    second.close()


def test_readonly_store_refuses_writes(data_dir: Path) -> None:
    path = _valid_file(data_dir, "Ada")
    before = path.read_bytes()
    reader = Store.open(data_dir, readonly=True)
    assert reader.readonly
    with pytest.raises(StorageError, match="read-only"):
        reader.save_contact(Contact(name="Bob"))
    reader.close()
    assert path.read_bytes() == before


def test_missing_folder_reads_as_empty_without_creating_it(tmp_path: Path) -> None:
    folder = tmp_path / "nowhere"
    reader = Store.open(folder, readonly=True)
    assert reader.contacts() == []
    assert reader.conversations() == []
    reader.close()
    assert not folder.exists()


# -- background writer -------------------------------------------------------------------


def test_background_flush_makes_data_durable(data_dir: Path) -> None:
    states: list[str] = []
    store = Store.open(data_dir, background=True, on_save_state=lambda s, _d: states.append(s))
    for i in range(50):
        store.save_contact(Contact(id="same", name=f"Ada {i}"))
    assert store.flush()
    on_disk = json.loads((data_dir / DATA_FILE).read_bytes())
    assert [d["name"] for d in on_disk["contacts"].values()] == ["Ada 49"]
    assert states[-1] == "saved"
    store.close()


def test_background_write_error_is_reported_then_recovered(data_dir: Path) -> None:
    states: list[tuple[str, str | None]] = []
    store = Store.open(data_dir, background=True, on_save_state=lambda s, d: states.append((s, d)))
    assert store.flush()
    real_write = store.datafile.write

    def disk_full(payload: bytes) -> None:
        raise OSError(28, "No space left on device")

    store.datafile.write = disk_full  # type: ignore[method-assign]
    store.save_contact(Contact(name="Ada"))
    assert store.flush(timeout=5) is False
    assert ("error", f"Could not save {store.path}: No space left on device") in states
    store.datafile.write = real_write  # type: ignore[method-assign]
    store.save_contact(Contact(name="Bob"))
    # a fresh save after the disk recovered is waited for, not failed on the old error
    assert store.flush(timeout=5) is True
    names = sorted(d["name"] for d in json.loads(store.path.read_bytes())["contacts"].values())
    assert names == ["Ada", "Bob"]
    store.close()


# -- the crash test ----------------------------------------------------------------------


def _last_saved(path: Path) -> int:
    """Counter stored in the file, read both as plain JSON and through TinyDB."""
    with path.open("rb") as handle:
        raw = json.load(handle)
    from_json = int(raw["contacts"][next(iter(raw["contacts"]))]["notes"].split()[0])
    db = tinydb.TinyDB(path, access_mode="r")
    try:
        docs = db.table("contacts").all()
    finally:
        db.close()
    assert len(docs) == 1
    from_tinydb = int(docs[0]["notes"].split()[0])
    assert from_json == from_tinydb
    return from_json


@pytest.mark.parametrize("mode", ["sync", "background"])
def test_sigkill_never_loses_an_acknowledged_save(
    data_dir: Path, subprocess_env: dict[str, str], mode: str
) -> None:
    rng = random.Random(f"crash-{mode}")
    rounds = 6
    previous = 0
    deadline = time.monotonic() + 8
    for _ in range(rounds):
        proc = subprocess.Popen(
            [sys.executable, str(CRASH_WRITER), str(data_dir), mode],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=subprocess_env,
            text=True,
        )
        assert proc.stdout is not None
        wanted = rng.randint(3, 40)
        acked: list[int] = []
        try:
            while len(acked) < wanted and time.monotonic() < deadline:
                line = proc.stdout.readline()
                if not line:
                    break
                acked.append(int(line))
            time.sleep(rng.uniform(0, 0.02))
        finally:
            proc.send_signal(signal.SIGKILL)
            rest, errors = proc.communicate(timeout=10)
        acked += [int(x) for x in rest.split()]
        assert acked, f"the writer acknowledged nothing: {errors}"
        assert acked[0] == previous + 1, "each run continues from what the last one saved"
        saved = _last_saved(data_dir / DATA_FILE)
        assert acked[-1] <= saved <= acked[-1] + 1
        previous = saved
    # whatever temp files the kills left behind are cleaned up on the next open
    Store.open(data_dir).close()
    assert not list(data_dir.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"))
    assert _last_saved(data_dir / DATA_FILE) == previous


def test_a_symlinked_data_file_stays_a_link_and_gets_the_writes(tmp_path) -> None:
    from tui.core.models import Contact
    from tui.core.store import Store

    synced = tmp_path / "synced"
    synced.mkdir()
    folder = tmp_path / "data"
    store = Store.open(folder)
    store.save_contact(Contact(name="Ana"))
    store.close()
    (synced / "coffeechat.json").write_bytes((folder / "coffeechat.json").read_bytes())
    (folder / "coffeechat.json").unlink()
    (folder / "coffeechat.json").symlink_to(synced / "coffeechat.json")
    store = Store.open(folder)
    store.save_contact(Contact(name="Bob"))
    store.close()
    assert (folder / "coffeechat.json").is_symlink()
    assert "Bob" in (synced / "coffeechat.json").read_text(encoding="utf-8")
