"""Target companies: made from contacts, look-alike names merged only on request, the way in,
the sort orders, who could introduce you, and the file on disk."""

from __future__ import annotations

import json
import os
import stat

import pytest

from tests.routine_data import NOW, routine_records
from tui.core.companies import (
    Company,
    add_from_contacts,
    company_rows,
    introducers,
    loose_key,
    merge,
    merge_suggestions,
)
from tui.core.company_file import CompanyFileError, load_companies, save_companies
from tui.core.models import Contact, Conversation, LiveSession
from tui.core.outreach_due import contact_speeds


def people() -> list[Contact]:
    contacts, _ = routine_records()
    return [*contacts,
            Contact(name="Zed Yu", company="Acme Robotics, Inc.", id="zed", how_found="alumni"),
            Contact(name="Kim", company="", id="kim"),
            Contact(name="Lu Chen", company="Stripe", id="lu", introduced_by="carla")]


def test_companies_come_from_contact_names_and_look_alikes_wait_for_a_yes() -> None:
    companies: list[Company] = []
    added = add_from_contacts(companies, people())
    assert [c.name for c in added] == ["Acme Robotics", "Globex", "Acme Robotics, Inc.",
                                       "Stripe"]
    assert add_from_contacts(companies, people()) == []  # nothing twice
    assert loose_key("The Stripe, Inc.") == "stripe"
    ((keep, other),) = merge_suggestions(companies)
    assert (keep.name, other.name) == ("Acme Robotics", "Acme Robotics, Inc.")
    other.motivation, other.why = 3, "robots"
    merge(keep, other, companies)
    assert [c.name for c in companies] == ["Acme Robotics", "Globex", "Stripe"]
    assert (keep.aliases, keep.motivation, keep.why) == (["Acme Robotics, Inc."], 3, "robots")
    assert add_from_contacts(companies, people()) == []  # the alias keeps it merged


def test_rows_work_out_the_way_in_and_sort_by_any_column() -> None:
    contacts = people()
    _, chats = routine_records()
    chats.append(Conversation(contact_id="lu", status="done",
                              live=LiveSession(started_at="2026-11-20T10:00:00+00:00",
                                               ended_at="2026-11-20T10:30:00+00:00")))
    companies: list[Company] = []
    add_from_contacts(companies, contacts)
    globex = next(c for c in companies if c.name == "Globex")
    globex.motivation, globex.openings = 3, 3
    rows = company_rows(companies, contacts, chats, NOW, contact_speeds(chats, NOW),
                        ["ana", "ana", None])
    assert [(r.company.name, r.way_in, r.score, len(r.contacts), r.due) for r in rows] == [
        ("Globex", 1, 7, 1, 0), ("Stripe", 3, 3, 1, 0), ("Acme Robotics", 2, 2, 3, 2),
        ("Acme Robotics, Inc.", 2, 2, 1, 0)]
    by_people = company_rows(companies, contacts, chats, NOW, sort="contacts")
    assert by_people[0].company.name == "Acme Robotics"
    by_name = company_rows(companies, contacts, chats, NOW, sort="name")
    assert [r.company.name for r in by_name][:2] == ["Acme Robotics", "Acme Robotics, Inc."]
    stripe = next(r for r in rows if r.company.name == "Stripe")
    assert [(a.name, b.name) for a, b in introducers(stripe, contacts)] == \
        [("Carla Diaz", "Lu Chen")]


def test_the_file_is_private_tinydb_json_and_a_damaged_one_is_left_alone(tmp_path) -> None:
    companies = [Company(name="Stripe", motivation=2, why="payments [b]x[/b]")]
    save_companies(tmp_path, companies)
    path = tmp_path / "companies.json"
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert json.loads(path.read_text())["companies"]["1"]["name"] == "Stripe"
    assert load_companies(tmp_path)[0].to_dict() == companies[0].to_dict()
    path.write_text('{"companies": {"1": {"id": "x", "name": "A", "motivation": 9}}}')
    with pytest.raises(CompanyFileError, match="'motivation' must be 0, 1, 2 or 3"):
        load_companies(tmp_path)
    with pytest.raises(CompanyFileError):
        save_companies(tmp_path, companies)
    assert "9" in path.read_text()  # untouched


def test_a_company_name_that_shows_nothing_makes_no_company() -> None:
    companies: list[Company] = []
    added = add_from_contacts(companies, [Contact(name="Wu", company="\u200b\ufeff"),
                                          Contact(name="Ana", company="Acme\u200d")])
    assert [c.name for c in added] == ["Acme\u200d"]
