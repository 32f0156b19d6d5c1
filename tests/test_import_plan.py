"""Matching imported rows to existing contacts."""

from __future__ import annotations

import pytest

from tui.core.importing import ContactRow, ParsedContacts, linkedin_key, plan_contact_import
from tui.core.importing.rows import SkippedRow
from tui.core.models import Contact


@pytest.mark.parametrize("url", [
    "https://www.linkedin.com/in/ana-b", "http://linkedin.com/in/ana-b/",
    "HTTPS://WWW.LINKEDIN.COM/in/Ana-B?trk=abc#x", "www.linkedin.com/in/ana-b",
    "https://de.linkedin.com/in/ana-b/", " https://www.linkedin.com/in/ana-b ",
    "https://www.linkedin.com/in/%61na-b",
])
def test_linkedin_urls_are_normalised(url: str) -> None:
    assert linkedin_key(url) == "linkedin.com/in/ana-b"


def test_other_urls_keep_their_host() -> None:
    assert linkedin_key("https://www.example.org/Ana/") == "example.org/ana"
    assert linkedin_key("") == ""


def test_url_beats_name_and_different_urls_mean_different_people() -> None:
    ana = Contact(name="Ana Silva", company="Acme", linkedin="https://linkedin.com/in/ana-1")
    rows = [ContactRow(line=2, name="Ana Silva", company="Acme",
                       linkedin="https://www.linkedin.com/in/ana-2"),
            ContactRow(line=3, name="Ana S.", company="Globex",
                       linkedin="https://www.linkedin.com/in/ANA-1/")]
    plan = plan_contact_import([ana], rows)
    assert [a.row.line for a in plan.added] == [2]  # a namesake with another profile
    [update] = plan.updated
    assert update.matched_by == "LinkedIn URL" and update.after.name == "Ana Silva"
    assert update.changes == ("company Acme -> Globex",)


def test_blank_values_never_erase_and_user_values_are_kept() -> None:
    ana = Contact(name="Ana", company="Acme", role="PM", email="ana@mine.example",
                  tags=["mentor"])
    row = ContactRow(line=2, name="Ana", company="Acme", role="", email="ana@other.example",
                     tags=("Mentor", "fintech"))
    [update] = plan_contact_import([ana], [row]).updated
    assert update.after.role == "PM" and update.after.email == "ana@mine.example"
    assert update.after.tags == ["mentor", "fintech"]
    assert update.changes == ("tags added: fintech",)
    assert ana.tags == ["mentor"]  # the existing contact itself is not changed


def test_duplicates_within_a_file_are_skipped_with_the_first_line() -> None:
    rows = [ContactRow(line=4, name="Bo Li", company="X"),
            ContactRow(line=9, name="bo  li", company="x ")]
    plan = plan_contact_import([], rows)
    assert len(plan.added) == 1
    assert [str(s) for s in plan.skipped] == ["line 9: the same person as line 4"]


def test_parser_skips_and_warnings_carry_into_the_plan() -> None:
    parsed = ParsedContacts(rows=[ContactRow(line=3, name="Al")],
                            skipped=[SkippedRow(2, "no name")], warnings=["line 3: odd"])
    plan = plan_contact_import([], parsed)
    assert plan.summary() == "1 added, 0 updated, 0 unchanged, 1 skipped"
    assert plan.report_lines() == ["skipped line 2: no name", "line 3: odd"]
    [added] = plan.added
    assert len(added.contact.id) == 12 and added.contact.name == "Al"
    assert plan.contacts_to_save() == [added.contact]


def test_new_contacts_get_distinct_ids() -> None:
    rows = [ContactRow(line=i, name=f"P{i}") for i in range(1, 500)]
    ids = {a.contact.id for a in plan_contact_import([], rows, now="2026-01-01T00:00:00+00:00")
           .added}
    assert len(ids) == 499
