"""Where coffeechat keeps the user's data and their own copies of templates."""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

ENV_DATA_DIR = "COFFEECHAT_DATA_DIR"
ENV_CONFIG_DIR = "COFFEECHAT_CONFIG_DIR"


class EmptyPathError(ValueError):
    """A folder given as empty text (``--data-dir ""``): never read as "the default"."""


def data_dir(override: str | os.PathLike[str] | None = None) -> Path:
    """The data folder: ``--data-dir``, else ``$COFFEECHAT_DATA_DIR``, else the platform's.

    An ``override`` that is empty or only spaces raises :class:`EmptyPathError` (a script's
    unset variable must not write to the user's real data); an empty or blank environment
    variable counts as unset, as for the XDG variables.
    """
    if override is not None:
        if not os.fspath(override).strip():
            raise EmptyPathError("the data folder is empty: give a folder")
        return Path(override).expanduser().resolve()
    from_environment = os.environ.get(ENV_DATA_DIR, "")
    chosen = from_environment if from_environment.strip() else platformdirs.user_data_dir(
        "coffeechat")
    return Path(chosen).expanduser().resolve()


def config_dir() -> Path:
    """The folder for the user's own templates and settings."""
    chosen = os.environ.get(ENV_CONFIG_DIR) or platformdirs.user_config_dir("coffeechat")
    return Path(chosen).expanduser()
