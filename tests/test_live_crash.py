"""A call that dies mid-typing: SIGKILL loses at most the last second, SIGHUP loses nothing.

The child (tests/live_child.py) acknowledges every key once the app has handled it. No timed
assertion: the kill comes after the child has itself been idle for over a second, and the
file is read once the child is gone.
"""

from __future__ import annotations

import signal
import subprocess
import sys
import threading
from pathlib import Path

from tests.live_child import FIRST, typed_text
from tui.core.store import Store

CHILD = Path(__file__).with_name("live_child.py")
WATCHDOG_SECONDS = 120


def start_child(data_dir: Path, mode: str, env: dict[str, str]) -> subprocess.Popen[str]:
    """The child, with a watchdog so a hung child cannot hang the test run."""
    child = subprocess.Popen([sys.executable, str(CHILD), str(data_dir), mode],
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                             env=env)
    timer = threading.Timer(WATCHDOG_SECONDS, child.kill)
    timer.daemon = True
    timer.start()
    return child


def read_until(child: subprocess.Popen[str], wanted: str) -> int:
    """Read the child's lines until one starts with ``wanted``; returns the keys acked."""
    assert child.stdout is not None
    count = 0
    for line in child.stdout:
        if line.startswith("typed "):
            count = int(line.split()[1])
        if line.startswith(wanted):
            return count
    raise AssertionError(f"the child stopped before '{wanted}': {child.stderr.read()}")


def note_on_disk(data_dir: Path) -> str:
    """The first question's note, as the file has it."""
    store = Store.open(data_dir, readonly=True)
    try:
        return store.conversation("c0ffee000002").questions[0].note
    finally:
        store.close()


def test_sigkill_mid_typing_keeps_what_was_typed_a_second_before(
        tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    child = start_child(tmp_path, "kill", subprocess_env)
    before_idle = read_until(child, "idle")
    assert before_idle == len(FIRST)
    typing_again = read_until(child, "typed")
    child.send_signal(signal.SIGKILL)
    child.wait()
    note = note_on_disk(tmp_path)
    assert note.startswith(FIRST)
    assert typed_text(typing_again + 50).startswith(note)


def test_sighup_mid_typing_saves_every_key_handled(
        tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    child = start_child(tmp_path, "hangup", subprocess_env)
    read_until(child, "idle")
    for _ in range(5):
        acked = read_until(child, "typed")
    child.send_signal(signal.SIGHUP)
    read_until(child, "exited")
    assert child.wait() == 0
    note = note_on_disk(tmp_path)
    assert note.startswith(typed_text(acked))
    assert typed_text(acked + 50).startswith(note)
