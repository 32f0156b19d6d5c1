"""``export md``: one Markdown file per conversation, with YAML front matter, in a folder.

File names are ``YYYY-MM-DD-first-last.md`` (the day the chat was held, else scheduled, else
created; the name folded to ASCII), safe on Windows, macOS and Linux. When two conversations
would share a name, the later one (by day, creation, id) gets ``-`` and the start of its id.

All files are written at once: each atomically and durably, and none is replaced unless all
could be written. Re-exporting into the same folder finds each conversation's file again by
the ``id`` in its front matter and rewrites it in place (untouched when nothing changed).
When the person was renamed or the day changed, the file is renamed to match, so the folder
always reads as a list of who and when. Files are never deleted: a file whose front matter
does not carry the id of a conversation being exported (the user's own notes, a
conversation since deleted) is never written to, and a name it holds is avoided with a
suffix.

A file of ours that the user edited since it was written (its bytes no longer match the hash
kept in the folder's record, see :mod:`tui.core.export_record`) is left as it is: when the
export holds something new for it, it is reported as kept and replaced only with ``force``;
when it does not, nothing would be gained by replacing it, and it is left even with
``force``. A file with no record (written by an older coffeechat, or the record was deleted)
that differs from the export may hold edits too: it is kept and reported the same way.

The front matter is written with PyYAML, every string double-quoted so that YAML 1.1 and 1.2
parsers (Obsidian's included) read the same text whatever it holds (``no``, ``null``, ``#``,
``: ``, leading dashes, quotes, unicode).
"""

from __future__ import annotations

import itertools
import re
import unicodedata
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from tui.core.export_files import (
    Entry,
    ExportError,
    ensure_private_folder,
    entries,
    write_private_many,
)
from tui.core.export_record import WriteRecord, digest, load_record
from tui.core.models import Contact, Conversation
from tui.core.redact import Redactor, initials, redactor_for
from tui.core.render import conversation_day, conversation_markdown, reflection_prompts
from tui.core.safetext import one_line

MAX_SLUG = 60
FRONT_MATTER_LIMIT = 64 * 1024
_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)),
             *(f"lpt{i}" for i in range(10))}
_FOLD = str.maketrans({"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "đ": "d", "Đ": "D",
                       "ł": "l", "Ł": "L", "œ": "oe", "Œ": "OE", "þ": "th", "Þ": "TH", "ı": "i"})
_CLOSING = re.compile(r"^---[ \t]*$|^\.\.\.[ \t]*$", re.MULTILINE)


_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when PyYAML has it


class _QuotedDumper(yaml.SafeDumper):
    """SafeDumper that double-quotes every string."""


def _quoted(dumper: yaml.SafeDumper, value: str) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style='"')


class _Key(str):
    """A front matter key: plain identifiers, written unquoted."""


def _plain_key(dumper: yaml.SafeDumper, value: _Key) -> yaml.ScalarNode:
    return dumper.represent_scalar("tag:yaml.org,2002:str", str(value))


_QuotedDumper.add_representer(str, _quoted)
_QuotedDumper.add_representer(_Key, _plain_key)


def slugify(text: str, fallback: str = "contact") -> str:
    """``Zoë Ångström-Núñez`` -> ``zoe-angstrom-nunez``: ASCII letters, digits and dashes,
    at most :data:`MAX_SLUG` characters (cut at a dash), ``fallback`` when nothing is left."""
    folded = unicodedata.normalize("NFKD", text.translate(_FOLD))
    ascii_text = folded.encode("ascii", "ignore").decode("ascii").lower()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    if len(slug) > MAX_SLUG:
        slug = slug[:MAX_SLUG].rsplit("-", 1)[0] if "-" in slug[:MAX_SLUG] else slug[:MAX_SLUG]
    return slug or fallback


def file_stem(conversation: Conversation, contact: Contact, *, redact: bool = False) -> str:
    """``2026-12-03-priya-raman`` (initials when redacted: ``2026-12-03-p-r``)."""
    name = initials(contact.name) if redact else contact.name
    stem = f"{conversation_day(conversation).isoformat()}-{slugify(name)}"
    return stem + "-" if stem.split(".")[0].casefold() in _RESERVED else stem


def _candidates(stem: str, record_id: str) -> Iterator[str]:
    """File names for a conversation, in order of preference (the first three are its own)."""
    short = slugify(record_id, fallback="x")
    yield from (f"{stem}.md", f"{stem}-{short[:8]}.md", f"{stem}-{short}.md")
    yield from (f"{stem}-{short}-{n}.md" for n in itertools.count(2))


def _is_own_name(name: str, stem: str, record_id: str) -> bool:
    short = slugify(record_id, fallback="x")
    folded = name.casefold()
    own = (f"{stem}.md", f"{stem}-{short[:8]}.md", f"{stem}-{short}.md")
    return folded in own or bool(re.fullmatch(re.escape(f"{stem}-{short}-") + r"\d+\.md", folded))


