"""``export html``: every conversation in one self-contained, printable HTML document.

Each conversation's Markdown (:mod:`tui.core.render`) is rendered with markdown-it-py with raw
HTML off, so nothing typed or imported becomes markup. On top of that:

* links are kept only for ``http``, ``https``, ``mailto`` and ``tel`` (and in-page or relative
  addresses): never ``javascript:``, ``data:``, ``file:`` or anything else;
* images become links, so opening the file never fetches anything;
* a Content-Security-Policy in the document forbids scripts and every outside request, as a
  second line of defence;
* the CSS is inline (system fonts only), prints one conversation per page, and follows a dark
  system theme on screen.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from datetime import datetime
from functools import cache
from pathlib import Path

from markdown_it import MarkdownIt
from markdown_it.renderer import RendererHTML
from markdown_it.token import Token
from markdown_it.utils import EnvType, OptionsDict

from tui import __version__
from tui.core.export_files import check_file_target, entries, write_private
from tui.core.models import STATUS_LABELS, Contact, Conversation
from tui.core.redact import initials, redactor_for
from tui.core.render import conversation_day, conversation_markdown, reflection_prompts
from tui.core.safetext import one_line

SAFE_SCHEMES = ("http", "https", "mailto", "tel")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.-]*):")
_HEADING = re.compile(r"<(/?)h([1-6])>")
CSP = ("default-src 'none'; style-src 'unsafe-inline'; img-src 'none'; "
       "base-uri 'none'; form-action 'none'")

STYLE = """
:root { color-scheme: light dark; }
body { font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
  max-width: 46rem; margin: 2rem auto; padding: 0 1rem; color: #1d1d1f; background: #fff; }
h1, h2, h3, h4 { line-height: 1.25; }
header p { color: #555; margin-top: 0; }
nav.toc ol { padding-left: 1.5rem; }
article { border-top: 1px solid #ccc; margin-top: 2.5rem; padding-top: 0.5rem; }
blockquote { margin: 0.5rem 0; padding: 0.1rem 0.9rem; border-left: 3px solid #9bb;
  background: #f5f8f8; }
blockquote h1, blockquote h2, blockquote h3 { font-size: 1.05rem; }
code, pre { font-family: ui-monospace, "SF Mono", Menlo, Consolas, monospace; font-size: 0.9em; }
pre { overflow-x: auto; padding: 0.5rem; background: #f2f2f2; }
table { border-collapse: collapse; }
th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; }
a { color: #0b57d0; overflow-wrap: anywhere; }
@media (prefers-color-scheme: dark) {
  body { color: #e8e8e8; background: #161616; }
  header p { color: #aaa; }
  blockquote { background: #1f2626; border-color: #577; }
  pre { background: #222; }
  a { color: #8ab4f8; }
}
@media print {
  body { max-width: none; margin: 0; font-size: 11pt; color: #000; background: #fff; }
  nav.toc { break-after: page; }
  article { border: 0; margin: 0; break-before: page; }
  h2, h3, h4 { break-after: avoid; }
  blockquote, li { break-inside: avoid; }
  blockquote { background: none; }
  a { color: inherit; }
  a[href^="http"]::after { content: " <" attr(href) ">"; font-size: 0.85em; }
}
"""


def _validate_link(url: str) -> bool:
    """Only web, mail and phone links, or addresses without a scheme."""
    compact = re.sub(r"[\x00-\x20\x7f]+", "", url).lower()
    match = _SCHEME.match(compact)
    return match is None or match[1] in SAFE_SCHEMES


def _render_image(self: RendererHTML, tokens: Sequence[Token], idx: int,
                  options: OptionsDict, env: EnvType) -> str:
    token = tokens[idx]
    src = html.escape(str(token.attrGet("src") or ""), quote=True)
    alt = html.escape(self.renderInlineAsText(token.children or [], options, env))
    return f'<a href="{src}" rel="noopener noreferrer">[image: {alt or "no description"}]</a>'


def _render_link_open(self: RendererHTML, tokens: Sequence[Token], idx: int,
                      options: OptionsDict, env: EnvType) -> str:
    tokens[idx].attrSet("rel", "noopener noreferrer")
    return self.renderToken(tokens, idx, options, env)


@cache
def markdown_renderer() -> MarkdownIt:
    """markdown-it-py with CommonMark, tables and strikethrough, raw HTML off, safe links."""
    md = MarkdownIt("commonmark", {"html": False}).enable(["table", "strikethrough"])
    md.validateLink = _validate_link  # type: ignore[method-assign]
    md.add_render_rule("image", _render_image)
    md.add_render_rule("link_open", _render_link_open)
    return md


def markdown_to_html(text: str, shift: int = 0) -> str:
    """Render Markdown safely; ``shift`` demotes headings (h1 -> h2 with 1), capped at h6."""
    rendered = str(markdown_renderer().render(text))
    if not shift:
        return rendered
    return _HEADING.sub(lambda m: f"<{m[1]}h{min(6, int(m[2]) + shift)}>", rendered)


def _anchor(record_id: str) -> str:
    return "c-" + re.sub(r"[^A-Za-z0-9_-]", "-", record_id)


def _toc_label(conversation: Conversation, contact: Contact, redact: bool) -> str:
    name = initials(contact.name) if redact else one_line(contact.name)
    label = f"{conversation_day(conversation).isoformat()} · {name}"
    if one_line(contact.company):
        label += f" ({one_line(contact.company)})"
    return f"{label} · {STATUS_LABELS.get(conversation.status, conversation.status)}"


def html_document(conversations: Iterable[Conversation], people: Mapping[str, Contact], *,
                  prompts: Sequence[str] | None = None, redact: bool = False,
                  now: datetime | None = None, title: str = "Coffee chats",
                  progress: Callable[[int, int], None] | None = None) -> str:
    """The whole HTML document as text; ``progress(done, total)`` is called after each
    conversation (rendering is the slow part: a few milliseconds each)."""
    items = entries(conversations, people)
    titles = list(prompts) if prompts is not None else reflection_prompts()
    moment = now or datetime.now().astimezone()
    redactor = redactor_for([e.conversation for e in items], people) if redact else None
    heading = html.escape(one_line(title))
    count = f"{len(items)} conversation{'s' if len(items) != 1 else ''}"
    toc, articles = [], []
    for entry in items:
        chat, contact = entry.conversation, entry.contact
        anchor = _anchor(chat.id)
        toc.append(f'<li><a href="#{anchor}">'
                   f"{html.escape(_toc_label(chat, contact, redact))}</a></li>")
        body = conversation_markdown(chat, contact, people=people, prompts=titles,
                                     redact=redact, redactor=redactor)
        articles.append(f'<article id="{anchor}">\n{markdown_to_html(body, shift=1)}</article>')
        if progress is not None:
            progress(len(articles), len(items))
    parts = [
        "<!DOCTYPE html>",
        '<html lang="en">',
        "<head>",
        '<meta charset="utf-8">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        f'<meta http-equiv="Content-Security-Policy" content="{CSP}">',
        '<meta name="referrer" content="no-referrer">',
        f'<meta name="generator" content="coffeechat {html.escape(__version__)}">',
        f"<title>{heading} · {moment.date().isoformat()}</title>",
        f"<style>{STYLE}</style>",
        "</head>",
        "<body>",
        f"<header><h1>{heading}</h1><p>Exported {moment.date().isoformat()} · {count}"
        f"{' · names shortened to initials, contact details removed' if redact else ''}"
        "</p></header>",
    ]
    if toc:
        parts += ['<nav class="toc" aria-label="Contents"><h2>Contents</h2><ol>', *toc,
                  "</ol></nav>"]
    parts += ["<main>", *articles, "</main>", "</body>", "</html>", ""]
    return "\n".join(parts)


def export_html(path: Path, conversations: Iterable[Conversation],
                people: Mapping[str, Contact], *, prompts: Sequence[str] | None = None,
                redact: bool = False, now: datetime | None = None,
                progress: Callable[[int, int], None] | None = None) -> int:
    """Write the document to ``path`` (atomic, 0600); returns how many conversations it has."""
    check_file_target(path)
    chats = list(conversations)
    text = html_document(chats, people, prompts=prompts, redact=redact, now=now,
                         progress=progress)
    write_private(path, text.encode("utf-8"))
    return len(chats)
