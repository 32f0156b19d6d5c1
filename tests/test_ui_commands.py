"""Every action a pane has is in the command palette, once; one status everywhere; the
question bank is one key from the ask and says when nothing matches."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Static

from tests.live_tools import live_app, open_live
from tests.test_ui_transfer import open_palette_command
from tests.uitools import type_text
from tui.screens.conversation import ConversationScreen
from tui.screens.home import HomeScreen
from tui.widgets.key_commands import NOT_COMMANDS, shown

PLACES = [["enter"], ["enter", "f3"], ["enter", "f3", "f3"], ["enter", "f3", "f3", "f3"],
          ["enter", "f3", "4"], ["enter", "f4"], ["enter", "f4", "ctrl+t"], ["enter", "f5"],
          ["enter", "f5", "ctrl+down", "ctrl+down", "ctrl+down"]]


def pane_actions(app) -> dict[tuple[int, str], set[str]]:
    """Every enabled, named action of the shown pane and its parts, with the descriptions of
    the keys bound to it."""
    pane = app.screen.active_pane()
    found: dict[tuple[int, str], set[str]] = {}
    for node in [pane, *(w for w in pane.query("*") if shown(w))]:
        for key, binding in node._bindings:
            name = binding.action.split("(")[0]
            if binding.id and binding.description and key not in NOT_COMMANDS and (
                    "." in name or node.check_action(name, ())):
                found.setdefault((id(node), binding.action), set()).add(binding.description)
    return found


async def test_every_pane_action_is_in_the_palette_once(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        for keys in PLACES:
            await pilot.press(*keys)
            await pilot.pause()
            commands = list(app.get_system_commands(app.screen))
            titles = [c.title for c in commands]
            assert len(titles) == len(set(titles)), keys  # once
            assert "Help" in titles and "Keys" not in titles
            helps = " | ".join(c.help for c in commands)
            for action, descriptions in pane_actions(app).items():
                assert any(f"{d} · " in helps for d in descriptions), (keys, action)
            await pilot.press("escape", "escape")
            await pilot.pause()
            screen = app.screen
            if isinstance(screen, ConversationScreen) and screen.conversation.live.running:
                await open_palette_command(pilot, "Back to the list")  # esc stays in a call
            assert isinstance(app.screen, HomeScreen)


async def test_one_status_everywhere_during_a_call(tmp_path: Path) -> None:
    app = live_app(tmp_path)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_live(pilot)
        await pilot.press("ctrl+t")
        await pilot.pause()
        title = str(app.screen.query_one("#title", Static).render())
        assert "call in progress" in title and "scheduled" not in title
        await pilot.press("f2")
        details = str(app.screen.query_one("#details-body", Static).render())
        assert "call in progress" in details
        await pilot.press("escape")  # esc stays in a running call
        assert "call in progress" in str(app.screen.query_one("#title", Static).render())
        await open_palette_command(pilot, "Back to the list")
        row = str(app.screen.query_one("#conversation-list").get_option("c0ffee000002").prompt)
        assert "call in progress" in row and "scheduled" not in row


async def test_the_question_bank_is_one_key_from_the_ask(tmp_path: Path) -> None:
    app = live_app(tmp_path, questions=[])
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("enter", "f3", "f3")
        app.screen.query_one("#ask").focus()
        await pilot.pause()
        await pilot.press("enter")
        assert app.focused.id == "bank-filter"
        await type_text(pilot, "zzqx")
        await pilot.pause()
        bank = app.screen.query_one("#bank")
        assert [str(o.prompt) for o in bank.options] == [
            "No question matches 'zzqx': esc clears the filter, w writes your own."]
        await pilot.press("escape")
        assert app.focused is bank and bank.option_count > 60
        await pilot.press("slash")
        await type_text(pilot, "mentor")
        await pilot.press("down")  # from the filter into the results
        assert app.focused is bank and "mentor" in str(bank.highlighted_option.prompt).lower()
