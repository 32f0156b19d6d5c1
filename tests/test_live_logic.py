"""The call's pure logic: timer phases, transitions, stamping, question flow."""

from __future__ import annotations

import contextlib
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tui.core import live
from tui.core.live_flow import (
    finish,
    first_current,
    insert_follow_up,
    make_referral,
    move,
    next_pending,
    progress,
    toggle_mark,
)
from tui.core.models import Conversation, LiveSession, Question

T0 = datetime(2026, 12, 3, 14, 30, tzinfo=timezone(timedelta(hours=1)))


def at(minutes: float) -> datetime:
    return T0 + timedelta(seconds=round(minutes * 60))


def phase(session: LiveSession, minutes: float, planned: int = 30, wrap: int = 5) -> str:
    return live.timer_state(session, planned, wrap, at(minutes)).phase


def test_phases_of_a_call() -> None:
    session = LiveSession()
    assert phase(session, 0) == live.BEFORE
    live.start(session, at(0))
    assert session.started_at == "2026-12-03T14:30:00+01:00"
    assert phase(session, 10) == live.RUNNING
    assert phase(session, 24.99) == live.RUNNING
    assert phase(session, 25) == live.WRAP_UP
    assert phase(session, 30) == live.OVERRUN
    state = live.timer_state(session, 30, 5, at(32.5))
    assert (state.overrun, state.remaining, state.show_ask) == (150, -150, True)
    live.pause(session, at(40))
    assert phase(session, 50) == live.PAUSED
    assert live.timer_state(session, 30, 5, at(50)).show_ask
    live.resume(session, at(50))
    assert session.paused_seconds == 600
    live.end(session, at(52))
    assert phase(session, 90) == live.ENDED
    assert live.timer_state(session, 30, 5, at(90)).elapsed == 42 * 60


def test_pauses_do_not_count_and_end_closes_a_pause() -> None:
    session = LiveSession()
    live.start(session, at(0))
    live.pause(session, at(10))
    assert live.timer_state(session, 30, 5, at(20)).elapsed == 600
    live.end(session, at(15))
    assert session.paused_at is None and session.paused_seconds == 300
    assert session.elapsed_seconds() == 600


def test_wrap_up_zero_means_no_warning_and_short_calls_wrap_from_the_start() -> None:
    session = LiveSession()
    live.start(session, at(0))
    assert phase(session, 29, wrap=0) == live.RUNNING
    assert phase(session, 1, planned=5, wrap=10) == live.WRAP_UP


def test_toggle_is_the_one_key() -> None:
    session = LiveSession()
    assert live.toggle(session, at(0)) == "started"
    assert live.toggle(session, at(1)) == "paused"
    assert live.toggle(session, at(3)) == "resumed"
    assert session.paused_seconds == 120
    live.end(session, at(5))
    with pytest.raises(live.LiveError, match="ended"):
        live.toggle(session, at(6))


def test_reopen_counts_the_gap_as_a_pause() -> None:
    session = LiveSession()
    live.start(session, at(0))
    live.end(session, at(10))
    live.reopen(session, at(12))
    assert session.ended_at is None and session.paused_seconds == 120
    assert live.timer_state(session, 30, 5, at(13)).elapsed == 11 * 60


@pytest.mark.parametrize(("change", "message"), [
    (live.pause, "not running"), (live.resume, "not paused"), (live.end, "not started"),
    (live.reopen, "not ended"),
])
def test_transitions_that_make_no_sense_say_why(change, message) -> None:
    with pytest.raises(live.LiveError, match=message):
        change(LiveSession(), at(0))


def test_double_start_is_refused() -> None:
    session = LiveSession()
    live.start(session, at(0))
    with pytest.raises(live.LiveError, match="already started"):
        live.start(session, at(1))


def test_clock_going_backwards_never_gives_negative_time() -> None:
    session = LiveSession()
    live.start(session, at(10))
    assert live.timer_state(session, 30, 5, at(0)).elapsed == 0


def test_notes_are_stamped_with_call_time() -> None:
    session = LiveSession()
    before = live.add_note(session, "  early thought ", None, at(-3))
    assert (before.text, before.at_seconds, before.stamp) == ("early thought", 0, "00:00")
    live.start(session, at(0))
    note = live.add_note(session, "[bold]Rust[/]", "q1", at(12.25))
    assert (note.at_seconds, note.stamp, note.question_id) == (735, "12:15", "q1")
    live.pause(session, at(13))
    assert live.add_note(session, "paused", None, at(20)).at_seconds == 780
    with pytest.raises(live.LiveError, match="empty"):
        live.add_note(session, "   ", None, at(21))
    with pytest.raises(live.LiveError, match="2,000"):
        live.add_note(session, "x" * 2_001, None, at(21))
    assert len(session.notes) == 3


def test_format_clock() -> None:
    assert live.format_clock(0) == "00:00"
    assert live.format_clock(61) == "01:01"
    assert live.format_clock(3725) == "1:02:05"
    assert live.format_clock(-5) == "00:00"


def test_wrap_up_setting_and_minutes_parsing() -> None:
    assert live.wrap_up_minutes({}) == 5
    assert live.wrap_up_minutes({"wrap_up_minutes": 8}) == 8
    for odd in ("7", True, -1, 999, None):
        assert live.wrap_up_minutes({"wrap_up_minutes": odd}) == 5
    assert live.parse_minutes(" 10 ", 0, 60, "Wrap-up") == 10
    for bad in ("", "ten", "-3", "61", "1.5", "[bold]x[/]"):
        with pytest.raises(live.LiveError, match="Wrap-up"):
            live.parse_minutes(bad, 0, 60, "Wrap-up")


