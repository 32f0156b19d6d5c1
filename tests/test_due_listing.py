"""The Due list's one-pass work (:mod:`tui.core.due_listing`) gives exactly the items, order
and wording of the rules worked out one by one (``tests/due_reference.py``), on random
records: summaries as the cache holds them, and records that are not summaries."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone
from typing import Any

from hypothesis import given, settings
from hypothesis import strategies as st

from tests.due_reference import reference_due_items
from tui.core.followup import due_items
from tui.core.models import Contact
from tui.core.summary import ConversationSummary

PEOPLE = ["p1", "p2", "p3", "p4", "p5"]
ZONES = [timezone.utc, timezone(timedelta(hours=-5)), timezone(timedelta(hours=5, minutes=30)),
         timezone(timedelta(hours=14))]
NOWS = st.builds(lambda when, tz: when.replace(tzinfo=tz),
                 st.datetimes(datetime(2026, 11, 27), datetime(2026, 12, 3)),
                 st.sampled_from(ZONES))
DAYS = st.one_of(st.dates(date(2026, 11, 20), date(2026, 12, 12)),
                 st.dates(date(2026, 9, 1), date(2027, 2, 1)),
                 st.sampled_from([date(1, 1, 1), date(9999, 12, 31), date(2025, 12, 31)]))
DAY_TEXT = st.one_of(DAYS.map(date.isoformat),  # and the basic form, which is valid too
                     DAYS.map(lambda d: f"{d.year:04}{d.month:02}{d.day:02}"))
MOMENT = st.one_of(
    st.builds(lambda when, tz: when.replace(tzinfo=tz).isoformat(),
              st.datetimes(datetime(2026, 9, 1), datetime(2027, 1, 1)),
              st.sampled_from([*ZONES, None])),
    st.sampled_from(["0001-01-01T00:00:00+05:00", "9999-12-31T23:59:00-05:00",
                     "2026-11-29T10:00:00"]))
NAMES = st.sampled_from(["Ana Silva", "ana silva", "Łukasz Ďurček", "  ", "Bo\x1b[31m", "Zoë"])
TEXT = st.sampled_from(["send the article", "", "  two\n lines  ", "Ask\tabout it"])


def contact(ident: str, name: str, company: str, cadence: int | None,
            last: str | None) -> Contact:
    return Contact(name=name.strip() or "Someone", id=ident, company=company,
                   cadence_days=cadence, last_contacted=last)


CONTACTS = st.lists(st.builds(contact, st.sampled_from(PEOPLE), NAMES,
                              st.sampled_from(["Acme", " acme ", "Globex", ""]),
                              st.one_of(st.none(), st.integers(1, 120)),
                              st.one_of(st.none(), DAY_TEXT)),
                    max_size=5, unique_by=lambda c: c.id)


@st.composite
def summaries(draw: st.DrawFn, number: int) -> ConversationSummary:
    opt = st.one_of(st.none(), MOMENT)
    actions = draw(st.lists(st.tuples(st.text("ab", min_size=1, max_size=3), TEXT,
                                      st.one_of(st.none(), DAY_TEXT), st.booleans()),
                            max_size=3))
    referrals = draw(st.lists(st.tuples(st.text("xy", min_size=1, max_size=3), NAMES,
                                        st.just(""),
                                        st.one_of(st.none(), st.sampled_from([*PEOPLE, "gone"]))),
                              max_size=3))
    sent = draw(st.one_of(st.none(), DAY_TEXT))
    return ConversationSummary(
        f"c{number}", draw(st.sampled_from([*PEOPLE, "nobody"])), "person", "", "", "",
        draw(st.sampled_from(["idea", "reached_out", "scheduled", "done", "thanked"])),
        draw(opt), draw(st.integers(0, 90)), "video", draw(MOMENT), draw(MOMENT),
        draw(opt), draw(opt), None, sent, None,
        draw(st.one_of(st.none(), DAY_TEXT)) if sent else None,
        draw(st.sampled_from(["", "yes", "no"])), draw(st.one_of(st.none(), DAY_TEXT)),
        0, 0, tuple(actions), tuple(referrals),
        tuple(draw(st.lists(DAY_TEXT, max_size=2))))


CHATS = st.integers(0, 6).flatmap(lambda n: st.tuples(*(summaries(i) for i in range(n))))


class NotASummary:
    """A conversation-like record that is not a summary (as a full conversation is)."""

    def __init__(self, summary: ConversationSummary) -> None:
        self._summary = summary

    def __getattr__(self, name: str) -> Any:
        return getattr(self._summary, name)


@settings(max_examples=200, deadline=None)
@given(CONTACTS, CHATS, NOWS, st.sampled_from([0, 3, 7]))
def test_the_due_list_is_that_of_the_rules(contacts: list[Contact],
                                           chats: tuple[ConversationSummary, ...],
                                           now: datetime, soon: int) -> None:
    expected = reference_due_items(contacts, chats, now, soon)
    assert [tuple(i) for i in due_items(contacts, chats, now, soon)] == \
        [tuple(i) for i in expected]
    others = [NotASummary(c) for c in chats]
    assert [tuple(i) for i in due_items(contacts, others, now, soon)] == \
        [tuple(i) for i in expected]


def test_the_order_of_the_contacts_given_does_not_change_the_list() -> None:
    """``coffeechat due`` hands the contacts over unsorted; people of one name who are due
    at one moment still come in one order (by contact id)."""
    now = datetime(2026, 11, 29, 12, tzinfo=timezone.utc)
    twins = [Contact(name="Ana Silva", id=ident, company=company, cadence_days=30,
                     last_contacted="2026-09-01") for ident, company in
             (("p2", "Monzo"), ("p1", "Stripe"), ("p3", "Adyen"))]
    for order in (twins, twins[::-1], twins[1:] + twins[:1]):
        assert [(i.kind, i.contact_id) for i in due_items(order, [], now)] == [
            ("cadence", "p1"), ("cadence", "p2"), ("cadence", "p3")]
