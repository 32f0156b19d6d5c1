"""Redaction: names to initials, contact details out, the substance kept."""

from __future__ import annotations

import pytest
from export_data import marcus_chat, people

from tui.core.redact import Redactor, initials, redact_conversation


@pytest.mark.parametrize(("name", "short"), [
    ("Priya Raman", "P. R."), ("Anne-Marie Dupont", "A.-M. D."), ("Dr. Ana Silva", "A. S."),
    ("madonna", "M."), ("🙂", "?"), ("Zoë ångström", "Z. Å."),
])
def test_initials(name: str, short: str) -> None:
    assert initials(name) == short


REDACTOR = Redactor(["Priya Raman", "Jonas Berg", "Anne-Marie O'Brien"])


@pytest.mark.parametrize(("text", "expected"), [
    ("Priya Raman said hi", "P. R. said hi"),
    ("Priya's idea, then Raman's", "P.'s idea, then R.'s"),
    ("Anne-Marie O'Brien and O'Brien's cat", "A.-M. O. and O.'s cat"),
    ("Priyanka and Bergman stay", "Priyanka and Bergman stay"),
    ("mail priya@northwind.example now", "mail (email removed) now"),
    ("call +1 (415) 555-0100 or 020 7946 0958", "call (phone removed) or (phone removed)"),
    ("see https://www.linkedin.com/in/priya-x/?a=1.", "see (link removed)."),
    ("linkedin.com/in/foo and www.example.org", "(link removed) and (link removed)"),
    ("in 2024-2025, on 2026-12-03, 30,000 users, 1.200.000, v1.2.3",
     "in 2024-2025, on 2026-12-03, 30,000 users, 1.200.000, v1.2.3"),
])
def test_text(text: str, expected: str) -> None:
    assert REDACTOR.text(text) == expected


def test_conversation_copies_are_redacted_and_originals_untouched() -> None:
    original = marcus_chat()
    known = people()
    chat, contact, shown = redact_conversation(original, known["c-marcus"], known)
    assert contact.name == "M. L." and contact.email == "" and contact.linkedin == ""
    assert chat.place == "" and original.place
    assert chat.reflection.answers["next-steps"] == "Email P. R."
    assert [r.name for r in chat.referrals] == ["J. B.", "P. R."]
    assert chat.outreach.draft == "Hi M.,\nP. suggested I write."
    assert set(shown) == {"c-priya"} and shown["c-priya"].name == "P. R."
    assert original.referrals[0].name == "Jonas Berg"


def test_many_contacts_do_not_slow_redaction_down() -> None:
    big = Redactor([f"Person{i} Family{i}" for i in range(20_000)] + ["Priya Raman"])
    assert big.text("Priya met Person7 and Family19999.") == "P. met P. and F."
