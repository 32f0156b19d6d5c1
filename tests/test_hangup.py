"""The terminal goes away mid-edit (window closed, SSH dropped): the app saves, lets go of the
data folder and ends, instead of waiting forever to restore a terminal that is gone."""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

import pytest

from tests.live_tools import live_app
from tests.pty_tools import Terminal
from tui.core.store import Store

pytestmark = pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")


def test_a_hang_up_with_the_terminal_gone_saves_and_frees_the_folder(
        tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    folder = tmp_path / "data"
    live_app(folder).store.close()  # one planned call with Ana
    env = dict(subprocess_env, COFFEECHAT_CONFIG_DIR=str(tmp_path / "config"),
               COFFEECHAT_CACHE_DIR=str(tmp_path / "cache"))
    terminal = Terminal(["--data-dir", str(folder)], env, controlling=True)
    try:
        terminal.read_until(b"Conversations")
        terminal.send(b"\r")  # open the call with Ana
        terminal.read_until(b"Ana Silva")
        terminal.send(b"\x1b[14~")  # f4: Live
        terminal.read_until(b"Not started")
        terminal.send(b"\x14")  # ctrl+t: the call starts; typing goes to the first note
        terminal.read_until(b" left")
        terminal.send(b"Home Three")
        terminal.read_until(b"Three")
        os.close(terminal.master)  # the window closes: the app gets SIGHUP
        terminal.master = os.open(os.devnull, os.O_RDWR)  # (for close() below)
        try:
            code = terminal.child.wait(timeout=30)
        except subprocess.TimeoutExpired:
            pytest.fail("the app was still running 30 s after the hang-up")
    finally:
        terminal.close()
    assert code == 0
    deadline = time.monotonic() + 10
    while True:  # the lock is free: the folder opens for writing
        try:
            store = Store.open(folder)
            break
        except Exception:
            assert time.monotonic() < deadline, "the data folder stayed locked"
            time.sleep(0.1)
    try:
        assert store.conversation("c0ffee000002").questions[0].note == "Home Three"
    finally:
        store.close()
