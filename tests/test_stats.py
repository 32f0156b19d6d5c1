"""Progress statistics on a fixed clock: the funnel, replies by weekday, months, asks, cadence."""

from __future__ import annotations

import json
from datetime import date

from tui.core.outreach_routine import RoutineSettings
from tui.core.stats import StatsInput, compute_stats

TODAY = date(2026, 11, 30)  # a Monday
TUE, WED, FRI = date(2026, 11, 3), date(2026, 11, 4), date(2026, 11, 6)


def sample() -> list[StatsInput]:
    return [
        StatsInput(status="idea", contact_id="a"),
        StatsInput(status="reached_out", contact_id="b", outreach_sent_on=TUE),  # no reply
        StatsInput(status="reached_out", contact_id="c", outreach_sent_on=TODAY),  # waiting
        StatsInput(status="reached_out", contact_id="d", outreach_sent_on=FRI,
                   reply_on=date(2026, 11, 9), reply_answer="no"),
        StatsInput(status="scheduled", contact_id="e", outreach_sent_on=TUE,
                   reply_on=date(2026, 11, 4), reply_answer="yes"),
        StatsInput(status="done", contact_id="f", outreach_sent_on=WED,
                   reply_on=date(2026, 11, 5), held_on=date(2026, 11, 12), referrals=2,
                   ask_made=True, introductions=1, cadence="within"),
        StatsInput(status="thanked", contact_id="g", outreach_sent_on=date(2026, 10, 6),
                   reply_on=date(2026, 10, 9), held_on=date(2026, 10, 15),
                   thanked_on=date(2026, 10, 15), referrals=1, ask_made=True,
                   cadence="overdue"),
        StatsInput(status="thanked", contact_id="g", held_on=date(2026, 9, 1),
                   thanked_on=date(2026, 9, 2), cadence="overdue"),  # met at an event
    ]


def test_the_funnel_counts_every_stage_reached_with_conversions() -> None:
    stats = compute_stats(sample(), TODAY)
    assert [(s.stage, s.count) for s in stats.funnel] == [
        ("ideas", 8), ("reached_out", 7), ("replied", 5), ("held", 3), ("thanked", 2),
        ("referrals", 3)]
    assert [s.conversion for s in stats.funnel] == [None, 0.875, 0.714, 0.6, 0.667, 1.0]
    assert stats.stage("held").label == "Held"


def test_replies_by_weekday_with_counts_waiting_and_medians() -> None:
    stats = compute_stats(sample(), TODAY)
    by_day = {w.label: w for w in stats.replies_by_weekday}
    assert list(by_day) == ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    tuesday = by_day["Tue"]  # two in November (one answered the next day) and one in October
    assert (tuesday.sent, tuesday.replied, tuesday.waiting) == (3, 2, 0)
    assert tuesday.reply_rate == 0.667
    assert (tuesday.median_days_to_reply, tuesday.with_reply_date) == (2.0, 2)
    monday = by_day["Mon"]  # sent today: too early to count against the rate
    assert (monday.sent, monday.waiting, monday.reply_rate) == (1, 1, None)
    assert (by_day["Fri"].reply_rate, by_day["Fri"].median_days_to_reply) == (1.0, 3.0)
    assert (by_day["Sun"].sent, by_day["Sun"].reply_rate, by_day["Sun"].median_days_to_reply) \
        == (0, None, None)
    overall = stats.replies_overall
    assert (overall.sent, overall.replied, overall.waiting, overall.reply_rate) == (6, 4, 1, 0.8)
    assert overall.median_days_to_reply == 2.0


def test_waiting_follows_the_follow_up_setting_in_business_days() -> None:
    rows = [StatsInput(status="reached_out", outreach_sent_on=date(2026, 11, 20))]  # a Friday
    assert compute_stats(rows, TODAY).replies_overall.waiting == 1  # 6 business days
    quick = RoutineSettings(second_contact_after=2, follow_up_after=3)
    assert compute_stats(rows, TODAY, quick).replies_overall.reply_rate == 0.0


