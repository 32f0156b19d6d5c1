"""``export md``: file names, front matter read back by another YAML parser, re-export."""

from __future__ import annotations

import os
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from export_data import PROMPTS, check_golden, conversations, hostile_chat, marcus_chat, people
from hypothesis import given, settings
from hypothesis import strategies as st
from ruamel.yaml import YAML

from tui.core.export_files import TEMP_PREFIX, ExportError
from tui.core.export_md import (
    export_markdown,
    file_stem,
    front_matter,
    markdown_file,
    read_front_matter_id,
    slugify,
)
from tui.core.export_record import RECORD_NAME
from tui.core.models import Contact, Conversation, Reflection


def parse_front_matter(text: str) -> dict[str, object]:
    """Front matter read with ruamel.yaml (YAML 1.2), not the PyYAML that wrote it."""
    assert text.startswith("---\n")
    block = text[4:text.index("\n---\n", 3)]
    return YAML(typ="safe", pure=True).load(block)  # type: ignore[no-any-return]


def export(folder: Path, chats: list[Conversation] | None = None, **kwargs: object):
    return export_markdown(folder, chats if chats is not None else conversations(), people(),
                           prompts=PROMPTS, **kwargs)  # type: ignore[arg-type]


def test_golden_file() -> None:
    known = people()
    check_golden("marcus-file.md", markdown_file(marcus_chat(), known["c-marcus"],
                                                 people=known, prompts=PROMPTS))


@pytest.mark.parametrize(("name", "slug"), [
    ("Priya Raman", "priya-raman"),
    ("Zoë Ångström-Núñez", "zoe-angstrom-nunez"),
    ("Łukasz Wójcik", "lukasz-wojcik"),
    ("Straße ÆØ", "strasse-aeo"),
    ("李小龙", "contact"),
    ("...  ", "contact"),
    ("con", "con"),
    ("a" * 100, "a" * 60),
    ("word " * 30, ("word-" * 12).rstrip("-")),
])
def test_slugs(name: str, slug: str) -> None:
    assert slugify(name) == slug


def test_file_names_are_safe_everywhere() -> None:
    chat = Conversation(contact_id="x", created_at="2026-01-02T10:00:00+00:00")
    stem = file_stem(chat, Contact(name="CON / <nul>:? *.", id="x"))
    assert stem == "2026-01-02-con-nul"
    assert not any(c in stem for c in '<>:"/\\|?* ') and not stem.endswith(".")
    assert file_stem(marcus_chat(), people()["c-marcus"]) == "2026-12-03-marcus-lee"
    assert file_stem(marcus_chat(), people()["c-marcus"], redact=True) == "2026-12-03-m-l"


def test_front_matter_fields() -> None:
    data = parse_front_matter(front_matter(marcus_chat(), people()["c-marcus"]))
    assert data == {"person": "Marcus Lee", "company": "Tidewater Energy",
                    "role": "Data engineer", "kind": "person",
                    "date": __import__("datetime").date(2026, 12, 3), "status": "done",
                    "tags": [], "rating": 4, "id": "chat-marcus"}


def test_hostile_front_matter_reads_back_exactly() -> None:
    contact = people()["c-hostile"]
    data = parse_front_matter(front_matter(hostile_chat(), contact))
    assert data["person"] == "# Zoë [b]x[/b] <script>"
    assert data["company"] == '- Acme | "Q"'
    assert data["tags"] == ["yes", "#tag", "a: b"]
    assert data["rating"] is None


@settings(max_examples=200, deadline=None)
@given(st.text(min_size=1, max_size=60), st.text(max_size=60),
       st.lists(st.text(min_size=1, max_size=15), max_size=4))
def test_any_text_survives_front_matter(name: str, company: str, tags: list[str]) -> None:
    from tui.core.safetext import one_line

    contact = Contact(name=name, company=company, tags=tags, id="c")
    chat = Conversation(contact_id="c", id="123456", created_at="2026-01-02T10:00:00+00:00",
                        reflection=Reflection(rating=3))
    data = parse_front_matter(front_matter(chat, contact))
    assert data["person"] == one_line(name)
    assert data["company"] == one_line(company)
    assert data["tags"] == [one_line(t) for t in tags if one_line(t)]
    assert data["id"] == "123456" and data["rating"] == 3


