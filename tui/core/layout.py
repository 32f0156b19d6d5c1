"""Where each piece of the data lives in its folder, and what a name found there is.

    DATA/coffeechat.json            contacts, the profile, tables this version does not know
    DATA/conversations/<id>.json    one conversation each
    DATA/backups/                   daily snapshots (see :mod:`tui.core.snapshots`)
    DATA/coffeechat.lock            the one-writer lock

A conversation's file is named after its id when the id is a safe file name on every system
(lower-case letters, digits, ``-`` and ``_``: no two ids can then collide on a file system that
ignores case), else after a hash of the id; the id inside the file is the truth, the name only
a location. Sync tools leave conflict copies beside a file when two machines changed it:
Syncthing's ``name.sync-conflict-20261129-143000-ABCDEFG.json`` and Dropbox's (or Nextcloud's)
``name (Ana's conflicted copy 2026-11-29).json``; coffeechat itself writes
``name.coffeechat-conflict-20261129-143000.json`` rather than replace a file that changed on
disk while it was open. Those are recognised here, never read as data.
"""

from __future__ import annotations

import contextlib
import hashlib
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.dataformat import BACKUP_DIR, CONVERSATIONS_DIR, DATA_FILE, TEMP_PREFIX, TEMP_SUFFIX

SUFFIX = ".json"
_SAFE_ID = re.compile(r"[a-z0-9_-]{1,64}")
_HASHED = re.compile(r"x-[0-9a-f]{20}")
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}  # names Windows will not create
_SYNCTHING = re.compile(r"\.sync-conflict-\d{8}-\d{6}(?:-[0-9A-Za-z]+)?")
_DROPBOX = re.compile(r" \([^()]*conflicted copy[^()]*\)", re.IGNORECASE)
_OURS = re.compile(r"\.coffeechat-conflict-\d{8}-\d{6}")  # see tui.core.persist
# A name made only of the characters of a safe id: a conversation's file, and neither a temp
# file nor a conflict copy (those hold a dot, a space or brackets before the suffix).
_PLAIN_NAME = re.compile(r"[a-z0-9_-]{1,64}\.json")

# One stat of a file, to tell whether it changed: (inode, mtime in ns, size). Every write
# replaces the file (a new inode), so even two writes within one tick of the clock differ.
Stamp = tuple[int, int, int]


def stamp_of(st: os.stat_result) -> Stamp:
    """The :data:`Stamp` of a stat result."""
    return (st.st_ino, st.st_mtime_ns, st.st_size)


def file_id(conversation_id: str) -> str:
    """The file name (without ``.json``) of a conversation's file."""
    if (_SAFE_ID.fullmatch(conversation_id) and conversation_id not in _RESERVED
            and not _HASHED.fullmatch(conversation_id)):
        return conversation_id
    digest = hashlib.sha1(conversation_id.encode("utf-8", "surrogatepass")).hexdigest()
    return f"x-{digest[:20]}"


def is_conversation_name(name: str) -> bool:
    """True for a name coffeechat could have given a conversation's file."""
    if not name.endswith(SUFFIX):
        return False
    stem = name[: -len(SUFFIX)]
    return bool(_SAFE_ID.fullmatch(stem) or _HASHED.fullmatch(stem))


def conflict_original(name: str) -> str | None:
    """The name of the file a sync tool's conflict copy was made from (None when ``name`` is
    not a conflict copy)."""
    for pattern in (_SYNCTHING, _DROPBOX, _OURS):
        match = pattern.search(name)
        if match:
            return name[: match.start()] + name[match.end():]
    return None


def is_temp(name: str) -> bool:
    """True for a temp file coffeechat writes before renaming it into place."""
    return name.startswith(TEMP_PREFIX) and name.endswith(TEMP_SUFFIX)


@dataclass(frozen=True)
class Conflict:
    """A sync tool's conflict copy and the file it was made from."""

    copy: Path
    original: Path

    def describe(self) -> str:
        """One line for the user."""
        return (f"sync conflict: {self.copy} is another machine's version of "
                f"{self.original}; compare them and keep one (see 'When something goes wrong' "
                "in the README)")


