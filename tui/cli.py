"""The command line: ``coffeechat`` opens the app; subcommands script the data.

Exit codes: 0 done; 1 the data cannot be used (a damaged or newer data file, a disk error);
2 bad usage or bad input; 3 another coffeechat holds the data folder; 130 interrupted.
Every failure is one line on stderr starting ``coffeechat: ``, never a traceback (set
``COFFEECHAT_DEBUG=1`` to see one for an unexpected error).

Textual is imported only when the app is opened, so scripting stays fast and UI-free.
Read-only commands (``list``, ``due``, ``export``) open the data without the lock, so they work
while the app is running; writing commands (``new``, ``import``) take the lock.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Callable, Iterable, Sequence
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any, NoReturn

from tui import __version__
from tui.cli_output import fit, format_table, json_text, out, stdout_is_utf8
from tui.core.agenda import status_label
from tui.core.dates import DateError, format_when, parse_when, to_iso
from tui.core.followup import due_items
from tui.core.models import (
    DEFAULT_MINUTES,
    KINDS,
    MAX_MINUTES,
    Contact,
    Conversation,
    ModelError,
)
from tui.core.paths import data_dir
from tui.core.storage import LockedError, StorageError, atomic_write
from tui.core.store import NotFoundError, Store, parse_export, parse_profile

if TYPE_CHECKING:
    Subparsers = argparse._SubParsersAction[argparse.ArgumentParser]

PROG = "coffeechat"
EXIT_OK = 0
EXIT_STORAGE = 1
EXIT_USAGE = 2
EXIT_LOCKED = 3
EXIT_INTERRUPTED = 130
DEBUG_ENV = "COFFEECHAT_DEBUG"


class CliError(Exception):
    """A failure to report as one line on stderr, with the exit code to return."""

    def __init__(self, message: str, code: int = EXIT_USAGE) -> None:
        super().__init__(message)
        self.code = code


class _Parser(argparse.ArgumentParser):
    """An ArgumentParser whose errors become a :class:`CliError` (one line, exit 2)."""

    def error(self, message: str) -> NoReturn:
        """Report a usage error without argparse's multi-line usage dump."""
        raise CliError(f"{message} (see '{self.prog} --help')", EXIT_USAGE)


# -- opening the data --------------------------------------------------------------------


def _damaged(store: Store, exc: ModelError) -> CliError:
    return CliError(f"{store.path} holds a record coffeechat cannot read: {exc}", EXIT_STORAGE)


def open_store(folder: Path, *, readonly: bool) -> Store:
    """Open the data folder; read-only takes no lock, so it works beside the running app."""
    return Store.open(folder, readonly=readonly)


# -- coffeechat (no subcommand): the app -------------------------------------------------


def open_app(folder: Path, config_folder: Path | None = None) -> int:
    """Run the Textual app on ``folder`` (and ``config_folder``, default: the user's); Textual
    is imported here and nowhere else."""
    from tui.app import run_app

    return int(run_app(folder, config_folder))


# -- coffeechat new ----------------------------------------------------------------------


