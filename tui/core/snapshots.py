"""Snapshots of the data: folders of hard links in ``backups/``, costing no space until a file
changes (making one reads each file once, for its SHA-256: about half a second at 10,000
conversations).

    backups/2026-11-29/                          the day's snapshot
    backups/2026-11-29-143000-before-restore/    what a restore replaced
        coffeechat.json, conversations/<id>.json, manifest.json

Every save replaces a file (a new inode), so a hard link made today keeps today's version for
as long as the snapshot lives, and costs no space until the file changes. A daily snapshot
holds only files known to be good (the main file validated at open, conversation files whose
stamp matches a validated summary); a before-restore snapshot holds every file, damaged ones
too, and its manifest names those that do not load. ``manifest.json``, written last, lists
each file with its size, modification time and SHA-256, so checking a snapshot is a stat per
file (the content is read only when a stamp differs, see :mod:`tui.core.snapshot_files`), and
names the files left out. A snapshot is built in a temp folder and renamed into place, so a
crash never leaves half of one. Where the file system has no hard links, files are copied.
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import shutil
import uuid
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tui.core.dataformat import (
    APP_ID,
    CONVERSATIONS_DIR,
    DATA_FILE,
    TEMP_PREFIX,
    StorageError,
)
from tui.core.files import PRIVATE_FILE, PRIVATE_FOLDER, fsync_dir, make_folder, write_new
from tui.core.integrity import load_checked
from tui.core.layout import Layout
from tui.core.snapshot_files import (
    Recorded,
    digest_of,
    is_unchanged,
    load_problem,
    recorded_from,
)

MANIFEST = "manifest.json"
DAILY_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})")
BEFORE_RESTORE_NAME = re.compile(r"(\d{4}-\d{2}-\d{2})-(\d{6})-before-restore")


@dataclass(frozen=True)
class Manifest:
    """What a snapshot holds: relative path -> what was recorded of it; files left out, why;
    files in it that did not load when it was made, why (None: not recorded, as in manifests
    of before-restore snapshots written before this was)."""

    kind: str
    made: datetime
    files: dict[str, Recorded]
    left_out: dict[str, str]
    damaged: dict[str, str] | None = None

    @property
    def size(self) -> int:
        """Bytes of the files in the snapshot."""
        return sum(recorded.size for recorded in self.files.values())


def read_manifest(folder: Path) -> Manifest:
    """The manifest of a snapshot; raises ``StorageError`` if it is missing or damaged."""
    try:
        data = json.loads((folder / MANIFEST).read_bytes())
        files = {str(k): recorded_from(v) for k, v in data["files"].items()}
        left = {str(k): str(v) for k, v in data.get("left_out", {}).items()}
        damaged = data.get("damaged")
        if damaged is not None:
            damaged = {str(k): str(v) for k, v in damaged.items()}
        elif data["kind"] == "daily":
            damaged = {}  # a daily snapshot has only ever held files known to be good
        return Manifest(str(data["kind"]), datetime.fromisoformat(data["made"]), files, left,
                        damaged)
    except FileNotFoundError:
        raise StorageError("it is incomplete (no manifest: interrupted while being made)") \
            from None
    except (OSError, ValueError, KeyError, TypeError, IndexError) as exc:
        raise StorageError(f"its manifest cannot be read ({exc})") from None


def snapshot_problem(folder: Path) -> str | None:
    """Why a snapshot cannot be used (None when it is whole): its manifest reads, its main
    file validates, and every file it lists is there unchanged."""
    try:
        manifest = read_manifest(folder)
    except StorageError as exc:
        return str(exc)
    if DATA_FILE not in manifest.files:
        return f"it has no {DATA_FILE}"
    try:
        load_checked((folder / DATA_FILE).read_bytes(), folder / DATA_FILE)
    except StorageError as exc:
        return str(exc).replace(f"{folder / DATA_FILE} ", "", 1).split(". It has been left")[0]
    except OSError as exc:
        return f"{DATA_FILE} cannot be read: {exc.strerror or exc}"
    for relative, recorded in manifest.files.items():
        if not is_unchanged(folder / relative, relative, recorded):
            if not (folder / relative).exists():
                return f"{relative} is missing"
            return f"{relative} has changed since the snapshot was made"
    return None


def snapshot_name(kind: str, now: datetime) -> str:
    """The folder name of a snapshot made at ``now``."""
    if kind == "daily":
        return now.date().isoformat()
    return f"{now:%Y-%m-%d-%H%M%S}-{kind}"


def make_snapshot(layout: Layout, kind: str, files: Iterable[tuple[str, Path]],
                  left_out: dict[str, str] | None = None,
                  now: datetime | None = None, check: bool = False) -> Path:
    """Link ``files`` ((path in the snapshot, file)) into a new snapshot folder in the
    backups folder and return it. A file that vanished meanwhile is left out. With ``check``
    every file is validated and those that do not load are named in the manifest (without
    it, the caller vouches that every file loads)."""
    now = now or datetime.now()
    backups = layout.backups
    make_folder(backups)
    remove_partial(backups)
    building = backups / f"{TEMP_PREFIX}snapshot-{uuid.uuid4().hex[:8]}"
    os.mkdir(building, PRIVATE_FOLDER)
    os.chmod(building, PRIVATE_FOLDER)
    try:
        listed, damaged = _link_all(building, files, check)
        manifest = {"app": APP_ID, "snapshot": 2, "kind": kind, "made": now.isoformat(),
                    "files": listed, "left_out": dict(left_out or {}), "damaged": damaged}
        write_new(building / MANIFEST, json.dumps(manifest, ensure_ascii=False).encode())
        target = backups / snapshot_name(kind, now)
        if target.exists():
            target = backups / f"{snapshot_name(kind, now)}-{uuid.uuid4().hex[:4]}"
        os.rename(building, target)
        fsync_dir(backups)
        return target
    except BaseException:
        shutil.rmtree(building, ignore_errors=True)
        raise


def _link_all(building: Path, files: Iterable[tuple[str, Path]],
              check: bool) -> tuple[dict[str, list[int | str]], dict[str, str]]:
    listed: dict[str, list[int | str]] = {}
    damaged: dict[str, str] = {}
    folders = {building}
    for relative, source in files:
        target = building / relative
        if target.parent not in folders:
            target.parent.mkdir(mode=PRIVATE_FOLDER, parents=True, exist_ok=True)
            folders.add(target.parent)
        try:
            _link_or_copy(source, target)
        except FileNotFoundError:
            continue
        st = os.stat(target)
        raw = target.read_bytes()
        listed[relative] = [st.st_size, st.st_mtime_ns, digest_of(raw)]
        problem = load_problem(relative, raw, target) if check else None
        if problem is not None:
            damaged[relative] = problem
    for folder in folders:
        fsync_dir(folder)
    return listed, damaged


def _link_or_copy(source: Path, target: Path) -> None:
    try:
        os.link(source, target)
    except FileNotFoundError:
        raise
    except OSError:  # no hard links here (another file system, FAT, some network shares)
        shutil.copy2(source, target)
        os.chmod(target, PRIVATE_FILE)
        with open(target, "rb") as handle:
            os.fsync(handle.fileno())


def remove_partial(backups: Path) -> None:
    """Delete snapshot folders left half-built by a crash, and temp files of interrupted
    writes."""
    with contextlib.suppress(OSError):
        for entry in os.scandir(backups):
            if not entry.name.startswith(TEMP_PREFIX):
                continue
            if entry.is_dir(follow_symlinks=False):
                shutil.rmtree(entry.path, ignore_errors=True)
            else:
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)


def snapshot_when(name: str) -> tuple[str, datetime] | None:
    """(kind, when made) from a snapshot folder's name; None for another name."""
    match = BEFORE_RESTORE_NAME.fullmatch(name)
    if match:
        day, clock = date.fromisoformat(match[1]), match[2]
        return "before-restore", datetime(day.year, day.month, day.day, int(clock[:2]),
                                          int(clock[2:4]), int(clock[4:]))
    match = DAILY_NAME.fullmatch(name)
    if match:
        day = date.fromisoformat(match[1])
        return "daily", datetime(day.year, day.month, day.day)
    return None


