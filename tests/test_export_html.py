"""``export html``: golden output, and no script, handler or outside request whatever the input."""

from __future__ import annotations

import stat
from html.parser import HTMLParser
from pathlib import Path

from export_data import NOW, PROMPTS, check_golden, conversations, people
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.export_html import export_html, html_document, markdown_to_html
from tui.core.models import ActionItem, Contact, Conversation, Question, Reflection

ALLOWED_SCHEMES = ("http:", "https:", "mailto:", "tel:", "#")


class Audit(HTMLParser):
    """Collects what a browser would act on."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.attrs: list[tuple[str, str, str | None]] = []
        self.ids: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        for name, value in attrs:
            self.attrs.append((tag, name, value))
            if name == "id" and value:
                self.ids.append(value)


def audit(document: str) -> Audit:
    parser = Audit()
    parser.feed(document)
    parser.close()
    return parser


def assert_inert(document: str) -> None:
    found = audit(document)
    assert not {"script", "iframe", "object", "embed", "img", "link", "form", "base", "svg",
                "video", "audio", "source"} & set(found.tags), found.tags
    for tag, name, value in found.attrs:
        assert not name.startswith("on"), (tag, name, value)
        assert name not in ("src", "srcset", "action", "formaction", "background"), name
        if name == "href":
            target = "".join((value or "").split()).lower()
            assert target.startswith(ALLOWED_SCHEMES) or ":" not in target.split("/")[0], value
        if name == "style":
            raise AssertionError("inline style attribute")


def document() -> str:
    return html_document(conversations(), people(), prompts=PROMPTS, now=NOW)


def test_golden_document() -> None:
    check_golden("conversations.html", document())


def test_structure_title_and_table_of_contents() -> None:
    text = document()
    found = audit(text)
    assert "<title>Coffee chats · 2026-12-03</title>" in text
    assert 'http-equiv="Content-Security-Policy"' in text and "default-src 'none'" in text
    links = [v for tag, name, v in found.attrs if tag == "a" and name == "href" and v and
             v.startswith("#")]
    assert links == ["#c-chat-marcus", "#c-chat-hostile"]
    assert set(found.ids) >= {"c-chat-marcus", "c-chat-hostile"}
    assert found.tags.count("article") == 2
    assert "@media print" in text and "break-before: page" in text


def test_hostile_fixture_is_inert() -> None:
    text = document()
    assert_inert(text)
    assert "&lt;script&gt;" in text and "javascript:alert" not in text.split("<main>")[0]
    assert 'href="javascript' not in text.lower()
    # the remote image became a link, and a note's link stays a link
    assert '<a href="https://tracker.example/pixel.png" rel="noopener noreferrer">' \
        '[image: remote]</a>' in text
    assert '<a href="https://example.org/a" rel="noopener noreferrer">link</a>' in text


def test_headings_move_down_a_level_under_the_document_title() -> None:
    assert markdown_to_html("# a\n\n###### b", shift=1) == "<h2>a</h2>\n<h6>b</h6>\n"


def test_export_writes_a_private_file(tmp_path: Path) -> None:
    path = tmp_path / "chats.html"
    assert export_html(path, conversations(), people(), prompts=PROMPTS, now=NOW) == 2
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert path.read_text(encoding="utf-8") == document()


def test_redacted_document() -> None:
    text = html_document(conversations(), people(), prompts=PROMPTS, now=NOW, redact=True)
    for secret in ("Marcus", "Priya", "Raman", "meet.example.org", "zoe@acme"):
        assert secret not in text
    assert "M. L." in text


HOSTILE = st.sampled_from([
    "<script>alert(1)</script>", "<img src=x onerror=alert(1)>", "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))", "[x](java\tscript:alert(1))", "<javascript:alert(1)>",
    "[x](&#106;avascript:alert(1))", "![p](https://evil.example/p.png)",
    "![p](data:image/png;base64,AAAA)", "[x](data:text/html,<script>)", "[x](vbscript:y)",
    "[x](file:///etc/passwd)", '<a href="javascript:x">a</a>', "<svg onload=alert(1)>",
    "\" onmouseover=\"alert(1)", "<style>body{}</style>", "<iframe src=//evil>",
    "[ref]: javascript:x\n[ref]", "<!--", "```", "# h", "> q", "<http://ok.example>",
    "[ok](https://ok.example)", "\x00\x1b[31m",
])


@settings(max_examples=120, deadline=None)
@given(st.lists(st.one_of(HOSTILE, st.text(max_size=20)), min_size=1, max_size=8))
def test_nothing_typed_becomes_script_or_an_outside_request(parts: list[str]) -> None:
    text = "".join(parts)
    contact = Contact(id="c", name=text[:50] or "x", company=text[:30], role=text[:20],
                      tags=[text[:10] or "t"])
    chat = Conversation(
        id="h", contact_id="c", goal=text, ask=text, place=text, topic=text,
        research_notes=text, created_at="2026-01-01T00:00:00+00:00",
        questions=[Question(text=text, note=text, category=text)],
        reflection=Reflection(answers={"key-insights": text, text[:20] or "k": text}),
        actions=[ActionItem(text=text)])
    assert_inert(html_document([chat], {"c": contact}, prompts=PROMPTS, now=NOW))


def test_progress_is_reported_per_conversation() -> None:
    seen: list[tuple[int, int]] = []
    html_document(conversations(), people(), prompts=PROMPTS, now=NOW,
                  progress=lambda done, total: seen.append((done, total)))
    assert seen == [(1, 2), (2, 2)]
