"""One way to run any export, shared by ``coffeechat export`` and the app's export dialog.

:func:`check_target` says before anything is read whether the place given can take the export
(never one of the data's own files, never inside the data folder for a folder of Markdown);
:func:`write_export` writes it and returns what to tell the user; :func:`export_text` gives
the file formats' text for standard output.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from tui.core.export_files import ExportError, check_file_target, write_private
from tui.core.export_html import export_html, html_document
from tui.core.export_ics import calendar_bytes, export_ics
from tui.core.export_md import export_markdown
from tui.core.export_vcf import export_vcf, vcard_text
from tui.core.formats import FORMATS
from tui.core.models import Contact, Conversation
from tui.core.safetext import UNSAFE
from tui.core.storage import DataFile

#: Every export format, with what it holds (for help texts and the app's dialog).
#: What ``--out`` names for each format.
TARGET_KIND = {"md": "folder", "html": "file", "ics": "file", "vcf": "file", "json": "file"}
SUFFIX = {"html": ".html", "ics": ".ics", "vcf": ".vcf", "json": ".json"}

Progress = Callable[[int, int], None]


class TargetExists(ExportError):
    """The file to export to exists (replace it only when the user says so)."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"{path} already exists; add --force to replace it")
        self.path = path


@dataclass(frozen=True)
class ExportOutcome:
    """What an export did: one line, and for a Markdown folder a sentence for each kind of
    file left alone because it may hold the user's edits (``held_back``: those files)."""

    line: str
    notices: tuple[str, ...] = ()
    held_back: tuple[Path, ...] = field(default=())


def _inside(path: Path, folder: Path) -> bool:
    real, base = Path(os.path.realpath(path)), Path(os.path.realpath(folder))
    return real == base or base in real.parents


def check_target(fmt: str, path: Path, data_folder: Path, *, force: bool = False) -> Path:
    """``path`` (``~`` expanded) if the export may be written there, else :class:`ExportError`
    saying why. A file is never written over without ``force``; a Markdown folder is updated
    in place (files are found again by the id in their front matter), and there ``force``
    means replacing the files edited since they were exported (see :func:`write_export`)."""
    path = path.expanduser()
    if fmt not in FORMATS:
        raise ExportError(f"unknown export format {fmt!r} (choose {', '.join(FORMATS)})")
    if fmt == "md":
        if _inside(path, data_folder):
            raise ExportError(f"{path} is inside the data folder {data_folder}; choose a "
                              "folder of its own for the Markdown files")
        if path.exists() and not path.is_dir():
            raise ExportError(f"{path} exists and is not a folder")
        return path
    own = DataFile(data_folder).owns(path)
    if own is not None:
        raise ExportError(f"refusing to export onto {path}: it is {own} of the data in "
                          f"{data_folder}; choose another file")
    check_file_target(path)
    if (path.exists() or path.is_symlink()) and not force:
        raise TargetExists(path)
    return path


def export_text(fmt: str, contacts: Iterable[Contact], conversations: Iterable[Conversation],
                *, redact: bool = False, document: Mapping[str, Any] | None = None,
                progress: Progress | None = None) -> str:
    """The export as text for standard output (every format but ``md``, which is a folder);
    ``json`` writes ``document`` (the store's export)."""
    people = {c.id: c for c in contacts}
    if fmt == "html":
        return html_document(conversations, people, redact=redact, progress=progress)
    if fmt == "ics":
        return calendar_bytes(conversations, people, redact=redact).decode("utf-8")
    if fmt == "vcf":
        return vcard_text(people.values())
    if fmt == "json":
        return json_text(document)
    raise ExportError("a Markdown export is a folder of files: give it with --out DIR")


def json_text(document: Mapping[str, Any] | None) -> str:
    """Indented JSON, readable (not ``\\u``-escaped) except for characters a terminal would
    obey, which are escaped: the same JSON to a parser, inert on a screen."""
    text = json.dumps(document, indent=2, ensure_ascii=False) + "\n"
    return UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", text)


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def write_export(fmt: str, target: Path, contacts: Iterable[Contact],
                 conversations: Iterable[Conversation], *, redact: bool = False,
                 document: Mapping[str, Any] | None = None, force: bool = False,
                 progress: Progress | None = None) -> ExportOutcome:
    """Write the export to ``target`` (checked with :func:`check_target`) and say what was
    written. Files are private (0600) and written atomically; raises :class:`ExportError`
    with the path and the reason. In a Markdown folder, a file edited since it was exported
    is left as it is, unless ``force``."""
    people = {c.id: c for c in contacts}
    note = " (names as initials, contact details removed)" if redact else ""
    if fmt == "md":
        result = export_markdown(target, conversations, people, redact=redact, force=force,
                                 progress=progress)
        return ExportOutcome(f"Exported Markdown to {result.summary()}{note}",
                             tuple(result.notices()), tuple(result.held_back))
    return ExportOutcome(_write_file(fmt, target, people, conversations, redact=redact,
                                     note=note, document=document, progress=progress))


def _write_file(fmt: str, target: Path, people: Mapping[str, Contact],
                conversations: Iterable[Conversation], *, redact: bool, note: str,
                document: Mapping[str, Any] | None, progress: Progress | None) -> str:
    if fmt == "html":
        count = export_html(target, conversations, people, redact=redact, progress=progress)
        return f"Exported {_plural(count, 'conversation')} to {target}{note}"
    if fmt == "ics":
        count = export_ics(target, conversations, people, redact=redact)
        return f"Exported {_plural(count, 'calendar event')} to {target}{note}"
    if fmt == "vcf":
        count = export_vcf(target, people.values())
        return f"Exported {_plural(count, 'contact')} to {target}"
    if fmt == "json":
        if document is None:
            raise ExportError("nothing to export")
        check_file_target(target)
        write_private(target, json_text(document).encode("utf-8"))
        return (f"Exported {_plural(len(document.get('contacts', [])), 'contact')} and "
                f"{_plural(len(document.get('conversations', [])), 'conversation')} to {target}")
    raise ExportError(f"unknown export format {fmt!r}")


def default_name(fmt: str, day: str) -> str:
    """A file or folder name for an export made on ``day`` (``coffeechat-2026-12-03.html``)."""
    if fmt == "md":
        return "coffeechat-notes"
    if fmt == "vcf":
        return f"coffeechat-contacts-{day}.vcf"
    return f"coffeechat-{day}{SUFFIX[fmt]}"
