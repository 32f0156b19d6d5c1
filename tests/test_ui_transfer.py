"""Export and import from the app's palette: the dialog, the files written, the data saved."""

from __future__ import annotations

import stat
from dataclasses import replace
from html.parser import HTMLParser
from pathlib import Path

from textual.widgets import Input, Static

from tests.uitools import make_app, type_text
from tui.core.demo import load_demo
from tui.core.export_record import RECORD_NAME
from tui.core.export_run import write_export
from tui.core.store import Store
from tui.dialogs.confirm import ConfirmScreen
from tui.dialogs.contact_import import ImportDialog
from tui.dialogs.export import ExportDialog
from tui.screens.home import HomeScreen

CONNECTIONS = (
    "Notes:\r\n"
    '"When exporting your connection data, you may notice that some of the email addresses '
    'are missing."\r\n'
    "\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Zoë,Ångström,https://www.linkedin.com/in/zoe-a,,\"Stripe, Inc.\",Engineer,12 Nov 2024\r\n"
    "Kofi,Mensah,https://www.linkedin.com/in/kofi-m,kofi@example.com,Plaid,PM,03 Jan 2025\r\n"
    ",,https://www.linkedin.com/in/hidden,,,,05 Jan 2025\r\n"
)


def demo_folder(tmp_path: Path) -> Path:
    folder = tmp_path / "data"
    store = Store.open(folder)
    try:
        load_demo(store)
    finally:
        store.close()
    return folder


async def open_palette_command(pilot, title: str) -> None:
    """Run a palette command by typing its title."""
    await pilot.press("ctrl+p")
    await pilot.pause()
    await type_text(pilot, title)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await pilot.pause()


async def set_path(pilot, selector: str, path: Path) -> None:
    box = pilot.app.screen.query_one(selector, Input)
    box.value = str(path)
    box.cursor_position = len(box.value)
    await pilot.pause()


class Tags(HTMLParser):
    """Every start tag and its attributes."""

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


async def finish(pilot) -> None:
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()


async def test_export_html_from_the_palette_writes_a_private_file(tmp_path: Path) -> None:
    app = make_app(demo_folder(tmp_path))
    target = tmp_path / "out" / "chats.html"
    target.parent.mkdir()
    async with app.run_test(size=(100, 30)) as pilot:
        await open_palette_command(pilot, "Export to an HTML")
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.query_one("#export-path", Input).value.endswith(".html")
        await set_path(pilot, "#export-path", target)
        await pilot.press("enter")
        await finish(pilot)
        assert isinstance(app.screen, HomeScreen)
    text = target.read_text(encoding="utf-8")
    assert text.startswith("<!DOCTYPE html>") and "Priya" in text
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    parser = Tags()
    parser.feed(text)
    assert "script" not in {tag for tag, _ in parser.tags}


async def test_export_asks_before_replacing_a_file_and_redacts(tmp_path: Path) -> None:
    app = make_app(demo_folder(tmp_path))
    target = tmp_path / "chats.ics"
    target.write_text("mine", encoding="utf-8")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_palette_command(pilot, "Export to a calendar")
        await set_path(pilot, "#export-path", target)
        await pilot.press("tab", "space")  # the redact box
        assert app.screen.query_one("#export-redact").value is True
        await pilot.press("shift+tab", "enter")
        await finish(pilot)
        assert "Replace it?" in str(app.screen.query_one(Static).render())
        await pilot.press("escape")
        await pilot.pause()
        assert target.read_text(encoding="utf-8") == "mine"
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("enter")
        await finish(pilot)
        await pilot.press("left", "enter")
        await finish(pilot)
        assert isinstance(app.screen, HomeScreen)
    calendar = target.read_text(encoding="utf-8")
    assert calendar.startswith("BEGIN:VCALENDAR")
    assert "Priya Raman" not in calendar


async def test_export_onto_the_data_file_is_refused_in_the_dialog(tmp_path: Path) -> None:
    folder = demo_folder(tmp_path)
    app = make_app(folder)
    before = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()
              and not p.name.endswith(".lock")}
    async with app.run_test(size=(60, 24)) as pilot:
        await open_palette_command(pilot, "Export everything to JSON")
        await set_path(pilot, "#export-path", folder / "coffeechat.json")
        await pilot.press("enter")
        await finish(pilot)
        await pilot.press("y")  # a stray key: nothing to confirm
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        error = str(app.screen.query_one("#export-error", Static).render())
        assert "Nothing was exported" in error and "data file" in error
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
    for path, data in before.items():
        assert path.read_bytes() == data


async def test_export_markdown_folder_from_the_palette(tmp_path: Path) -> None:
    app = make_app(demo_folder(tmp_path))
    target = tmp_path / "notes"
    async with app.run_test(size=(100, 30)) as pilot:
        await open_palette_command(pilot, "Export to Markdown")
        await set_path(pilot, "#export-path", target)
        await pilot.press("enter")
        await finish(pilot)
        assert isinstance(app.screen, HomeScreen)
    files = sorted(p.name for p in target.iterdir() if p.name != RECORD_NAME)
    assert len(files) == 4 and all(name.endswith(".md") for name in files)
    assert (target / RECORD_NAME).is_file()
    assert (target / files[0]).read_text(encoding="utf-8").startswith("---\n")


