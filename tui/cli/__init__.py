"""The command line: ``coffeechat`` opens the app; subcommands script the data.

Exit codes: 0 done; 1 the data cannot be used (a damaged or newer data file, a disk error);
2 bad usage or bad input; 3 another coffeechat holds the data folder; 130 interrupted.
Every failure is one line on stderr starting ``coffeechat: ``, never a traceback (set
``COFFEECHAT_DEBUG=1`` to see one for an unexpected error).

Textual is imported only when the app is opened, so scripting stays fast and UI-free.
Read-only commands (``list``, ``due``, ``search``, ``tags``, ``show``, ``contacts``, ``person``,
``export``, ``backups``) open the data
without the lock, so they work while the app is running; writing commands (``new``,
``import``, ``restore``) take the lock.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn, cast

from tui import package_version
from tui.cli.common import (
    DEBUG_ENV,
    EXIT_INTERRUPTED,
    EXIT_LOCKED,
    EXIT_OK,
    EXIT_STORAGE,
    EXIT_USAGE,
    PATH_LIMIT,
    PROG,
    CliError,
    Parser,
    open_app,
)
from tui.core.dates import DateError
from tui.core.models import ModelError
from tui.core.paths import ENV_DATA_DIR, EmptyPathError, data_dir
from tui.core.safetext import clipped, visible
from tui.core.search_cache import SearchIndexError
from tui.core.storage import LockedError, StorageError
from tui.core.store import NotFoundError

if TYPE_CHECKING:
    from tui.cli.common import Subparsers
    from tui.cli.records import sort_for_listing
    from tui.cli_output import format_table

# -- the parser --------------------------------------------------------------------------

# The subcommands, in the order ``--help`` lists them: (name, module in tui.cli, the function
# that adds it). ``register(subparsers, common_options)`` adds one subcommand; its handler,
# ``cmd_<name>(args, folder) -> exit code``, is set with ``set_defaults(handler=)``. A
# subcommand's module is imported only when that subcommand is asked for (or for --help), so
# ``coffeechat list`` never loads the code of export, search or restore. To add a subcommand,
# write ``_add_<name>``/``cmd_<name>`` following ``list`` in records.py and add a row here.
COMMANDS: tuple[tuple[str, str, str], ...] = (
    ("new", "records", "_add_new"),
    ("list", "records", "_add_list"),
    ("due", "records", "_add_due"),
    ("stats", "stats", "_add_stats"),
    ("search", "search", "_add_search"),
    ("tags", "search", "_add_tags"),
    ("show", "review", "_add_show"),
    ("contacts", "review", "_add_contacts"),
    ("person", "review", "_add_person"),
    ("export", "transfer", "_add_export"),
    ("import", "transfer", "_add_import"),
    ("backups", "backups", "_add_backups"),
    ("restore", "backups", "_add_restore"),
    ("demo", "demo", "_add_demo"),
)
COMMAND_NAMES = frozenset(name for name, _, _ in COMMANDS)
MAX_ERROR_LINE = 1000
APP = ""  # command_named for a command line that opens the app: the parser of no subcommand

Register = Callable[["Subparsers", argparse.ArgumentParser], None]


def _register(module: str, function: str) -> Register:
    return cast("Register", getattr(importlib.import_module(f"tui.cli.{module}"), function))


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        sys.stdout.write(f"{PROG} {package_version()}\n")
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The argument parser for ``coffeechat`` and its subcommands; with ``command``, one that
    knows only that subcommand (parses its command lines exactly as the whole one does)."""
    # --data-dir is accepted before and after the subcommand; SUPPRESS keeps a subcommand
    # that was not given it from overwriting the value given before.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="the data folder (default: $COFFEECHAT_DATA_DIR or the "
                        "platform's user data folder)")
    parser = Parser(
        prog=PROG,
        description="A keyboard-first terminal companion for informational interviews. "
        "Without a subcommand, opens the app.",
    )
    parser.add_argument("--version", action=_Version, nargs=0,
                        help="show the version and exit")
    parser.add_argument("--data-dir", metavar="DIR", default=None,
                        help="the data folder (default: $COFFEECHAT_DATA_DIR or the "
                        "platform's user data folder)")
    # The subcommands' parsers are Parsers too; they are added as plain ArgumentParsers.
    sub = cast("Subparsers", parser.add_subparsers(title="commands", metavar="COMMAND"))
    for name, module, function in COMMANDS:
        if command is None or name == command:
            _register(module, function)(sub, common)
    return parser


class _Probe(argparse.ArgumentParser):
    """Finds the subcommand a command line names, as the whole parser would read it."""

    def error(self, message: str) -> NoReturn:
        raise ValueError(message)


def command_named(argv: Sequence[str]) -> str | None:
    """The subcommand ``argv`` runs, when that is all its parsing needs to know: :data:`APP`
    for none (the app), None for an unknown one or help and version requests anywhere (those
    need the whole parser, so that help and error messages list every subcommand)."""
    probe = _Probe(prog=PROG, add_help=False)
    probe.add_argument("-h", "--help", action="store_true")
    probe.add_argument("--version", action="store_true")
    probe.add_argument("--data-dir")
    probe.add_argument("command", nargs="?")
    try:
        found, _ = probe.parse_known_args(argv)
    except ValueError:
        return None
    if found.help or found.version:
        return None
    if found.command is None:
        return APP
    if found.command not in COMMAND_NAMES:
        return None
    return str(found.command)


