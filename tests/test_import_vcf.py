"""vCard files as phones, Google Contacts and Apple Contacts write them."""

from __future__ import annotations

import pytest
from import_tools import FIXTURES

from tui.core.importing import ImportFileError, parse_vcf, plan_contact_import


def test_android_2_1_with_quoted_printable_photo_and_several_cards() -> None:
    parsed = parse_vcf(FIXTURES / "android-2.1.vcf")
    elodie, aiko = parsed.rows
    assert (elodie.line, elodie.name, elodie.company, elodie.email) == (
        1, "Élodie Dupré", "Société Générale", "elodie@example.fr")
    assert elodie.notes == ("Rencontrée au salon,\ntrès sympa. Une longue note qui continue "
                            "sur la ligne suivante[31m")
    assert parsed.controls_removed == 1  # the escape character in the note
    assert (aiko.line, aiko.name) == (14, "Aiko Tanaka")  # from N, without FN
    assert [str(s) for s in parsed.skipped] == [
        "line 19: no name (the card has neither FN nor N)"]


def test_google_3_0_with_grouped_linkedin_and_preferred_email() -> None:
    [priya] = parse_vcf(FIXTURES / "google-3.0.vcf").rows
    assert (priya.name, priya.company, priya.role) == ("Priya Raman", "Stripe, Inc.",
                                                       "Product Manager")
    assert priya.email == "priya@stripe.example"
    assert priya.linkedin == "https://www.linkedin.com/in/priya-raman"
    assert priya.notes == "Met at the alumni dinner\nlikes tea; and coffee"
    assert priya.tags == ("Fintech",)


def test_apple_3_0_with_social_profile_and_folded_lines() -> None:
    [marcus] = parse_vcf(FIXTURES / "apple-3.0.vcf").rows
    assert marcus.name == "Marcus J. Lee" and marcus.company == "Tidewater Energy"
    assert marcus.linkedin == "https://www.linkedin.com/in/marcus-lee-1a2b3c"
    assert marcus.notes.endswith("longer than seventy-five octets in total.")


def test_vcard_4_0() -> None:
    [sofia] = parse_vcf(FIXTURES / "v4.0.vcf").rows
    assert (sofia.name, sofia.role, sofia.email) == (
        "Sofia Alvarez", "UX Research Lead", "sofia@brightline.example")
    assert sofia.linkedin == "https://www.linkedin.com/in/sofia-alvarez"


def test_a_vcard_import_matches_the_linkedin_contacts() -> None:
    from import_tools import applied

    from tui.core.importing import parse_linkedin

    book = applied([], plan_contact_import([], parse_linkedin(FIXTURES / "Connections.csv")))
    plan = plan_contact_import(book, parse_vcf(FIXTURES / "apple-3.0.vcf"))
    [update] = plan.updated
    assert update.before.name == "Marcus Lee"
    assert update.changes == ("company Tidewater Energy, Inc. -> Tidewater Energy",
                              "role Data Engineer, Grid -> Data Engineer", "notes added")


@pytest.mark.parametrize(("content", "message"), [
    (b"", "is empty"),
    (b"hello world\n", "contacts.vcf:1: expected BEGIN:VCARD"),
    (b"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada\r\n", "contacts.vcf:1: the card that starts here "
                                                  "has no END:VCARD"),
    (b"BEGIN:VCARD\r\nFN:Ada\r\nEND:VCARD\r\ngarbage line\r\n",
     "vcf:4: expected BEGIN:VCARD to start a card"),
    (b"BEGIN:VCARD\r\nFN:Ada\r\nnot a property\r\nEND:VCARD\r\n", ":3: not a vCard line"),
    (b"BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n", "expected BEGIN:VCARD"),
])
def test_foreign_and_broken_files(content: bytes, message: str) -> None:
    with pytest.raises(ImportFileError, match=message):
        parse_vcf(content, label="contacts.vcf")


def test_a_windows_1252_line_in_a_utf8_card() -> None:
    data = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Ångström\r\n".encode()
            + "ORG:Société Générale\r\nEND:VCARD\r\n".encode("cp1252"))
    parsed = parse_vcf(data)
    [zoe] = parsed.rows
    assert (zoe.name, zoe.company) == ("Zoë Ångström", "Société Générale")
    assert parsed.warnings[0].startswith("line 4: not UTF-8; read as Windows-1252")
