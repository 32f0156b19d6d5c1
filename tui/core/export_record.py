"""What an ``export md`` wrote into a folder: ``.coffeechat-manifest.json``, kept beside the notes.

It holds, for each file coffeechat wrote there, the SHA-256 of the bytes it wrote. A re-export
compares each of its files with it: a file that still matches was left as coffeechat wrote it
and may be replaced; one that does not was edited since (in Obsidian, say) and is not.

The record is a hidden file rather than a field in each note's front matter: Obsidian shows
every front matter field as a property, and a hash there would be clutter in each note (and
would itself be changed by the property editor). Deleting the record loses only what it knows:
a file that then differs from the new export is kept, as if edited, and reported.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.export_files import ExportError

RECORD_NAME = ".coffeechat-manifest.json"
RECORD_FORMAT = "coffeechat-markdown-manifest"
RECORD_VERSION = 1
RECORD_LIMIT = 64 * 1024 * 1024
_ABOUT = ("The Markdown files coffeechat wrote into this folder, with the SHA-256 of what it "
          "wrote. A file that no longer matches was edited and is not overwritten by an "
          "export; deleting this file makes every file that differs from the next export "
          "count as edited.")


def digest(payload: bytes) -> str:
    """The SHA-256 of ``payload`` in hex, as the record keeps it."""
    return hashlib.sha256(payload).hexdigest()


@dataclass
class WriteRecord:
    """The record of one folder: file name -> the SHA-256 of what coffeechat wrote there."""

    path: Path
    hashes: dict[str, str] = field(default_factory=dict)
    loaded: dict[str, str] = field(default_factory=dict)

    def written(self, name: str) -> str | None:
        """The hash of what coffeechat last wrote as ``name``, or None (no record of it)."""
        return self.hashes.get(name)

    def payload(self, present: set[str]) -> bytes | None:
        """The record's new bytes (entries for files no longer in ``present`` dropped), or
        None when nothing changed and it need not be written."""
        kept = {name: value for name, value in self.hashes.items() if name in present}
        if kept == self.loaded if self.path.exists() else not kept:
            return None
        document = {"format": RECORD_FORMAT, "version": RECORD_VERSION, "about": _ABOUT,
                    "files": dict(sorted(kept.items()))}
        return (json.dumps(document, indent=1, ensure_ascii=False) + "\n").encode("utf-8")


def _damaged(path: Path, why: str) -> ExportError:
    return ExportError(f"{path} {why}; coffeechat keeps there the record of the files it "
                       "wrote, to tell them from files you edited. Nothing was written: move "
                       "the file away to export (files that differ from the export are then "
                       "kept as edited)")


def load_record(folder: Path) -> WriteRecord:
    """The record in ``folder`` (empty when there is none yet); a record that is not a
    regular file, or not one coffeechat wrote, is an :class:`ExportError` (never replaced)."""
    path = folder / RECORD_NAME
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise _damaged(path, "is not a regular file")
    try:
        with path.open("rb") as handle:
            raw = handle.read(RECORD_LIMIT + 1)
    except FileNotFoundError:
        return WriteRecord(path)
    except OSError as exc:
        raise _damaged(path, f"cannot be read ({exc.strerror or exc})") from None
    try:
        document = json.loads(raw.decode("utf-8")) if len(raw) <= RECORD_LIMIT else None
    except (UnicodeDecodeError, ValueError):
        document = None
    version = document.get("version") if isinstance(document, dict) else None
    if isinstance(version, int) and version > RECORD_VERSION:
        raise _damaged(path, "was written by a newer coffeechat")
    files = _files(document)
    if files is None:
        raise _damaged(path, "is damaged or was not written by coffeechat")
    return WriteRecord(path, dict(files), dict(files))


def _files(document: object) -> Mapping[str, str] | None:
    if not isinstance(document, dict) or document.get("format") != RECORD_FORMAT:
        return None
    if not isinstance(document.get("version"), int):
        return None
    files = document.get("files")
    if not isinstance(files, dict):
        return None
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in files.items()):
        return None
    return files
