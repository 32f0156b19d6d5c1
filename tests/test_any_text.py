"""Any text at all (control characters, escape sequences, emoji, combining marks, right-to-left
text, markup-like text, lone surrogates, 100 KB) survives saving, reloading, export and import
(an import removes control characters, as documented), and the app shows it without crashing
and without a control character reaching the terminal."""

from __future__ import annotations

import asyncio
import json
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from tests.uitools import make_app
from tui.cli_output import json_text
from tui.core.models import Contact, Conversation
from tui.core.safetext import UNSAFE, strip_controls_counted
from tui.core.store import Store
from tui.widgets.textual_patches import guard_update

SPECIAL = st.sampled_from([
    "\x1b]52;c;SGFja2VkIGNsaXBib2FyZA==\x07", "\x1b]0;TITLE\x07", "\x1b[31mred\x1b[0m",
    "back\x08\x08space", "\x9b31m", "\u202eevil\u202c", "\u2066iso\u2069", "👩🏽‍💻 🇵🇹",
    "e\u0301\u0302\u0303", "שלום עולם", "مرحبا", "[bold]x[/]", "[/]", "[link=x]y", "\\[",
    "{name}", "<script>alert(1)</script>", "\udcff", "\r\n", "\x00", "\u2028",
])
TEXT = st.lists(st.one_of(st.text(max_size=30), SPECIAL), max_size=6).map("".join)
HUGE = st.tuples(TEXT, st.integers(1, 3)).map(
    lambda pair: (pair[0] or "x") * (100_000 * pair[1] // max(1, len(pair[0] or "x"))))
ANY_TEXT = st.one_of(TEXT, TEXT, TEXT, HUGE)


def _records(text: str) -> tuple[Contact, Conversation]:
    contact = Contact(name="N" + text[:60], id="c1", company=text[:200], notes=text)
    chat = Conversation(contact_id="c1", id="v1", goal=text, research_notes=text,
                        created_at="2026-11-01T09:00:00+00:00")
    return contact, chat


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=ANY_TEXT)
@example(text="\x1b]52;c;SGFja2Vk\x07 שלום 👩🏽‍💻 e\u0301 [b]x[/] \udcff\n" * 2500)
def test_any_text_survives_save_reload_export_and_import(text: str) -> None:
    contact, chat = _records(text)
    with tempfile.TemporaryDirectory() as tmp:
        first = Store.open(Path(tmp) / "a")
        first.save_contact(contact)
        first.save_conversation(chat)
        first.close()
        reread = Store.open(Path(tmp) / "a", readonly=True)
        assert reread.contact("c1").notes == text  # stored exactly as typed
        assert reread.conversation("v1").goal == text
        exported = json.loads(json_text(reread.export_data()))  # as `coffeechat export`
        reread.close()
        second = Store.open(Path(tmp) / "b")
        second.import_data(exported)
        imported = second.contact("c1")
        expected = strip_controls_counted(text)[0]
        assert imported.notes == expected  # an import strips control characters
        assert second.conversation("v1").goal == expected
        assert second.import_data(exported).added == 0  # and a second import adds nothing
        second.close()


async def _shown_safely(text: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        app = make_app(Path(tmp))
        contact, chat = _records(text)
        app.store.save_contact(contact)
        app.store.save_conversation(chat)
        async with app.run_test(size=(100, 30)) as pilot:
            for keys in ((), ("enter",), ("c",)):  # home, the details, the contact form
                await pilot.press(*keys)
                await pilot.pause()
                update = guard_update(app.screen._compositor.render_full_update())
                for line in update.strips:
                    for strip in line:
                        for segment in strip:
                            assert segment.control or UNSAFE.search(segment.text) is None
            shown = [s.text for s in app.screen._compositor.render_strips()]
            assert app.is_running and shown
        app.store.close()


@settings(max_examples=6, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(text=st.one_of(TEXT, SPECIAL, HUGE))
@example(text="\x1b]52;c;SGFja2Vk\x07 שלום 👩🏽‍💻 e\u0301 [b]x[/] \udcff\n" * 2500)  # 100 KB
def test_any_text_is_shown_without_a_crash_or_an_escape(text: str) -> None:
    asyncio.run(_shown_safely(text))


def test_display_widgets_show_symbols_before_any_guard() -> None:
    """Names and goals in lists and details are made visible by the text helpers themselves
    (the guard only has to catch what inputs show as typed)."""

    async def check() -> None:
        with tempfile.TemporaryDirectory() as tmp:
            app = make_app(Path(tmp))
            contact, chat = _records("\x1b]0;TITLE\x07\u202e")
            app.store.save_contact(contact)
            app.store.save_conversation(chat)
            async with app.run_test(size=(100, 30)) as pilot:
                for keys in ((), ("enter",)):
                    await pilot.press(*keys)
                    await pilot.pause()
                    raw = [s.text for s in app.screen._compositor.render_strips()]
                    assert not [line for line in raw if UNSAFE.search(line)]
                    assert any("␛]0;TITLE␇" in line for line in raw)
            app.store.close()

    asyncio.run(check())
