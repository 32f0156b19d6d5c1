"""``export md`` into a folder whose files the user edited (in Obsidian, say): they are kept,
reported, and replaced only when forced; the record of what was written, and its damage."""

from __future__ import annotations

import json
import stat
from dataclasses import replace
from pathlib import Path

import pytest
from export_data import PROMPTS, conversations, hostile_chat, marcus_chat, people

from tui.core.export_files import ExportError
from tui.core.export_md import MarkdownExport, export_markdown, markdown_file
from tui.core.export_record import RECORD_NAME, digest
from tui.core.models import Contact, Conversation

MARCUS = "2026-12-03-marcus-lee.md"
NOTE = "\nMY OBSIDIAN NOTE\n"


def export(folder: Path, chats: list[Conversation] | None = None,
           known: dict[str, Contact] | None = None, **kwargs: bool) -> MarkdownExport:
    return export_markdown(folder, chats if chats is not None else conversations(),
                           known if known is not None else people(), prompts=PROMPTS, **kwargs)


def newer() -> list[Conversation]:
    """The same conversations, Marcus's with something new to export."""
    return [replace(marcus_chat(), goal="A new goal"), hostile_chat()]


def add_note(path: Path) -> str:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(NOTE)
    return path.read_text(encoding="utf-8")


def recorded(folder: Path) -> dict[str, str]:
    files = json.loads((folder / RECORD_NAME).read_text(encoding="utf-8"))["files"]
    assert isinstance(files, dict)
    return files


def test_an_edited_file_is_kept_and_reported_when_the_export_has_news(tmp_path: Path) -> None:
    export(tmp_path)
    mine = add_note(tmp_path / MARCUS)
    result = export(tmp_path, newer())
    assert (tmp_path / MARCUS).read_text(encoding="utf-8") == mine
    assert result.kept == [tmp_path / MARCUS] and not result.updated
    assert len(result.unchanged) == 1
    assert result.summary().endswith("0 updated, 1 unchanged, 1 not replaced "
                                     "(may hold your edits)")
    assert result.notices() == [f"1 file was edited since coffeechat last wrote it, so this "
                                f"export did not replace it: {tmp_path / MARCUS}"]
    # and again: still kept, still reported
    assert export(tmp_path, newer()).kept == [tmp_path / MARCUS]


def test_an_edited_file_with_nothing_new_is_left_even_when_forced(tmp_path: Path) -> None:
    export(tmp_path)
    mine = add_note(tmp_path / MARCUS)
    for force in (False, True):
        result = export(tmp_path, force=force)
        assert result.edited == [tmp_path / MARCUS]
        assert not result.updated and not result.kept and not result.notices()
        assert "1 edited by you and left as they are" in result.summary()
        assert (tmp_path / MARCUS).read_text(encoding="utf-8") == mine


def test_force_replaces_an_edited_file_and_it_is_ours_again(tmp_path: Path) -> None:
    export(tmp_path)
    add_note(tmp_path / MARCUS)
    result = export(tmp_path, newer(), force=True)
    assert result.updated == [tmp_path / MARCUS] and result.replaced == [tmp_path / MARCUS]
    assert "1 of them replacing your edits (forced)" in result.summary()
    text = (tmp_path / MARCUS).read_text(encoding="utf-8")
    assert "A new goal" in text and "MY OBSIDIAN NOTE" not in text
    assert stat.S_IMODE((tmp_path / MARCUS).stat().st_mode) == 0o600
    assert recorded(tmp_path)[MARCUS] == digest(text.encode("utf-8"))
    again = export(tmp_path, [replace(marcus_chat(), goal="Another goal"), hostile_chat()])
    assert again.updated == [tmp_path / MARCUS] and not again.replaced


def test_unedited_files_are_still_updated(tmp_path: Path) -> None:
    export(tmp_path)
    result = export(tmp_path, newer())
    assert result.updated == [tmp_path / MARCUS] and not result.kept
    assert "A new goal" in (tmp_path / MARCUS).read_text(encoding="utf-8")


