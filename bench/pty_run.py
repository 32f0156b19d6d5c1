"""Timing a program in a real pseudo-terminal: how long until a marker is on the screen, and
how long a typed key takes to come back."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import time
from collections.abc import Sequence

COLUMNS, LINES = 120, 36


class Pty:
    """``argv`` in a pseudo-terminal of 120x36, started now."""

    def __init__(self, argv: Sequence[str], env: dict[str, str],
                 cwd: str | os.PathLike[str] | None = None) -> None:
        import fcntl
        import pty
        import struct
        import termios

        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", LINES, COLUMNS, 0, 0))
        self.started = time.perf_counter()
        self.child = subprocess.Popen(list(argv), stdin=slave, stdout=slave, stderr=slave, cwd=cwd,
                                      env=dict(env, TERM="xterm-256color",
                                               TEXTUAL_ANIMATIONS="none"),
                                      start_new_session=True)
        os.close(slave)
        self.seen = bytearray()

    def wait_for(self, marker: bytes, timeout: float = 120.0) -> float:
        """Seconds from the start until ``marker`` has been written to the terminal."""
        start = len(self.seen)
        deadline = time.perf_counter() + timeout
        while marker not in self.seen[max(0, start - len(marker)):]:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"{marker!r} never showed: {bytes(self.seen[-400:])!r}")
            if select.select([self.master], [], [], 0.05)[0]:
                try:
                    self.seen.extend(os.read(self.master, 1 << 16))
                except OSError:
                    break
        return time.perf_counter() - self.started

    def drain(self, seconds: float) -> None:
        """Read whatever comes for ``seconds``."""
        end = time.perf_counter() + seconds
        while time.perf_counter() < end:
            if select.select([self.master], [], [], 0.02)[0]:
                try:
                    self.seen.extend(os.read(self.master, 1 << 16))
                except OSError:
                    return

    def echo(self, char: bytes, marker: bytes, timeout: float = 10.0) -> float:
        """Seconds from typing ``char`` until ``marker`` (text it makes appear) is written."""
        start = len(self.seen)
        sent = time.perf_counter()
        os.write(self.master, char)
        deadline = sent + timeout
        while marker not in self.seen[start:]:
            if time.perf_counter() > deadline:
                raise TimeoutError(f"no echo of {char!r}")
            if select.select([self.master], [], [], 0.01)[0]:
                self.seen.extend(os.read(self.master, 1 << 16))
        return time.perf_counter() - sent

    def send(self, keys: bytes) -> None:
        """Type ``keys``."""
        os.write(self.master, keys)

    def rss_kb(self) -> int:
        """The program's resident memory now (Linux), in KB."""
        with open(f"/proc/{self.child.pid}/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
        return 0

    def close(self) -> None:
        """Stop the program."""
        if self.child.poll() is None:
            os.killpg(self.child.pid, signal.SIGKILL)
            self.child.wait(timeout=10)
        os.close(self.master)
