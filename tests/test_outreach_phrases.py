"""The phrase lists behind the outreach checks, and how a draft is taken apart."""

from __future__ import annotations

import pytest

from tui.core.draft_text import sentences, split_draft, word_count, words
from tui.core.outreach_phrases import JOB_MENTIONS, call_lengths, job_phrases


@pytest.mark.parametrize(("text", "found"), [
    ("Could you help me get a role on your team?", [("get a role", False)]),
    ("Is your team hiring right now?", [("hiring", False)]),
    ("No rush, but is your team hiring?", [("hiring", False)]),
    ("Are there any openings in design?", [("any openings", False)]),
    ("Are there any opportunities on your team?", [("any opportunities", False)]),
    ("Would you give me a job?", [("give me a job", False)]),
    ("I'd be grateful for a referral.", [("referral", False)]),
    ("Could you refer me for the analyst role?", [("refer me", False)]),
    ("Could you pass my résumé along to your manager?", [("pass my résumé", False)]),
    ("I have attached my CV.", [("attached my CV", False)]),
    ("My resume is attached below.", [("resume is attached", False)]),
    ("Could you put in a good word for me?", [("put in a good word", False)]),
    ("I'm not asking for a job or a referral.",
     [("asking for a job", True), ("referral", True)]),
    ("I am not looking for a job, a referral, or an interview.",
     [("looking for a job", True), ("referral", True)]),
    ("This isn't a job request.", [("job request", True)]),
    ("I never want to ask you for a position; advice is plenty. Any openings?",
     [("ask you for a position", True), ("Any openings", False)]),
])
def test_job_asks_are_found_and_denials_recognised(text: str,
                                                   found: list[tuple[str, bool]]) -> None:
    assert [(p.text, p.negated) for p in job_phrases(text)] == found


@pytest.mark.parametrize("text", [
    "How did you get the role you have now?",
    "I would love the opportunity to learn from you.",
    "Ana referred me to you.",
    "Could you refer me to someone in design?",
    "I'd love to hear what your role at Stripe involves.",
    "What does your position on the team look like?",
    "How you landed your first job is the story I'd love to hear.",
    "Would you have 20 minutes for a call?",
])
def test_ordinary_sentences_are_not_job_asks(text: str) -> None:
    assert job_phrases(text) == []


def test_mentions_of_the_job_hunt() -> None:
    text = "I'm deep in a job search and exploring new opportunities. My CV is a mess."
    assert [p.text for p in job_phrases(text, JOB_MENTIONS)] == [
        "job search", "exploring new opportunities", "My CV"]


def test_call_lengths_in_words_numbers_and_ranges() -> None:
    text = ("a 15-20 min call, twenty minutes, half an hour, an hour, a 30-minute chat, "
            "twenty-five minutes, twenty to thirty minutes, 20 or 30 mins, 2 hours")
    assert call_lengths(text) == [(15, 20), (20, 20), (30, 30), (60, 60), (30, 30), (25, 25),
                                  (20, 30), (20, 30), (120, 120)]
    assert call_lengths("I spent 10 years in finance and 3 hrs a week on it") == []


def test_split_draft_finds_greeting_body_and_signature() -> None:
    draft = ("Hi Ana,\n\nDr. Lee suggested I write. I'm J. Smith, e.g. a teacher.\n\n"
             "Would you have 20 minutes?\n\nThanks so much!\nSam Lee\nsam@example.com\n")
    parts = split_draft(draft)
    assert parts.greeting == "Hi Ana,"
    assert parts.sign_off == "Thanks so much!\nSam Lee\nsam@example.com"
    assert parts.sentences == ("Dr. Lee suggested I write.", "I'm J. Smith, e.g. a teacher.",
                               "Would you have 20 minutes?")


def test_a_greeting_on_the_same_line_as_the_message() -> None:
    parts = split_draft("Hello Ana, Dana suggested I write. Would you have 20 minutes?")
    assert parts.greeting == "Hello Ana,"
    assert parts.sentences == ("Dana suggested I write.", "Would you have 20 minutes?")
    assert split_draft("Ana,\nWould you have 20 minutes?", name="Ana Silva").greeting == "Ana,"


def test_a_long_closing_sentence_is_body_not_sign_off() -> None:
    parts = split_draft("Would you have 20 minutes? Thank you for considering it, and no "
                        "worries at all if now isn't a good time.\nBest,\nSam")
    assert parts.sentences[-1].startswith("Thank you for considering it")
    assert parts.sign_off == "Best,\nSam"


def test_sentences_and_words() -> None:
    assert sentences("One. Two!\n\nThree… four? five") == ["One.", "Two!", "Three…", "four?",
                                                            "five"]
    assert sentences("A line\nwrapped by hand.") == ["A line wrapped by hand."]
    assert words("I’m a résumé-free 20-minute don’t") == ["I'm", "a", "résumé-free",
                                                          "20-minute", "don't"]
    assert word_count("  ") == 0 and word_count("日本語 テキスト") == 2
