"""Leaving the app without losing what could not be saved.

When the app stops (ctrl+q, SIGTERM, SIGHUP, or a crash) and the data does not have
everything, what is not on disk (the contacts as they are in memory and every conversation
waiting to be written) goes to a recovery file beside the data (never over it; the system's
temp folder if the disk is full) and stderr says where and what was not saved; the exit code
is then 1. Textual is not needed here: the terminal is back to
normal by the time this runs.
"""

from __future__ import annotations

import contextlib
import sys

from tui.core.safetext import visible
from tui.core.store import Store

SHOWN_CHANGES = 5
EXIT_UNSAVED = 1


def summarise(changes: list[str]) -> str:
    """``contact Ana (new), the conversation with Bo (changed) and 3 more``."""
    shown = ", ".join(changes[:SHOWN_CHANGES])
    rest = len(changes) - SHOWN_CHANGES
    return f"{shown} and {rest} more" if rest > 0 else shown


def finish(store: Store, not_in_store: list[str] | None = None, timeout: float = 5.0) -> int:
    """Wait for the last writes; if the file still lacks something, write a recovery file and
    say so on stderr. Returns 0 when everything is in the data file, else 1."""
    if store.flush(timeout) and not not_in_store:
        return 0
    changes = store.unsaved_changes()
    lost_anyway = list(not_in_store or [])
    if not changes and not lost_anyway:
        return 0
    _, detail = store.save_state()
    reason = detail or "the last changes did not reach the disk"
    if not changes:
        _say(f"not saved: {summarise(lost_anyway)}.")
        return EXIT_UNSAVED
    try:
        path = store.write_recovery()
    except OSError as exc:
        _say(f"not saved: {reason}. A recovery file could not be written either "
             f"({exc.strerror or exc}); lost: {summarise(changes + lost_anyway)}.")
        return EXIT_UNSAVED
    also = f" Not even in memory: {summarise(lost_anyway)}." if lost_anyway else ""
    _say(f"not saved: {reason}. The unsaved changes ({summarise(changes)}) are in {path}. "
         f"Once the problem is fixed, 'coffeechat restore {path}' merges them back into your "
         f"data.{also}")
    return EXIT_UNSAVED


def _say(message: str) -> None:
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"coffeechat: {visible(message)}\n")
        sys.stderr.flush()
