"""The code of the screens and forms the app opens later, loaded on a thread once home is on
the screen: the first conversation then opens without first waiting for its code (about a
quarter of a second), and no module is read from disk on the event loop when it does."""

from __future__ import annotations

import contextlib
import importlib
import threading

#: Loaded in this order: what is opened first, first.
LATER = (
    "tui.screens.opening",
    "tui.screens.conversation",
    "tui.dialogs.record_forms",
    "tui.screens.person",
    "tui.core.due_actions",
    "tui.screens.home_views",
    "tui.screens.search",
)


def preload(names: tuple[str, ...] = LATER) -> threading.Thread:
    """Import ``names`` on a daemon thread (started; returned so that tests can wait). A
    module that fails here fails again, with its message, where it is really needed."""

    def load() -> None:
        for name in names:
            with contextlib.suppress(Exception):
                importlib.import_module(name)

    thread = threading.Thread(target=load, name="loading the screens", daemon=True)
    thread.start()
    return thread
