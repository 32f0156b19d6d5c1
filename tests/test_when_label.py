"""The call's moment in words: planned, held without a plan, or neither."""

from __future__ import annotations

from tui.core.agenda import when_label
from tui.core.models import Conversation, LiveSession


def test_a_planned_call_shows_its_moment() -> None:
    chat = Conversation(contact_id="c1", scheduled_at="2030-01-02T10:00:00+00:00")
    assert "2030" in when_label(chat) and "held" not in when_label(chat)


def test_a_call_held_without_a_plan_shows_when_it_was_held() -> None:
    chat = Conversation(contact_id="c1", status="done", live=LiveSession(
        started_at="2026-11-20T09:00:00+00:00", ended_at="2026-11-20T09:25:00+00:00"))
    label = when_label(chat)
    assert label.startswith("held ") and "20 Nov" in label


def test_a_call_neither_planned_nor_held_is_not_scheduled() -> None:
    assert when_label(Conversation(contact_id="c1")) == "not scheduled"