def front_matter(conversation: Conversation, contact: Contact, *, redact: bool = False) -> str:
    """The YAML block (with its ``---`` lines) for a conversation's file."""
    data: dict[str, Any] = {
        "person": one_line(initials(contact.name) if redact else contact.name),
        "company": one_line(contact.company),
        "role": one_line(contact.role),
        "kind": conversation.kind,
        "date": conversation_day(conversation),
        "status": conversation.status,
        "tags": [one_line(t) for t in contact.tags if one_line(t)],
        "rating": conversation.reflection.rating,
        "id": one_line(conversation.id),
    }
    data = {_Key(key): value for key, value in data.items()}
    body = yaml.dump(data, Dumper=_QuotedDumper, allow_unicode=True, sort_keys=False,
                     default_flow_style=False, width=1_000_000)
    return f"---\n{body}---\n"


def markdown_file(conversation: Conversation, contact: Contact, *,
                  people: Mapping[str, Contact] | None = None,
                  prompts: Sequence[str] | None = None, redact: bool = False,
                  redactor: Redactor | None = None) -> str:
    """The whole file: front matter, a blank line, then the rendered conversation."""
    body = conversation_markdown(conversation, contact, people=people, prompts=prompts,
                                 redact=redact, redactor=redactor)
    return f"{front_matter(conversation, contact, redact=redact)}\n{body}"


def read_front_matter_id(path: Path) -> str | None:
    """The ``id`` in the front matter of a Markdown file, or None (no front matter, not
    YAML, no text id, unreadable)."""
    try:
        with path.open("rb") as handle:
            head = handle.read(FRONT_MATTER_LIMIT)
    except OSError:
        return None
    text = head.decode("utf-8", "replace").lstrip("\ufeff").replace("\r\n", "\n")
    if not text.startswith("---\n"):
        return None
    closing = _CLOSING.search(text, 4)
    if closing is None:
        return None
    try:
        data = yaml.load(text[4:closing.start()], Loader=_LOADER)
    except yaml.YAMLError:
        return None
    value = data.get("id") if isinstance(data, dict) else None
    return value if isinstance(value, str) else None


@dataclass
class MarkdownExport:
    """What an ``export md`` did; paths are inside ``folder``.

    ``kept``: files edited since coffeechat wrote them, not replaced by this newer export;
    ``unrecorded``: files that differ from the export and that coffeechat has no record of
    writing (they may hold edits), not replaced; ``edited``: files edited since, for which the
    export holds nothing new, left; ``replaced``: files among ``updated`` and ``renamed`` that
    held edits and were replaced because the export was forced.
    """

    folder: Path
    created: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    renamed: list[tuple[Path, Path]] = field(default_factory=list)
    kept: list[Path] = field(default_factory=list)
    unrecorded: list[Path] = field(default_factory=list)
    edited: list[Path] = field(default_factory=list)
    replaced: list[Path] = field(default_factory=list)
    folder_created: bool = False

    @property
    def held_back(self) -> list[Path]:
        """The files this export did not write because they may hold the user's edits."""
        return [*self.kept, *self.unrecorded]

    def summary(self) -> str:
        """One line for the user."""
        extra: list[tuple[Sequence[object], str]] = [
            (self.renamed, "renamed"), (self.replaced, "of them replacing your edits (forced)"),
            (self.edited, "edited by you and left as they are (nothing new to export)"),
            (self.held_back, "not replaced (may hold your edits)")]
        return (f"{self.folder}: {len(self.created)} created, {len(self.updated)} updated, "
                f"{len(self.unchanged)} unchanged"
                + "".join(f", {len(items)} {what}" for items, what in extra if items))

    def notices(self) -> list[str]:
        """A sentence for each kind of file held back, naming the files."""
        lines = []
        if self.kept:
            lines.append(_plural(self.kept, "was", "were") + " edited since coffeechat last "
                         f"wrote {_them(self.kept)}, so this export did not replace "
                         f"{_them(self.kept)}: {_names(self.kept)}")
        if self.unrecorded:
            it, they = _them(self.unrecorded), _them(self.unrecorded, subject=True)
            lines.append(_plural(self.unrecorded, "differs", "differ") + " from this export "
                         f"and coffeechat has no record of writing {it} (an older coffeechat "
                         f"wrote {it}, or the record was removed), so {they} may hold your "
                         f"edits and this export did not replace {it}: "
                         f"{_names(self.unrecorded)}")
        return lines


def _plural(paths: Sequence[Path], one: str, many: str) -> str:
    return f"1 file {one}" if len(paths) == 1 else f"{len(paths):,} files {many}"


def _them(paths: Sequence[Path], subject: bool = False) -> str:
    return "it" if len(paths) == 1 else "they" if subject else "them"


def _names(paths: Sequence[Path]) -> str:
    return ", ".join(str(p) for p in paths)