def _minutes(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of minutes") from None
    if not 1 <= value <= MAX_MINUTES:
        raise argparse.ArgumentTypeError(f"minutes must be from 1 to {MAX_MINUTES}, not {value}")
    return value


def _add_new(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "new",
        parents=[common],
        help="add a conversation with a contact (an existing one is reused: see new --help)",
        description="Add a conversation and print its id. An existing contact is reused when "
        "the name and company match, or, with no --company, when exactly one contact has that "
        "name; otherwise a new contact is created.",
    )
    p.add_argument("name", metavar="NAME", help="the person's name")
    p.add_argument("--company", default="",
                   help="where they work (tells apart two contacts of the same name)")
    p.add_argument("--role", default="", help="their role (for a new contact)")
    p.add_argument("--kind", choices=KINDS, default=KINDS[0],
                   help="what the conversation is about (default: %(default)s)")
    p.add_argument("--when", metavar="DATETIME",
                   help="schedule it, e.g. '2026-12-03 14:30', 'tomorrow 9am', 'fri 3pm'")
    p.add_argument("--minutes", type=_minutes, default=DEFAULT_MINUTES,
                   help=f"planned length, 1-{MAX_MINUTES} (default: %(default)s)")
    p.add_argument("--goal", default="", help="what you want to get out of it")
    p.set_defaults(handler=cmd_new)


def cmd_new(args: argparse.Namespace, folder: Path) -> int:
    """Create a conversation (reusing a same-named contact) and print its id."""
    name = " ".join(args.name.split())
    if not name:
        raise CliError("a contact needs a name")
    scheduled_at = to_iso(parse_when(args.when)) if args.when else None
    store = open_store(folder, readonly=False)
    try:
        contact = store.find_contact(name, args.company)
        if contact is None:
            contact = Contact(name=name, company=args.company.strip(), role=args.role.strip())
        elif args.role.strip() and not contact.role:
            contact.role = args.role.strip()
        conversation = store.new_conversation(
            contact,
            kind=args.kind,
            status="scheduled" if scheduled_at else "idea",
            scheduled_at=scheduled_at,
            minutes=args.minutes,
            goal=args.goal.strip(),
        )
    finally:
        store.close()
    out(conversation.id + "\n")
    return EXIT_OK


# -- coffeechat list ---------------------------------------------------------------------


def _aware(text: str) -> datetime:
    moment = datetime.fromisoformat(text)
    return moment if moment.tzinfo else moment.astimezone()


def sort_for_listing(
    conversations: Iterable[Conversation], now: datetime | None = None
) -> list[Conversation]:
    """Upcoming (scheduled, not done) soonest first; then unscheduled ideas, newest first;
    then the past (held, done, or their time gone by), most recent first."""
    now = now or datetime.now().astimezone()
    upcoming: list[tuple[datetime, Conversation]] = []
    ideas: list[tuple[datetime, Conversation]] = []
    past: list[tuple[datetime, Conversation]] = []
    for conversation in conversations:
        finished = conversation.status in ("done", "thanked")
        when = _aware(conversation.scheduled_at) if conversation.scheduled_at else None
        if when is not None and when >= now and not finished:
            upcoming.append((when, conversation))
        elif when is None and not finished:
            ideas.append((_aware(conversation.created_at), conversation))
        else:
            held = conversation.held_at or conversation.updated_at
            past.append((_aware(held), conversation))
    upcoming.sort(key=lambda pair: pair[0])
    ideas.sort(key=lambda pair: pair[0], reverse=True)
    past.sort(key=lambda pair: pair[0], reverse=True)
    return [c for _, c in (*upcoming, *ideas, *past)]


def conversation_summary(conversation: Conversation, contact: Contact | None) -> dict[str, Any]:
    """The JSON row of ``coffeechat list --json``."""
    return {
        "id": conversation.id,
        "contact": contact.name if contact else None,
        "contact_id": conversation.contact_id,
        "company": contact.company if contact else "",
        "role": contact.role if contact else "",
        "kind": conversation.kind,
        "status": conversation.status,
        "scheduled_at": conversation.scheduled_at,
        "minutes": conversation.minutes,
        "medium": conversation.medium,
        "goal": conversation.goal,
        "ask": conversation.ask,
        "created_at": conversation.created_at,
        "updated_at": conversation.updated_at,
    }


def _add_list(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "list",
        parents=[common],
        help="list conversations",
        description="List conversations: upcoming soonest first, then ideas, then past ones.",
    )
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_list)


