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
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, cast

from tui import package_version
from tui.cli.backups import _add_backups, _add_restore
from tui.cli.common import (
    DEBUG_ENV,
    EXIT_INTERRUPTED,
    EXIT_LOCKED,
    EXIT_OK,
    EXIT_STORAGE,
    EXIT_USAGE,
    PROG,
    CliError,
    Parser,
    open_app,
)
from tui.cli.demo import _add_demo
from tui.cli.records import _add_due, _add_list, _add_new, sort_for_listing
from tui.cli.review import _add_contacts, _add_person, _add_show
from tui.cli.search import _add_search, _add_tags
from tui.cli.stats import _add_stats
from tui.cli.transfer import _add_export, _add_import
from tui.cli_output import format_table
from tui.core.dates import DateError
from tui.core.models import ModelError
from tui.core.paths import data_dir
from tui.core.safetext import visible
from tui.core.search_cache import SearchIndexError
from tui.core.storage import LockedError, StorageError
from tui.core.store import NotFoundError

if TYPE_CHECKING:
    from tui.cli.common import Subparsers

# -- the parser --------------------------------------------------------------------------

# Each entry adds one subcommand: ``register(subparsers, common_options)``; the subcommand's
# handler, ``cmd_<name>(args, folder) -> exit code``, is set with ``set_defaults(handler=)``.
# To add a subcommand, write ``_add_<name>``/``cmd_<name>`` following ``list`` above and
# append ``_add_<name>`` here.
COMMANDS: tuple[Callable[[Subparsers, argparse.ArgumentParser], None], ...] = (
    _add_new,
    _add_list,
    _add_due,
    _add_stats,
    _add_search,
    _add_tags,
    _add_show,
    _add_contacts,
    _add_person,
    _add_export,
    _add_import,
    _add_backups,
    _add_restore,
    _add_demo,
)


class _Version(argparse.Action):
    """``--version``: the installed version, looked up only when asked for."""

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        sys.stdout.write(f"{PROG} {package_version()}\n")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``coffeechat`` and its subcommands."""
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
    for register in COMMANDS:
        register(sub, common)
    return parser


# -- main --------------------------------------------------------------------------------


def _fail(message: str, code: int) -> int:
    first_line = visible(" ".join(message.split()))
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
    parser = build_parser()
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help and --version
        sys.stdout.flush()
        return exc.code if isinstance(exc.code, int) else EXIT_OK
    folder = data_dir(args.data_dir)
    handler: Callable[[argparse.Namespace, Path], int] | None = getattr(args, "handler", None)
    code = open_app(folder) if handler is None else handler(args, folder)
    sys.stdout.flush()
    return code


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
        where = f"{exc.filename}: " if exc.filename else ""
        return _fail(f"{where}{exc.strerror or exc}", EXIT_STORAGE)
    except Exception as exc:
        if os.environ.get(DEBUG_ENV):
            raise
        return _fail(
            f"unexpected error: {type(exc).__name__}: {exc} (set {DEBUG_ENV}=1 for details)",
            EXIT_STORAGE,
        )

__all__ = ["CliError", "build_parser", "format_table", "main", "sort_for_listing"]
