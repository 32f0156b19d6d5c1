"""A really full disk (a small tmpfs, filled): a command fails cleanly and leaves nothing
behind, the first open of the day still opens (the backup is only a warning), and a running
app that cannot save keeps what was typed in a recovery file when it is hung up on."""

from __future__ import annotations

import json
import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.disk_tools import fill, small_disk
from tests.pty_tools import Terminal
from tests.test_cli import assert_one_line_error, run
from tests.uitools import make_app
from tui.core.models import Contact
from tui.core.storage import BACKUP_DIR, DATA_FILE, TEMP_PREFIX
from tui.core.store import Store

FULL = "No space left on device"


def _everything(folder: Path) -> dict[str, tuple[bytes, int]]:
    return {str(p.relative_to(folder)): (p.read_bytes(), stat.S_IMODE(p.stat().st_mode))
            for p in sorted(folder.rglob("*")) if p.is_file() and p.name != "coffeechat.lock"}


def _data_with_ana(disk: Path) -> Path:
    folder = disk / "data"
    store = Store.open(folder)
    store.save_contact(Contact(name="Ana", id="a1"))
    store.close()
    return folder


@pytest.fixture
def full_disk(tmp_path: Path):  # type: ignore[no-untyped-def]
    """A data folder holding Ana on a disk with no room left (unmounted afterwards)."""
    disk = tmp_path / "disk"
    with small_disk(disk, "1m"):
        folder = _data_with_ana(disk)
        fill(disk)
        yield folder


def test_a_command_on_a_full_disk_fails_cleanly(capsys, full_disk: Path) -> None:
    before = _everything(full_disk)
    code, out, err = run(capsys, "--data-dir", str(full_disk), "new", "Bob")
    assert (code, out) == (1, "")
    lines = err.splitlines()
    assert lines[0].startswith("coffeechat: warning: today's backup could not be made")
    assert_one_line_error(lines[-1] + "\n", f"{full_disk / DATA_FILE}: {FULL}")
    assert _everything(full_disk) == before
    assert not [p for p in full_disk.rglob(f"{TEMP_PREFIX}*")]


async def test_the_first_open_of_the_day_on_a_full_disk_still_opens(full_disk: Path) -> None:
    app = make_app(full_disk)
    assert app.store.warnings and FULL in app.store.warnings[0]
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        assert [c.name for c in app.store.contacts()] == ["Ana"]
        toasts = " ".join(str(t.render()) for t in app.screen.query("Toast"))
        assert "today's backup could not be made" in " ".join(toasts.split())
    app.store.close()
    leftovers = list((full_disk / BACKUP_DIR).glob("*")) if (full_disk / BACKUP_DIR).exists() \
        else []
    assert leftovers == []  # no half-made backup, no temp file


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_hangup_with_a_full_disk_keeps_the_unsaved_in_a_recovery_file(
        tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    disk = tmp_path / "disk"
    with small_disk(disk, "1m"):
        folder = _data_with_ana(disk)
        Store.open(folder).close()  # today's backup exists: no warning at start
        before = (folder / DATA_FILE).read_bytes()
        spare = tmp_path / "tmp"
        spare.mkdir()
        env = dict(subprocess_env, TMPDIR=str(spare),
                   COFFEECHAT_CONFIG_DIR=str(tmp_path / "config"))
        terminal = Terminal(["--data-dir", str(folder)], env)
        try:
            terminal.read_until(b"Conversations")
            fill(disk)
            terminal.send(b"n")
            terminal.read_until(b"New conversation")
            terminal.send(b"Home Three")
            time.sleep(0.3)
            terminal.send(b"\x13")  # ctrl+s
            terminal.read_until(b"Not saved")
            terminal.child.send_signal(signal.SIGHUP)
            assert terminal.wait() == 1
        finally:
            terminal.close()
        output = terminal.output.decode("utf-8", "replace")
        assert (folder / DATA_FILE).read_bytes() == before
        [recovery] = spare.glob("coffeechat-recovery-*.json")  # no room beside the data
        assert "Home Three" in recovery.read_text()
        assert stat.S_IMODE(recovery.stat().st_mode) == 0o600
        assert "coffeechat: not saved: Could not save" in output and FULL in output
        assert str(recovery) in output
        (disk / "filler").unlink()
        restored = subprocess.run([sys.executable, "-m", "tui", "--data-dir", str(folder),
                                   "restore", str(recovery)], capture_output=True, text=True,
                                  env=subprocess_env, timeout=60)
        assert restored.returncode == 0, restored.stderr
        names = {d["name"] for d in json.loads((folder / DATA_FILE).read_text())
                 ["contacts"].values()}
        assert names == {"Ana", "Home Three"}
