"""Files and folders the way user data needs them: atomic, durable, private, and never where
coffeechat may not write.

Writes go to a temp file (created 0600) in the same folder, are flushed and fsynced, then
``os.replace``d over the target and the folder is fsynced: a crash at any instant leaves the
old or the new file, whole. Folders coffeechat creates are 0700; a folder that already exists
keeps its mode. Whether a folder may be written in is decided from its mode bits and owner,
not only by ``os.access``, because root passes every permission check: a folder the user made
read-only stays untouched even when coffeechat runs as root.
"""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tui.core.dataformat import TEMP_PREFIX, TEMP_SUFFIX, FolderError, LockedError

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700


def fsync_dir(folder: Path) -> None:
    """Make a rename in ``folder`` durable."""
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: Path, payload: bytes) -> None:
    """Write ``payload`` to ``path`` so that a crash leaves the old or the new file, whole.

    The temp file is private (``mkstemp`` creates it 0600) and is removed if anything fails; an
    error names ``path`` (not the temp file) with the system's reason.
    """
    try:
        fd, tmp = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=path.parent)
    except OSError as exc:
        raise OSError(exc.errno, exc.strerror, str(path)) from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        if isinstance(exc, OSError):
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        raise
    fsync_dir(path.parent)


def write_new(path: Path, payload: bytes) -> None:
    """Create ``path`` (never replacing anything) with ``payload``, private and durable."""
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(payload)
            handle.flush()
            os.fsync(handle.fileno())
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(path)
        raise
    fsync_dir(path.parent)


def may_write(path: Path) -> bool:
    """True when this process may change ``path`` (a folder: create files in it), judged by
    its mode bits and owner as for an ordinary user, then by ``os.access`` (read-only mounts,
    access lists)."""
    st = path.stat()
    needed_access = os.W_OK | (os.X_OK if stat.S_ISDIR(st.st_mode) else 0)
    if hasattr(os, "geteuid"):
        if os.geteuid() == st.st_uid:
            bits = stat.S_IWUSR | (stat.S_IXUSR if stat.S_ISDIR(st.st_mode) else 0)
        elif st.st_gid == os.getegid() or st.st_gid in os.getgroups():
            bits = stat.S_IWGRP | (stat.S_IXGRP if stat.S_ISDIR(st.st_mode) else 0)
        else:
            bits = stat.S_IWOTH | (stat.S_IXOTH if stat.S_ISDIR(st.st_mode) else 0)
        if st.st_mode & bits != bits:
            return False
    return os.access(path, needed_access)


def _describe(path: Path) -> str:
    st = path.stat()
    owner = str(st.st_uid)
    with contextlib.suppress(ImportError, KeyError):
        import pwd

        owner = pwd.getpwuid(st.st_uid).pw_name
    return f"mode {stat.S_IMODE(st.st_mode):04o}, owned by {owner}"


def check_writable_folder(folder: Path) -> None:
    """Raise :class:`FolderError` unless ``folder`` is a folder coffeechat may write in."""
    if not folder.is_dir():
        raise not_a_folder(folder)
    if not may_write(folder):
        raise FolderError(f"cannot write in {folder} ({_describe(folder)}): make it "
                          "writable for you, or use another folder with --data-dir; nothing "
                          "was changed.")


def check_writable_file(path: Path) -> None:
    """Raise :class:`FolderError` when ``path`` exists and is read-only for this process."""
    if path.exists() and not may_write(path):
        raise FolderError(f"{path} is read-only ({_describe(path)}). Make it writable for you "
                          "to change your data; nothing was changed.")


def file_in_the_way(folder: Path) -> Path | None:
    """The file standing where ``folder`` or one of its parents should be, if any."""
    here = folder
    while not here.exists() and here.parent != here:
        here = here.parent
    return here if here.exists() and not here.is_dir() else None


def not_a_folder(path: Path) -> FolderError:
    """The error for a file where the data folder should be."""
    return FolderError(f"{path} is a file, not a folder: give a folder with --data-dir or "
                       "COFFEECHAT_DATA_DIR.")


