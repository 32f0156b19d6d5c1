"""What the views over everything work out from: the records as the store holds them now,
the clock and the routine's settings, with the results the app keeps for exactly those
records (:class:`~tui.services.derived.Derived`), so that a view can open with them."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any

from textual.dom import DOMNode

from tui.core.models import Contact
from tui.core.outreach_due import routine_settings
from tui.core.summary import ConversationSummary
from tui.widgets.app_services import app_services


class AsOfNow:
    """The contacts, the conversations' summaries, the moment and the routine's settings, read
    once; :meth:`kept` and :meth:`keep` look a result up and keep one for them."""

    def __init__(self, node: DOMNode) -> None:
        services = app_services(node)
        self._derived = services.derived
        self.contacts: list[Contact] = services.store.contacts()
        self.conversations: list[ConversationSummary] = services.store.summaries()
        self.now = services.clock()
        self.routine, _ = routine_settings(services.settings.values())

    def key(self, *more: Hashable) -> Hashable:
        """What a result depends on besides the records: the hour (a call that ends meanwhile
        counts from the next hour), the routine's settings, and ``more``."""
        return (self.now.replace(minute=0, second=0, microsecond=0), self.routine, *more)

    def kept(self, name: str, *more: Hashable) -> Any | None:
        """The result ``name`` kept for exactly these records (and ``more``), if any."""
        return self._derived.get(name, self.contacts, self.conversations, self.key(*more))

    def keep(self, name: str, value: Any, *more: Hashable) -> None:
        """Keep ``value`` as the result ``name`` for these records (and ``more``)."""
        self._derived.put(name, self.contacts, self.conversations, self.key(*more), value)
