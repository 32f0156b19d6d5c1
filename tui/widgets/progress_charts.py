"""Pictures of progress drawn in text: the funnel and replies by weekday as bars with their
counts beside them (a small sample stays visibly small), and month labels for a sparkline."""

from __future__ import annotations

from textual.content import Content

from tui.core.stats import ReplyCounts, Stats
from tui.widgets.text import styled

LABEL_WIDTH = 17


def percent(rate: float | None) -> str:
    """``42%``; ``-`` when there is nothing to divide by."""
    return "-" if rate is None else f"{round(rate * 100)}%"


def bar(value: int, most: int, width: int) -> str:
    """A bar of ``width`` cells at most; any non-zero value gets at least one cell."""
    if most <= 0 or value <= 0 or width <= 0:
        return ""
    return "█" * max(1, round(width * value / most))


def funnel_content(stats: Stats, width: int) -> Content:
    """``Reached out       10  83% ██████████`` per stage, ideas first."""
    most = max((s.count for s in stats.funnel), default=0)
    room = max(4, width - LABEL_WIDTH - 12)
    parts: list[str | tuple[str, str]] = []
    for stage in stats.funnel:
        if parts:
            parts.append("\n")
        parts.extend([f"{stage.label:<{LABEL_WIDTH}}", (f"{stage.count:>5}", "bold"),
                      (f" {percent(stage.conversion):>5} ", "dim"),
                      (bar(stage.count, most, room), "$accent")])
    return styled(*parts)


def weekday_row(row: ReplyCounts, most: int, room: int) -> list[str | tuple[str, str]]:
    """``Tue  2/3 replied  67% ██ · median 2d · 1 waiting``."""
    answered = row.sent - row.waiting
    median = "" if row.median_days_to_reply is None else \
        f" · median {row.median_days_to_reply:g}d"
    waiting = f" · {row.waiting} waiting" if row.waiting else ""
    return [f"{row.label:<4}", (f"{row.replied:>3}/{answered:<3}", "bold"),
            (f"{percent(row.reply_rate):>5} ", "dim"), (bar(row.sent, most, room), "$accent"),
            (median + waiting, "dim")]


def weekday_content(stats: Stats, width: int) -> Content:
    """Replies by the weekday the outreach went out, with the bar showing how many were sent
    that day (so a 100% from one message reads as one message)."""
    rows = [r for r in stats.replies_by_weekday if r.sent]
    if not rows:
        return styled(("No outreach with a sent date yet: ctrl+t in Prep's outreach part "
                       "marks it sent today.", "dim"))
    most = max(r.sent for r in rows)
    room = max(3, min(20, width - 40))
    parts: list[str | tuple[str, str]] = []
    for row in rows:
        if parts:
            parts.append("\n")
        parts.extend(weekday_row(row, most, room))
    overall = stats.replies_overall
    parts.extend(["\n", ("all ", "bold"), (f"{overall.replied:>3}/"
                                          f"{overall.sent - overall.waiting:<3}", "bold"),
                  (f"{percent(overall.reply_rate):>5}", "dim"),
                  ("  replied / answer due · rate", "dim")])
    return styled(*parts)


def months_caption(stats: Stats) -> Content:
    """``Dec 2025 … Nov 2026 · 14 held, 20 reached out``, under the sparkline."""
    months = stats.per_month
    if not months:
        return Content("")
    held = sum(h for _, h, _ in months)
    reached = sum(r for _, _, r in months)
    return styled((f"{months[0][0]} … {months[-1][0]}", "dim"),
                  f" · {held} held, {reached} reached out")


def summary_content(stats: Stats) -> Content:
    """The ask and relationships, in two lines."""
    r = stats.relationships
    return styled(
        ("The ask ", "bold"),
        f"led to an introduction {stats.led_to_introduction} of {stats.asked} times "
        f"({percent(stats.ask_rate)})\n",
        ("Relationships ", "bold"),
        f"{r['within_cadence']} within their cadence, ",
        (f"{r['overdue']} overdue", "$warning" if r["overdue"] else ""),
        f", {r['no_cadence']} without one",
    )
