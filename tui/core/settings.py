"""Small user preferences (the theme) kept as JSON in the config folder."""

from __future__ import annotations

import json
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


def save_setting(key: str, value: Any, folder: Path | None = None) -> None:
    """Remember one setting (raises ``OSError`` when it cannot be written)."""
    path = settings_path(folder)
    ensure_folder(path.parent)
    check_writable_folder(path.parent)  # a folder made read-only stays so, even for root
    data = load_settings(folder)
    data[key] = value
    atomic_write(path, json.dumps(data, indent=2).encode("utf-8"))