def test_export_writes_private_files_in_a_private_folder(tmp_path: Path) -> None:
    folder = tmp_path / "new" / "notes"
    result = export(folder)
    assert result.folder_created and len(result.created) == 2
    assert sorted(p.name for p in folder.iterdir()) == [
        RECORD_NAME, "2026-12-03-marcus-lee.md", "2026-12-08-zoe-b-x-b-script.md"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o700
    for path in folder.iterdir():
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    for path in folder.glob("*.md"):
        assert read_front_matter_id(path) in {"chat-marcus", "chat-hostile"}


def test_an_existing_folder_keeps_its_mode(tmp_path: Path) -> None:
    os.chmod(tmp_path, 0o755)
    result = export(tmp_path)
    assert not result.folder_created
    assert stat.S_IMODE(tmp_path.stat().st_mode) == 0o755


def test_re_export_updates_in_place_and_leaves_user_files(tmp_path: Path) -> None:
    export(tmp_path)
    mine = tmp_path / "my-notes.md"
    mine.write_text("---\ntitle: mine\n---\nhello\n")
    plain = tmp_path / "todo.md"
    plain.write_text("no front matter\n")
    again = export(tmp_path)
    assert len(again.unchanged) == 2 and not again.created and not again.updated
    edited = replace(marcus_chat(), goal="A new goal")
    result = export(tmp_path, [edited, hostile_chat()])
    assert [p.name for p in result.updated] == ["2026-12-03-marcus-lee.md"]
    assert "A new goal" in (tmp_path / "2026-12-03-marcus-lee.md").read_text()
    assert mine.read_text() == "---\ntitle: mine\n---\nhello\n"
    assert plain.read_text() == "no front matter\n"
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(TEMP_PREFIX)]


def test_a_renamed_person_renames_the_file(tmp_path: Path) -> None:
    export(tmp_path)
    known = people()
    known["c-marcus"] = replace(known["c-marcus"], name="Marcus Lee-Park")
    result = export_markdown(tmp_path, conversations(), known, prompts=PROMPTS)
    assert [(a.name, b.name) for a, b in result.renamed] == [
        ("2026-12-03-marcus-lee.md", "2026-12-03-marcus-lee-park.md")]
    assert not (tmp_path / "2026-12-03-marcus-lee.md").exists()
    assert "# Marcus Lee-Park" in (tmp_path / "2026-12-03-marcus-lee-park.md").read_text()


def test_a_users_file_on_our_name_gets_a_suffix_and_is_kept(tmp_path: Path) -> None:
    theirs = tmp_path / "2026-12-03-marcus-lee.md"
    theirs.write_text("my own notes about Marcus\n")
    result = export(tmp_path, [marcus_chat()])
    assert [p.name for p in result.created] == ["2026-12-03-marcus-lee-chat-mar.md"]
    assert theirs.read_text() == "my own notes about Marcus\n"
    # and the suffixed file is found again next time
    assert export(tmp_path, [marcus_chat()]).unchanged == result.created


def test_two_chats_with_the_same_name_and_day(tmp_path: Path) -> None:
    second = replace(marcus_chat(), id="chat-marcus-2", created_at="2026-11-16T10:00:00+00:00")
    result = export(tmp_path, [second, marcus_chat()])
    assert sorted(p.name for p in result.created) == [
        "2026-12-03-marcus-lee-chat-mar.md", "2026-12-03-marcus-lee.md"]
    assert read_front_matter_id(tmp_path / "2026-12-03-marcus-lee.md") == "chat-marcus"
    # stable: the same names again, whichever order the data comes in
    assert len(export(tmp_path, [marcus_chat(), second]).unchanged) == 2


def test_files_of_deleted_conversations_are_left(tmp_path: Path) -> None:
    export(tmp_path)
    result = export(tmp_path, [hostile_chat()])
    assert (tmp_path / "2026-12-03-marcus-lee.md").exists()
    assert len(result.unchanged) == 1


def test_a_file_in_the_way_is_an_error(tmp_path: Path) -> None:
    target = tmp_path / "file"
    target.write_text("x")
    with pytest.raises(ExportError, match="not a folder"):
        export(target)


def test_redacted_export(tmp_path: Path) -> None:
    export(tmp_path, redact=True)
    text = (tmp_path / "2026-12-03-m-l.md").read_text()
    assert 'person: "M. L."' in text
    for secret in ("Marcus", "Priya", "meet.example.org"):
        assert secret not in text


def test_progress_is_reported_per_conversation(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    export(tmp_path, progress=lambda done, total: seen.append((done, total)))
    export(tmp_path, progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2), (1, 2), (2, 2)]
