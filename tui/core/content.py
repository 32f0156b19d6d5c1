"""The shipped Markdown content (checklist, question bank, reflection prompts, templates).

Each file can be replaced by the user's own copy of the same name in the config folder. A copy
that cannot be used gets a warning naming the file and line, and the shipped file is used.
Parsing is done with markdown-it-py: level-2 headings are sections, list items are entries.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Generic, TypeVar

from markdown_it import MarkdownIt

from tui.core.paths import config_dir

CHECKLIST = "checklist.md"
QUESTIONS = "questions.md"
REFLECTION = "reflection.md"
OUTREACH = "templates/outreach.md"
THANK_YOU = "templates/thank-you.md"

TEMPLATE_FIELDS = {
    OUTREACH: {"name", "my_name", "who_i_am", "why_them", "what_i_hope_to_learn",
               "mutual_connection", "minutes", "company", "role", "goal"},
    THANK_YOU: {"name", "date", "specific", "next_step", "my_name", "company", "role"},
}
_PLACEHOLDER = re.compile(r"\{([a-z_]+)\}")


class ContentError(ValueError):
    """A content file that cannot be used, with its path and line."""


@dataclass
class Section:
    """A heading and the list items under it."""

    title: str
    items: list[str] = field(default_factory=list)
    hint: str = ""


T = TypeVar("T")


@dataclass
class Loaded(Generic[T]):
    """Parsed content, where it came from, and any warning about a user copy."""

    value: T
    source: Path
    warnings: list[str] = field(default_factory=list)


def shipped_dir() -> Path:
    """The folder of shipped content: inside the wheel, or the source tree's ``data/``."""
    here = Path(__file__).resolve().parent.parent
    for candidate in (here / "data", here.parent / "data"):
        if (candidate / CHECKLIST).is_file():
            return candidate
    raise FileNotFoundError(f"coffeechat's shipped content is missing (looked in {here / 'data'})")


@cache
def _markdown() -> MarkdownIt:
    return MarkdownIt("commonmark")


def _read(path: Path) -> str:
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise ContentError(f"{path}: cannot be read ({exc.strerror})") from None
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise ContentError(f"{path}:{line}: not UTF-8 text (byte {exc.start})") from None


def parse_sections(text: str, path: Path, *, want_items: bool = True) -> list[Section]:
    """Level-2 headings with the list items (or the first paragraph, as a hint) under them."""
    tokens = _markdown().parse(text)
    sections: list[Section] = []
    heading_lines: list[int] = []
    depth = 0
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        line = (tok.map[0] + 1) if tok.map else 0
        if tok.type == "heading_open" and tok.tag == "h2":
            title = tokens[i + 1].content.strip()
            if not title:
                raise ContentError(f"{path}:{line}: a heading with no title")
            sections.append(Section(title=title))
            heading_lines.append(line)
            i += 3
            continue
        if tok.type in ("bullet_list_open", "ordered_list_open"):
            depth += 1
            if depth > 1:
                raise ContentError(f"{path}:{line}: nested lists are not supported; "
                                   "use one flat list under each heading")
        elif tok.type in ("bullet_list_close", "ordered_list_close"):
            depth -= 1
        elif tok.type == "inline" and depth == 1:
            entry = " ".join(tok.content.split())
            if not sections:
                raise ContentError(f"{path}:{line}: a list item before the first '## ' heading")
            if entry:
                sections[-1].items.append(entry)
        elif (tok.type == "inline" and depth == 0 and sections and not sections[-1].hint
              and tokens[i - 1].type == "paragraph_open"):
            sections[-1].hint = " ".join(tok.content.split())
        i += 1
    if not sections:
        raise ContentError(f"{path}:1: no '## ' headings found")
    if want_items:
        for section, heading_line in zip(sections, heading_lines, strict=True):
            if not section.items:
                raise ContentError(
                    f"{path}:{heading_line}: the section '{section.title}' has no list items"
                )
    return sections


def check_template(text: str, path: Path, allowed: set[str]) -> str:
    """A template with only known ``{placeholders}``; returns the text."""
    for number, line in enumerate(text.splitlines(), start=1):
        for match in _PLACEHOLDER.finditer(line):
            if match[1] not in allowed:
                raise ContentError(
                    f"{path}:{number}: unknown placeholder {{{match[1]}}} "
                    f"(known: {', '.join('{' + a + '}' for a in sorted(allowed))})"
                )
    if not text.strip():
        raise ContentError(f"{path}:1: the template is empty")
    return text.strip() + "\n"


def fill_template(text: str, values: dict[str, str]) -> str:
    """Replace ``{placeholders}``; ones without a value stay visible for the user to fill."""
    return _PLACEHOLDER.sub(lambda m: values.get(m[1]) or m[0], text)


def _load(name: str, parse: Callable[[str, Path], T], user_dir: Path | None) -> Loaded[T]:
    warnings: list[str] = []
    own = (user_dir if user_dir is not None else config_dir()) / name
    if own.is_file():
        try:
            return Loaded(parse(_read(own), own), own)
        except ContentError as exc:
            warnings.append(f"{exc} - using the shipped {name} instead")
    shipped = shipped_dir() / name
    return Loaded(parse(_read(shipped), shipped), shipped, warnings)


def load_checklist(user_dir: Path | None = None) -> Loaded[list[Section]]:
    """The prep checklist sections."""
    return _load(CHECKLIST, parse_sections, user_dir)


def load_questions(user_dir: Path | None = None) -> Loaded[list[Section]]:
    """The question bank: one section a category."""
    return _load(QUESTIONS, parse_sections, user_dir)


def load_reflection(user_dir: Path | None = None) -> Loaded[list[Section]]:
    """The reflection prompts: each section's title is a prompt, its hint the paragraph below."""
    return _load(REFLECTION, lambda t, p: parse_sections(t, p, want_items=False), user_dir)


def load_template(name: str, user_dir: Path | None = None) -> Loaded[str]:
    """An outreach or thank-you template (``OUTREACH`` or ``THANK_YOU``)."""
    allowed = TEMPLATE_FIELDS[name]
    return _load(name, lambda t, p: check_template(t, p, allowed), user_dir)


SECTION_ORDER = {
    "person": ("person", "company", "industry"),
    "company": ("company", "person", "industry"),
    "industry": ("industry", "company", "person"),
}


def order_sections(sections: list[Section], kind: str) -> list[Section]:
    """Checklist sections with the conversation kind's focus first, the rest in file order."""
    focus = SECTION_ORDER.get(kind, ())

    def rank(indexed: tuple[int, Section]) -> tuple[int, int]:
        index, section = indexed
        words = section.title.casefold().split()
        for position, key in enumerate(focus):
            if key in words:
                return (position, index)
        return (len(focus), index)

    return [s for _, s in sorted(enumerate(sections), key=rank)]


def slug(title: str) -> str:
    """A stable key for a prompt title: ``How this fits my goals`` -> ``how-this-fits-my-goals``."""
    return re.sub(r"[^a-z0-9]+", "-", title.casefold()).strip("-") or "prompt"