def snapshots(layout: Layout) -> list[tuple[Path, str, datetime]]:
    """Every snapshot folder in the backups folder: (folder, kind, when), newest first."""
    found = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(layout.backups):
            if not entry.is_dir(follow_symlinks=False):
                continue
            with contextlib.suppress(ValueError):
                named = snapshot_when(entry.name)
                if named is not None:
                    kind, made = named
                    with contextlib.suppress(StorageError):
                        made = read_manifest(Path(entry.path)).made
                    found.append((Path(entry.path), kind, made))
    return sorted(found, key=lambda s: (s[2], s[0].name), reverse=True)


def newest_copy(layout: Layout, relative: str) -> Path | None:
    """The file ``relative`` (``conversations/<name>`` or ``coffeechat.json``) in the newest
    snapshot holding it unchanged and loading. Only this file's copies are read, newest first,
    until one loads."""
    for folder, _, _ in snapshots(layout):
        try:
            manifest = read_manifest(folder)
        except StorageError:
            continue
        recorded = manifest.files.get(relative)
        if recorded is None or relative in (manifest.damaged or {}):
            continue
        path = folder / relative
        try:
            raw = path.read_bytes()
        except OSError:
            continue
        if not is_unchanged(path, relative, recorded):
            continue
        if load_problem(relative, raw, path) is None:
            return path
    return None


def damaged_files(folder: Path) -> dict[str, str]:
    """The files of a snapshot that do not load, and why: as its manifest recorded them, or,
    for a before-restore snapshot whose manifest predates that record, by reading each file
    (a second or so for 10,000 conversations). Empty when the manifest cannot be read (that
    is the snapshot's problem, see :func:`snapshot_problem`)."""
    try:
        manifest = read_manifest(folder)
    except StorageError:
        return {}
    if manifest.damaged is not None:
        return dict(manifest.damaged)
    found = {}
    for relative in manifest.files:
        with contextlib.suppress(OSError):
            problem = load_problem(relative, (folder / relative).read_bytes(), folder / relative)
            if problem is not None:
                found[relative] = problem
    return found


def has_snapshot_of(layout: Layout, day: date) -> bool:
    """True when the day's snapshot exists."""
    return (layout.backups / day.isoformat()).is_dir()


def current_files(layout: Layout) -> list[tuple[str, Path]]:
    """Every file of the data as it is now (for a before-restore snapshot: damaged files
    too, so that nothing a restore replaces is lost)."""
    files = []
    if layout.main.exists():
        files.append((DATA_FILE, layout.main))
    with contextlib.suppress(OSError):
        for entry in os.scandir(layout.conversations):
            if entry.is_file(follow_symlinks=False) and not entry.name.startswith(TEMP_PREFIX):
                files.append((f"{CONVERSATIONS_DIR}/{entry.name}", Path(entry.path)))
    return files


def manifest_summary(folder: Path) -> dict[str, Any]:
    """Counts for a listing: conversations and bytes in a snapshot (zeros if unreadable)."""
    try:
        manifest = read_manifest(folder)
    except StorageError:
        return {"conversations": 0, "bytes": 0}
    count = sum(1 for name in manifest.files if name.startswith(f"{CONVERSATIONS_DIR}/"))
    return {"conversations": count, "bytes": manifest.size}
