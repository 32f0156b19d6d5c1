"""$EDITOR round trips with fake editor scripts (no terminal needed)."""

from __future__ import annotations

import stat
from pathlib import Path

import pytest

from tui.services.editor import EditorError, edit_text, editor_command


def script(tmp_path: Path, body: str, name: str = "fake-editor") -> str:
    """A shell script editor; ``$1`` is the file it is given."""
    path = tmp_path / name
    path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
    path.chmod(0o755)
    return str(path)


def test_visual_wins_over_editor_and_arguments_are_kept() -> None:
    assert editor_command({"VISUAL": "code --wait", "EDITOR": "vi"}) == (
        ["code", "--wait"], "VISUAL")
    assert editor_command({"VISUAL": "  ", "EDITOR": "nano -w"}) == (["nano", "-w"], "EDITOR")


def test_no_editor_or_an_unreadable_one_is_a_clear_error() -> None:
    with pytest.raises(EditorError, match="export VISUAL or EDITOR"):
        editor_command({})
    with pytest.raises(EditorError, match=r"\$EDITOR .*cannot be read"):
        editor_command({"EDITOR": "vim 'unclosed"})


def test_the_edited_text_comes_back(tmp_path: Path) -> None:
    seen = tmp_path / "seen"
    editor = script(tmp_path, f'stat -c %a "$1" > {seen}; echo "- added in the editor" >> "$1"')
    result = edit_text("- first line\n", {"EDITOR": editor})
    assert result == "- first line\n- added in the editor\n"
    assert seen.read_text().strip() == "600"  # the temp file is private


def test_unicode_and_markup_survive_and_no_newline_is_invented(tmp_path: Path) -> None:
    editor = script(tmp_path, 'printf "\\n" >> "$1"')  # what vim does to a file without EOL
    text = "Ação [bold]x[/] 🙂"
    assert edit_text(text, {"VISUAL": editor}) == text


def test_temp_file_is_removed_even_on_failure(tmp_path: Path) -> None:
    record = tmp_path / "path"
    editor = script(tmp_path, f'echo "$1" > {record}; echo junk >> "$1"; exit 3')
    with pytest.raises(EditorError, match="exited with status 3; the text is unchanged"):
        edit_text("keep me", {"EDITOR": editor})
    assert not Path(record.read_text().strip()).exists()


def test_missing_or_unrunnable_editor(tmp_path: Path) -> None:
    missing = r"'no-such-editor-xyz' \(from \$EDITOR\) was not found"
    with pytest.raises(EditorError, match=missing):
        edit_text("x", {"EDITOR": "no-such-editor-xyz"})
    plain_file = tmp_path / "not-executable"
    plain_file.write_text("hi")
    plain_file.chmod(stat.S_IRUSR | stat.S_IWUSR)
    with pytest.raises(EditorError, match="could not start"):
        edit_text("x", {"EDITOR": str(plain_file)})


def test_non_utf8_output_is_refused(tmp_path: Path) -> None:
    editor = script(tmp_path, 'printf "\\377\\376" > "$1"')
    with pytest.raises(EditorError, match="not UTF-8"):
        edit_text("x", {"EDITOR": editor})
