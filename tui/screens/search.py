"""Search everything from anywhere (ctrl+f): results follow each keystroke.

The query box keeps the cursor the whole time, so every printable key is text; ``↑``/``↓``
move through the results and Enter opens the highlighted one at its place (the conversation's
pane, part and item; a contact's page). Queries run on a thread against the search index
(:mod:`tui.core.search`); a newer keystroke cancels the running one. Matches are styled spans
of plain text, never markup.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from datetime import datetime
from typing import Any

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from tui.core.dates import format_when
from tui.core.safetext import visible
from tui.core.search_filters import (
    current_values,
    describe_filters,
    next_range,
    next_value,
    with_dates,
    with_filter,
)
from tui.core.search_hits import Hit, SearchResult
from tui.core.search_text import fold, tokens
from tui.core.text_width import fit_spans
from tui.screens.opening import find_index, show_place
from tui.widgets.app_services import app_services
from tui.widgets.fitted_list import FittedOptionList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.text import one_line, styled

LIMIT = 30  # two screens of results; more words or a filter narrow them
FILTERS = ("company:", "person:", "tag:", "status:", "kind:", "after:", "before:")
HINT = ('words · "a phrase" · -word · company: person: tag: status: kind: after:2026-01 '
        "before:2026-06")


def hit_row(hit: Hit, width: int = 200, now: datetime | None = None) -> Content:
    """Two lines: who, when and where the text came from; the snippet, matches styled."""
    when = format_when(hit.date, now) if hit.date else "contact"
    head = styled((one_line(hit.name, 40), "bold"), ("  " + when, "dim"),
                  ("  " + one_line(hit.label, 40), "italic $accent"))
    text, spans = fit_spans(visible(hit.snippet), hit.spans, width)
    snippet = Content("  " + text)
    for start, end in spans:
        snippet = snippet.stylize("bold reverse", start + 2, end + 2)
    return Content("\n").join([head, snippet])


def filters_line(text: str) -> Content:
    """The filters in force, or the keys that set them."""
    active = describe_filters(text)
    if not active:
        return styled(("f2 status · f3 kind · f4 dates · f5 company · f6 tag", "dim"))
    parts: list[str | tuple[str, str]] = [("filters: ", "dim")]
    for number, (name, value) in enumerate(active):
        parts += [("  " if number else "", ""), (f"{name} ", "dim"),
                  (one_line(value, 40), "bold $accent")]
    parts.append(("   f7 clears", "dim"))
    return styled(*parts)


def _people(count: int) -> str:
    return f"{count} contact{'s' if count != 1 else ''}"


class SearchScreen(Screen[None]):
    """The search box and its results (see the module docstring)."""

    BINDINGS = [
        Binding("escape", "close", "Back", tooltip="Close the search", id="search.close"),
        Binding("down", "move(1)", "Next", show=False, tooltip="The next result",
                id="search.next"),
        Binding("up", "move(-1)", "Previous", show=False, tooltip="The previous result",
                id="search.previous"),
        Binding("pagedown", "move(5)", "Page down", show=False, id="search.page_down"),
        Binding("pageup", "move(-5)", "Page up", show=False, id="search.page_up"),
        Binding("f2", "cycle('status')", "Status", tooltip="Filter by status: idea, "
                "reached out, scheduled, done, thanked, then any", id="search.status"),
        Binding("f3", "cycle('kind')", "Kind", tooltip="Filter by kind: person, industry, "
                "company, then any", id="search.kind"),
        Binding("f4", "dates", "Dates", tooltip="Filter by date: the last 30 days, 90 days, "
                "this year, last year, then any", id="search.dates"),
        Binding("f5", "pick('company')", "Company", tooltip="Filter by company: pick one "
                "from your contacts", id="search.company"),
        Binding("f6", "pick('tag')", "Tag", tooltip="Filter by tag: pick one of your tags",
                id="search.tag"),
        Binding("f7", "clear_filters", "No filters", tooltip="Remove every filter (the "
                "words stay)", id="search.clear"),
    ]
    DEFAULT_CSS = """
    SearchScreen #search-box { margin: 0 0; }
    SearchScreen #search-status { height: 1; padding: 0 1; color: $text-muted; }
    SearchScreen #search-filters { height: auto; max-height: 2; padding: 0 1; }
    SearchScreen #search-results { height: 1fr; }
    """

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self.initial = query
        self.result: SearchResult | None = None
        self.hits: list[Hit] = []
        self._index: Any = None
        self._own_index = False
        self._searched = 0  # how many searches have come back (tests wait on it)
        self.opened = False  # the chosen result is on screen

    def compose(self) -> ComposeResult:
        """The query box, a status line, the results, the footer."""
        yield Input(self.initial, placeholder="search every conversation and contact",
                    id="search-box", compact=True)
        yield Static(filters_line(self.initial), id="search-filters")
        yield Static(styled((HINT, "dim")), id="search-status")
        results = FittedOptionList(id="search-results", compact=True)
        results.can_focus = False
        yield results
        yield KeyFooter()

    def on_mount(self) -> None:
        """The cursor in the box; find the index (off the event loop)."""
        self.query_one("#search-box", Input).focus()
        self._find_index()

    @work(thread=True, exclusive=True, group="search-index", exit_on_error=False,
          description="building the search index")
    def _find_index(self) -> None:
        self._index, self._own_index = find_index(app_services(self).store)
        self.app.call_from_thread(self._search_now)

    def on_unmount(self) -> None:
        """Close an index this screen opened itself."""
        if self._own_index and self._index is not None:
            with contextlib.suppress(Exception):
                self._index.close()

    @on(Input.Changed, "#search-box")
    def _typed(self, event: Input.Changed) -> None:
        self.query_one("#search-filters", Static).update(filters_line(event.value))
        self._search_now()

    def _search_now(self) -> None:
        if self._index is None:
            return
        with contextlib.suppress(Exception):
            self._index.cancel_search()
        width = max(30, self.query_one("#search-results").size.width - 4)
        self._search(self.query_one("#search-box", Input).value, width)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False,
          description="searching")
    def _search(self, text: str, width: int) -> None:
        from tui.core.search_query import parse

        try:
            result = self._index.search(parse(text), limit=LIMIT, width=width)
        except Exception as exc:  # the disk failed or the index is locked: say so
            self.app.call_from_thread(self._failed, str(exc))
            return
        if not result.cancelled:
            self.app.call_from_thread(self._show, text, result, width)

    def _failed(self, reason: str) -> None:
        self.query_one("#search-status", Static).update(
            styled((f"Search is not available: {one_line(reason, 200)}", "bold $error")))

    def _show(self, text: str, result: SearchResult, width: int) -> None:
        if text != self.query_one("#search-box", Input).value:
            return  # a newer search is on its way
        self._searched += 1
        self.result, self.hits = result, list(result.hits)
        results = self.query_one("#search-results", OptionList)
        now = app_services(self).clock()
        results.set_options([Option(hit_row(hit, width, now), id=str(n))
                             for n, hit in enumerate(self.hits)])
        if self.hits:
            results.highlighted = 0
        self.query_one("#search-status", Static).update(self._status(text, result))

    def _status(self, text: str, result: SearchResult) -> Content:
        if not text.strip():
            return styled((HINT, "dim"))
        if result.notices:
            return styled((one_line(" ".join(result.notices), 300), "$warning"))
        count = len(result.hits)
        if not count:
            return styled(("No matches.", "dim"))
        more = " (more: add a word or a filter)" if result.more or result.capped else ""
        people = f" in {result.records} record{'s' if result.records != 1 else ''}"
        return styled((f"{count} match{'es' if count != 1 else ''}{people}{more}", "dim"))

    # -- moving and opening ----------------------------------------------------------------

    def action_move(self, step: int) -> None:
        """Move the highlight through the results (the cursor stays in the box)."""
        results = self.query_one("#search-results", OptionList)
        if results.option_count:
            current = results.highlighted or 0
            results.highlighted = max(0, min(results.option_count - 1, current + step))

    @on(Input.Submitted, "#search-box")
    def _submitted(self) -> None:
        results = self.query_one("#search-results", OptionList)
        if results.highlighted is not None and results.highlighted < len(self.hits):
            self.open_hit(self.hits[results.highlighted])

    @on(OptionList.OptionSelected, "#search-results")
    def _clicked(self, event: OptionList.OptionSelected) -> None:
        self.open_hit(self.hits[int(event.option.id or 0)])

    def open_hit(self, hit: Hit) -> None:
        """Close the search and show where ``hit`` came from (the app does the opening: this
        screen is gone by then)."""
        app = self.app

        async def show() -> None:
            await show_place(app.screen, hit.conversation_id, hit.contact_id, hit.locator)
            self.opened = True

        self.dismiss(None)
        app.call_later(show)

    def action_close(self) -> None:
        """Leave the search."""
        self.dismiss(None)

    def help_note(self) -> str:
        """The line F1 shows above the keys."""
        return "Type to search; ↑ ↓ choose a result; Enter opens it where the text is. " + HINT

    def palette_commands(self) -> Iterable[SystemCommand]:
        """A command per filter: each adds it to the query."""
        for name, help_text, action in (
                ("status", "the next status (f2)", lambda: self.action_cycle("status")),
                ("kind", "the next kind (f3)", lambda: self.action_cycle("kind")),
                ("dates", "the next date range (f4)", self.action_dates),
                ("company", "pick a company (f5)", lambda: self.action_pick("company")),
                ("tag", "pick a tag (f6)", lambda: self.action_pick("tag"))):
            yield SystemCommand(f"Filter by {name}", help_text.capitalize(), action)
        yield SystemCommand("Remove the filters", "Every filter goes; the words stay (f7)",
                            self.action_clear_filters)
        for name in FILTERS:
            yield SystemCommand(f"Filter {name}", f"Add '{name}' to the query",
                                lambda f=name: self._add_filter(f))

    # -- filter keys: they edit the query text, so what they set is in plain sight ------

    @property
    def text(self) -> str:
        """The query as typed."""
        return self.query_one("#search-box", Input).value

    def set_text(self, text: str) -> None:
        """Replace the query (the cursor at its end, in the box); results follow."""
        box = self.query_one("#search-box", Input)
        box.value = text
        box.cursor_position = len(text)
        box.focus()

    def action_cycle(self, key: str) -> None:
        """The next status or kind (after the last one: any)."""
        value = next_value(self.text, key)
        self.set_text(with_filter(self.text, key, *([value] if value else [])))

    def action_dates(self) -> None:
        """The next date range (after the last one: any date)."""
        today = app_services(self).clock().date()
        self.set_text(with_dates(self.text, next_range(self.text, today)))

    def action_clear_filters(self) -> None:
        """Remove every filter; the words stay."""
        text = self.text
        for key in ("status", "kind", "company", "person", "tag", "after"):
            text = with_filter(text, key)
        self.set_text(text)

    def action_pick(self, key: str) -> None:
        """Pick a company from the contacts, or a tag from the index (counted on a thread)."""
        if key == "company":
            companies: dict[str, list[str]] = {}
            for contact in app_services(self).store.contacts():
                if contact.company.strip():
                    companies.setdefault(fold(contact.company.strip()), []).append(
                        contact.company.strip())
            choices = sorted(((names[0], names[0], _people(len(names)))
                              for names in companies.values()), key=lambda c: fold(c[1]))
            self._choose("company", "Filter by company", choices)
        elif self._index is not None:
            self._tag_choices()

    @work(thread=True, exclusive=True, group="search-tags", exit_on_error=False,
          description="listing the tags")
    def _tag_choices(self) -> None:
        counts = self._index.tag_counts()
        choices = [(t.shown, "#" + t.shown, f"{t.places}") for t in counts.tags]
        self.app.call_from_thread(self._choose, "tag", "Filter by tag", choices)

    def _choose(self, key: str, title: str, choices: list[tuple[str, str, str]]) -> None:
        from tui.dialogs.choice import ChoiceScreen

        current = current_values(self.text, key)
        chosen = next((c[0] for c in choices
                       if current and " ".join(tokens(c[0])) == current[0]), "")

        def picked(value: str | None) -> None:
            if value is not None:
                self.set_text(with_filter(self.text, key, *([value] if value else [])))
            else:
                self.query_one("#search-box").focus()

        if not choices:
            self.notify("No tags yet: type #fintech in a note to tag it." if key == "tag"
                        else "No contact has a company yet.", timeout=4)
            return
        self.app.push_screen(ChoiceScreen(title, choices, chosen), picked)

    def _add_filter(self, name: str) -> None:
        box = self.query_one("#search-box", Input)
        box.value = (box.value.rstrip() + " " + name).lstrip()
        box.cursor_position = len(box.value)
        box.focus()