def cmd_list(args: argparse.Namespace, folder: Path) -> int:
    """Print the conversations as a table or as JSON."""
    store = open_store(folder, readonly=True)
    try:
        contacts = {c.id: c for c in store.contacts()}
        ordered = sort_for_listing(store.conversations())
    except ModelError as exc:
        raise _damaged(store, exc) from None
    finally:
        store.close()
    if args.json:
        rows = [conversation_summary(c, contacts.get(c.contact_id)) for c in ordered]
        out(json_text(rows, ascii_only=not stdout_is_utf8()))
        return EXIT_OK
    if not ordered:
        return EXIT_OK
    table = []
    for conversation in ordered:
        contact = contacts.get(conversation.contact_id)
        table.append([
            format_when(conversation.held_at) or "-",
            fit(contact.name if contact else "?", 28),
            fit(contact.company if contact else "", 24) or "-",
            conversation.kind,
            status_label(conversation),
            conversation.id,
        ])
    headers = ("WHEN", "CONTACT", "COMPANY", "KIND", "STATUS", "ID")
    out("".join(line + "\n" for line in format_table(headers, table)))
    return EXIT_OK


# -- coffeechat due ----------------------------------------------------------------------


def _now() -> datetime:
    """The current moment (tests replace it with a fixed clock)."""
    return datetime.now().astimezone()


def _add_due(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "due",
        parents=[common],
        help="list what is due: thank-you notes, action items, referrals, people to get back to",
        description="List what needs you, most urgent first: thank-you notes (due within 24 "
        "hours of the call), action items overdue, due today or this week (the next 7 days), "
        "referrals not contacted "
        "yet, and contacts whose stay-in-touch cadence has run out.",
    )
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_due)


def cmd_due(args: argparse.Namespace, folder: Path) -> int:
    """Print the Due list as a table or as JSON."""
    store = open_store(folder, readonly=True)
    try:
        items = due_items(store.contacts(), store.conversations(), _now())
    except ModelError as exc:
        raise _damaged(store, exc) from None
    finally:
        store.close()
    if args.json:
        out(json_text([i.to_json() for i in items], ascii_only=not stdout_is_utf8()))
        return EXIT_OK
    if not items:
        return EXIT_OK
    table = [
        [item.level, item.due_text[:10], fit(item.contact, 28), item.kind,
         fit(item.reason, 80)]
        for item in items
    ]
    headers = ("LEVEL", "DUE", "CONTACT", "KIND", "REASON")
    out("".join(line + "\n" for line in format_table(headers, table)))
    return EXIT_OK


# -- coffeechat export -------------------------------------------------------------------


def _add_export(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "export",
        parents=[common],
        help="export everything (JSON that 'coffeechat import json' takes back)",
        description="Export all contacts and conversations.",
    )
    p.add_argument("--format", choices=("json",), default="json",
                   help="output format (default: %(default)s)")
    p.add_argument("--out", metavar="FILE",
                   help="write to FILE (private, mode 0600) instead of stdout")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")
    p.set_defaults(handler=cmd_export)


def _export_target(text: str, force: bool) -> Path:
    path = Path(text).expanduser()
    if path.is_dir():
        raise CliError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise CliError(f"the folder {path.parent} does not exist")
    if (path.exists() or path.is_symlink()) and not force:
        raise CliError(f"{path} already exists; add --force to replace it")
    return path


def cmd_export(args: argparse.Namespace, folder: Path) -> int:
    """Write the export to stdout or, atomically and privately, to ``--out``."""
    target = _export_target(args.out, args.force) if args.out and args.out != "-" else None
    store = open_store(folder, readonly=True)
    try:
        data = store.export_data()
    except ModelError as exc:
        raise _damaged(store, exc) from None
    finally:
        store.close()
    if target is None:
        out(json_text(data, ascii_only=not stdout_is_utf8()))
        return EXIT_OK
    atomic_write(target, json_text(data).encode("utf-8"))
    out(
        f"Exported {len(data['contacts'])} contacts and {len(data['conversations'])} "
        f"conversations to {target}\n"
    )
    return EXIT_OK


# -- coffeechat import -------------------------------------------------------------------


def _add_import(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "import",
        parents=[common],
        help="merge an export back in (records matched by id, never duplicated)",
        description="Merge a coffeechat export into the data. Records are matched by id, so "
        "importing the same file twice changes nothing the second time.",
    )
    p.add_argument("format", choices=("json",), help="the file's format")
    p.add_argument("file", metavar="FILE", help="the export file ('-' for stdin)")
    p.set_defaults(handler=cmd_import)


