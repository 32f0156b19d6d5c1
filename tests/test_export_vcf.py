"""``export vcf``: vCard 3.0 read back by vobject and by our own importer; JSON round trip."""

from __future__ import annotations

import json
import stat
import tempfile
from pathlib import Path

import vobject
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.export_vcf import contact_card, export_vcf, name_parts, vcard_text
from tui.core.importing import parse_vcf
from tui.core.models import Contact
from tui.core.safetext import has_visible, one_line, strip_controls
from tui.core.store import Store

PRIYA = Contact(id="c1", name="Dr. Priya Raman, PhD", company="Northwind; Health, Inc.",
                role="Product manager", email="priya@northwind.example",
                linkedin="https://www.linkedin.com/in/priya-raman/",
                notes="Met at the alumni dinner.\nLikes long walks; \\o/", tags=["product", "a,b"])


def test_card_read_by_vobject() -> None:
    card = vobject.readOne(contact_card(PRIYA))
    assert card.version.value == "3.0"
    assert card.fn.value == "Dr. Priya Raman, PhD"
    assert (card.n.value.family, card.n.value.given) == ("Raman", "Priya")
    assert (card.n.value.prefix, card.n.value.suffix) == ("Dr.", "PhD")
    assert card.org.value == ["Northwind; Health, Inc."]
    assert card.title.value == "Product manager"
    assert card.email.value == "priya@northwind.example"
    assert card.url.value == "https://www.linkedin.com/in/priya-raman/"
    assert card.note.value == "Met at the alumni dinner.\nLikes long walks; \\o/"
    assert card.categories.value == ["product", "a,b"]
    assert card.uid.value == "c1"


def test_lines_are_folded_at_75_octets_without_splitting_characters() -> None:
    long = Contact(id="c2", name="Zoë " + "Ångström" * 20, notes="🙂" * 100)
    text = vcard_text([long, PRIYA])
    assert text.endswith("\r\n") and "\n" not in text.replace("\r\n", "")
    for line in text.split("\r\n"):
        assert len(line.encode("utf-8")) <= 75
    cards = list(vobject.readComponents(text))
    assert [c.fn.value for c in cards] == ["Dr. Priya Raman, PhD", long.name]
    assert cards[1].note.value == "🙂" * 100


def test_name_parts() -> None:
    assert name_parts("Priya Raman") == ("Raman", "Priya", "", "", "")
    assert name_parts("Madonna") == ("", "Madonna", "", "", "")
    assert name_parts("Ludwig van Beethoven") == ("Beethoven", "Ludwig", "van", "", "")
    assert name_parts("Martin Luther King Jr.") == ("King", "Martin", "Luther", "", "Jr.")


def test_export_writes_a_private_file(tmp_path: Path) -> None:
    path = tmp_path / "contacts.vcf"
    assert export_vcf(path, [PRIYA]) == 1
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_bytes().startswith(b"BEGIN:VCARD\r\nVERSION:3.0\r\n")


TEXT = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=40)
# A name must show something (an import skips a row whose name is only invisible characters).
NAMES = TEXT.filter(lambda t: has_visible(one_line(t)))
URLS = st.from_regex(r"https://www\.linkedin\.com/in/[a-z0-9-]{1,30}/?", fullmatch=True)
CONTACTS = st.builds(
    Contact, name=NAMES, company=TEXT, role=TEXT,
    email=st.one_of(st.just(""), st.emails()), linkedin=st.one_of(st.just(""), URLS),
    notes=TEXT, tags=st.lists(NAMES, max_size=3, unique_by=lambda t: one_line(t)),
)


def visible_or_blank(text: str) -> str:
    """A company that shows nothing is left out by an import."""
    return text if has_visible(text) else ""


def _system_group(tag: str) -> bool:
    return tag.startswith("*") or tag.casefold() == "mycontacts"


@settings(max_examples=150, deadline=None)
@given(CONTACTS)
def test_random_contacts_survive_a_vcf_round_trip(contact: Contact) -> None:
    text = vcard_text([contact])
    expected = {
        "name": one_line(contact.name), "company": visible_or_blank(one_line(contact.company)),
        "role": one_line(contact.role), "email": contact.email, "linkedin": contact.linkedin,
        "notes": strip_controls(contact.notes).strip(),
        # Google's system groups ("* starred", "myContacts") are not tags: an import skips them.
        "tags": tuple(one_line(t) for t in contact.tags if not _system_group(one_line(t))),
    }
    [row] = parse_vcf(text.encode("utf-8")).rows
    assert {k: getattr(row, k) for k in expected} == expected
    card = vobject.readOne(text)  # an independent reader agrees
    assert card.fn.value == expected["name"]
    if expected["notes"]:
        assert card.note.value == expected["notes"]
    if expected["company"]:
        assert card.org.value[0] == expected["company"]


def _stripped(value: object) -> object:
    if isinstance(value, str):
        return strip_controls(value)
    if isinstance(value, list):
        return [_stripped(v) for v in value]
    if isinstance(value, dict):
        return {k: _stripped(v) for k, v in value.items()}
    return value


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(CONTACTS, max_size=4))
def test_random_contacts_survive_a_json_round_trip(contacts: list[Contact]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Store.open(Path(tmp) / "a")
        for contact in contacts:
            source.save_contact(contact)
        text = json.dumps(source.export_data(), ensure_ascii=False)
        saved = {c.id: c for c in source.contacts()}  # as the store keeps them (names trimmed)
        source.close()
        target = Store.open(Path(tmp) / "b")
        result = target.import_data(json.loads(text))
        assert result.contacts_added == len(contacts)
        # An import stores text without control characters (newline and tab kept).
        expected = {key: Contact.from_dict(_stripped(c.to_dict())) for key, c in saved.items()}
        assert {c.id: c for c in target.contacts()} == expected
        assert len(saved) == len(contacts)
        target.close()
