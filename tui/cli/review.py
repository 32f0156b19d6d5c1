"""``coffeechat show``, ``contacts`` and ``person``: reading one conversation or one person's
history from the command line (read-only: they work beside the running app)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import EXIT_OK, EXIT_STORAGE, EXIT_USAGE, CliError, damaged, open_store
from tui.cli_output import fit, format_table, json_records, json_text, out, stdout_is_utf8
from tui.core.lookup import LookupProblem, by_id_prefix, find_person
from tui.core.models import ModelError
from tui.core.safetext import visible

if TYPE_CHECKING:
    from tui.cli.common import Subparsers


def _add_show(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "show",
        parents=[common],
        help="print one conversation as Markdown (the app's read-only view)",
        description="Print a whole conversation as Markdown: who, when, the goal and the ask, "
        "prep, questions with their notes, the live log, the reflection, actions, referrals, "
        "the thank-you and follow-ups. The start of an id is enough when no other id "
        "starts the same way (see 'coffeechat list').",
    )
    p.add_argument("id", metavar="ID", help="the conversation's id, or its first characters")
    p.add_argument("--json", action="store_true", help="print the stored record as JSON")
    p.set_defaults(handler=cmd_show)


def cmd_show(args: argparse.Namespace, folder: Path) -> int:
    """Print the conversation whose id starts with ``args.id``."""
    from tui.core.render import conversation_markdown

    store = open_store(folder, readonly=True)
    try:
        unusable = {problem.path.name.removesuffix(".json"): problem
                    for problem in store.problems()}
        try:
            found = by_id_prefix([*(s.id for s in store.summaries()), *unusable], args.id)
        except LookupProblem as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
        if found in unusable:
            raise CliError(f"conversation {found} cannot be shown: "
                           f"{unusable[found].describe()}", EXIT_STORAGE)
        conversation = store.conversation(found)
        contacts = {c.id: c for c in store.contacts()}
    except ModelError as exc:
        raise damaged(store, exc) from None
    finally:
        store.close()
    if args.json:
        out(json_text(conversation.to_dict(), ascii_only=not stdout_is_utf8()))
        return EXIT_OK
    contact = contacts.get(conversation.contact_id)
    if contact is None:
        raise CliError(f"conversation {found} names a contact that is not in the data",
                       EXIT_USAGE)
    out(visible(conversation_markdown(conversation, contact, people=contacts),
                multiline=True))
    return EXIT_OK


def _add_contacts(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "contacts",
        parents=[common],
        help="list contacts",
        description="List contacts by name, with their company, how many conversations "
        "you had with them and their id.",
    )
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_contacts)


def cmd_contacts(args: argparse.Namespace, folder: Path) -> int:
    """Print every contact as a table or as JSON."""
    store = open_store(folder, readonly=True)
    try:
        contacts = sorted(store.contacts(), key=lambda c: (c.name.casefold(), c.company))
        counts: dict[str, int] = {}
        for summary in store.summaries():
            counts[summary.contact_id] = counts.get(summary.contact_id, 0) + 1
    except ModelError as exc:
        raise damaged(store, exc) from None
    finally:
        store.close()
    if args.json:
        rows = [{**c.to_dict(), "conversations": counts.get(c.id, 0)} for c in contacts]
        out(json_records(rows, ascii_only=not stdout_is_utf8()))
        return EXIT_OK
    if not contacts:
        return EXIT_OK
    table = [[fit(c.name, 28), fit(c.company, 24) or "-", fit(c.role, 24) or "-",
              str(counts.get(c.id, 0)), c.id] for c in contacts]
    headers = ("NAME", "COMPANY", "ROLE", "CHATS", "ID")
    out("".join(line + "\n" for line in format_table(headers, table)))
    return EXIT_OK


def _add_person(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "person",
        parents=[common],
        help="one person's history: conversations, referral chain, actions, follow-ups",
        description="Show a contact's details, who introduced them and whom they introduced "
        "(both ways, as a tree), their conversations newest first, open actions, the "
        "stay-in-touch state and the follow-up log. NAME_OR_ID is a name (case and accents "
        "ignored; a unique part of a name is enough) or a contact id.",
    )
    p.add_argument("who", nargs="+", metavar="NAME_OR_ID", help="the person's name or id")
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_person)


def cmd_person(args: argparse.Namespace, folder: Path) -> int:
    """Print one person's history."""
    from datetime import datetime

    from tui.core.person import (
        person_history,
        person_json,
        person_text,
        referrals_by_person,
    )

    store = open_store(folder, readonly=True)
    try:
        contacts = store.contacts()
        try:
            contact = find_person(contacts, " ".join(args.who))
        except LookupProblem as exc:
            raise CliError(str(exc), EXIT_USAGE) from None
        summaries = store.summaries()
        conversations = [store.conversation(s.id) for s in summaries
                         if s.contact_id == contact.id]
    except ModelError as exc:
        raise damaged(store, exc) from None
    finally:
        store.close()
    history = person_history(contact, contacts, conversations, datetime.now().astimezone(),
                             referrals_by_person(summaries))
    if args.json:
        out(json_text(person_json(history), ascii_only=not stdout_is_utf8()))
        return EXIT_OK
    out(visible(person_text(history), multiline=True))
    return EXIT_OK
