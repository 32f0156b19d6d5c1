"""``coffeechat list`` orders conversations by the instants they name, whatever the UTC offsets
they were written with, up to the calendar's first and last days."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from types import SimpleNamespace

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.cli import records

OFFSETS = st.sampled_from([timezone.utc, timezone(timedelta(hours=5, minutes=30)),
                           timezone(timedelta(hours=-8)), timezone(timedelta(hours=14)),
                           None])
MOMENTS = st.builds(
    lambda when, tz: when.replace(tzinfo=tz).isoformat(),
    st.one_of(st.datetimes(datetime(2026, 11, 27), datetime(2026, 12, 2)),
              st.datetimes(), st.sampled_from([datetime.min, datetime.max])),
    OFFSETS)


def chat(number: int, status: str, scheduled: str | None, created: str,
         started: str | None) -> SimpleNamespace:
    return SimpleNamespace(id=str(number), status=status, scheduled_at=scheduled,
                           created_at=created, updated_at=created,
                           held_at=started or scheduled)


CHATS = st.lists(st.builds(chat, st.integers(), st.sampled_from(["idea", "scheduled", "done"]),
                           st.one_of(st.none(), MOMENTS), MOMENTS,
                           st.one_of(st.none(), MOMENTS)), max_size=12)


@settings(max_examples=300, deadline=None)
@given(CHATS, st.sampled_from([datetime(2026, 11, 29, 12, tzinfo=timezone.utc),
                               datetime(2026, 11, 29, 12).astimezone()]))
def test_the_order_is_that_of_the_instants(chats: list[SimpleNamespace], now: datetime) -> None:
    expected = records._sorted(chats, now, records._aware)  # compared as they were written
    assert [c.id for c in records.sort_for_listing(chats, now)] == [c.id for c in expected]


def test_the_calendar_ends_are_listed_too() -> None:
    chats = [chat(1, "scheduled", "9999-12-31T23:59:00-05:00", "2026-01-01T00:00:00", None),
             chat(2, "idea", None, "0001-01-01T00:00:00+05:00", None),
             chat(3, "done", "2026-11-01T10:00:00+01:00", "2026-01-01T00:00:00", None),
             chat(4, "scheduled", "2026-12-01T10:00:00+01:00", "2026-01-01T00:00:00", None)]
    now = datetime(2026, 11, 29, 12, tzinfo=timezone.utc)
    assert [c.id for c in records.sort_for_listing(chats, now)] == ["4", "1", "2", "3"]
