"""Wall-clock times around daylight-saving changes: a time the clocks skip is refused with a
message that says what they do; a time they show twice is the first of the two."""

from __future__ import annotations

import time
from collections.abc import Iterator
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.test_cli import assert_one_line_error, run
from tui.core.dates import DateError, parse_when, to_iso

NEW_YORK_GAP = ("2026-03-08 02:30 does not exist in this time zone: the clocks go forward "
                "from 02:00 to 03:00 that day; give a time before 02:00 or from 03:00 on")


@pytest.fixture
def system_zone(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """``use(name)`` makes ``name`` the system zone for the rest of the test."""
    if not hasattr(time, "tzset"):
        pytest.skip("needs time.tzset")
    yield
    monkeypatch.undo()
    time.tzset()


def use(monkeypatch: pytest.MonkeyPatch, zone: str) -> None:
    monkeypatch.setenv("TZ", zone)
    time.tzset()


@pytest.mark.usefixtures("system_zone")
def test_a_skipped_time_is_refused_in_the_system_zone(monkeypatch) -> None:
    use(monkeypatch, "America/New_York")
    for now in (None, datetime(2026, 3, 2, 9, 0).astimezone()):
        with pytest.raises(DateError) as caught:
            parse_when("2026-03-08 02:30", now)
        assert str(caught.value) == NEW_YORK_GAP
    with pytest.raises(DateError, match="2026-03-08 02:30 does not exist"):
        parse_when("sun 2:30am", datetime(2026, 3, 5, 9, 0).astimezone())
    assert to_iso(parse_when("2026-03-08 01:59")) == "2026-03-08T01:59:00-05:00"
    assert to_iso(parse_when("2026-03-08 03:00")) == "2026-03-08T03:00:00-04:00"
    use(monkeypatch, "Australia/Lord_Howe")  # half an hour forward
    with pytest.raises(DateError, match="forward from 02:00 to 02:30 that day"):
        parse_when("2026-10-04 02:10")


@pytest.mark.usefixtures("system_zone")
def test_a_skipped_time_is_refused_in_the_zone_of_now(monkeypatch) -> None:
    use(monkeypatch, "UTC")
    now = datetime(2026, 3, 2, 9, 0, tzinfo=ZoneInfo("America/New_York"))
    with pytest.raises(DateError) as caught:
        parse_when("2026-03-08 02:30", now)
    assert str(caught.value) == NEW_YORK_GAP
    first = parse_when("2026-11-01 01:30", now)
    assert first == datetime(2026, 11, 1, 5, 30, tzinfo=ZoneInfo("UTC"))


@pytest.mark.usefixtures("system_zone")
def test_a_time_shown_twice_is_the_first(monkeypatch) -> None:
    use(monkeypatch, "America/New_York")
    first = parse_when("2026-11-01 01:30")
    assert to_iso(first) == "2026-11-01T01:30:00-04:00"
    assert first.utcoffset() == timedelta(hours=-4)
    assert to_iso(parse_when("2026-11-01 01:30", datetime(2026, 10, 30).astimezone())) == (
        "2026-11-01T01:30:00-04:00")


@pytest.mark.usefixtures("system_zone")
def test_new_refuses_a_skipped_time(capsys, monkeypatch, data_dir: Path) -> None:
    use(monkeypatch, "America/New_York")
    code, out, err = run(capsys, "--data-dir", str(data_dir), "new", "X", "--when",
                         "2026-03-08 02:30")
    assert (code, out) == (2, "")
    assert_one_line_error(err, NEW_YORK_GAP)
    assert not data_dir.exists()