def read_json_file(name: str) -> Any:
    """Parse a JSON file given on the command line ('-' is stdin); errors are CliErrors."""
    try:
        raw = sys.stdin.buffer.read() if name == "-" else Path(name).expanduser().read_bytes()
    except FileNotFoundError:
        raise CliError(f"{name}: no such file") from None
    except IsADirectoryError:
        raise CliError(f"{name} is a folder, not a file") from None
    except PermissionError:
        raise CliError(f"{name} cannot be read: permission denied") from None
    if not raw.strip():
        raise CliError(f"{name} is empty")
    try:
        return json.loads(raw)
    except json.JSONDecodeError as exc:
        raise CliError(
            f"{name} is not valid JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}"
        ) from None
    except UnicodeDecodeError:
        raise CliError(f"{name} is not UTF-8 text") from None
    except RecursionError:
        raise CliError(f"{name} is nested too deeply to be a coffeechat export") from None


def cmd_import(args: argparse.Namespace, folder: Path) -> int:
    """Validate the file, then merge it into the store and print what changed."""
    data = read_json_file(args.file)
    try:
        parse_export(data)  # complain before taking the lock
        parse_profile(data)
    except ModelError as exc:
        raise CliError(f"{args.file}: {exc}; nothing was imported") from None
    store = open_store(folder, readonly=False)
    try:
        result = store.import_data(data)
    except ModelError as exc:
        raise CliError(f"{args.file}: {exc}; nothing was imported") from None
    finally:
        store.close()
    out(result.summary() + "\n")
    return EXIT_OK


# -- coffeechat demo ---------------------------------------------------------------------


def _add_demo(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "demo",
        help="open the app on sample data in a throwaway folder",
        description="Open the app on a few sample conversations at every stage, in a "
        "temporary folder that is deleted afterwards. Your own data is not touched.",
    )
    p.set_defaults(handler=cmd_demo)


def cmd_demo(args: argparse.Namespace, folder: Path) -> int:
    """Fill a temporary folder with the demo data and open the app on it, with a config
    folder of its own: the demo never reads or writes the user's data or settings."""
    from tui.core.demo import load_demo

    with tempfile.TemporaryDirectory(prefix="coffeechat-demo-") as tmp:
        demo_folder = Path(tmp) / "data"
        store = open_store(demo_folder, readonly=False)
        try:
            load_demo(store)
        finally:
            store.close()
        return open_app(demo_folder, config_folder=Path(tmp) / "config")


# -- the parser --------------------------------------------------------------------------

# Each entry adds one subcommand: ``register(subparsers, common_options)``; the subcommand's
# handler, ``cmd_<name>(args, folder) -> exit code``, is set with ``set_defaults(handler=)``.
# To add a subcommand, write ``_add_<name>``/``cmd_<name>`` following ``list`` above and
# append ``_add_<name>`` here.
COMMANDS: tuple[Callable[[Subparsers, argparse.ArgumentParser], None], ...] = (
    _add_new,
    _add_list,
    _add_due,
    _add_export,
    _add_import,
    _add_demo,
)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for ``coffeechat`` and its subcommands."""
    # --data-dir is accepted before and after the subcommand; SUPPRESS keeps a subcommand
    # that was not given it from overwriting the value given before.
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--data-dir", metavar="DIR", default=argparse.SUPPRESS,
                        help="the data folder (default: $COFFEECHAT_DATA_DIR or the "
                        "platform's user data folder)")
    parser = _Parser(
        prog=PROG,
        description="A keyboard-first terminal companion for informational interviews. "
        "Without a subcommand, opens the app.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--data-dir", metavar="DIR", default=None,
                        help="the data folder (default: $COFFEECHAT_DATA_DIR or the "
                        "platform's user data folder)")
    sub = parser.add_subparsers(title="commands", metavar="COMMAND")
    for register in COMMANDS:
        register(sub, common)
    return parser


# -- main --------------------------------------------------------------------------------


def _fail(message: str, code: int) -> int:
    first_line = " ".join(message.split())
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
