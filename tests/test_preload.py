"""The screens opened later are loaded on a thread once the app shows."""

from __future__ import annotations

import sys

import pytest

from tui.screens.preload import LATER, preload


def test_every_module_named_exists_and_is_loaded() -> None:
    preload().join(timeout=60)
    assert all(name in sys.modules for name in LATER)


def test_a_module_that_fails_does_not_stop_the_others(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delitem(sys.modules, "colorsys", raising=False)
    thread = preload(("tui.no_such_module", "colorsys"))
    thread.join(timeout=60)
    assert thread.name == "loading the screens"
    assert "colorsys" in sys.modules
