"""The coffeechat Textual app: global keys, the theme, the save status, the way out (the way in,
opening the data and running the app, is :mod:`tui.app_run`)."""

from __future__ import annotations

import contextlib
import gc
import threading
import time
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

from tui.core.backups import problem_lines
from tui.core.safetext import visible
from tui.core.store import Store
from tui.core.upkeep import DONE, IndexInputs, progress_line, upkeep
from tui.dialogs.help import HelpScreen
from tui.screens.home import HomeScreen
from tui.screens.preload import preload
from tui.screens.transfer_commands import transfer_commands
from tui.services import Services
from tui.services.autosave import Autosaver
from tui.services.closing import Closer, on_hangup
from tui.services.recovery import finish, summarise
from tui.widgets.key_commands import PaletteSource
from tui.widgets.key_hold import HoldsKeys, KeyHold
from tui.widgets.key_order import Request
from tui.widgets.save_indicator import NOT_SAVED_HINT, SaveStatus
from tui.widgets.textual_patches import GuardedApp

TICK_SECONDS = 0.2
SETTINGS_GROUP = "settings"
PROGRESS_SECONDS = 0.1
PROGRESS_DELAY = 0.5  # background work shorter than this shows no progress line
LEAVE_SECONDS = 3.0  # after SIGTERM or SIGHUP, the process ends within this of saving
# Textual's own palette entries that the app's Help (f1) and Quit already cover.
TEXTUAL_DUPLICATES = {"Keys", "Quit"}


