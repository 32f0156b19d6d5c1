"""Ctrl-C (SIGINT) around the moment a change to the data is committed.

A change that is all or nothing has one point of no return (the journal of a
:class:`~tui.core.txn.Transaction`, the rename of the main file). Ctrl-C before it must leave
everything as it was; Ctrl-C after it must not make a command say "interrupted" about a change
that was made. :func:`deferred_interrupts` holds Ctrl-C back across the commit itself;
:func:`finishing_once_committed` lets a command know which side of the commit a Ctrl-C fell on:
before, it interrupts; after (once :func:`note_commit` names a change it watches), it is
dropped, so the command finishes and reports what it did.

Signal handlers belong to the main thread: elsewhere (the app's writer threads) these do
nothing.
"""

from __future__ import annotations

import contextlib
import signal
import threading
from collections.abc import Callable, Iterator
from types import FrameType
from typing import Any

Handler = Callable[[int, FrameType | None], Any] | int | None


class CommitWatch:
    """Whether a change of one of ``kinds`` was committed in a :func:`finishing_once_committed`
    block, and whether a Ctrl-C came after it (and was dropped)."""

    def __init__(self, kinds: frozenset[str]) -> None:
        self.kinds = kinds
        self.committed = False
        self.dropped = False

    def on_interrupt(self, _number: int, _frame: FrameType | None) -> None:
        """The SIGINT handler of the block: interrupt before the commit, drop after it."""
        if self.committed:
            self.dropped = True
            return
        raise KeyboardInterrupt


_watches: list[CommitWatch] = []


def _install(handler: Handler) -> tuple[bool, Handler]:
    """Set the SIGINT handler; returns whether it was set (only on the main thread of the
    main interpreter) and the one it replaced."""
    if threading.current_thread() is not threading.main_thread():
        return False, None
    try:
        return True, signal.signal(signal.SIGINT, handler)
    except ValueError:  # not the main interpreter
        return False, None


def _restore(previous: Handler) -> None:
    # None: the handler before was not set from Python; Python's own raises KeyboardInterrupt
    signal.signal(signal.SIGINT, previous if previous is not None else signal.default_int_handler)


@contextlib.contextmanager
def deferred_interrupts() -> Iterator[None]:
    """Hold Ctrl-C back until the block is done, then deliver it to the handler that was in
    place (which raises KeyboardInterrupt, unless a :class:`CommitWatch` drops it)."""
    caught: list[int] = []
    installed, previous = _install(lambda number, _frame: caught.append(number))
    if not installed:
        yield
        return
    try:
        yield
    finally:
        _restore(previous)
    if caught:
        if callable(previous):
            previous(signal.SIGINT, None)
        elif previous != signal.SIG_IGN:
            raise KeyboardInterrupt


@contextlib.contextmanager
def finishing_once_committed(*kinds: str) -> Iterator[CommitWatch]:
    """Run a command that makes one change of ``kinds`` ("import", "restore"): Ctrl-C raises
    KeyboardInterrupt until :func:`note_commit` names one of them, and is dropped after it.
    The watch can also be marked by hand (``watch.committed = True``)."""
    watch = CommitWatch(frozenset(kinds))
    installed, previous = _install(watch.on_interrupt)
    _watches.append(watch)
    try:
        yield watch
    finally:
        _watches.remove(watch)
        if installed:
            _restore(previous)


def note_commit(kind: str) -> None:
    """A change of ``kind`` has passed its point of no return (called inside
    :func:`deferred_interrupts`, so that a Ctrl-C held back meanwhile is dropped)."""
    for watch in _watches:
        if kind in watch.kinds:
            watch.committed = True
