"""Real disk trouble for tests: a small tmpfs that can be filled, and running as nobody."""

from __future__ import annotations

import contextlib
import errno
import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest


@contextlib.contextmanager
def small_disk(path: Path, size: str = "1m") -> Iterator[Path]:
    """A tmpfs of ``size`` mounted at ``path`` (the test is skipped where that is not
    allowed: it needs root and a kernel that lets this process mount)."""
    if os.name != "posix" or not hasattr(os, "geteuid") or os.geteuid() != 0:
        pytest.skip("mounting a small tmpfs to fill needs root")
    if shutil.which("mount") is None:
        pytest.skip("no mount command")
    path.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0755", "tmpfs",
                              str(path)], capture_output=True, text=True)
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
    try:
        yield path
    finally:
        subprocess.run(["umount", "-l", str(path)], capture_output=True)


def fill(folder: Path) -> Path:
    """Fill the disk ``folder`` is on until it has no room left; returns the filler file."""
    filler = folder / "filler"
    with filler.open("wb", buffering=0) as handle:
        for size in (65536, 4096, 1):
            try:
                while True:
                    handle.write(b"\0" * size)
            except OSError as exc:
                if exc.errno != errno.ENOSPC:
                    raise
    return filler


def as_nobody(env: dict[str, str]) -> list[str]:
    """The command prefix that runs this Python as the unprivileged user ``nobody`` (the test
    is skipped where that is not possible: not root, no setpriv, or nobody cannot read the
    interpreter or the source tree)."""
    if os.name != "posix" or os.geteuid() != 0:
        pytest.skip("switching to another user needs root")
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.skip("no setpriv to run as nobody")
    for ids in (["--reuid=nobody", "--regid=nogroup"], ["--reuid=65534", "--regid=65534"]):
        prefix = [setpriv, *ids, "--clear-groups", sys.executable]
        probe = subprocess.run([*prefix, "-c", "import tui.cli"], capture_output=True,
                               text=True, env=env, cwd="/")
        if probe.returncode == 0:
            return prefix
    pytest.skip(f"cannot run coffeechat as nobody here: {probe.stderr.strip()[-200:]}")