class CoffeechatApp(HoldsKeys, GuardedApp):
    """A keyboard-first companion for informational interviews (every screen update passes
    the control-character guard: see :class:`GuardedApp`)."""

    CSS_PATH = Path(__file__).with_name("app.tcss")
    TITLE = "coffeechat"
    ENABLE_COMMAND_PALETTE = True
    BINDINGS = [
        Binding("f1", "help", "Help", tooltip="Show the keys for this screen", id="help"),
        Binding("question_mark", "help", "Help", show=False),
        Binding("ctrl+s", "save_now", "Save", show=False, tooltip="Save now", id="save"),
        Binding("ctrl+f", "search", "Search", show=False, priority=True, id="search",
                tooltip="Search every conversation and contact, from anywhere"),
        Binding("ctrl+q", "quit", "Quit", tooltip="Save and quit", id="quit", priority=True,
                show=False),
    ]

    #: Pushed by the writer thread and the autosaver; every SaveIndicator shows it.
    save_status: reactive[SaveStatus] = reactive(("saved", None), init=False)

    class SaveStateChanged(Message):
        """The writer thread has news (``saving``, ``saved`` or ``error``)."""

    def __init__(self, store: Store, *, config_folder: Path | None = None,
                 needs_refresh: bool = False) -> None:
        """``needs_refresh``: the list of conversations is not complete yet (the files that
        changed are read in the background, with progress on the home screen)."""
        super().__init__()
        # The clock asks now() each time: tests and snapshots replace it on the app.
        self.services = Services.start(store, config_folder, clock=lambda: self.now())
        self.services.autosaver.on_change = self.update_save_status
        self.services.settings.on_change = self._write_settings
        self.key_hold = KeyHold()
        store.watch_saves(self._writer_state)
        self._theme_ready = False
        self._quit_anyway = False
        self._needs_refresh = needs_refresh
        self._upkeep_stop = threading.Event()
        #: Closes the data once: at the end of ``run_app``, or after a hang-up.
        self.closer = Closer(self._close_data)
        self.in_terminal = False  # run by run_app: a signal may have to end the process
        self.upkeep_done = threading.Event()
        self._last_report = 0.0
        self._upkeep_started = time.monotonic()

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
        on_hangup(self.terminate)
        self.push_screen(HomeScreen())
        self.update_save_status()
        for message in (*self.store.notices, *self.store.later_notices()):
            self.notify(message, timeout=10, markup=False)
        for message in self.services.warnings:
            self.notify(message, title="Warning", severity="warning", timeout=20, markup=False)
        self.call_after_paint(self._after_first_frame)  # the list's frame comes first

    def _after_first_frame(self) -> None:
        """The collector on, later code and the content loaded, the data's upkeep started."""
        if self.in_terminal:
            gc.enable()  # started without it (see tui.launch); the app runs for hours
            preload()  # not under tests, where one process runs app after app
        self.services.content_loader.start()
        self._upkeep_started = time.monotonic()
        self.run_worker(self._upkeep, thread=True, exclusive=True, exit_on_error=False,
                        group="upkeep", name="data upkeep")

    # -- the data's background work ------------------------------------------------------

    class UpkeepProgress(Message):
        """News from the background work on the data (see :mod:`tui.core.upkeep`)."""

        def __init__(self, step: str, done: int, total: int) -> None:
            super().__init__()
            self.step, self.done, self.total = step, done, total

    def _upkeep(self) -> None:
        """On a worker thread: read what changed, back up, index (see tui.core.upkeep)."""
        try:
            upkeep(self.store, self._report, self._upkeep_stop, self._needs_refresh,
                   self._listed)
        except Exception as exc:  # a cache: tell, never stop the app
            with contextlib.suppress(Exception):
                self.call_from_thread(self.notify, f"Background work on the data failed: "
                                      f"{exc}", severity="warning", markup=False)
        finally:
            self.upkeep_done.set()
            with contextlib.suppress(Exception):
                self.call_from_thread(self._show_upkeep, None)

    def _report(self, step: str, done: int, total: int) -> None:
        now = time.monotonic()
        if now - self._upkeep_started < PROGRESS_DELAY and step != DONE:
            return  # quick work is not worth a line on the screen
        if step == DONE or now - self._last_report >= PROGRESS_SECONDS:
            self._last_report = now
            self.post_message(self.UpkeepProgress(step, done, total))

    def _listed(self) -> IndexInputs:
        """On the worker: the list is complete. Work out the problem lines there (they read
        the backups), then show everything on the event loop and take what indexing needs."""
        lines = problem_lines(self.store)
        return self.call_from_thread(self._show_listed, lines, self.store.later_notices())

    def _show_listed(self, lines: list[str], notices: list[str]) -> IndexInputs:
        for message in notices:  # a list cache found damaged and recreated, say
            self.notify(message, timeout=10, markup=False)
        self.services.data_problems = lines
        home = self._home()
        if home is not None and home.is_mounted:
            if self._needs_refresh:
                home.refresh_lists()
            home.show_problems(lines)
            home.data_listed()
        if self.in_terminal:
            # The records and lists made at start live as long as the app: the collector's
            # full passes need not walk them again (at 10,000 conversations each took a few
            # hundred milliseconds, whichever screen was opening). Not under tests, where
            # one process runs app after app.
            gc.freeze()
        self._needs_refresh = False
        return self.store.index_inputs()

    def on_coffeechat_app_upkeep_progress(self, event: UpkeepProgress) -> None:
        """Show how far the background work is."""
        self._show_upkeep(progress_line(event.step, event.done, event.total))

    def _show_upkeep(self, text: str | None) -> None:
        home = self._home()
        if home is not None:
            home.show_upkeep(text)

    def _home(self) -> HomeScreen | None:
        return next((s for s in self.screen_stack if isinstance(s, HomeScreen)), None)

    def stop_upkeep(self, timeout: float = 10.0) -> None:
        """Ask the background work to stop and wait for it (before the store closes)."""
        self._upkeep_stop.set()
        self.upkeep_done.wait(timeout)

    def on_unmount(self) -> None:
        """Leaving: the background work stops at its next step (Textual waits for its thread
        before the app can end: a search index being built held the exit for its whole
        build), and the last change of the settings is written (a thread may not have)."""
        self._upkeep_stop.set()
        with contextlib.suppress(OSError):
            self.services.settings.flush()

    def terminate(self) -> None:
        """SIGTERM or SIGHUP: save what can be saved and leave; 1 if something is unsaved
        (written to a recovery file when the data is closed). The terminal may be gone: if
        leaving through Textual waits for it, the data is closed and the process ends anyway
        (see :mod:`tui.services.closing`)."""
        code = 0 if self.save_everything(timeout=3.0) else 1
        if self.in_terminal:
            self.closer.leave_after(LEAVE_SECONDS, code)
        self.exit(code)

    def _close_data(self) -> int:
        """The last saves, the background work stopped, the data closed: 1 if something
        did not reach the disk (it is then in a recovery file, and stderr says where)."""
        if self.autosaver.pending:
            with contextlib.suppress(Exception):
                self.autosaver.flush()
        self.stop_upkeep()
        with contextlib.suppress(OSError):
            self.services.settings.flush()
        try:
            return finish(self.store, self.autosaver.describe_pending())
        finally:
            self.store.close()

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

    class SavedAside(Message):
        """A save went to a conflict copy: the file had changed on disk."""

        def __init__(self, detail: str) -> None:
            super().__init__()
            self.detail = detail

    def _writer_state(self, state: str, detail: str | None) -> None:
        """Called on the writer's thread: hand the news to the event loop."""
        if self.is_running:
            if state == "conflict" and detail:
                self.post_message(self.SavedAside(detail))
            self.post_message(self.SaveStateChanged())

    def on_coffeechat_app_saved_aside(self, event: SavedAside) -> None:
        """Say where a save went instead of over a file changed elsewhere."""
        self.notify(event.detail, title="Changed on disk", severity="warning", timeout=30,
                    markup=False)
        home = self._home()
        self.services.data_problems = [*self.services.data_problems, event.detail]
        if home is not None:
            home.show_problems(self.services.data_problems)

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

    def action_search(self) -> None:
        """Search everything (not on top of another search or a form)."""
        from textual.screen import ModalScreen

        from tui.screens.search import SearchScreen

        if not isinstance(self.screen, (SearchScreen, ModalScreen)):
            self.push_screen(SearchScreen())

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
        yield SystemCommand("Search", "Every conversation and contact, as you type (ctrl+f)",
                            self.action_search)
        yield from transfer_commands(self)
        yield SystemCommand("Help", "Show the keys for this screen (f1)", self.action_help)
        yield SystemCommand("Save now", "Write every change to disk (ctrl+s)",
                            self.action_save_now)
        yield SystemCommand("Quit", "Save everything and quit (ctrl+q)", self.action_quit)
        for command in super().get_system_commands(screen):
            if command.title not in TEXTUAL_DUPLICATES:
                yield command

