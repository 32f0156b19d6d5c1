"""The outreach checks on realistic drafts: good ones pass, each classic mistake is caught."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.content import OUTREACH, TEMPLATE_FIELDS, check_template, fill_template
from tui.core.outreach_checks import (
    LINKEDIN,
    DraftContext,
    check_about_them,
    check_call_length,
    check_connection_first,
    check_draft,
    check_easy_yes,
    check_request,
    check_short,
    pronoun_counts,
    summary,
)

# The outreach template proposed for data/templates/outreach.md.
PROPOSED_TEMPLATE = """\
Hi {name},

{mutual_connection} suggested I write to you. I'm {my_name}. {who_i_am}

You seem the right person to ask because {why_them}. I'd be grateful for your advice on \
{what_i_hope_to_learn}.

Would you have {minutes} minutes for a call in the next couple of weeks?

Thank you,
{my_name}
"""

VALUES = {
    "name": "Priya",
    "mutual_connection": "Dana Okafor",
    "my_name": "Sam Lee",
    "who_i_am": "I teach high-school physics and I'm exploring a move into UX research.",
    "why_them": "you made that same switch into research at Northwind Health three years ago",
    "what_i_hope_to_learn": "which skills mattered most in your first year and how you tested "
                            "the move before committing",
    "minutes": "20",
}
CONTEXT = DraftContext(name="Priya Raman", company="Northwind Health", introducer="Dana Okafor",
                       minutes=20)

GOOD_LINKEDIN = (
    "Hi Priya, Dana Okafor suggested I reach out. You moved from teaching into UX research at "
    "Northwind, the switch I'm exploring now, and I'd value your advice on how you tested it. "
    "Would you have 20 minutes for a call soon?\nThanks, Sam"
)

TOO_LONG = "Hi Priya,\n\nDana Okafor suggested I write to you. " + " ".join(
    ["You built the research practice at Northwind from nothing, and your advice on how you "
     "did it would help me."] * 8) + "\n\nWould you have 20 minutes next week?\n\nBest,\nSam"

JOB_ASK = """Hi Priya,

Dana Okafor suggested I write to you. I'd love your advice on moving into UX research.
I noticed your team is hiring a researcher. Could you pass my résumé along to the hiring manager?

Thanks,
Sam"""

ALL_ABOUT_ME = """Hi Priya,

Dana Okafor suggested I write. I am a physics teacher and I have taught for ten years. My students
say my classes are their favourite, and I think my skills would carry over to research. I am
organised, I am curious and I learn fast. I'd love your advice on my plan.

Would you have 20 minutes for a call?

Best,
Sam"""

NO_QUESTION = """Hi Priya,

Dana Okafor suggested I write to you. I'd value your advice on how you moved into research.
Let me know when you're free for a 20-minute call.

Best,
Sam"""

NO_LENGTH = """Hi Priya,

Dana Okafor suggested I write to you. I'd value your advice on how you moved into research.

Would you be up for a quick call sometime?

Best,
Sam"""

BURIED = """Hi Priya,

I'm a physics teacher moving into UX research. I've spent the spring reading about research
operations. I'd value your advice on how you made the switch. Your team's studies are the ones I
keep coming back to. By the way, Dana Okafor suggested I write to you.

Would you have 20 minutes for a call?

Best,
Sam"""

NEGATED_JOB = """Hi Priya,

Dana Okafor suggested I write to you. I'd value your advice on how you moved into research.
To be clear, I'm not asking for a job or a referral.

Would you have 20 minutes for a call next week?

Best,
Sam"""

OPEN_QUESTION = """Hi Priya,

Dana Okafor suggested I write to you. I'd value your advice on how you moved into research.

When would be a good time for a 20-minute call?

Best,
Sam"""

QUESTION_NOT_LAST = """Hi Priya,

Dana Okafor suggested I write to you. I'd value your advice on how you moved into research.
Would you have 20 minutes for a call? Thank you for considering it, and no worries at all if
now isn't a good time.

