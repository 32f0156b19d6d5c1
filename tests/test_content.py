"""Shipped content parses; the user's copies override it; broken copies warn and fall back."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tui.core.content import (
    CHECKLIST,
    OUTREACH,
    QUESTIONS,
    REFLECTION,
    THANK_YOU,
    Section,
    fill_template,
    load_checklist,
    load_questions,
    load_reflection,
    load_template,
    order_sections,
    shipped_dir,
    slug,
)

# Phrases that would turn an informational interview into a job request.
ASKING_FOR_A_JOB = re.compile(
    r"\b(job (opening|offer|opportunit)|openings?\b|hiring|hire me|refer me|"
    r"(give|get|offer) me a job|apply|application|vacanc)",
    re.IGNORECASE,
)


def test_shipped_checklist_has_the_five_sections(tmp_path: Path) -> None:
    loaded = load_checklist(user_dir=tmp_path)
    assert loaded.warnings == []
    assert loaded.source == shipped_dir() / CHECKLIST
    titles = [s.title.casefold() for s in loaded.value]
    assert len(titles) == 5
    for word in ("person", "company", "industry", "yourself", "logistics"):
        assert any(word in t for t in titles), word
    assert all(len(s.items) >= 3 for s in loaded.value)


def test_shipped_question_bank(tmp_path: Path) -> None:
    loaded = load_questions(user_dir=tmp_path)
    assert loaded.warnings == []
    sections = loaded.value
    assert len(sections) == 12
    questions = [q for s in sections for q in s.items]
    assert len(questions) >= 60
    assert len(set(questions)) == len(questions), "a question appears twice"
    assert all(s.items for s in sections)
    assert all(q.endswith("?") for q in questions)
    asking = [q for q in questions if ASKING_FOR_A_JOB.search(q)]
    assert asking == [], "informational interviews never ask for a job"


TIARA = ["TIARA: Trends", "TIARA: Insights", "TIARA: Advice", "TIARA: Resources",
         "TIARA: Assignments"]


def test_shipped_question_bank_has_tiara_after_the_original_categories(tmp_path: Path) -> None:
    sections = load_questions(user_dir=tmp_path).value
    titles = [s.title for s in sections]
    assert titles[:7] == ["Career path", "Day to day", "Skills and qualifications",
                          "Company and culture", "Industry trends", "Advice", "Closing"]
    assert titles[7:] == TIARA
    for section in sections[7:]:
        assert 6 <= len(section.items) <= 8, section.title
        # open-ended: none starts like a yes/no question
        closed = [q for q in section.items if re.match(r"(Is|Are|Do|Does|Can|Could|Would|Will|"
                                                       r"Have|Has|Did)\b", q)]
        assert closed == [], closed


def test_shipped_reflection_prompts_have_hints(tmp_path: Path) -> None:
    loaded = load_reflection(user_dir=tmp_path)
    assert loaded.warnings == []
    assert len(loaded.value) >= 5
    assert all(s.hint for s in loaded.value)
    assert "key insights" in [s.title.casefold() for s in loaded.value]


@pytest.mark.parametrize("name", [OUTREACH, THANK_YOU])
def test_shipped_templates_load(tmp_path: Path, name: str) -> None:
    loaded = load_template(name, user_dir=tmp_path)
    assert loaded.warnings == []
    assert "{name}" in loaded.value
    assert loaded.value.endswith("\n")


def _write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    return path


def test_user_copy_replaces_shipped_file(tmp_path: Path) -> None:
    own = _write(tmp_path, QUESTIONS, "# Mine\n\n## Only one\n\n- [bold]Why?[/]\n- How?\n")
    loaded = load_questions(user_dir=tmp_path)
    assert loaded.source == own
    assert loaded.warnings == []
    assert loaded.value == [Section(title="Only one", items=["[bold]Why?[/]", "How?"])]


def test_user_template_replaces_shipped_one(tmp_path: Path) -> None:
    own = _write(tmp_path, THANK_YOU, "Thanks {name}, from {my_name}.\n\n")
    loaded = load_template(THANK_YOU, user_dir=tmp_path)
    assert loaded.source == own
    assert loaded.value == "Thanks {name}, from {my_name}.\n"


def test_config_dir_from_environment_is_used(tmp_path: Path, monkeypatch) -> None:
    monkeypatch.setenv("COFFEECHAT_CONFIG_DIR", str(tmp_path))
    own = _write(tmp_path, CHECKLIST, "## Me\n\n- one thing\n")
    assert load_checklist().source == own


BROKEN = [
    pytest.param(CHECKLIST, "- stray item\n\n## Heading\n\n- item\n", ":1:", "before the first",
                 id="item-before-heading"),
    pytest.param(CHECKLIST, "## A\n\n- one\n  - nested\n", ":4:", "nested lists",
                 id="nested-list"),
    pytest.param(QUESTIONS, "## A\n\n- q?\n\n## Empty\n\nJust words.\n", ":5:", "no list items",
                 id="heading-without-items"),
    pytest.param(QUESTIONS, "Just a paragraph.\n", ":1:", "no '## ' headings", id="no-headings"),
    pytest.param(OUTREACH, "Hi {name},\n\nI am {my_nmae}.\n", ":3:", "unknown placeholder",
                 id="unknown-placeholder"),
    pytest.param(THANK_YOU, "\n\n", ":1:", "empty", id="empty-template"),
    pytest.param(CHECKLIST, b"## A\n\n- caf\xe9\n", ":3:", "not UTF-8", id="not-utf8"),
]


@pytest.mark.parametrize(("name", "content", "line", "words"), BROKEN)
def test_broken_user_copy_warns_and_falls_back(
    tmp_path: Path, name: str, content: str | bytes, line: str, words: str
) -> None:
    own = _write(tmp_path, name, content)
    loaders = {
        CHECKLIST: load_checklist,
        QUESTIONS: load_questions,
        OUTREACH: lambda user_dir: load_template(OUTREACH, user_dir),
        THANK_YOU: lambda user_dir: load_template(THANK_YOU, user_dir),
    }
    loaded = loaders[name](user_dir=tmp_path)
    assert loaded.source == shipped_dir() / name
    assert len(loaded.warnings) == 1
    warning = loaded.warnings[0]
    assert f"{own}{line}" in warning
    assert words in warning
    assert "using the shipped" in warning
    shipped = loaders[name](user_dir=tmp_path / "nothing-here")
    assert loaded.value == shipped.value


def test_reflection_sections_need_no_items(tmp_path: Path) -> None:
    _write(tmp_path, REFLECTION, "## Insights\n\nWhat did you learn?\n\n## Rating\n")
    loaded = load_reflection(user_dir=tmp_path)
    assert loaded.warnings == []
    assert [(s.title, s.hint) for s in loaded.value] == [
        ("Insights", "What did you learn?"),
        ("Rating", ""),
    ]


def _sections(*titles: str) -> list[Section]:
    return [Section(title=t, items=["x"]) for t in titles]


@pytest.mark.parametrize(
    ("kind", "expected"),
    [
        ("person", ["The person", "The company", "The industry", "Yourself", "Logistics"]),
        ("company", ["The company", "The person", "The industry", "Yourself", "Logistics"]),
        ("industry", ["The industry", "The company", "The person", "Yourself", "Logistics"]),
        ("unknown", ["Yourself", "The industry", "The company", "The person", "Logistics"]),
    ],
)
def test_order_sections_by_kind(kind: str, expected: list[str]) -> None:
    sections = _sections("Yourself", "The industry", "The company", "The person", "Logistics")
    if kind == "unknown":
        expected = [s.title for s in sections]
    assert [s.title for s in order_sections(sections, kind)] == expected


def test_order_sections_on_the_shipped_checklist(tmp_path: Path) -> None:
    sections = load_checklist(user_dir=tmp_path).value
    ordered = order_sections(sections, "industry")
    assert "industry" in ordered[0].title.casefold()
    assert sorted(s.title for s in ordered) == sorted(s.title for s in sections)


def test_fill_template_leaves_unknown_and_empty_placeholders_visible() -> None:
    text = "Hi {name}, {mutual_connection} said {who_i_am}. {unknown} {name}"
    filled = fill_template(text, {"name": "Ada", "who_i_am": "", "extra": "x"})
    assert filled == "Hi Ada, {mutual_connection} said {who_i_am}. {unknown} Ada"
    assert fill_template("{name}", {"name": "{my_name}"}) == "{my_name}"  # no re-expansion


def test_slug() -> None:
    assert slug("How this fits my goals") == "how-this-fits-my-goals"
    assert slug("  Culture: observations!  ") == "culture-observations"
    assert slug("???") == "prompt"