def questions(*states: str) -> list[Question]:
    return [Question(text=f"q{i}", id=f"q{i}", state=s) for i, s in enumerate(states)]


def test_question_flow() -> None:
    qs = questions("asked", "pending", "skipped", "pending")
    assert first_current(qs) == 1
    assert first_current(questions("asked")) == 0
    assert first_current([]) is None
    assert first_current(qs, "q2") == 2 and first_current(qs, "q3") == 3
    assert first_current(qs, "deleted since") == 1 and first_current([], "q1") is None
    assert next_pending(qs, 1) == 3
    assert next_pending(qs, 3) == 1
    assert next_pending(questions("asked", "pending"), 1) is None
    assert toggle_mark(qs[1], "asked") == "asked"
    assert toggle_mark(qs[1], "asked") == "pending"
    assert toggle_mark(qs[1], "skipped") == "skipped"
    assert progress(qs) == (1, 2, 4)


def test_move_and_follow_up_keep_order() -> None:
    qs = questions("pending", "pending", "pending")
    assert move(qs, 0, 1) == 1 and [q.id for q in qs] == ["q1", "q0", "q2"]
    assert move(qs, 0, -1) == 0
    assert move(qs, 2, 5) == 2
    position = insert_follow_up(qs, 0, "  And  then? ")
    assert position == 1 and qs[1].text == "And then?" and qs[1].added_live
    assert insert_follow_up([], None, "first") == 0
    with pytest.raises(live.LiveError, match="empty"):
        insert_follow_up(qs, 0, " ")


def test_referrals_need_a_name_and_stay_pending() -> None:
    referral = make_referral(" Bob  Lee ", "Globex", "runs hiring")
    assert (referral.name, referral.company, referral.contact_id) == ("Bob Lee", "Globex", None)
    with pytest.raises(live.LiveError, match="name"):
        make_referral("  ")
    with pytest.raises(live.LiveError, match="Why"):
        make_referral("Bob", why="x" * 501)


def test_finish_moves_status_to_done_but_keeps_thanked() -> None:
    conversation = Conversation(contact_id="c", status="scheduled")
    live.start(conversation.live, at(0))
    finish(conversation, at(20))
    assert conversation.status == "done" and conversation.live.ended_at
    thanked = Conversation(contact_id="c", status="thanked")
    live.start(thanked.live, at(0))
    finish(thanked, at(1))
    assert thanked.status == "thanked"


def test_draft_round_trips_through_the_model() -> None:
    conversation = Conversation(contact_id="c")
    conversation.live.draft = "half a thought [b]"
    assert Conversation.from_dict(conversation.to_dict()).live.draft == "half a thought [b]"
    assert LiveSession.from_dict({}).draft == ""


@given(st.lists(st.tuples(st.sampled_from(["toggle", "end", "reopen"]),
                          st.integers(min_value=0, max_value=3600)), max_size=12))
def test_elapsed_never_exceeds_wall_time(steps: list[tuple[str, int]]) -> None:
    session, moment = LiveSession(), T0
    for name, gap in steps:
        moment += timedelta(seconds=gap)
        with contextlib.suppress(live.LiveError):
            {"toggle": live.toggle, "end": live.end, "reopen": live.reopen}[name](session, moment)
        elapsed = live.timer_state(session, 30, 5, moment).elapsed
        assert 0 <= elapsed <= (moment - T0).total_seconds()
        assert Conversation.from_dict(
            {"contact_id": "c", "live": session.to_dict()}).live == session


def test_ending_the_call_keeps_a_half_typed_quick_note() -> None:
    from datetime import datetime, timedelta, timezone

    from tui.core.live import start
    from tui.core.live_flow import finish
    from tui.core.models import Conversation

    t0 = datetime(2026, 11, 23, 14, 0, tzinfo=timezone.utc)
    conversation = Conversation(contact_id="c1")
    start(conversation.live, t0)
    conversation.live.draft = "  send her the deck  "
    finish(conversation, t0 + timedelta(minutes=12), "q7")
    assert conversation.live.draft == ""
    [note] = conversation.live.notes
    assert (note.text, note.at_seconds, note.question_id) == ("send her the deck", 720, "q7")
    assert conversation.status == "done"


def test_the_overrun_message_counts_minutes_in_words() -> None:
    over = live.TimerState(phase=live.OVERRUN, elapsed=70, planned=60, wrap_at=60)
    assert live.phase_message(live.RUNNING, over, 1, "") == "Past the planned 1 minute."
    assert live.phase_message(live.RUNNING, over, 30, "") == "Past the planned 30 minutes."


def test_ended_summary_says_when_and_how_long_without_pauses() -> None:
    now = datetime(2026, 12, 3, 16, 0, tzinfo=timezone.utc)
    session = LiveSession(started_at="2026-12-03T14:30:00+00:00", paused_seconds=300,
                          ended_at="2026-12-03T15:06:40+00:00")
    assert live.ended_summary(session, now).endswith(" after 32 min")
    assert live.ended_summary(LiveSession(started_at="2026-12-03T14:30:00+00:00"), now) == ""
    short = LiveSession(started_at="2026-12-03T14:30:00+00:00",
                        ended_at="2026-12-03T14:30:20+00:00")
    assert live.ended_summary(short, now).endswith(" after less than a minute")
