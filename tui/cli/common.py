"""What every subcommand shares: exit codes, one-line errors, opening the data, the app."""

from __future__ import annotations

import argparse
import contextlib
import json
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from tui.core import fastjson
from tui.core.backups import conversation_hint
from tui.core.dataformat import json_error_place
from tui.core.interrupts import CommitWatch, finishing_once_committed
from tui.core.models import ModelError
from tui.core.safetext import clipped, clipped_words, visible
from tui.core.store import Store

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

PROG = "coffeechat"
EXIT_OK = 0
EXIT_STORAGE = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_INTERRUPTED = 130
DEBUG_ENV = "COFFEECHAT_DEBUG"
#: How much of a path a message quotes: real paths run longer than other values.
PATH_LIMIT = 240
#: The largest JSON file read (an import, a recovery file): far above any real export (about
#: 11 kB a conversation, so 110 MB at 10,000), a bound on what is read into memory at all
#: (parsing takes several times the file's size).
MAX_JSON_BYTES = 1_000_000_000


class CliError(Exception):
    """A failure to report as one line on stderr, with the exit code to return."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


class Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors become a :class:`CliError` (one line, exit 2)."""

    def error(self, message: str) -> NoReturn:
        """Report a usage error without argparse's multi-line usage dump."""
        raise CliError(f"{clipped_words(message)} (see '{self.prog} --help')", EXIT_USAGE)


# -- opening the data --------------------------------------------------------------------


def whole_number(name: str, high: int, unit: str = "") -> Callable[[str], int]:
    """An argparse type for a whole number from 1 to ``high``; ``name`` and ``unit`` word
    its messages ("'x' is not a whole number of minutes", "minutes must be from 1 to ...")."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            of = f" of {unit}" if unit else ""
            raise argparse.ArgumentTypeError(
                f"'{clipped(text)}' is not a whole number{of}") from None
        if not 1 <= value <= high:
            raise argparse.ArgumentTypeError(f"{name} must be from 1 to {high}, not {value}")
        return value

    return parse


def damaged(store: Store, exc: ModelError) -> CliError:
    """A record that did not read, as a one-line error naming the file (exit 1)."""
    return CliError(f"{store.path} holds a record coffeechat cannot read: {exc}", EXIT_STORAGE)


def warn(message: str) -> None:
    """One line on stderr that does not stop the command."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"{PROG}: warning: {visible(' '.join(message.split()))}\n")
        sys.stderr.flush()


def note(message: str) -> None:
    """One line on stderr for the user's information."""
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"{PROG}: {visible(' '.join(message.split()))}\n")
        sys.stderr.flush()


class ProgressLine:
    """``coffeechat: reading conversations: 2400 of 10000`` on stderr, redrawn in place, once
    the work has taken more than a moment, and only on a terminal."""

    DELAY = 0.4

    def __init__(self, what: str) -> None:
        self.what = what
        self.start = time.monotonic()
        self.shown = False
        self.live = sys.stderr.isatty()

    def __call__(self, done: int, total: int | None) -> bool:
        """Report progress (a refresh or rebuild callback); never stops the work."""
        if self.live and time.monotonic() - self.start > self.DELAY:
            of = f" of {total}" if total else ""
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write(f"\r{PROG}: {self.what}: {done}{of}")
                sys.stderr.flush()
            self.shown = True
        return True

    def finish(self) -> None:
        """Clear the line if one was drawn."""
        if self.shown:
            with contextlib.suppress(OSError, ValueError):
                sys.stderr.write("\r\x1b[K")
                sys.stderr.flush()
            self.shown = False


def open_store(folder: Path, *, readonly: bool) -> Store:
    """Open the data folder; read-only takes no lock, so it works beside the running app.
    Conversations that changed since the last run are read (with a progress line when that
    takes a while). What the user should know but that did not stop the opening is said on
    stderr: warnings, files that cannot be used, sync conflicts."""
    progress = ProgressLine("reading conversations")
    try:
        store = Store.open(folder, readonly=readonly, progress=progress)
    finally:
        progress.finish()
    for message in store.notices:
        note(message)
    for message in store.warnings:
        warn(message)
    for problem in store.problems():
        warn(f"{problem.describe()}; it is left out and never written over. "
             f"{conversation_hint(store.layout, problem.path.name)}")
    for conflict in store.conflicts():
        warn(conflict.describe())
    return store


@contextlib.contextmanager
def one_change(undone: str, *kinds: str) -> Iterator[CommitWatch]:
    """Run a command that makes one all-or-nothing change of ``kinds`` ("import", "restore";
    mark anything else with ``watch.committed = True``): Ctrl-C before the change is committed
    ends it with ``interrupted; <undone>`` (exit 130); after it, Ctrl-C is dropped, so that the
    command finishes and reports what it did (exit 0)."""
    try:
        with finishing_once_committed(*kinds) as watch:
            yield watch
    except KeyboardInterrupt:
        raise CliError(f"interrupted; {undone}", EXIT_INTERRUPTED) from None


# -- coffeechat (no subcommand): the app -------------------------------------------------


def open_app(folder: Path, config_folder: Path | None = None) -> int:
    """Run the Textual app on ``folder`` (and ``config_folder``, default: the user's); Textual
    is imported here and nowhere else."""
    from tui.app_run import run_app

    return int(run_app(folder, config_folder))


def read_json_file(name: str) -> Any:
    """Parse a JSON file given on the command line ('-' is stdin); errors are CliErrors."""
    return read_json_source(name)[0]


def read_json_source(name: str) -> tuple[Any, bytes]:
    """A JSON file given on the command line ('-' is stdin), parsed, and its bytes."""
    shown = clipped(name, PATH_LIMIT)
    try:
        if name == "-":
            raw = sys.stdin.buffer.read(MAX_JSON_BYTES + 1)
            size = len(raw)
        else:
            path = Path(name).expanduser()
            size = path.stat().st_size
            raw = b"" if size > MAX_JSON_BYTES else path.read_bytes()
    except FileNotFoundError:
        raise CliError(f"{shown}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{shown} is a folder, not a file") from None
    except PermissionError:
        raise CliError(f"{shown} cannot be read: permission denied") from None
    if size > MAX_JSON_BYTES:
        limit = f"{MAX_JSON_BYTES // 10**6:,} MB"
        head = f"stdin holds more than {limit}" if name == "-" else (
            f"{shown} is {size / 1e6:,.0f} MB")
        raise CliError(f"{head}; coffeechat reads JSON files of up to {limit} (an export of "
                       "10,000 conversations is about 110 MB)")
    if not raw.strip():
        raise CliError(f"{shown} is empty")
    try:
        return fastjson.loads(raw), raw  # orjson where it can, else exactly as json reads it
    except json.JSONDecodeError as exc:
        raise CliError(
            f"{shown} is not valid JSON: {json_error_place(exc)}"
        ) from None
    except UnicodeDecodeError:
        raise CliError(f"{shown} is not UTF-8 text") from None
    except RecursionError:
        raise CliError(f"{shown} is nested too deeply to be a coffeechat export") from None

