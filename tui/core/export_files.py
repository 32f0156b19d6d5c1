"""What every export needs: one error class, private atomic files, a private folder, and the
conversations with their people in a stable order."""

from __future__ import annotations

import contextlib
import os
import tempfile
from collections.abc import Iterable, Mapping, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from tui.core.models import Contact, Conversation
from tui.core.render import conversation_day
from tui.core.storage import atomic_write

UNKNOWN_CONTACT = "(unknown contact)"
TEMP_PREFIX = ".coffeechat-export-"


class ExportError(Exception):
    """An export could not be written; the message names the path and says why."""


@dataclass(frozen=True)
class Entry:
    """A conversation with its contact (a stand-in when the contact is missing)."""

    conversation: Conversation
    contact: Contact


def entries(conversations: Iterable[Conversation], people: Mapping[str, Contact]) -> list[Entry]:
    """Conversations with their contacts, oldest day first (then by creation and id), so that
    every export lists them in the same order."""
    found = [
        Entry(c, people.get(c.contact_id) or Contact(name=UNKNOWN_CONTACT, id=c.contact_id))
        for c in conversations
    ]
    return sorted(found, key=lambda e: (conversation_day(e.conversation),
                                        e.conversation.created_at, e.conversation.id))


def write_private(path: Path, payload: bytes) -> None:
    """Write ``payload`` atomically and durably as a 0600 file (see
    :func:`tui.core.storage.atomic_write`); errors become :class:`ExportError`."""
    if path.is_symlink() or (path.exists() and not path.is_file()):
        raise ExportError(f"{path} is not a regular file; nothing was written there")
    try:
        atomic_write(path, payload)
    except OSError as exc:
        raise ExportError(f"{path}: cannot be written ({exc.strerror or exc})") from None


def _temp_copy(target: Path, payload: bytes) -> str:
    fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=".tmp", dir=target.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            os.chmod(tmp, 0o600)
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return tmp


def write_private_many(files: Sequence[tuple[Path, bytes]], workers: int = 8) -> None:
    """Write many files into one folder, each atomically, durably and 0600.

    Every payload first goes to a temp file beside its target and is fsynced, several at a
    time (the file system merges their journal commits: a thousand files take a fraction of
    the time of one-after-another writes); only when all are on disk is each renamed over its
    target, and the folder is fsynced once. If any temp write fails, no target is touched.
    """
    if not files:
        return
    for path, _ in files:
        if path.is_symlink() or (path.exists() and not path.is_file()):
            raise ExportError(f"{path} is not a regular file; nothing was written")
    temps: list[str | None] = [None] * len(files)

    def stage(index: int) -> None:
        temps[index] = _temp_copy(*files[index])

    try:
        with ThreadPoolExecutor(max_workers=max(1, workers)) as pool:
            for future in [pool.submit(stage, i) for i in range(len(files))]:
                future.result()
        for index, (path, _) in enumerate(files):
            tmp = temps[index]
            if tmp is not None:
                os.replace(tmp, path)
                temps[index] = None
    except OSError as exc:
        for tmp in temps:
            if tmp is not None:
                with contextlib.suppress(OSError):
                    os.unlink(tmp)
        where = exc.filename or files[0][0].parent
        raise ExportError(f"{where}: cannot be written ({exc.strerror or exc})") from None
    for folder in {path.parent for path, _ in files}:
        _fsync_dir(folder)


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    with contextlib.suppress(OSError):
        fd = os.open(folder, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def ensure_private_folder(folder: Path) -> bool:
    """Make sure ``folder`` exists; folders created here (and their missing parents) are 0700,
    an existing folder keeps its mode. Returns True when the folder was created."""
    if folder.exists():
        if not folder.is_dir():
            raise ExportError(f"{folder} exists and is not a folder")
        return False
    missing = [folder, *(p for p in folder.parents if not p.exists())]
    try:
        for part in reversed(missing):
            part.mkdir(mode=0o700)
            with contextlib.suppress(OSError):
                os.chmod(part, 0o700)  # mkdir's mode is masked by the umask
    except FileExistsError:
        pass
    except OSError as exc:
        raise ExportError(f"{folder}: cannot be created ({exc.strerror or exc})") from None
    return True


def check_file_target(path: Path) -> None:
    """The folder of an output file must exist and the path must not be a folder."""
    if path.is_dir():
        raise ExportError(f"{path} is a folder; give a file name")
    if not path.parent.is_dir():
        raise ExportError(f"the folder {path.parent} does not exist")
