"""The coffeechat Textual app: global keys, the theme, the save status, the way in and out."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from textual import on
from textual.app import SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen
from textual.worker import Worker, WorkerState

from tui.core.safetext import visible
from tui.core.storage import LockedError, StorageError
from tui.core.store import Store
from tui.dialogs.help import HelpScreen
from tui.screens.home import HomeScreen
from tui.screens.transfer_commands import transfer_commands
from tui.services import Services
from tui.services.autosave import Autosaver
from tui.services.recovery import finish, summarise
from tui.widgets.key_commands import PaletteSource
from tui.widgets.key_order import Request
from tui.widgets.save_indicator import NOT_SAVED_HINT, SaveStatus
from tui.widgets.textual_patches import GuardedApp

TICK_SECONDS = 0.2
SETTINGS_GROUP = "settings"
# Textual's own palette entries that the app's Help (f1) and Quit already cover.
TEXTUAL_DUPLICATES = {"Keys", "Quit"}


class CoffeechatApp(GuardedApp):
    """A keyboard-first companion for informational interviews (every screen update passes
    the control-character guard: see :class:`GuardedApp`)."""

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

    #: Pushed by the writer thread and the autosaver; every SaveIndicator shows it.
    save_status: reactive[SaveStatus] = reactive(("saved", None), init=False)

    class SaveStateChanged(Message):
        """The writer thread has news (``saving``, ``saved`` or ``error``)."""

    def __init__(self, store: Store, *, config_folder: Path | None = None) -> None:
        super().__init__()
        # The clock asks now() each time: tests and snapshots replace it on the app.
        self.services = Services.start(store, config_folder, clock=lambda: self.now())
        self.services.autosaver.on_change = self.update_save_status
        self.services.settings.on_change = self._write_settings
        store.watch_saves(self._writer_state)
        self._theme_ready = False
        self._quit_anyway = False

    @property
    def store(self) -> Store:
        """The data (for scripts and tests; screens reach it through their services)."""
        return self.services.store

    @property
    def autosaver(self) -> Autosaver:
        """The autosaver (for scripts and tests; screens reach it through their services)."""
        return self.services.autosaver

    def now(self) -> datetime:
        """The current moment; tests and snapshots replace this with a fixed clock."""
        return datetime.now().astimezone()

    def on_mount(self) -> None:
        """Restore the theme, show home, start the autosave clock, flush on SIGTERM/SIGHUP."""
        saved_theme = self.services.settings.get("theme")
        if isinstance(saved_theme, str) and saved_theme in self.available_themes:
            self.theme = saved_theme
        self._theme_ready = True
        self.set_interval(TICK_SECONDS, self.autosave_tick)
        self._install_signal_handlers()
        self.push_screen(HomeScreen())
        self.update_save_status()
        for message in self.services.warnings:
            self.notify(message, title="Warning", severity="warning", timeout=20, markup=False)

    def on_unmount(self) -> None:
        """Leaving: the last change of the settings is written (a thread may not have)."""
        with contextlib.suppress(OSError):
            self.services.settings.flush()

    def _install_signal_handlers(self) -> None:
        loop = asyncio.get_running_loop()
        for sig in (getattr(signal, "SIGTERM", None), getattr(signal, "SIGHUP", None)):
            if sig is not None:
                with contextlib.suppress(NotImplementedError, RuntimeError, ValueError):
                    loop.add_signal_handler(sig, self.terminate)

    def terminate(self) -> None:
        """SIGTERM or SIGHUP: save what can be saved and leave; 1 if something is unsaved
        (``run_app`` then writes it to a recovery file)."""
        self.exit(0 if self.save_everything(timeout=3.0) else 1)

    # -- settings, written in a thread ---------------------------------------------------

    def watch_theme(self, theme: str) -> None:
        """Remember the chosen theme for next time."""
        if self._theme_ready:
            self.services.settings.set("theme", theme)

    def _write_settings(self) -> None:
        self.run_worker(self.services.settings.write, thread=True, group=SETTINGS_GROUP,
                        exit_on_error=False)

    @on(Worker.StateChanged)
    def _worker_done(self, event: Worker.StateChanged) -> None:
        worker = event.worker
        if worker.group == SETTINGS_GROUP and event.state == WorkerState.ERROR:
            self.notify(f"Settings kept for now, but not remembered for next time: "
                        f"{worker.error}", severity="warning", markup=False)

    @on(Request)
    def _unanswered(self, request: Request) -> None:
        """A request nobody along the way took: let its sender go on."""
        if not request.answered:
            request.answer(False)

    # -- the save state ------------------------------------------------------------------

    def _writer_state(self, state: str, detail: str | None) -> None:
        """Called on the writer's thread: hand the news to the event loop."""
        if self.is_running:
            self.post_message(self.SaveStateChanged())

    def on_coffeechat_app_save_state_changed(self, _: SaveStateChanged) -> None:
        """Show the writer's news (as the writer has it now: later news may be on its way)."""
        self.update_save_status()

    def update_save_status(self) -> None:
        """Combine the writer's state with the autosaver's; say so when saving starts to
        fail, and when it works again."""
        state, detail = self.store.save_state()
        autosaver = self.services.autosaver
        if autosaver.error:
            state, detail = "error", autosaver.error
        elif autosaver.pending and state == "saved":
            state = "saving"
        before = self.save_status[0]
        self.save_status = (state, detail)
        if state == "error" and before != "error":
            self.notify(f"{detail}. {NOT_SAVED_HINT}", title="Not saved", severity="error",
                        timeout=15, markup=False)
        elif state == "saved" and before == "error":
            self.notify("Saved: everything is on disk again.", timeout=4, markup=False)

    def unsaved(self) -> list[str]:
        """What quitting now would leave out of the data file, one line per record."""
        return self.store.unsaved_changes() + self.autosaver.describe_pending()

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

    # -- actions -------------------------------------------------------------------------

    def action_save_now(self) -> None:
        """Save now and say so (or say why not)."""
        if self.save_everything():
            self.notify("Saved.", timeout=2)
            return
        self.update_save_status()
        self.notify(self.save_status[1] or "Not saved yet: the disk is slow; still trying.",
                    title="Not saved", severity="error", markup=False)

    def action_help(self) -> None:
        """Show the keys of the current screen."""
        if not isinstance(self.screen, HelpScreen):
            self.push_screen(HelpScreen(self.screen))

    async def action_quit(self) -> None:
        """Save everything, then leave. If saving fails, say what would be lost; a second
        ctrl+q leaves anyway (exit code 1, and ``run_app`` writes a recovery file)."""
        if self.save_everything():
            self.exit(0)
            return
        if self._quit_anyway:
            self.exit(1)
            return
        self._quit_anyway = True
        self.update_save_status()
        lost = self.unsaved() or ["the last changes"]
        self.notify(f"{self.save_status[1] or 'Not saved'}. Quitting now leaves out "
                    f"{summarise(lost)}. Press ctrl+q again to quit anyway: they are then "
                    "written to a recovery file beside your data if the disk allows.",
                    title="Not saved", severity="error", timeout=30, markup=False)

    def notify(self, message: str, *, title: str = "", severity: SeverityLevel = "information",
               timeout: float | None = None, markup: bool = True) -> None:
        """Show a notification; names and notes in it have their control characters made
        visible (every widget's notify comes here)."""
        super().notify(visible(message, multiline=True), title=visible(title),
                       severity=severity, timeout=timeout, markup=markup)

    def get_system_commands(self, screen: Screen[object]) -> Iterable[SystemCommand]:
        """The app's own commands first, then Textual's (theme, keys, screenshot...)."""
        if isinstance(screen, PaletteSource):
            yield from screen.palette_commands()
        yield from transfer_commands(self)
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
        print(f"coffeechat: {visible(str(exc))}", file=sys.stderr)
        return 3
    except StorageError as exc:
        print(f"coffeechat: {visible(str(exc))}", file=sys.stderr)
        return 1
    try:
        app = CoffeechatApp(store, config_folder=config_folder)
    except BaseException:
        store.close()
        raise
    try:
        result = app.run()
    finally:
        if app.autosaver.pending:
            with contextlib.suppress(Exception):
                app.autosaver.flush()
        with contextlib.suppress(OSError):
            app.services.settings.flush()
        unsaved = finish(store, app.autosaver.describe_pending())
        store.close()
    if result is None:  # no result: Textual's own code (1 after an error it has printed)
        result = 1 if app.return_code is None else app.return_code
    return result or unsaved
