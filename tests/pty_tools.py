"""Running coffeechat in a real pseudo-terminal, to see the bytes a terminal would get."""

from __future__ import annotations

import os
import select
import subprocess
import sys
import time
from collections.abc import Sequence


def _take_terminal() -> None:
    """In the child, a new session's leader: make its stdin the controlling terminal."""
    import fcntl
    import termios

    fcntl.ioctl(0, termios.TIOCSCTTY, 0)


class Terminal:
    """``python -m tui ARGS`` in a pseudo-terminal of ``columns`` x ``lines``."""

    def __init__(self, args: Sequence[str], env: dict[str, str], columns: int = 100,
                 lines: int = 30, controlling: bool = False) -> None:
        """``controlling``: the terminal is the program's controlling terminal, as in a
        terminal window, so closing it hangs the program up (SIGHUP)."""
        import fcntl
        import pty
        import struct
        import termios

        self.master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", lines, columns, 0, 0))
        self.child = subprocess.Popen([sys.executable, "-m", "tui", *args], stdin=slave,
                                      stdout=slave, stderr=slave,
                                      env=dict(env, TERM="xterm-256color"),
                                      start_new_session=True,
                                      preexec_fn=_take_terminal if controlling else None)
        os.close(slave)
        self.seen = bytearray()

    def read_until(self, marker: bytes | None, timeout: float = 60) -> None:
        """Read what the program writes until ``marker`` shows (None: until it closes the
        terminal)."""
        deadline = time.monotonic() + timeout
        start = len(self.seen)
        while marker is None or marker not in self.seen[start:]:
            assert time.monotonic() < deadline, \
                f"no {marker!r} on screen: {bytes(self.seen[-800:])!r}"
            if select.select([self.master], [], [], 0.2)[0]:
                try:
                    self.seen.extend(os.read(self.master, 65536))
                except OSError:  # the program closed the terminal
                    return

    def send(self, keys: bytes) -> None:
        """Type ``keys``."""
        os.write(self.master, keys)

    def wait(self, timeout: float = 60) -> int:
        """Read until the program ends; its exit code."""
        self.read_until(None, timeout)
        return self.child.wait(timeout=timeout)

    @property
    def output(self) -> bytes:
        """Everything written to the terminal so far."""
        return bytes(self.seen)

    def close(self) -> None:
        """Stop the program if it still runs."""
        if self.child.poll() is None:
            self.child.kill()
            self.child.wait(timeout=10)
        os.close(self.master)
