"""Results worked out from the records, kept while the records stay the same.

The store replaces a record's snapshot whenever the record changes, and hands out the same
snapshot objects otherwise, so "the same records" is "the same objects": a comparison by
identity that costs about a millisecond at 10,000 conversations, against hundreds of
milliseconds to work the result out again.
"""

from __future__ import annotations

import threading
from collections.abc import Hashable, Sequence
from typing import Any


def same_items(held: Sequence[object], now: Sequence[object]) -> bool:
    """Both lists hold the same objects in the same order."""
    return len(held) == len(now) and all(a is b for a, b in zip(held, now, strict=True))


class Derived:
    """One result per name, worked out from ``(contacts, conversations)`` and a ``key``
    (what else it depends on: the day, the settings). Safe to use from any thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._held: dict[str, tuple[Sequence[object], Sequence[object], Hashable, Any]] = {}

    def get(self, name: str, contacts: Sequence[object], conversations: Sequence[object],
            key: Hashable) -> Any | None:
        """The result kept for exactly these records and ``key``, or None."""
        with self._lock:
            held = self._held.get(name)
        if held is None or held[2] != key:
            return None
        if not (same_items(held[0], contacts) and same_items(held[1], conversations)):
            return None
        return held[3]

    def put(self, name: str, contacts: Sequence[object], conversations: Sequence[object],
            key: Hashable, value: Any) -> None:
        """Keep ``value`` as the result for these records and ``key``."""
        with self._lock:
            self._held[name] = (list(contacts), list(conversations), key, value)