def test_conversations_per_month_are_zero_filled_oldest_first() -> None:
    stats = compute_stats(sample(), TODAY, months=4)
    assert stats.per_month == (("2026-08", 0, 0), ("2026-09", 1, 0), ("2026-10", 1, 1),
                               ("2026-11", 1, 5))
    assert len(compute_stats(sample(), TODAY).per_month) == 12
    january = compute_stats([], date(2026, 1, 15), months=3).per_month
    assert [m for m, _, _ in january] == ["2025-11", "2025-12", "2026-01"]


def test_how_often_the_ask_led_to_an_introduction() -> None:
    stats = compute_stats(sample(), TODAY)
    assert (stats.asked, stats.led_to_introduction, stats.ask_rate) == (2, 1, 0.5)


def test_relationships_count_each_contact_once() -> None:
    assert compute_stats(sample(), TODAY).relationships == {
        "contacts": 7, "within_cadence": 1, "overdue": 1, "no_cadence": 5}
    mixed = [StatsInput(contact_id="x", cadence="within"),
             StatsInput(contact_id="x", cadence="overdue"), StatsInput(contact_id="x")]
    assert compute_stats(mixed, TODAY).relationships["overdue"] == 1


def test_an_empty_sample_has_zeros_and_no_rates() -> None:
    stats = compute_stats([], TODAY)
    data = stats.to_json()
    assert [s["count"] for s in data["funnel"]] == [0] * 6
    assert all(s["conversion"] is None for s in data["funnel"])
    assert data["replies"]["overall"]["reply_rate"] is None
    assert data["ask"] == {"asked": 0, "led_to_introduction": 0, "rate": None}
    assert data["relationships"] == {"contacts": 0, "within_cadence": 0, "overdue": 0,
                                     "no_cadence": 0}


def test_a_single_conversation_is_visibly_a_small_sample() -> None:
    one = [StatsInput(status="done", outreach_sent_on=WED, reply_on=WED, held_on=FRI)]
    wednesday = compute_stats(one, TODAY).replies_by_weekday[2]
    assert (wednesday.sent, wednesday.reply_rate, wednesday.with_reply_date) == (1, 1.0, 1)
    assert wednesday.median_days_to_reply == 0.0


def test_the_json_document_has_the_documented_keys_and_round_trips() -> None:
    data = compute_stats(sample(), TODAY).to_json()
    assert json.loads(json.dumps(data)) == data
    assert list(data) == ["today", "conversations", "funnel", "replies", "per_month", "ask",
                          "relationships"]
    assert data["today"] == "2026-11-30" and data["conversations"] == 8
    assert data["funnel"][0] == {"stage": "ideas", "label": "Ideas", "count": 8,
                                 "conversion": None}
    assert set(data["replies"]) == {"overall", "by_weekday"}
    assert data["replies"]["by_weekday"][1] == {
        "weekday": "Tue", "sent": 3, "replied": 2, "waiting": 0, "reply_rate": 0.667,
        "median_days_to_reply": 2.0, "with_reply_date": 2}
    assert data["per_month"][-1] == {"month": "2026-11", "held": 1, "reached_out": 5}


def test_odd_values_do_not_break_the_numbers() -> None:
    rows = [StatsInput(status="archived", referrals=-3),  # unknown status, negative count
            StatsInput(status="reached_out", outreach_sent_on=date(2027, 1, 1)),  # future
            StatsInput(status="done", outreach_sent_on=date(1, 1, 1), reply_on=date(1, 1, 1),
                       held_on=date(9999, 12, 31))]
    stats = compute_stats(rows, TODAY)
    assert stats.stage("referrals").count == 0
    assert stats.stage("held").count == 1
    assert sum(h for _, h, _ in stats.per_month) == 0
