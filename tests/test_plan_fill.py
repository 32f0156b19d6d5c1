"""Filling a question plan from the TIARA categories: balanced, deterministic, no duplicates."""

from __future__ import annotations

from collections import Counter

import pytest

from tui.core.content import Section, load_questions
from tui.core.models import Conversation, Question
from tui.core.plan_fill import TIARA, fill_plan, stage_pools, tiara_stage
from tui.core.prep import add_question, normalise
from tui.core.question_bank import BankEntry, bank_entries


@pytest.fixture(scope="module")
def bank(tmp_path_factory: pytest.TempPathFactory) -> list[BankEntry]:
    return bank_entries(load_questions(user_dir=tmp_path_factory.mktemp("none")).value)


def stages(picks: tuple[BankEntry, ...]) -> list[str | None]:
    return [tiara_stage(e.category) for e in picks]


def test_stage_names_are_read_from_category_titles() -> None:
    assert [tiara_stage(t) for t in ("TIARA: Trends", "Insights (TIARA)", "tiara - advice",
                                     "Resource", "My assignments", "Career path")] == [
        "trends", "insights", "advice", "resources", "assignments", None]


def test_the_shipped_bank_draws_only_on_its_tiara_categories(bank: list[BankEntry]) -> None:
    pools = stage_pools(bank)
    assert [len(pools[s]) for s in TIARA] == [7, 7, 7, 7, 7]
    assert all(e.category.startswith("TIARA: ") for pool in pools.values() for e in pool)


def test_a_thirty_minute_call_gets_ten_questions_two_per_stage_in_tiara_order(
        bank: list[BankEntry]) -> None:
    fill = fill_plan(bank, 30, "person", seed=7)
    assert len(fill.picks) == 10 and fill.room == 10
    assert stages(fill.picks) == [s for s in TIARA for _ in range(2)]
    assert fill.message == ("Added 10 TIARA questions: 2 trends, 2 insights, 2 advice, "
                            "2 resources, 2 assignments.")


@pytest.mark.parametrize(("kind", "first"), [("person", "advice"), ("company", "insights"),
                                             ("industry", "trends")])
def test_the_kind_decides_which_stage_gets_a_spare_question(bank: list[BankEntry], kind: str,
                                                            first: str) -> None:
    one = fill_plan(bank, 3, kind)
    assert stages(one.picks) == [first]
    six = Counter(stages(fill_plan(bank, 18, kind).picks))
    assert six[first] == 2 and sorted(six.values()) == [1, 1, 1, 1, 2]


def test_the_kind_prefers_questions_in_its_own_words(bank: list[BankEntry]) -> None:
    for seed in range(5):
        picks = fill_plan(bank, 15, "industry", seed=seed).picks
        trends = next(e for e in picks if tiara_stage(e.category) == "trends")
        assert {"industry", "field", "space", "area", "changes", "change"} & set(
            trends.text.lower().replace("?", "").replace(",", "").split())


def test_the_same_seed_gives_the_same_plan_and_other_seeds_vary(bank: list[BankEntry]) -> None:
    first = fill_plan(bank, 30, "company", seed=3)
    assert fill_plan(bank, 30, "company", seed=3) == first
    others = {fill_plan(bank, 30, "company", seed=s).picks for s in range(10)}
    assert len(others) > 1


def test_planned_questions_are_never_repeated_and_count_toward_the_balance(
        bank: list[BankEntry]) -> None:
    pools = stage_pools(bank)
    planned = [Question(text=pools["advice"][0].text.upper().rstrip("?"),
                        category="TIARA: Advice"),
               Question(text=pools["advice"][1].text, category="TIARA: Advice"),
               Question(text="How did you start?", category="Career path")]
    fill = fill_plan(bank, 30, "person", planned, seed=1)
    assert fill.room == 7 and len(fill.picks) == 7
    picked = {normalise(e.text) for e in fill.picks}
    assert not picked & {normalise(q.text) for q in planned}
    final = Counter(stages(fill.picks)) + Counter({"advice": 2})
    assert max(final.values()) - min(final[s] for s in TIARA) <= 1


def test_a_full_plan_gets_nothing_and_says_why(bank: list[BankEntry]) -> None:
    planned = [Question(text=f"Question {i}?") for i in range(10)]
    fill = fill_plan(bank, 30, "person", planned)
    assert fill.picks == () and fill.room == 0
    assert fill.message == ("Your plan already has 10 questions, about as many as 30 minutes "
                            "hold.")


def test_when_the_bank_runs_out_every_question_left_is_used() -> None:
    small = bank_entries([Section("TIARA: Trends", ["What is changing?"]),
                          Section("TIARA: Advice", ["What would you do?", "What to avoid?"])])
    fill = fill_plan(small, 60, "industry")
    assert [e.text for e in fill.picks] == ["What is changing?", "What would you do?",
                                            "What to avoid?"]
    assert fill.message.endswith("That is every TIARA question not yet in your plan.")
    again = fill_plan(small, 60, "industry", [Question(text=e.text) for e in fill.picks])
    assert again.picks == ()
    assert again.message == "Every TIARA question of the bank is already in your plan."


def test_a_bank_without_tiara_words_uses_plain_stage_names_or_says_there_are_none() -> None:
    plain = bank_entries([Section("Trends", ["What is changing?"]),
                          Section("Advice", ["What would you do?"]),
                          Section("Career path", ["How did you start?"])])
    assert [e.text for e in fill_plan(plain, 30, "person").picks] == [
        "What is changing?", "What would you do?"]
    none = fill_plan(bank_entries([Section("Career path", ["How did you start?"])]), 30,
                     "person")
    assert none.picks == () and "no TIARA categories" in none.message


def test_picks_go_straight_into_a_plan(bank: list[BankEntry]) -> None:
    conversation = Conversation(contact_id="c", minutes=20, kind="industry")
    fill = fill_plan(bank, conversation.minutes, conversation.kind, conversation.questions)
    for entry in fill.picks:
        add_question(conversation, entry.text, entry.category)  # refuses duplicates
    assert len(conversation.questions) == 6
    assert fill_plan(bank, 20, "industry", conversation.questions).picks == ()
