"""``export ics``: read back with vobject (not the icalendar library that writes it)."""

from __future__ import annotations

import stat
from dataclasses import replace
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import vobject
from export_data import NOW, conversations, hostile_chat, marcus_chat, people

from tui.core.export_ics import calendar_bytes, export_ics
from tui.core.models import ActionItem, DraftMessage


def events(payload: bytes) -> dict[str, object]:
    calendar = vobject.readOne(payload.decode("utf-8"))
    return {event.uid.value: event for event in calendar.vevent_list}


def test_calls_deadlines_and_actions() -> None:
    found = events(calendar_bytes(conversations(), people(), now=NOW))
    assert sorted(found) == [
        "action-chat-hostile-a1@coffeechat.invalid", "action-chat-marcus-a1@coffeechat.invalid",
        "call-chat-hostile@coffeechat.invalid", "call-chat-marcus@coffeechat.invalid",
        "thank-you-chat-marcus@coffeechat.invalid"]
    call = found["call-chat-marcus@coffeechat.invalid"]
    assert call.dtstart.value == datetime(2026, 12, 3, 13, 30, tzinfo=timezone.utc)
    assert call.dtend.value - call.dtstart.value == timedelta(minutes=30)
    assert call.summary.value == "Coffee chat: Marcus Lee (Tidewater Energy)"
    assert call.location.value == "https://meet.example.org/abc"
    assert call.description.value.splitlines()[:2] == [
        "Goal: Understand a data engineer's week", "The ask: An intro to the grid analytics team"]
    assert call.dtstamp.value == NOW
    thank_you = found["thank-you-chat-marcus@coffeechat.invalid"]
    assert thank_you.dtstart.value == date(2026, 12, 4)  # the call ended 15:04 on the 3rd
    assert thank_you.dtend.value == date(2026, 12, 5)
    assert thank_you.transp.value == "TRANSPARENT"
    action = found["action-chat-marcus-a1@coffeechat.invalid"]
    assert action.dtstart.value == date(2026, 12, 5)
    assert action.summary.value == "To do: Read DDIA ch. 3"


def test_done_actions_and_sent_thank_yous_are_left_out() -> None:
    chat = replace(marcus_chat(), thank_you=DraftMessage(sent_on="2026-12-04"), status="thanked",
                   actions=[ActionItem(id="a1", text="x", due="2026-12-05", done=True),
                            ActionItem(id="a3", text="no date")])
    assert list(events(calendar_bytes([chat], people(), now=NOW))) == [
        "call-chat-marcus@coffeechat.invalid"]


def test_uids_are_stable_and_a_change_raises_the_sequence() -> None:
    first = events(calendar_bytes(conversations(), people(), now=NOW))
    later = NOW + timedelta(days=2)
    edited = replace(marcus_chat(), goal="New goal", updated_at="2026-12-04T09:00:00+00:00")
    second = events(calendar_bytes([edited, hostile_chat()], people(), now=later))
    assert set(first) >= set(second) - {"thank-you-chat-marcus@coffeechat.invalid"}
    uid = "call-chat-marcus@coffeechat.invalid"
    assert int(second[uid].sequence.value) > int(first[uid].sequence.value)
    assert second[uid].last_modified.value > first[uid].last_modified.value


def test_escaping_and_folding_follow_rfc_5545() -> None:
    payload = calendar_bytes(conversations(), people(), now=NOW)
    lines = payload.split(b"\r\n")
    assert b"\n" not in payload.replace(b"\r\n", b"")
    assert all(len(line) <= 75 for line in lines)
    hostile = events(payload)["call-chat-hostile@coffeechat.invalid"]
    assert hostile.summary.value == 'Coffee chat: # Zoë [b]x[/b] <script> (- Acme | "Q")'
    assert hostile.description.value.startswith("Goal: ---\ntitle: injected\n---\n")
    assert "\x1b" not in payload.decode("utf-8")
    for required in (b"BEGIN:VCALENDAR", b"VERSION:2.0", b"PRODID:", b"END:VCALENDAR"):
        assert required in payload


def test_redacted_calendar() -> None:
    payload = calendar_bytes(conversations(), people(), now=NOW, redact=True).decode("utf-8")
    unfolded = payload.replace("\r\n ", "")
    for secret in ("Marcus", "Zoë", "meet.example.org", "javascript:alert", "LOCATION"):
        assert secret not in unfolded
    assert "SUMMARY:Coffee chat: M. L. (Tidewater Energy)" in unfolded


def test_export_writes_a_private_file(tmp_path: Path) -> None:
    path = tmp_path / "chats.ics"
    assert export_ics(path, conversations(), people(), now=NOW) == 5
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
