"""Where coffeechat keeps the user's data and their own copies of templates."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "COFFEECHAT_DATA_DIR"
ENV_CONFIG_DIR = "COFFEECHAT_CONFIG_DIR"


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir``, else ``$COFFEECHAT_DATA_DIR``, else the platform's."""
    chosen = override or os.environ.get(ENV_DATA_DIR) or platformdirs.user_data_dir("coffeechat")
    return Path(chosen).expanduser().resolve()


def config_dir() -> Path:
    """The folder for the user's own templates and settings."""
    chosen = os.environ.get(ENV_CONFIG_DIR) or platformdirs.user_config_dir("coffeechat")
    return Path(chosen).expanduser()