Best,
Sam"""


def statuses(draft: str, context: DraftContext = CONTEXT) -> dict[str, str]:
    return {r.key: r.status for r in check_draft(draft, context)}


# -- the proposed template ------------------------------------------------------------------


@pytest.mark.parametrize("minutes", ["20", "30"])
def test_the_proposed_template_passes_every_check_once_filled(minutes: str) -> None:
    check_template(PROPOSED_TEMPLATE, Path("outreach.md"), TEMPLATE_FIELDS[OUTREACH])
    draft = fill_template(PROPOSED_TEMPLATE, {**VALUES, "minutes": minutes})
    assert "{" not in draft
    context = DraftContext(name="Priya Raman", introducer="Dana Okafor", minutes=int(minutes))
    results = check_draft(draft, context)
    assert [r.key for r in results] == ["short", "connection", "request", "easy_yes",
                                        "about_them", "call_length"]
    assert [(r.key, r.status) for r in results if not r.passed] == []
    assert summary(results) == "6 of 6 checks pass"
    numbers = {r.key: r.numbers for r in results}
    assert numbers["short"]["words"] < 100
    assert numbers["about_them"]["you"] > numbers["about_them"]["me"]
    assert numbers["connection"]["sentence"] == 1
    assert numbers["call_length"]["minutes"] == int(minutes)


def test_the_proposed_template_also_passes_without_knowing_the_introducer() -> None:
    draft = fill_template(PROPOSED_TEMPLATE, VALUES)
    assert all(r.passed for r in check_draft(draft))


def test_good_linkedin_note() -> None:
    context = DraftContext(medium=LINKEDIN, name="Priya Raman", introducer="Dana Okafor")
    results = check_draft(GOOD_LINKEDIN, context)
    assert [(r.key, r.status) for r in results if not r.passed] == []
    assert results[0].label == f"Short: {len(GOOD_LINKEDIN)}/300 chars"


# -- the classic mistakes ------------------------------------------------------------------


def test_too_long() -> None:
    result = check_short(TOO_LONG, CONTEXT)
    assert result.status == "fail"
    assert result.numbers["words"] > 125
    assert result.hint.startswith(f"Cut {result.numbers['words'] - 100} words")


def test_a_little_long_is_a_warning_and_the_sign_off_does_not_count() -> None:
    body = " ".join(["word"] * 110)
    assert check_short(f"Hi Ana,\n\n{body}", CONTEXT).status == "warn"
    signature = "Best regards,\nSam Lee\nPhysics teacher\nsam@example.com\nhttps://example.com"
    ninety = " ".join(["word"] * 90) + "."
    assert check_short(f"Hi Ana,\n\n{ninety}\n\n{signature}", CONTEXT).numbers["words"] == 92


def test_linkedin_note_over_300_characters_fails() -> None:
    note = GOOD_LINKEDIN + " " + "x" * 200
    result = check_short(note, DraftContext(medium=LINKEDIN))
    assert result.status == "fail"
    assert result.numbers == {"chars": len(note), "limit": 300}
    assert f"Cut {len(note) - 300} characters" in result.hint


def test_job_ask_fails_and_names_the_phrases() -> None:
    result = check_request(JOB_ASK, CONTEXT)
    assert result.status == "fail"
    assert result.evidence == ("hiring", "pass my résumé", "hiring")
    assert result.numbers["job_asks"] == 3


def test_all_about_me_fails_with_the_counts() -> None:
    result = check_about_them(ALL_ABOUT_ME, CONTEXT)
    assert result.status == "fail"
    you, me = result.numbers["you"], result.numbers["me"]
    assert (you, me) == pronoun_counts(ALL_ABOUT_ME.split("\n", 1)[1].rsplit("Best", 1)[0])
    assert me - you > 2
    assert result.label == f"About them: you {you} · I {me}"


def test_no_question_fails() -> None:
    result = check_easy_yes(NO_QUESTION, CONTEXT)
    assert result.status == "fail"
    assert result.numbers == {"questions": 0}


def test_no_length_fails_and_a_quick_call_is_quoted() -> None:
    vague = check_call_length(NO_LENGTH, CONTEXT)
    assert (vague.status, vague.label) == ("fail", "No length for the call")
    assert vague.evidence == ("a quick call",)
    assert vague.hint == "'a quick call' is vague: say '20 minutes'."
    assert check_call_length("Dana suggested I write. Could we chat?", CONTEXT).evidence == (
        "chat",)
    none = check_call_length("Dana suggested I write. Any thoughts by email?", CONTEXT)
    assert (none.status, none.evidence) == ("fail", ())


def test_buried_connection_fails_with_its_sentence() -> None:
    result = check_connection_first(BURIED, CONTEXT)
    assert result.status == "fail"
    assert result.label == "Connection buried (sentence 5)"
    assert result.evidence == ("By the way, Dana Okafor suggested I write to you.",)
    without = BURIED.replace("By the way, Dana Okafor suggested I write to you.", "")
    assert check_connection_first(without, CONTEXT).status == "warn"
    # a specific piece of their work is the next best opener
    hook = "Your talk on research operations changed how I see the field. " + without
    assert check_connection_first(hook, CONTEXT).passed


def test_no_request_for_advice_fails_and_the_hint_names_their_company() -> None:
    draft = "Dana suggested I write to you. Would you have 20 minutes for a call?"
    result = check_request(draft, CONTEXT)
    assert (result.status, result.label) == ("fail", "No clear request for advice")
    assert result.hint == ("Say what you hope to learn, e.g. how they got their role at "
                           "Northwind Health.")
    assert check_request(draft).hint.endswith("how they got their role.")


def test_negated_job_ask_is_a_warning_not_a_pass() -> None:
    result = check_request(NEGATED_JOB, CONTEXT)
    assert result.status == "warn"
    assert result.evidence == ("asking for a job", "referral")
    assert result.numbers == {"job_asks": 0, "job_mentions": 2}


def test_open_final_question_warns_and_so_does_a_question_not_at_the_end() -> None:
    assert check_easy_yes(OPEN_QUESTION, CONTEXT).status == "warn"
    late = check_easy_yes(QUESTION_NOT_LAST, CONTEXT)
    assert (late.status, late.label) == ("warn", "Question not at the end")
    assert late.evidence == ("Would you have 20 minutes for a call?",)


def test_a_big_ask_at_the_end_warns() -> None:
    draft = "Dana suggested I write. Would you be my mentor and review my portfolio every week?"
    assert check_easy_yes(draft, CONTEXT).label == "The ask is a big one"


def test_each_bad_draft_fails_or_warns_only_where_it_should() -> None:
    assert statuses(JOB_ASK)["request"] == "fail"
    assert statuses(ALL_ABOUT_ME)["about_them"] == "fail"
    assert statuses(NO_QUESTION)["easy_yes"] == "fail"
    assert statuses(BURIED)["connection"] == "fail"
    assert statuses(NO_LENGTH)["call_length"] == "fail"
    for draft in (NO_QUESTION, NO_LENGTH, NEGATED_JOB, OPEN_QUESTION):
        s = statuses(draft)
        assert s["connection"] == s["short"] == "pass", draft


# -- call lengths --------------------------------------------------------------------------


@pytest.mark.parametrize(("phrase", "status", "label"), [
    ("Would you have 20 minutes?", "pass", "Suggests 20 min"),
    ("Could we talk for 15-20 min?", "pass", "Suggests 15-20 min"),
    ("Would you have half an hour?", "pass", "Suggests 30 min"),
    ("Would a 25-minute call work?", "pass", "Suggests 25 min"),
    ("Would you have twenty minutes?", "pass", "Suggests 20 min"),
    ("Would you have 10 minutes?", "warn", "Asks for 10 min"),
    ("Would you have an hour for lunch?", "fail", "Asks for 60 min"),
    ("Could we do 30-45 minutes?", "fail", "Asks for 30-45 min"),
])
def test_call_length_phrases(phrase: str, status: str, label: str) -> None:
    result = check_call_length("Dana suggested I write. " + phrase, DraftContext())
    assert (result.status, result.label) == (status, label)


def test_a_length_that_differs_from_the_plan_warns() -> None:
    draft = "Dana suggested I write. Would you have 20 minutes?"
    result = check_call_length(draft, DraftContext(minutes=30))
    assert result.status == "warn"
    assert result.numbers == {"minutes": 20, "from": 20, "planned": 30}
    assert check_call_length(draft.replace("20", "20-30"), DraftContext(minutes=30)).passed


# -- robustness ----------------------------------------------------------------------------


@pytest.mark.parametrize("draft", ["", "   \n\t  ", "Hi Ana,", "Best,\nSam"])
def test_an_empty_draft_is_all_to_do(draft: str) -> None:
    results = check_draft(draft, CONTEXT)
    assert {r.status for r in results} == {"todo"}
    assert summary(results) == "0 of 6 checks pass"


def test_unicode_curly_quotes_and_emoji() -> None:
    draft = ("Hi Zoë,\n\nDana Okafor suggested I write to you 🙂. You’ve led research at "
             "Café Nöir for years, and I’d value your advice on how you got there.\n\n"
             "Would you have 20 minutes for a call?\n\nMerci,\nSam")
    results = check_draft(draft, DraftContext(name="Zoë Brun", introducer="Dana Okafor"))
    assert [(r.key, r.status) for r in results if not r.passed] == []
    assert pronoun_counts("I’m sure you’re right, i.e. yours") == (2, 1)


def test_markup_and_control_characters_are_inert_and_never_quoted_raw() -> None:
    draft = ("[bold]Dana[/bold] suggested I write. Are you [red]hiring[/]?\x1b[31m "
             "Would you have 20 minutes for a call?\x07")
    results = check_draft(draft, DraftContext(introducer="Dana"))
    request = next(r for r in results if r.key == "request")
    assert request.status == "fail" and request.evidence == ("hiring",)
    for result in results:
        text = result.label + result.hint + "".join(result.evidence)
        assert "\x1b" not in text and "\x07" not in text
    yes = next(r for r in results if r.key == "easy_yes")
    assert yes.status == "pass"


def test_a_huge_draft_is_checked_without_trouble() -> None:
    paragraph = ("Dana suggested I write. You moved into research, and I'd value your "
                 "advice on how. ") * 20_000
    results = check_draft(paragraph + "\n\nWould you have 20 minutes?", CONTEXT)
    by_key = {r.key: r for r in results}
    assert by_key["short"].numbers["words"] == 15 * 20_000 + 5
    assert by_key["short"].status == "fail"
    assert by_key["easy_yes"].passed
    assert by_key["about_them"].numbers == {"you": 40_001, "me": 40_000}
    assert all(len(e) <= 60 for r in results for e in r.evidence)


def test_results_are_json_ready() -> None:
    import json

    data = [r.to_json() for r in check_draft(NEGATED_JOB, CONTEXT)]
    assert json.loads(json.dumps(data)) == data
    assert data[2]["status"] == "warn" and data[2]["passed"] is False
