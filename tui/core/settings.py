"""Small user preferences (the theme, the wrap-up warning) kept as JSON in the config folder.

The app reads them once, before its event loop starts (:meth:`Settings.load`), changes them in
memory, and has each change written off the event loop (:meth:`Settings.write`, run in a
thread); :meth:`Settings.flush` writes what is left on the way out.
"""

from __future__ import annotations

import json
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.core.files import check_writable_folder
from tui.core.paths import config_dir
from tui.core.storage import atomic_write, ensure_folder

SETTINGS_FILE = "settings.json"


def settings_path(folder: Path | None = None) -> Path:
    """Where the settings live."""
    return (folder or config_dir()) / SETTINGS_FILE


def load_settings(folder: Path | None = None) -> dict[str, Any]:
    """The saved settings; an unreadable file reads as no settings (it is only preferences)."""
    try:
        data = json.loads(settings_path(folder).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return data if isinstance(data, dict) else {}


def write_settings(values: dict[str, Any], folder: Path | None = None) -> None:
    """Write all the settings (raises ``OSError`` when they cannot be written)."""
    path = settings_path(folder)
    ensure_folder(path.parent)
    check_writable_folder(path.parent)  # a folder made read-only stays so, even for root
    atomic_write(path, json.dumps(values, indent=2).encode("utf-8"))


def save_setting(key: str, value: Any, folder: Path | None = None) -> None:
    """Remember one setting now (raises ``OSError`` when it cannot be written)."""
    values = load_settings(folder)
    values[key] = value
    write_settings(values, folder)


class Settings:
    """The preferences in memory. :meth:`set` changes one and calls ``on_change``, which has
    :meth:`write` run in a thread (without one, :meth:`set` writes at once); :meth:`flush`
    writes whatever is still unwritten (the app calls it on the way out)."""

    def __init__(self, folder: Path | None, values: dict[str, Any]) -> None:
        self.folder = folder
        self._values = dict(values)
        self.on_change: Callable[[], None] | None = None
        self._changes = 0  # how many changes were made, and how many of them are written
        self._written = 0
        self._writing = threading.Lock()

    @classmethod
    def load(cls, folder: Path | None = None) -> Settings:
        """The settings on disk (reads the file: call it before the event loop starts)."""
        return cls(folder, load_settings(folder))

    def get(self, key: str, default: Any = None) -> Any:
        """One setting."""
        return self._values.get(key, default)

    def values(self) -> dict[str, Any]:
        """A copy of every setting."""
        return dict(self._values)

    def set(self, key: str, value: Any) -> None:
        """Change one setting in memory and ask for it to be written."""
        self._values[key] = value
        self._changes += 1
        if self.on_change is not None:
            self.on_change()
        else:
            self.write()

    def write(self) -> None:
        """Write the settings as they are now (blocking: run it in a thread). Two writes never
        overlap, and the last one writes the last values; raises ``OSError`` when they cannot
        be written."""
        with self._writing:
            changes = self._changes
            write_settings(self.values(), self.folder)
            self._written = max(self._written, changes)

    def flush(self) -> None:
        """Write now if a change is not written yet (raises ``OSError``)."""
        if self._written < self._changes:
            self.write()
