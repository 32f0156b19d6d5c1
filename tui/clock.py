"""The app's sense of now, shared by screens and widgets."""

from __future__ import annotations

from datetime import datetime
from typing import Any


def app_now(app: Any) -> datetime:
    """The app's clock (``app.now()``, fixed in tests and snapshots), else the real one."""
    clock = getattr(app, "now", None)
    return clock() if callable(clock) else datetime.now().astimezone()