def _scan(folder: Path, wanted: set[str]) -> tuple[dict[str, list[Path]], dict[str, str | None]]:
    """Our files by conversation id, and every taken name (casefolded) -> the id it holds."""
    ours: dict[str, list[Path]] = {}
    taken: dict[str, str | None] = {}
    for path in sorted(folder.iterdir()):
        owner = None
        if path.suffix.casefold() == ".md" and path.is_file() and not path.is_symlink():
            owner = read_front_matter_id(path)
        if owner is not None and owner not in wanted:
            owner = None  # a file we no longer export is treated like the user's own
        taken[path.name.casefold()] = owner
        if owner is not None:
            ours.setdefault(owner, []).append(path)
    return ours, taken


def plan_names(folder: Path, items: Sequence[Entry], *, redact: bool = False
               ) -> dict[str, tuple[Path, Path | None]]:
    """For each conversation id: (the file to write, the existing file of ours it replaces)."""
    ours, taken = _scan(folder, {e.conversation.id for e in items})
    claimed: set[str] = set()
    plan: dict[str, tuple[Path, Path | None]] = {}
    for entry in items:
        cid = entry.conversation.id
        stem = file_stem(entry.conversation, entry.contact, redact=redact)
        existing = ours.get(cid, [])
        keep = next((p for p in existing if _is_own_name(p.name, stem, cid)
                     and p.name.casefold() not in claimed), None)
        if keep is not None:
            target = keep
        else:
            free = next(n for n in _candidates(stem, cid) if n.casefold() not in claimed
                        and taken.get(n.casefold(), cid) == cid)
            target = folder / free
        claimed.add(target.name.casefold())
        old = keep or (existing[0] if existing else None)
        plan[cid] = (target, old)
    return plan


def export_markdown(folder: Path, conversations: Iterable[Conversation],
                    people: Mapping[str, Contact], *, prompts: Sequence[str] | None = None,
                    redact: bool = False, force: bool = False,
                    progress: Callable[[int, int], None] | None = None) -> MarkdownExport:
    """Write one file per conversation into ``folder`` (created 0700 when missing);
    ``progress(done, total)`` is called after each conversation is rendered. Files that may
    hold the user's edits are held back (see the module's docstring) unless ``force``."""
    result = MarkdownExport(folder=folder, folder_created=ensure_private_folder(folder))
    items = entries(conversations, people)
    titles = list(prompts) if prompts is not None else reflection_prompts()
    redactor = redactor_for([e.conversation for e in items], people) if redact else None
    record = load_record(folder)
    try:
        plan = plan_names(folder, items, redact=redact)
    except OSError as exc:
        raise ExportError(f"{folder}: cannot be read ({exc.strerror or exc})") from None
    writes: list[tuple[Path, bytes]] = []
    removals: list[tuple[Path, Path]] = []
    for done, entry in enumerate(items, start=1):
        if progress is not None and done > 1:
            progress(done - 1, len(items))
        target, old = plan[entry.conversation.id]
        payload = markdown_file(entry.conversation, entry.contact, people=people,
                                prompts=titles, redact=redact,
                                redactor=redactor).encode("utf-8")
        fresh = digest(payload)
        if old is not None:
            state = _state(old, record.written(old.name), payload)
            if state == "same" and old == target:
                result.unchanged.append(target)
                record.hashes[target.name] = fresh
                continue
            if state == "edited" and old == target and record.written(old.name) == fresh:
                result.edited.append(old)
                continue
            if state in ("edited", "unknown"):
                if not force:
                    (result.kept if state == "edited" else result.unrecorded).append(old)
                    continue
                result.replaced.append(target)
        if old is None:
            result.created.append(target)
        elif old != target:
            removals.append((old, target))
            record.hashes.pop(old.name, None)
        else:
            result.updated.append(target)
        record.hashes[target.name] = fresh
        writes.append((target, payload))
    if progress is not None and items:
        progress(len(items), len(items))
    _write_all(folder, writes, removals, record)
    for old, target in removals:
        try:
            old.unlink()
        except OSError as exc:
            raise ExportError(f"{old}: its conversation was written to {target.name} but the "
                              f"old file could not be removed ({exc.strerror or exc})") from None
        result.renamed.append((old, target))
    return result


def _state(path: Path, written: str | None, payload: bytes) -> str:
    """``same`` (holds ``payload``), ``ours`` (as coffeechat last wrote it), ``edited`` (changed
    since), ``unknown`` (differs, and there is no record of what was written, or unreadable)."""
    current = _read(path)
    if current == payload:
        return "same"
    if current is None or written is None:
        return "unknown"
    return "ours" if digest(current) == written else "edited"


def _write_all(folder: Path, writes: list[tuple[Path, bytes]],
               removals: list[tuple[Path, Path]], record: WriteRecord) -> None:
    """The files, then the record of them, in one all-or-nothing batch."""
    try:
        present = {p.name for p in folder.iterdir()}
    except OSError as exc:
        raise ExportError(f"{folder}: cannot be read ({exc.strerror or exc})") from None
    present |= {target.name for target, _ in writes}
    present -= {old.name for old, _ in removals}
    manifest = record.payload(present)
    write_private_many(writes if manifest is None else [*writes, (record.path, manifest)])


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
