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
suffix. A file the user edited but that still carries our id is ours: it is replaced by the
fresh export.

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
    """What an ``export md`` did; paths are inside ``folder``."""

    folder: Path
    created: list[Path] = field(default_factory=list)
    updated: list[Path] = field(default_factory=list)
    unchanged: list[Path] = field(default_factory=list)
    renamed: list[tuple[Path, Path]] = field(default_factory=list)
    folder_created: bool = False

    def summary(self) -> str:
        """One line for the user."""
        return (f"{self.folder}: {len(self.created)} created, {len(self.updated)} updated, "
                f"{len(self.unchanged)} unchanged" +
                (f", {len(self.renamed)} renamed" if self.renamed else ""))


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
                    redact: bool = False,
                    progress: Callable[[int, int], None] | None = None) -> MarkdownExport:
    """Write one file per conversation into ``folder`` (created 0700 when missing);
    ``progress(done, total)`` is called after each conversation is rendered."""
    result = MarkdownExport(folder=folder, folder_created=ensure_private_folder(folder))
    items = entries(conversations, people)
    titles = list(prompts) if prompts is not None else reflection_prompts()
    redactor = redactor_for([e.conversation for e in items], people) if redact else None
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
        if old is None:
            result.created.append(target)
        elif old != target:
            removals.append((old, target))
        elif _read(target) == payload:
            result.unchanged.append(target)
            continue
        else:
            result.updated.append(target)
        writes.append((target, payload))
    if progress is not None and items:
        progress(len(items), len(items))
    write_private_many(writes)
    for old, target in removals:
        try:
            old.unlink()
        except OSError as exc:
            raise ExportError(f"{old}: its conversation was written to {target.name} but the "
                              f"old file could not be removed ({exc.strerror or exc})") from None
        result.renamed.append((old, target))
    return result


def _read(path: Path) -> bytes | None:
    try:
        return path.read_bytes()
    except OSError:
        return None
