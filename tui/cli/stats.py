"""``coffeechat stats``: the funnel, replies by weekday, chats per month, asks, relationships."""

from __future__ import annotations

import argparse
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui.cli.common import EXIT_OK, damaged, open_store, warn
from tui.cli_output import format_table, json_text, out, stdout_is_utf8
from tui.core.models import ModelError
from tui.core.outreach_due import routine_settings
from tui.core.progress import progress
from tui.core.settings import load_settings
from tui.core.stats import Stats

if TYPE_CHECKING:
    from tui.cli.common import Subparsers


def _now() -> datetime:
    """The current moment (tests replace it with a fixed clock)."""
    return datetime.now().astimezone()


def _add_stats(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    p = sub.add_parser(
        "stats",
        parents=[common],
        help="your progress: the funnel, replies by weekday, chats per month, asks",
        description="Show your progress: the funnel from ideas to referrals with the "
        "conversion between stages, reply rate and median days to reply by the weekday the "
        "outreach was sent (with the counts, so a small sample shows), conversations per "
        "month, how often the ask led to an introduction, and relationships within their "
        "stay-in-touch cadence. --json keys are described in the README.",
    )
    p.add_argument("--json", action="store_true", help="print JSON for scripts")
    p.set_defaults(handler=cmd_stats)


def percent(rate: float | None) -> str:
    """``42%``, or ``-`` when there is nothing to divide by."""
    return "-" if rate is None else f"{round(rate * 100)}%"


def stats_text(stats: Stats) -> str:
    """The plain-text report: four small tables and two lines."""
    lines = [f"Progress as of {stats.today.isoformat()} ({stats.conversations} "
             f"conversation{'' if stats.conversations == 1 else 's'})",
             ""]
    lines += format_table(("STAGE", "COUNT", "FROM PREVIOUS"),
                          [[s.label, str(s.count), percent(s.conversion)]
                           for s in stats.funnel])
    lines += ["", "Replies by the weekday the outreach was sent"]
    lines += format_table(
        ("DAY", "SENT", "REPLIED", "WAITING", "RATE", "MEDIAN DAYS"),
        [[w.label, str(w.sent), str(w.replied), str(w.waiting), percent(w.reply_rate),
          "-" if w.median_days_to_reply is None else f"{w.median_days_to_reply:g}"]
         for w in (*stats.replies_by_weekday, stats.replies_overall)])
    lines += ["", "Conversations per month"]
    lines += format_table(("MONTH", "HELD", "REACHED OUT"),
                          [[m, str(h), str(r)] for m, h, r in stats.per_month])
    r = stats.relationships
    lines += ["", f"The ask led to an introduction: {stats.led_to_introduction} of "
                  f"{stats.asked} ({percent(stats.ask_rate)})",
              f"Relationships: {r['within_cadence']} within their cadence, {r['overdue']} "
              f"overdue, {r['no_cadence']} without one ({r['contacts']} contacts)"]
    return "".join(line + "\n" for line in lines)


def cmd_stats(args: argparse.Namespace, folder: Path) -> int:
    """Print the progress numbers as tables or as JSON."""
    routine, warnings = routine_settings(load_settings())
    for warning in warnings:
        warn(f"settings.json: {warning}")
    store = open_store(folder, readonly=True)
    try:
        stats = progress(store.contacts(), store.summaries(), _now(), routine)
    except ModelError as exc:
        raise damaged(store, exc) from None
    finally:
        store.close()
    if args.json:
        out(json_text(stats.to_json(), ascii_only=not stdout_is_utf8()))
    else:
        out(stats_text(stats))
    return EXIT_OK