def make_folder(folder: Path) -> list[Path]:
    """Create ``folder`` and any missing parents, each 0700; returns the folders created.

    An existing folder is left exactly as it is (mode included). A path in the way that is a
    file, or a parent coffeechat may not write in, raises :class:`FolderError`.
    """
    missing: list[Path] = []
    here = folder
    while not here.exists():
        if here.is_symlink():
            raise FolderError(f"{here} is a link to a folder that does not exist.")
        missing.append(here)
        here = here.parent
    if not here.is_dir():
        raise not_a_folder(here)
    if missing:
        check_writable_folder(here)
    made = []
    for path in reversed(missing):
        try:
            os.mkdir(path, PRIVATE_FOLDER)
        except FileExistsError:
            continue
        os.chmod(path, PRIVATE_FOLDER)  # ours: the umask must not widen it
        made.append(path)
    return made


def remove_temps(folder: Path) -> int:
    """Delete temp files left in ``folder`` by writes that were interrupted; returns how many."""
    count = 0
    for stale in folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}"):
        with contextlib.suppress(OSError):
            stale.unlink()
            count += 1
    return count


class FileLock:
    """An exclusive, non-blocking lock on a file (released when the process ends)."""

    def __init__(self, path: Path, subject: Path | None = None) -> None:
        self.path = path
        self.subject = subject or path.parent
        self._fd: int | None = None

    def acquire(self) -> None:
        """Take the lock or raise :class:`LockedError` naming the holder."""
        fd = os.open(self.path, os.O_RDWR | os.O_CREAT, PRIVATE_FILE)
        try:
            import fcntl

            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except ImportError:  # pragma: no cover - not POSIX: no advisory locks
            pass
        except OSError as exc:
            if exc.errno not in (errno.EAGAIN, errno.EACCES, errno.EWOULDBLOCK):
                os.close(fd)
                raise
            holder = os.read(fd, 64).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            raise LockedError(
                f"coffeechat is already open on {self.subject} (process {holder}). "
                "Close it first; nothing was changed."
            ) from None
        os.ftruncate(fd, 0)
        os.write(fd, str(os.getpid()).encode())
        self._fd = fd

    @property
    def held(self) -> bool:
        """True while this process holds the lock."""
        return self._fd is not None

    def release(self) -> None:
        """Release the lock (idempotent)."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None


def held_elsewhere(path: Path) -> bool:
    """True when another process holds the lock file ``path`` (which is never created or
    changed here, so a read-only command may ask)."""
    try:
        fd = os.open(path, os.O_RDONLY)
    except OSError:
        return False
    try:
        import fcntl

        fcntl.flock(fd, fcntl.LOCK_SH | fcntl.LOCK_NB)
    except ImportError:  # pragma: no cover - not POSIX
        return False
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def _syncfs() -> Callable[[int], int] | None:
    """Linux's syncfs(2), which makes every write to one file system durable in one call."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        call = ctypes.CDLL(None, use_errno=True).syncfs
    except (OSError, AttributeError):
        return None
    call.argtypes = [ctypes.c_int]
    return call


_SYNCFS: list[Callable[[int], int] | None] = []  # looked up once, when first needed


def _syncfs_call() -> Callable[[int], int] | None:
    if not _SYNCFS:
        _SYNCFS.append(_syncfs())
    return _SYNCFS[0]


def can_sync_filesystem() -> bool:
    """True when :func:`sync_filesystem` is one call (Linux), not a file at a time."""
    return _syncfs_call() is not None


def sync_filesystem(folder: Path) -> None:
    """Make everything written on ``folder``'s file system durable (``syncfs``); raises
    ``OSError`` if that fails or is not available here."""
    call = _syncfs_call()
    if call is None:
        raise OSError(errno.ENOSYS, "syncfs is not available here", str(folder))
    fd = os.open(folder, os.O_RDONLY)
    try:
        if call(fd) != 0:
            import ctypes

            code = ctypes.get_errno()
            raise OSError(code, os.strerror(code), str(folder))
    finally:
        os.close(fd)
