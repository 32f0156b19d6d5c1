"""The coffeechat Textual app: global keys, theme, autosave and the way in and out."""

from __future__ import annotations

import contextlib
import signal
import sys
import threading
import time
from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from rich.console import RenderableType
from textual.app import App, SystemCommand
from textual.binding import Binding
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.reactive import reactive
from textual.screen import Screen

from tui.autosave import Autosaver
from tui.core.backups import conversation_hint
from tui.core.profile import move_from_settings
from tui.core.safetext import visible
from tui.core.settings import load_settings, save_setting
from tui.core.storage import LockedError, StorageError
from tui.core.store import Store
from tui.core.upkeep import DONE, INDEXING, READING, IndexInputs, upkeep
from tui.recovery import finish, summarise
from tui.safe_output import guard_update
from tui.screens.help import HelpScreen
from tui.screens.home import HomeScreen
from tui.widgets.save_indicator import NOT_SAVED_HINT

TICK_SECONDS = 0.2
QUICK_READS = 100  # changed files read before the first paint; more are read in the background
PROGRESS_SECONDS = 0.1
PROGRESS_DELAY = 0.5  # background work shorter than this shows no progress line
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
        Binding("ctrl+f", "search", "Search", show=False, priority=True, id="search",
                tooltip="Search every conversation and contact, from anywhere"),
        Binding("ctrl+q", "quit", "Quit", tooltip="Save and quit", id="quit", priority=True,
                show=False),
    ]

    #: ("saved" | "saving" | "error", the error's message): pushed by the writer and the
    #: autosaver, shown by every SaveIndicator.
    save_status: reactive[tuple[str, str | None]] = reactive(("saved", None), init=False)

    def __init__(self, store: Store, *, config_folder: Path | None = None,
                 needs_refresh: bool = False) -> None:
        """``needs_refresh``: the list of conversations is not complete yet (the files that
        changed are read in the background, with progress on the home screen)."""
        super().__init__()
        self.store = store
        self.autosaver = Autosaver(store, on_change=self.update_save_status)
        store.watch_saves(self._writer_state)
        self.config_folder = config_folder
        self._theme_ready = False
        self._quit_anyway = False
        self._needs_refresh = needs_refresh
        self._upkeep_stop = threading.Event()
        self.upkeep_done = threading.Event()
        self._last_report = 0.0
        self._upkeep_started = time.monotonic()
        #: One line per file that needs the user (shown on the home screen).
        self.data_problems: list[str] = []

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
        self.update_save_status()
        for message in self.store.notices:
            self.notify(message, timeout=10, markup=False)
        for message in self.store.warnings:
            self.notify(message, title="Warning", severity="warning", timeout=20, markup=False)
        # after the first frame: the list comes first, the upkeep's work does not compete
        self.call_after_refresh(self._start_upkeep)

    def _start_upkeep(self) -> None:
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
        return self.call_from_thread(self._show_listed, lines)  # type: ignore[no-any-return]

    def _show_listed(self, lines: list[str]) -> IndexInputs:
        self.data_problems = lines
        home = self._home()
        if home is not None and home.is_mounted:
            if self._needs_refresh:
                home.refresh_lists()
            home.show_problems(lines)
        self._needs_refresh = False
        return self.store.index_inputs()

    def on_coffeechat_app_upkeep_progress(self, event: UpkeepProgress) -> None:
        """Show how far the background work is."""
        if event.step == READING and event.done < event.total:
            self._show_upkeep(f"Reading your conversations: {event.done:,} of "
                              f"{event.total:,}…")
        elif event.step == INDEXING and event.total:
            self._show_upkeep(f"Building the search index: {event.done:,} of "
                              f"{event.total:,}…")
        else:
            self._show_upkeep(None)

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
        """SIGTERM or SIGHUP: save what can be saved and leave; 1 if something is unsaved
        (``run_app`` then writes it to a recovery file)."""
        self.exit(0 if self.save_everything(timeout=3.0) else 1)

    # -- the save state ------------------------------------------------------------------

    class SaveStateChanged(Message):
        """The writer thread's news: ``saving``, ``saved`` or ``error`` (with the message)."""

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
        self.data_problems = [*self.data_problems, event.detail]
        if home is not None:
            home.show_problems(self.data_problems)

    def on_coffeechat_app_save_state_changed(self, _: SaveStateChanged) -> None:
        """Show the writer's news."""
        self.update_save_status()

    def update_save_status(self) -> None:
        """Work out the save status from the writer and the autosaver; say so when saving
        starts to fail, and when it works again."""
        state, detail = self.store.save_state()
        if self.autosaver.error:
            state, detail = "error", self.autosaver.error
        elif self.autosaver.pending and state == "saved":
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

    def _display(self, screen: Screen, renderable: RenderableType | None) -> None:
        """Write a screen update, with any control character in its text removed."""
        super()._display(screen, guard_update(renderable))

    def get_system_commands(self, screen: Screen) -> Iterable[SystemCommand]:
        """The app's own commands first, then Textual's (theme, keys, screenshot...)."""
        commands = getattr(screen, "palette_commands", None)
        if callable(commands):
            yield from commands()
        yield SystemCommand("Search", "Every conversation and contact, as you type (ctrl+f)",
                            self.action_search)
        yield SystemCommand("Help", "Show the keys for this screen (f1)", self.action_help)
        yield SystemCommand("Save now", "Write every change to disk (ctrl+s)",
                            self.action_save_now)
        yield SystemCommand("Quit", "Save everything and quit (ctrl+q)", self.action_quit)
        for command in super().get_system_commands(screen):
            if command.title not in TEXTUAL_DUPLICATES:
                yield command


def problem_lines(store: Store) -> list[str]:
    """One line per file that needs the user: conversation files that cannot be used (with
    where a good copy is) and sync conflicts. Reads the backups: keep it off the event loop."""
    lines = [f"{p.describe()}. {conversation_hint(store.layout, p.path.name)}"
             for p in store.problems()]
    lines += [c.describe() for c in store.conflicts()]
    return lines + store.save_notices()


def run_app(data_dir: Path, config_folder: Path | None = None) -> int:
    """Open the store in ``data_dir`` and run the app (with ``config_folder`` for settings
    and the user's own templates; default: the platform's); returns the exit code."""
    try:
        store = Store.open(data_dir, background=True, refresh=False)
        unread = store.refresh(limit=QUICK_READS)  # the list from the cache, if it is warm
    except LockedError as exc:
        print(f"coffeechat: {visible(str(exc))}", file=sys.stderr)
        return 3
    except StorageError as exc:
        print(f"coffeechat: {visible(str(exc))}", file=sys.stderr)
        return 1
    try:
        app = CoffeechatApp(store, config_folder=config_folder,
                            needs_refresh=bool(unread))
    except BaseException:
        store.close()
        raise
    try:
        result = app.run()
    finally:
        if app.autosaver.pending:
            with contextlib.suppress(Exception):
                app.autosaver.flush()
        app.stop_upkeep()
        unsaved = finish(store, app.autosaver.describe_pending())
        store.close()
    if result is None:  # no result: Textual's own code (1 after an error it has printed)
        result = 1 if app.return_code is None else app.return_code
    return result or unsaved
