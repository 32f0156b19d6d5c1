"""Helpers for driving the app with Pilot against a throwaway data folder."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tests.layout_tools import on_disk, stored
from tui.app import CoffeechatApp
from tui.core.store import Store


def make_app(data_dir: Path, config_dir: Path | None = None) -> CoffeechatApp:
    """An app on its own store (background writer, like the real thing)."""
    store = Store.open(data_dir, background=True)
    return CoffeechatApp(store, config_folder=config_dir or data_dir / "config")


async def until(pilot: Any, condition: Callable[[], Any], seconds: float = 20.0) -> Any:
    """Wait (letting the app run) until ``condition()`` is truthy and return it; fail after
    ``seconds`` (work done in a thread lands whenever the machine gets to it)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        result = condition()
        if result:
            return result
        await pilot.pause(0.02)
    raise AssertionError(f"still waiting after {seconds} s")


async def type_text(pilot: Any, text: str) -> None:
    """Type ``text`` key by key (spaces and punctuation included)."""
    await pilot.press(*[_key(ch) for ch in text])


def _key(ch: str) -> str:
    names = {" ": "space", "[": "left_square_bracket", "]": "right_square_bracket",
             "/": "slash", "\n": "enter", ":": "colon", "-": "minus", ".": "full_stop",
             ",": "comma", "?": "question_mark", "'": "apostrophe", "(": "left_parenthesis",
             ")": "right_parenthesis", "@": "at", "#": "number_sign", "*": "asterisk",
             "!": "exclamation_mark", "_": "underscore"}
    return names.get(ch, ch)


__all__ = ["make_app", "on_disk", "stored", "type_text"]