def test_an_edited_file_is_not_renamed_away(tmp_path: Path) -> None:
    export(tmp_path)
    mine = add_note(tmp_path / MARCUS)
    known = people()
    known["c-marcus"] = replace(known["c-marcus"], name="Marcus Lee-Park")
    result = export(tmp_path, known=known)
    assert result.kept == [tmp_path / MARCUS] and not result.renamed
    assert (tmp_path / MARCUS).read_text(encoding="utf-8") == mine
    assert not (tmp_path / "2026-12-03-marcus-lee-park.md").exists()
    forced = export(tmp_path, known=known, force=True)
    assert forced.renamed == [(tmp_path / MARCUS, tmp_path / "2026-12-03-marcus-lee-park.md")]
    assert not (tmp_path / MARCUS).exists()
    assert set(recorded(tmp_path)) == {"2026-12-03-marcus-lee-park.md",
                                      "2026-12-08-zoe-b-x-b-script.md"}


def test_files_without_a_record_are_trusted_only_when_they_match(tmp_path: Path) -> None:
    """A folder an older coffeechat wrote (no record): a file that holds exactly this export is
    taken as ours; one that differs may hold edits and is kept, with its own notice."""
    export(tmp_path)
    first = recorded(tmp_path)
    (tmp_path / RECORD_NAME).unlink()
    assert len(export(tmp_path).unchanged) == 2
    assert recorded(tmp_path) == first
    (tmp_path / RECORD_NAME).unlink()
    before = (tmp_path / MARCUS).read_bytes()
    result = export(tmp_path, newer())
    assert result.unrecorded == [tmp_path / MARCUS] and not result.updated
    assert (tmp_path / MARCUS).read_bytes() == before
    assert "coffeechat has no record of writing it" in result.notices()[0]
    assert MARCUS not in recorded(tmp_path)
    assert export(tmp_path, newer(), force=True).replaced == [tmp_path / MARCUS]
    assert "A new goal" in (tmp_path / MARCUS).read_text(encoding="utf-8")


def test_a_file_already_holding_the_export_counts_as_unchanged(tmp_path: Path) -> None:
    """Files renamed into place but the record not (a crash in between) are not 'edited'."""
    export(tmp_path)
    chats, known = newer(), people()
    payload = markdown_file(chats[0], known["c-marcus"], people=known, prompts=PROMPTS)
    (tmp_path / MARCUS).write_text(payload, encoding="utf-8")
    result = export(tmp_path, chats)
    assert result.unchanged == [tmp_path / MARCUS, tmp_path / "2026-12-08-zoe-b-x-b-script.md"]
    assert recorded(tmp_path)[MARCUS] == digest(payload.encode("utf-8"))


def test_the_record_is_rewritten_only_when_it_changes(tmp_path: Path) -> None:
    export(tmp_path)
    record = tmp_path / RECORD_NAME
    before = record.stat()
    export(tmp_path)
    assert record.stat().st_ino == before.st_ino
    assert stat.S_IMODE(before.st_mode) == 0o600
    (tmp_path / MARCUS).unlink()
    export(tmp_path, [hostile_chat()])
    assert set(recorded(tmp_path)) == {"2026-12-08-zoe-b-x-b-script.md"}


def test_an_empty_export_leaves_no_record(tmp_path: Path) -> None:
    export(tmp_path, [])
    assert not (tmp_path / RECORD_NAME).exists()


@pytest.mark.parametrize(("content", "why"), [
    (b"{not json", "is damaged or was not written by coffeechat"),
    (b'{"format": "something-else", "version": 1, "files": {}}', "is damaged"),
    (b'{"format": "coffeechat-markdown-manifest", "version": 1, "files": {"a.md": 3}}',
     "is damaged"),
    (b'{"format": "coffeechat-markdown-manifest", "version": 9, "files": {}}',
     "was written by a newer coffeechat"),
    (None, "is not a regular file"),
])
def test_a_damaged_record_stops_the_export_and_is_kept(tmp_path: Path, content: bytes | None,
                                                       why: str) -> None:
    export(tmp_path)
    record = tmp_path / RECORD_NAME
    record.unlink()
    if content is None:
        record.mkdir()
    else:
        record.write_bytes(content)
    before = (tmp_path / MARCUS).read_bytes()
    with pytest.raises(ExportError, match=why) as caught:
        export(tmp_path, newer())
    assert str(record) in str(caught.value) and "Nothing was written" in str(caught.value)
    assert (tmp_path / MARCUS).read_bytes() == before
    if content is not None:
        assert record.read_bytes() == content
