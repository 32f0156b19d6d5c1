"""Whether a file in a snapshot is still the one the snapshot was made of, and whether it loads.

A snapshot's manifest pins each file by its size and modification time (a stat: cheap) and, in
snapshots made by this version, by a SHA-256 of its bytes. A stamp that differs is not proof of
a change: copying the data folder (``cp -r``) gives every file a new modification time. So when
the stamp differs the content decides: the recorded hash when there is one; for an older
manifest without hashes, the recorded size and a file that still loads. A file of a snapshot
changed in place (a hard link shares its bytes with the data) fails both.

"Loads" means what it means when the data is opened: :func:`~tui.core.integrity.load_checked`
for the main file, :func:`~tui.core.convfile.decode` for a conversation's file.
"""

from __future__ import annotations

import hashlib
import os
from pathlib import Path
from typing import NamedTuple

from tui.core import convfile
from tui.core.dataformat import DATA_FILE, StorageError
from tui.core.integrity import load_checked


class Recorded(NamedTuple):
    """What a manifest says of one file: size, modification time (ns), SHA-256 (hex; None in
    manifests written before hashes were recorded)."""

    size: int
    mtime_ns: int
    digest: str | None = None


def digest_of(raw: bytes) -> str:
    """The hex SHA-256 of a file's bytes, as manifests record it."""
    return hashlib.sha256(raw).hexdigest()


def recorded_from(value: object) -> Recorded:
    """A manifest entry (``[size, mtime_ns]`` or ``[size, mtime_ns, sha256]``) as a
    :class:`Recorded`; raises ``ValueError``/``TypeError``/``IndexError`` when malformed."""
    if not isinstance(value, list):
        raise TypeError(f"a file entry is {type(value).__name__}, not a list")
    digest = value[2] if len(value) > 2 else None
    if digest is not None and not isinstance(digest, str):
        raise TypeError("a file's hash is not text")
    return Recorded(int(value[0]), int(value[1]), digest)


def load_problem(relative: str, raw: bytes, path: Path) -> str | None:
    """Why the file ``relative`` of a snapshot (its bytes ``raw``, found at ``path``) does
    not load, without the path (None when it loads and validates)."""
    try:
        if relative == DATA_FILE:
            load_checked(raw, path)
        else:
            convfile.decode(raw, path)
    except StorageError as exc:
        return convfile.problem_of(exc, path).reason
    return None


def is_unchanged(path: Path, relative: str, recorded: Recorded) -> bool:
    """True when the file at ``path`` is the one the manifest recorded (see the module
    docstring); a missing or unreadable file is not."""
    try:
        st = os.stat(path)
        if (st.st_size, st.st_mtime_ns) == (recorded.size, recorded.mtime_ns):
            return True
        if st.st_size != recorded.size:
            return False
        raw = path.read_bytes()
    except OSError:
        return False
    return content_matches(path, relative, recorded, raw)


def content_matches(path: Path, relative: str, recorded: Recorded, raw: bytes) -> bool:
    """True when ``raw`` (read from ``path``) is the content the manifest recorded: its hash,
    or, for a manifest without hashes, its size and a file that loads."""
    if len(raw) != recorded.size:
        return False
    if recorded.digest is not None:
        return digest_of(raw) == recorded.digest
    return load_problem(relative, raw, path) is None
