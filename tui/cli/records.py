"""``coffeechat new``, ``list`` and ``due``: adding and listing conversations."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Iterable
from datetime import datetime, timezone
from operator import itemgetter
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from tui.cli.common import EXIT_OK, CliError, damaged, open_store, warn, whole_number
from tui.cli_output import fit, format_table, out, write_json_records
from tui.core.agenda import status_label
from tui.core.dates import EXAMPLES, format_when, parse_when, to_iso
from tui.core.models import (
    DEFAULT_MINUTES,
    KINDS,
    MAX_MINUTES,
    Contact,
    ModelError,
)
from tui.core.moments import moment
from tui.core.safetext import has_visible, invisible_detail
from tui.core.summary import ConversationLike

if TYPE_CHECKING:
    from tui.cli.common import Subparsers

C = TypeVar("C", bound=ConversationLike)

# -- coffeechat new ----------------------------------------------------------------------


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
    p.add_argument("--minutes", type=whole_number("minutes", MAX_MINUTES, "minutes"),
                   default=DEFAULT_MINUTES,
                   help=f"planned length, 1-{MAX_MINUTES} (default: %(default)s)")
    p.add_argument("--goal", default="", help="what you want to get out of it")
    p.set_defaults(handler=cmd_new)


def cmd_new(args: argparse.Namespace, folder: Path) -> int:
    """Create a conversation (reusing a same-named contact) and print its id."""
    name = " ".join(args.name.split())
    if not has_visible(name):
        raise CliError("a contact needs a name" + invisible_detail(name))
    company = " ".join(args.company.split())
    if company and not has_visible(company):
        raise CliError("--company needs a name" + invisible_detail(company)
                       + "; leave --company out for none")
    scheduled_at = None
    if args.when is not None:
        if not args.when.strip():
            raise CliError(f"--when is empty: give a date and time ({EXAMPLES}), or leave "
                           "--when out for a chat with no date yet")
        scheduled_at = to_iso(parse_when(args.when))
    store = open_store(folder, readonly=False)
    try:
        contact = store.find_contact(name, args.company)
        if contact is None:
            contact = Contact(name=name, company=company, role=args.role.strip())
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
    return moment(text, None)


def _in_utc(text: str) -> datetime:
    return moment(text, None).astimezone(timezone.utc)


def sort_for_listing(
    conversations: Iterable[C], now: datetime | None = None
) -> list[C]:
    """Upcoming (scheduled, not done) soonest first; then unscheduled ideas, newest first;
    then the past (held, done, or their time gone by), most recent first."""
    now = now or datetime.now().astimezone()
    chats = list(conversations)
    try:
        # Moments in one zone compare several times faster than moments in many.
        return _sorted(chats, now.astimezone(timezone.utc), _in_utc)
    except OverflowError:  # a moment at the calendar's very ends has no UTC equivalent
        return _sorted(chats, now, _aware)


def _sorted(conversations: list[C], now: datetime,
            aware: Callable[[str], datetime]) -> list[C]:
    upcoming: list[tuple[datetime, C]] = []
    ideas: list[tuple[datetime, C]] = []
    past: list[tuple[datetime, C]] = []
    for conversation in conversations:
        finished = conversation.status in ("done", "thanked")
        when = aware(conversation.scheduled_at) if conversation.scheduled_at else None
        if when is not None and when >= now and not finished:
            upcoming.append((when, conversation))
        elif when is None and not finished:
            ideas.append((aware(conversation.created_at), conversation))
        else:
            held = conversation.held_at or conversation.updated_at
            past.append((aware(held), conversation))
    upcoming.sort(key=_first)
    ideas.sort(key=_first, reverse=True)
    past.sort(key=_first, reverse=True)
    return [c for _, c in (*upcoming, *ideas, *past)]


_first = itemgetter(0)


def conversation_summary(conversation: ConversationLike,
                         contact: Contact | None) -> dict[str, Any]:
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
        contacts = store.contacts_by_id()
        ordered = sort_for_listing(store.summaries())
    except ModelError as exc:
        raise damaged(store, exc) from None
    finally:
        store.close()
    if args.json:
        rows = [conversation_summary(c, contacts.get(c.contact_id)) for c in ordered]
        write_json_records(rows)
        return EXIT_OK
    if not ordered:
        out("No conversations yet.\n")
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
        "yet, contacts whose stay-in-touch cadence has run out, and outreach with no reply: "
        "after 3 business days write to a second person at the company "
        "(kind outreach-second-contact), after 7 send one short follow-up (outreach-follow-up). "
        "The numbers are the settings second_contact_after and follow_up_after.",
    )
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_due)


def cmd_due(args: argparse.Namespace, folder: Path) -> int:
    """Print the Due list as a table or as JSON."""
    from tui.core.followup import due_items, due_json  # only ``due`` needs these
    from tui.core.outreach_due import routine_settings
    from tui.core.settings import load_settings

    store = open_store(folder, readonly=True)
    try:
        routine, warnings = routine_settings(load_settings())
        for warning in warnings:
            warn(f"settings.json: {warning}")
        # the contacts in no order (the list orders its items; sorting 6,000 took 10 ms)
        items = due_items(store.contacts_by_id().values(), store.summaries(), _now(),
                          routine=routine)
    except ModelError as exc:
        raise damaged(store, exc) from None
    finally:
        store.close()
    if args.json:
        write_json_records(due_json(items), plain=True)  # text or null, by construction
        return EXIT_OK
    if not items:
        out("Nothing is due.\n")
        return EXIT_OK
    table = [
        [item.level, item.due_text[:10], fit(item.contact, 28), item.kind,
         fit(item.reason, 80)]
        for item in items
    ]
    headers = ("LEVEL", "DUE", "CONTACT", "KIND", "REASON")
    out("".join(line + "\n" for line in format_table(headers, table)))
    return EXIT_OK


