"""Hostile text in the data never drives the terminal: shown as symbols in lists, details and
notifications, and removed from every screen update the app writes (inputs included)."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.pty_tools import Terminal
from tests.uitools import make_app
from tui.app import CoffeechatApp
from tui.core.models import Contact, Conversation
from tui.core.safetext import UNSAFE
from tui.core.store import Store
from tui.widgets.textual_patches import guard_update

EVIL = "\x1b]52;c;SGFja2Vk\x07\x1b]0;PWNED\x07\x1b[5;31m\x08\x9b\u202eevil\x7f"


def _add_hostile(store: Store) -> None:
    contact = store.save_contact(Contact(name="Eve" + EVIL, company="Co" + EVIL,
                                         notes="line\n" + EVIL))
    store.save_conversation(Conversation(contact_id=contact.id, goal="goal" + EVIL))


def _screen_text(app: CoffeechatApp) -> list[str]:
    return [strip.text for strip in app.screen._compositor.render_strips()]


async def test_lists_details_and_notifications_show_symbols(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    _add_hostile(app.store)
    async with app.run_test(size=(120, 40), notifications=True) as pilot:
        await pilot.pause()
        home = _screen_text(app)
        assert any("Eve␛]52;c;SGFja2Vk␇" in line for line in home)
        assert not [line for line in home if UNSAFE.search(line)]
        await pilot.press("enter")
        await pilot.pause()
        details = _screen_text(app)
        assert any("goal␛]52" in line for line in details)
        assert not [line for line in details if UNSAFE.search(line)]
        app.notify("Saved " + EVIL, title=EVIL, markup=False)
        await pilot.pause()
        await pilot.pause()
        toast = "\n".join(_screen_text(app))
        assert "Saved ␛]52" in toast
        assert UNSAFE.search(toast) is None


async def test_every_screen_update_is_guarded_even_for_inputs(tmp_path: Path) -> None:
    app = make_app(tmp_path)
    _add_hostile(app.store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.press("2", "e")  # the contact form: inputs show text as stored
        await pilot.pause()
        raw = _screen_text(app)
        assert [line for line in raw if "\x1b]52" in line], "inputs hold the text as typed"
        update = guard_update(app.screen._compositor.render_full_update())
        guarded = ["".join(strip.text for strip in line) for line in update.strips]
        assert not [line for line in guarded if UNSAFE.search(line)]
        assert any("Eve]52;c;SGFja2Vk]0;PWNED[5;31mevil" in line for line in guarded)
    assert app.store.contacts()[0].name == "Eve" + EVIL  # stored text is untouched


@pytest.mark.skipif(os.name != "posix", reason="needs a pseudo-terminal")
def test_a_real_terminal_receives_no_escape_from_the_data(
        tmp_path: Path, subprocess_env: dict[str, str]) -> None:
    store = Store.open(tmp_path / "data")
    _add_hostile(store)
    store.close()
    env = dict(subprocess_env, COFFEECHAT_CONFIG_DIR=str(tmp_path))
    terminal = Terminal(["--data-dir", str(tmp_path / "data")], env)
    try:
        terminal.read_until(b"Conversations")
        terminal.send(b"\r")  # open the conversation: its details
        terminal.read_until(b"Details")
        terminal.send(b"c")  # the contact form: inputs
        terminal.read_until(b"Edit contact")
        terminal.send(b"\x1b")
        terminal.read_until(b"Details")
        terminal.send(b"\x11")  # ctrl+q
        assert terminal.wait() == 0
    finally:
        terminal.close()
    output = terminal.output
    assert "␛]52;c;SGFja2Vk".encode() in output  # the text was shown...
    assert b"\x1b]52" not in output  # ...but never obeyed
    assert b"\x1b]0;PWNED" not in output
    assert b"\x1b[5;31m" not in output
    assert "\u202e".encode() not in output and b"\x08" not in output
    # the only operating-system commands are Textual's own (22: the mouse pointer's shape)
    assert set(re.findall(rb"\x1b\](\d+);", output)) <= {b"22"}
