"""Closing the data once, and ending a process whose way out is stuck."""

from __future__ import annotations

import subprocess
import sys
import threading
from pathlib import Path

from tui.services.closing import Closer

STUCK = """
import sys, threading
from pathlib import Path
from tui.services.closing import Closer

marker = Path(sys.argv[1])
def close():
    marker.write_text("closed")
    return int(sys.argv[2])
closer = Closer(close)
closer.leave_after(0.2, 0)
threading.Event().wait()  # the way out is stuck (as Textual waiting on a gone terminal)
"""


def test_close_runs_once_and_every_caller_gets_its_code() -> None:
    calls: list[int] = []
    started, release = threading.Event(), threading.Event()

    def close() -> int:
        calls.append(1)
        started.set()
        release.wait(5)
        return 1

    closer = Closer(close)
    codes: list[int] = []
    first = threading.Thread(target=lambda: codes.append(closer.close()))
    first.start()
    assert started.wait(5)
    second = threading.Thread(target=lambda: codes.append(closer.close()))
    second.start()
    release.set()
    first.join(5)
    second.join(5)
    assert calls == [1] and codes == [1, 1]
    assert closer.close() == 1 and calls == [1]


def test_a_stuck_process_is_closed_and_ended(
        tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    marker = tmp_path / "closed"
    for unsaved, code in ((0, 0), (1, 1)):
        marker.unlink(missing_ok=True)
        done = subprocess.run([sys.executable, "-c", STUCK, str(marker), str(unsaved)],
                              env=subprocess_env, timeout=30, capture_output=True, text=True)
        assert done.returncode == code, done.stderr
        assert marker.read_text() == "closed"


def test_a_process_that_closed_its_data_is_not_cut_short(
        tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    script = ("import sys, time\nfrom tui.services.closing import Closer\n"
              "closer = Closer(lambda: 0)\ncloser.leave_after(0.1, 0)\n"
              "print('left', closer.close(), flush=True)\ntime.sleep(1)\nsys.exit(5)\n")
    done = subprocess.run([sys.executable, "-c", script], env=subprocess_env, timeout=20,
                          capture_output=True, text=True)
    assert done.returncode == 5 and done.stdout == "left 0\n"
