"""The user's own replies by weekday beside the day-of-week tip: figures, and Prep showing them."""

from __future__ import annotations

from datetime import date, datetime, timezone
from pathlib import Path
from typing import Any

import pytest

from tests.test_ui_prep import MONDAY, new_app, open_prep, text_of
from tests.uitools import until
from tui.app import CoffeechatApp
from tui.core.models import Contact, Conversation, DraftMessage
from tui.core.send_days import send_evidence
from tui.core.stats import StatsInput

TODAY = date(2026, 11, 23)  # a Monday


def sent(on: date, reply: date | None = None, status: str = "reached_out") -> StatsInput:
    return StatsInput(status=status, contact_id="x", outreach_sent_on=on, reply_on=reply,
                      reply_answer="yes" if reply else None)


def five_tuesdays_two_fridays() -> list[StatsInput]:
    tue, fri = date(2026, 10, 6), date(2026, 10, 9)
    return [sent(tue, date(2026, 10, 7)), sent(tue, date(2026, 10, 8)),
            sent(tue, date(2026, 10, 13)), sent(tue), sent(tue), sent(fri), sent(fri)]


def test_reply_rate_and_business_days_by_the_weekday_it_went_out() -> None:
    evidence = send_evidence(five_tuesdays_two_fridays(), TODAY)
    assert [(d.label, d.due, d.replied, d.median_business_days) for d in evidence.days] == [
        ("Tue", 5, 3, 2.0), ("Fri", 2, 0, None)]
    assert evidence.text() == ("Your outreach: Tue 3 of 5 replied (60%, 2 business days) · "
                               "Fri 0 of 2.")


def test_a_reply_after_a_weekend_counts_business_days() -> None:
    friday, monday = date(2026, 10, 9), date(2026, 10, 12)
    rows = [sent(friday, monday) for _ in range(5)]
    assert send_evidence(rows, TODAY).text() == (
        "Your outreach: Fri 5 of 5 replied (100%, 1 business day).")


def test_a_small_sample_says_it_is_too_little() -> None:
    rows = five_tuesdays_two_fridays()[:3]
    assert send_evidence(rows, TODAY).text() == (
        "Your outreach: 3 messages with an answer due so far — too little to go on yet "
        "(from 5).")
    waiting = [sent(date(2026, 11, 20))]  # Friday: an answer is not due yet
    assert "no answers due yet" in send_evidence(waiting, TODAY).text()


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(CoffeechatApp, "now", lambda self: MONDAY)


async def test_prep_outreach_shows_the_users_own_figures(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    tue = "2026-10-06"
    for number in range(5):
        person = app.store.save_contact(Contact(name=f"Person {number}", id=f"p{number}"))
        replied = "2026-10-07" if number < 3 else None
        app.store.save_conversation(Conversation(
            contact_id=person.id, status="reached_out",
            created_at=datetime(2026, 10, 1, tzinfo=timezone.utc).isoformat(),
            outreach=DraftMessage(sent_on=tue, replied_on=replied,
                                  reply="yes" if replied else "")))
    async with app.run_test(size=(80, 24)) as pilot:
        chats: Any = app.screen.query_one("#conversation-list")
        chats.highlighted = next(i for i, o in enumerate(chats.options)
                                 if "Ana Silva" in str(o.prompt))
        await open_prep(pilot, "3")
        await until(pilot, lambda: "Your outreach" in text_of(app, "#outreach-hints"))
        hints = text_of(app, "#outreach-hints")
        assert "Tip: Tuesday or Wednesday mornings" in hints  # the general advice stays
        assert "Your outreach: Tue 3 of 5 replied (60%, 1 business day)." in hints