def parse_command_line(argv: Sequence[str] | None) -> argparse.Namespace:
    """Parse ``argv`` (default: the process's) with the parser of the subcommand it names
    alone; anything that parser refuses is parsed again with the whole parser, so that every
    message is the whole parser's."""
    args = sys.argv[1:] if argv is None else list(argv)
    left_out: list[str] = []
    at = _subcommand_at(args)
    if at is not None and args[at] == "search":
        from tui.cli.search import set_aside_left_out

        args, left_out = set_aside_left_out(args, at + 1)
    command = command_named(args)
    parsed = None
    if command is not None:
        with contextlib.suppress(CliError):
            parsed = build_parser(command).parse_args(args)
    if parsed is None:
        parsed = build_parser().parse_args(args)
    if left_out:
        parsed.left_out = left_out
    return parsed


def _subcommand_at(argv: Sequence[str]) -> int | None:
    """Where the subcommand's name is in ``argv`` (None for none): the first word that is
    neither an option nor the value of ``--data-dir``."""
    number = 0
    while number < len(argv):
        word = argv[number]
        if word == "--":
            return None
        if len(word) > 2 and "--data-dir".startswith(word):  # argparse takes --data too
            number += 2
        elif word.startswith("-"):
            number += 1
        else:
            return number
    return None


# -- main --------------------------------------------------------------------------------


def _fail(message: str, code: int) -> int:
    # Values a message quotes are clipped where it is worded; this is the last guard.
    first_line = clipped(visible(" ".join(message.split())), MAX_ERROR_LINE)
    with contextlib.suppress(OSError, ValueError):
        sys.stderr.write(f"{PROG}: {first_line}\n")
        sys.stderr.flush()
    return code


def _silence_stdout() -> None:
    """After a closed pipe (``| head``), point stdout at /dev/null so exit stays quiet."""
    with contextlib.suppress(Exception):
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _run(argv: Sequence[str] | None) -> int:
    with _without_cycle_collector():
        try:
            args = parse_command_line(argv)
        except SystemExit as exc:  # --help and --version
            sys.stdout.flush()
            return exc.code if isinstance(exc.code, int) else EXIT_OK
        folder = _data_folder(args.data_dir)
        handler: Callable[[argparse.Namespace, Path], int] | None = getattr(args, "handler",
                                                                             None)
        if handler is not None:
            code = handler(args, folder)
            sys.stdout.flush()
            return code
    code = open_app(folder)  # the app turns the collector on once it shows (it runs for hours)
    sys.stdout.flush()
    return code


def _data_folder(given: str | None) -> Path:
    """The data folder ``--data-dir`` names (or the default when it was not given)."""
    try:
        return data_dir(given)
    except EmptyPathError:
        raise CliError("--data-dir is empty: give a folder, or leave --data-dir out to use "
                       f"${ENV_DATA_DIR} or the default folder") from None


@contextlib.contextmanager
def _without_cycle_collector() -> Iterator[None]:
    """Run a subcommand without the cyclic garbage collector. A subcommand reads thousands of
    records into objects that live until it ends, and each full pass of the collector walks
    every one of them (a fifth of ``coffeechat due``'s time at 10,000 conversations); the
    records hold no reference cycles, and what is freed is still freed at once."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """Run ``coffeechat`` with ``argv`` (default: the process's) and return the exit code."""
    try:
        return _run(argv)
    except CliError as exc:
        return _fail(str(exc), exc.code)
    except LockedError as exc:
        return _fail(str(exc), EXIT_LOCKED)
    except StorageError as exc:
        return _fail(str(exc), EXIT_STORAGE)
    except (DateError, ModelError) as exc:
        return _fail(str(exc), EXIT_USAGE)
    except NotFoundError as exc:
        return _fail(str(exc), EXIT_STORAGE)
    except SearchIndexError as exc:
        return _fail(str(exc), EXIT_STORAGE)
    except KeyboardInterrupt:
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_OK
    except OSError as exc:
        where = f"{clipped(str(exc.filename), PATH_LIMIT)}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}", EXIT_STORAGE)
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        return _fail(
            f"unexpected error: {type(exc).__name__}: {exc} (set {DEBUG_ENV}=1 for details)",
            EXIT_STORAGE,
        )


def __getattr__(name: str) -> object:
    """The subcommand modules (``tui.cli.records``...) and the helpers this package always
    offered (``format_table``, ``sort_for_listing``), imported the first time they are asked
    for rather than with the package."""
    if name in {module for _, module, _ in COMMANDS}:
        return importlib.import_module(f"tui.cli.{name}")
    if name == "format_table":
        return importlib.import_module("tui.cli_output").format_table
    if name == "sort_for_listing":
        return importlib.import_module("tui.cli.records").sort_for_listing
    raise AttributeError(f"module 'tui.cli' has no attribute {name!r}")


__all__ = ["CliError", "build_parser", "format_table", "main", "sort_for_listing"]
