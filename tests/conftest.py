"""Shared fixtures for the core and CLI tests (UI fixtures live with the UI tests)."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

if TYPE_CHECKING:
    from tui.core.store import Store

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # the package need not be installed to run the tests
    sys.path.insert(0, str(ROOT))


@pytest.fixture(autouse=True)
def _isolate_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never read or write the real user's data, config or cache folders during a test."""
    home = tmp_path_factory.mktemp("isolated")
    monkeypatch.setenv("COFFEECHAT_DATA_DIR", str(home / "data"))
    monkeypatch.setenv("COFFEECHAT_CONFIG_DIR", str(home / "config"))
    monkeypatch.setenv("COFFEECHAT_CACHE_DIR", str(home / "cache"))


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A data folder path that does not exist yet."""
    return tmp_path / "data"


@pytest.fixture
def store(data_dir: Path) -> Iterator[Store]:
    """A writable, synchronous Store on an empty data folder, closed afterwards."""
    from tui.core.store import Store

    opened = Store.open(data_dir)
    yield opened
    opened.close()


@pytest.fixture
def subprocess_env() -> dict[str, str]:
    """An environment for ``python -m tui`` and helper scripts run from the source tree."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.pop("COFFEECHAT_DEBUG", None)
    return env