def export_then_edit(folder: Path, target: Path) -> Path:
    """Export the demo to ``target``, add a line to one file, then revise every conversation
    (so that the next export holds something new for each file); returns the edited file."""
    store = Store.open(folder)
    try:
        write_export("md", target, store.contacts(), store.conversations())
        edited = sorted(target.glob("*.md"))[0]
        with edited.open("a", encoding="utf-8") as handle:
            handle.write("MY OBSIDIAN NOTE\n")
        for chat in store.conversations():
            store.save_conversation(replace(chat, goal=f"{chat.goal} (revised)"))
        assert store.flush()
    finally:
        store.close()
    return edited


async def test_export_markdown_asks_before_replacing_a_note_edited_since(
        tmp_path: Path) -> None:
    folder = demo_folder(tmp_path)
    target = tmp_path / "notes"
    edited = export_then_edit(folder, target)
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        for answer in (["escape"], ["left", "enter"]):
            await open_palette_command(pilot, "Export to Markdown")
            await set_path(pilot, "#export-path", target)
            await pilot.press("enter")
            await finish(pilot)
            assert isinstance(app.screen, ConfirmScreen)
            question = str(app.screen.query_one(Static).render())
            assert "1 file was changed since coffeechat wrote it" in question
            assert edited.name in question and "Replace it with this export?" in question
            await pilot.press(*answer)
            await finish(pilot)
            assert isinstance(app.screen, HomeScreen)
            if answer == ["escape"]:
                assert edited.read_text(encoding="utf-8").endswith("MY OBSIDIAN NOTE\n")
                last = list(app._notifications)[-1]
                assert last.severity == "warning" and edited.name in last.message
                assert "3 updated, 0 unchanged, 1 not replaced" in last.message
        last = list(app._notifications)[-1]
        assert "1 of them replacing your edits (forced)" in last.message
    text = edited.read_text(encoding="utf-8")
    assert "MY OBSIDIAN NOTE" not in text and "(revised)" in text


async def test_import_linkedin_previews_then_saves_in_one_go(tmp_path: Path) -> None:
    folder = demo_folder(tmp_path)
    source = tmp_path / "Connections.csv"
    source.write_bytes(b"\xef\xbb\xbf" + CONNECTIONS.encode("utf-8"))
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_palette_command(pilot, "Import LinkedIn connections")
        assert isinstance(app.screen, ImportDialog)
        await set_path(pilot, "#import-path", source)
        await pilot.press("enter")
        await finish(pilot)
        summary = str(app.screen.query_one("#import-summary", Static).render())
        assert "2 added" in summary and "1 skipped" in summary
        lines = str(app.screen.query_one("#import-lines", Static).render())
        assert "skipped line 7: no name" in lines
        assert len(app.store.contacts()) == 4  # nothing saved before the user says so
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.store.flush()
        names = {c.name for c in app.store.contacts()}
        assert {"Zoë Ångström", "Kofi Mensah"} <= names
        imported = next(c for c in app.store.contacts() if c.name == "Kofi Mensah")
        assert imported.email == "kofi@example.com" and imported.how_found == "LinkedIn"
    reopened = Store.open(folder, readonly=True)
    try:
        assert len(reopened.contacts()) == 6
    finally:
        reopened.close()


async def test_the_import_preview_names_columns_and_lines_it_could_not_read(
        tmp_path: Path) -> None:
    folder = demo_folder(tmp_path)
    source = tmp_path / "people.csv"
    source.write_bytes("Name,Company,Phone\nJosé Núñez,Café,+1 555 0100\n".encode()
                       + "Anna Müller,Bosch\n".encode("cp1252"))
    app = make_app(folder)
    async with app.run_test(size=(100, 30)) as pilot:
        await open_palette_command(pilot, "Import contacts from a CSV")
        await set_path(pilot, "#import-path", source)
        await pilot.press("enter")
        await finish(pilot)
        lines = str(app.screen.query_one("#import-lines", Static).render())
        assert "note: column not kept: Phone" in lines
        assert "note: line 3: not UTF-8; read as Windows-1252" in lines
        assert "note: line 3: fewer fields than the 3" in lines
        await pilot.press("enter")
        await pilot.pause()
        assert app.store.flush()
        assert {"José Núñez", "Anna Müller"} <= {c.name for c in app.store.contacts()}


async def test_import_of_a_foreign_file_says_why_and_changes_nothing(tmp_path: Path) -> None:
    folder = demo_folder(tmp_path)
    source = tmp_path / "book.xlsx"
    source.write_bytes(b"PK\x03\x04 not really a workbook")
    app = make_app(folder)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_palette_command(pilot, "Import LinkedIn connections")
        await set_path(pilot, "#import-path", source)
        await pilot.press("enter")
        await finish(pilot)
        error = str(app.screen.query_one("#import-error", Static).render())
        assert "Nothing was imported" in error and "ZIP" in error
        await pilot.press("escape")
        await pilot.pause()
        assert len(app.store.contacts()) == 4