@dataclass
class FolderScan:
    """What the conversations folder holds: conversation files by name with their stamps,
    conflict copies, and names that are none of coffeechat's (left alone)."""

    files: dict[str, Stamp] = field(default_factory=dict)
    conflicts: list[Conflict] = field(default_factory=list)
    strangers: list[Path] = field(default_factory=list)


@contextlib.contextmanager
def _listed(folder: Path) -> Iterator[Iterator[os.DirEntry[str]]]:
    """The entries of ``folder``, to be stamped inside the ``with`` block: listed through an
    open descriptor where the system allows it, each entry's stat looks its name up in the
    folder alone rather than walking the whole path again (10,000 files were stamped in
    25 ms instead of 32), and that descriptor is closed when the block ends."""
    if os.scandir not in os.supports_fd:
        with os.scandir(folder) as entries:
            yield entries
        return
    fd = os.open(folder, os.O_RDONLY | os.O_NONBLOCK | getattr(os, "O_DIRECTORY", 0))
    try:
        with os.scandir(fd) as entries:
            yield entries
    finally:
        os.close(fd)


class Layout:
    """The paths of one data folder, from its real main file (through any symlink): the
    conversations and the backups live beside it. A main file with another name than
    ``coffeechat.json`` (a link to ``notes.json``) gets ``notes-conversations/`` and
    ``backups/notes/``, so two such files in one folder never share anything."""

    def __init__(self, main: Path) -> None:
        self.main = main
        self.root = main.parent
        standard = main.name == DATA_FILE
        self.conversations = self.root / (CONVERSATIONS_DIR if standard
                                          else f"{main.stem}-{CONVERSATIONS_DIR}")
        self.backups = self.root / BACKUP_DIR if standard else self.root / BACKUP_DIR / main.stem

    def relative(self, path: Path) -> str:
        """``path`` relative to the folder (as transactions and snapshots name files)."""
        return path.relative_to(self.root).as_posix()

    def conversation_name(self, conversation_id: str) -> str:
        """The file name of a conversation's file."""
        return f"{file_id(conversation_id)}{SUFFIX}"

    def conversation_path(self, conversation_id: str) -> Path:
        """Where the file of this conversation is (or would be)."""
        return self.conversations / f"{file_id(conversation_id)}{SUFFIX}"

    def scan(self) -> FolderScan:
        """List the conversations folder (a missing folder is an empty one)."""
        found = FolderScan()
        try:
            with _listed(self.conversations) as entries:
                self._stamp(entries, found)  # a file that cannot be stamped is a stranger
        except FileNotFoundError:  # only the folder itself can be missing here
            return FolderScan()
        found.conflicts.sort(key=lambda c: c.copy.name)
        return found

    def _stamp(self, entries: Iterator[os.DirEntry[str]], found: FolderScan) -> None:
        """Each conversation file's stamp into ``found``, and what else is there."""
        folder = self.conversations
        plain = _PLAIN_NAME.fullmatch
        for entry in entries:
            name = entry.name
            if not plain(name):  # the usual case is told by that one match
                if is_temp(name):
                    continue
                original = conflict_original(name)
                if original is not None:
                    found.conflicts.append(Conflict(folder / name, folder / original))
                    continue
                if not is_conversation_name(name):
                    found.strangers.append(folder / name)
                    continue
            try:
                found.files[name] = stamp_of(entry.stat(follow_symlinks=True))
            except OSError:
                found.strangers.append(folder / name)

    def main_conflicts(self) -> list[Conflict]:
        """Conflict copies of the main file beside it."""
        found = []
        try:
            names = os.listdir(self.root)
        except OSError:
            return []
        for name in sorted(names):
            original = conflict_original(name)
            if original == self.main.name:
                found.append(Conflict(self.root / name, self.main))
        return found
