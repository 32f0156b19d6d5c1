"""Debounced saving: edits reach the store within a second, keystrokes never wait for it.

Only screens schedule records here. Each schedule may name ``on_saved``: it is called with the
record the store returns (its ``updated_at`` as written to the file) right after the save, on
the same thread, before any other edit can slip in.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any, TypeVar

from tui.core.models import Contact, Conversation
from tui.core.profile import Profile
from tui.core.store import Store

Saveable = Contact | Conversation | Profile
S = TypeVar("S", Contact, Conversation, Profile)

QUIET_SECONDS = 0.4
MAX_WAIT_SECONDS = 0.9
RETRY_SECONDS = 5.0


class Autosaver:
    """Collects edited records and saves each one shortly after the last edit.

    ``tick`` is called by an interval timer; ``flush`` saves everything now (screen changes,
    quit). The store itself hands the bytes to a writer thread, so a save here costs only the
    serialisation, never the disk.
    """

    def __init__(self, store: Store, clock: Callable[[], float] = time.monotonic,
                 on_change: Callable[[], None] | None = None) -> None:
        self.store = store
        self.clock = clock
        #: Called when edits start waiting, and after every flush (saved or failed).
        self.on_change = on_change
        self._pending: dict[tuple[str, str], tuple[Saveable, Callable[[Any], None] | None]] = {}
        self._first: float | None = None
        self._last: float = 0.0
        self.error: str | None = None

    def schedule(self, record: S, on_saved: Callable[[S], None] | None = None) -> None:
        """Remember ``record`` for saving; it is saved as it is when the save happens, and
        ``on_saved`` then gets the stored copy."""
        kind = type(record).__name__.lower()
        waiting = bool(self._pending)
        self._pending[(kind, record.id)] = (record, on_saved)
        now = self.clock()
        self._last = now
        if self._first is None:
            self._first = now
        if not waiting:
            self._changed()

    def _changed(self) -> None:
        if self.on_change is not None:
            self.on_change()

    @property
    def pending(self) -> bool:
        """True while edits wait to be saved."""
        return bool(self._pending)

    def tick(self) -> None:
        """Save if the user paused typing, or if edits have waited long enough."""
        if not self._pending or self._first is None:
            return
        now = self.clock()
        if now < self._first:  # waiting to retry after a failure
            return
        if now - self._last >= QUIET_SECONDS or now - self._first >= MAX_WAIT_SECONDS:
            self.flush()

    def flush(self) -> None:
        """Save every pending record now.

        A record that cannot be saved stays pending (so does anything edited meanwhile) and
        is tried again after ``RETRY_SECONDS``; the first error is raised for the caller to
        report. Other records are saved regardless.
        """
        pending, self._pending, self._first = self._pending, {}, None
        failed: Exception | None = None
        for key, (record, on_saved) in pending.items():
            try:
                saved = self._save(record)
            except Exception as exc:  # keep it pending, say why; never lose the edit
                self._pending.setdefault(key, (record, on_saved))
                failed = failed or exc
                continue
            if on_saved is not None:
                on_saved(saved)
        if failed is not None:
            self.error = f"Could not save: {failed}"
            self._first = self._last = self.clock() + RETRY_SECONDS
            self._changed()
            raise failed
        self.error = None
        if pending:
            self._changed()

    def _save(self, record: Saveable) -> Saveable:
        if isinstance(record, Contact):
            return self.store.save_contact(record)
        if isinstance(record, Profile):
            return self.store.save_profile(record)
        return self.store.save_conversation(record)

    def describe_pending(self) -> list[str]:
        """One short line per edit that has not reached the store yet."""
        lines = []
        for record, _ in self._pending.values():
            what = (f"contact {record.name}" if isinstance(record, Contact)
                    else "your profile" if isinstance(record, Profile) else "a conversation")
            lines.append(f"{what} ({self.error or 'not saved yet'})")
        return lines

    def discard(self, record_id: str) -> None:
        """Forget pending edits of a record that is being deleted."""
        self._pending = {k: v for k, v in self._pending.items() if k[1] != record_id}
