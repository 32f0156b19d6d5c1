"""The coffeechat Textual app: global keys, theme, autosave and the way in and out."""

from __future__ import annotations

import contextlib
import signal
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.screen import Screen

from tui.autosave import Autosaver
from tui.core.profile import move_from_settings
from tui.core.settings import load_settings, save_setting
from tui.core.storage import LockedError, StorageError
from tui.core.store import Store
from tui.screens.help import HelpScreen
from tui.screens.home import HomeScreen

TICK_SECONDS = 0.2
# Textual's own palette entries that the app's Help (f1) and Quit already cover.
TEXTUAL_DUPLICATES = {"Keys", "Quit"}


class CoffeechatApp(App[int]):
    """A keyboard-first companion for informational interviews."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "coffeechat"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "Help", tooltip="Show the keys for this screen", id="help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+s", "save_now", "Save", show=False, tooltip="Save now", id="save"),
        Binding("ctrl+q", "quit", "Quit", tooltip="Save and quit", id="quit", priority=True,
                show=False),
    ]

    def __init__(self, store: Store, *, config_folder: Path | None = None) -> None:
        super().__init__()
        self.store = store
        self.autosaver = Autosaver(store)
        self.config_folder = config_folder
        self._theme_ready = False
        self._quit_anyway = False

    def on_mount(self) -> None:
        """Restore the theme, show home, start the autosave clock, flush on SIGTERM/SIGHUP."""
        saved_theme = load_settings(self.config_folder).get("theme")
        if isinstance(saved_theme, str) and saved_theme in self.available_themes:
            self.theme = saved_theme
        self._theme_ready = True
        self._adopt_old_profile()
        self.set_interval(TICK_SECONDS, self.autosave_tick)
        self._install_signal_handlers()
        self.push_screen(HomeScreen())

    def _adopt_old_profile(self) -> None:
        """Your name and one line about you now live in the data: move them from an older
        version's settings, once."""
        if self.store.readonly:
            return
        try:
            move_from_settings(self.store, self.config_folder)
        except (OSError, ValueError) as exc:
            self.notify(f"Your name and introduction stay in the settings for now: {exc}",
                        severity="warning", markup=False)

    def _install_signal_handlers(self) -> None:
        loop = self._loop
        if loop is None:
            return
        for sig in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)):
            if sig is not None:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(sig, self._on_terminate)

    def _on_terminate(self) -> None:
        self.save_everything()
        self.exit(0)

    def now(self) -> datetime:
        """The current moment; tests and snapshots replace this with a fixed clock."""
        return datetime.now().astimezone()

    def watch_theme(self, theme: str) -> None:
        """Remember the chosen theme for next time."""
        if self._theme_ready:
            with contextlib.suppress(OSError):
                save_setting("theme", theme, self.config_folder)

    def autosave_tick(self) -> None:
        """Save edits once the user pauses; report a failure without losing the edit."""
        try:
            self.autosaver.tick()
        except Exception as exc:
            self.notify(f"Not saved yet, will retry: {exc}", severity="error", markup=False)

    def save_everything(self, timeout: float = 10.0) -> bool:
        """Save pending edits and wait until they are on disk."""
        try:
            self.autosaver.flush()
        except Exception as exc:
            self.notify(f"Could not save: {exc}", severity="error", markup=False)
            return False
        return self.store.flush(timeout)

    def action_save_now(self) -> None:
        """Save now and say so."""
        if self.save_everything():
            self.notify("Saved.", timeout=2)

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        """Save everything, then leave; if saving fails, a second ctrl+q leaves anyway."""
        if self.save_everything() or self._quit_anyway:
            self.exit(0)
            return
        self._quit_anyway = True
        self.notify("Some changes could not be written. Press ctrl+q again to quit anyway.",
                    severity="error", markup=False)

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The app's own commands first, then Textual's (theme, keys, screenshot...)."""
        commands = getattr(screen, "palette_commands", None)
        if callable(commands):
            yield from commands()
        yield SystemCommand("Help", "Show the keys for this screen (f1)", self.action_help)
        yield SystemCommand("Save now", "Write every change to disk (ctrl+s)",
                            self.action_save_now)
        yield SystemCommand("Quit", "Save everything and quit (ctrl+q)", self.action_quit)
        for command in super().get_system_commands(screen):
            if command.title not in TEXTUAL_DUPLICATES:
                yield command


def run_app(data_dir: Path, config_folder: Path | None = None) -> int:
    """Open the store in ``data_dir`` and run the app (with ``config_folder`` for settings
    and the user's own templates; default: the platform's); returns the exit code."""
    try:
        store = Store.open(data_dir, background=True)
    except LockedError as exc:
        print(f"coffeechat: {exc}", file=sys.stderr)
        return 3
    except StorageError as exc:
        print(f"coffeechat: {exc}", file=sys.stderr)
        return 1
    try:
        app = CoffeechatApp(store, config_folder=config_folder)
        result = app.run()
        if app.autosaver.pending:
            app.autosaver.flush()
    finally:
        store.close()
    if result is None:  # no result: Textual's own code (1 after an error it has printed)
        return 1 if app.return_code is None else app.return_code
    return result
