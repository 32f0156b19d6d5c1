"""Tags: every ``#tag`` typed in notes and answers, and every tag given to a contact, with
how many places carry it; for a tag, each of those places, newest first.

The counting and the places come from the search index (:meth:`SearchIndex.tag_counts
<tui.core.search.SearchIndex.tag_counts>`), on a thread, so thousands of conversations never
hold up the screen. Read-only, so letters are commands. Enter on a tag moves to its places
(in a narrow terminal the places take the tags' room); Enter on a place opens it where the
tag is: the conversation's pane, question, note or answer, or the contact's page.
"""

from __future__ import annotations

import contextlib
from collections.abc import Iterable
from typing import Any

from textual import events, on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.search import TagCount, TagCounts, TagPlaces
from tui.core.search_hits import Hit
from tui.screens.opening import find_index, read_conversation, show_place
from tui.screens.search import hit_row
from tui.widgets.app_services import app_services
from tui.widgets.fitted_list import FittedOptionList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.text import one_line, styled

NARROW = 70  # below this many columns the tags and their places take turns
RETRY_SECONDS = 2.0  # while the app is still building the index, count again this often
FIRST_ROWS = 40  # places shown at once; the rest follow in steps of MORE_ROWS
MORE_ROWS = 60


def _plural(count: int, word: str) -> str:
    return f"{count:,} {word}{'' if count == 1 else 's'}"


def tag_row(tag: TagCount, width: int = 30) -> Content:
    """``fintech   12``: the tag as people spell it, then how many places carry it."""
    number = f"{tag.places:,}"
    name = one_line("#" + tag.shown, max(4, width - len(number) - 2))
    return styled((name, "bold"), " " * max(1, width - len(name) - len(number)),
                  (number, "$accent"))


def tag_summary(tag: TagCount) -> str:
    """``12 places in 5 conversations and 2 contacts``."""
    where = [_plural(n, word) for n, word in ((tag.conversations, "conversation"),
                                             (tag.contacts, "contact")) if n]
    return f"{_plural(tag.places, 'place')} in {' and '.join(where) or 'nothing'}"


class TagsScreen(Screen[None]):
    """The tags and the places carrying them (see the module docstring)."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", tooltip="From the places back to the tags; from "
                "the tags back to the lists", id="tags.back"),
        # priority: the lists would take ← → to scroll sideways
        Binding("right", "places", "Places", show=False, priority=True,
                tooltip="The places carrying the highlighted tag", id="tags.places"),
        Binding("left", "tags", "Tags", show=False, priority=True, tooltip="Back to the tags",
                id="tags.tags"),
        Binding("v", "read", "Read", tooltip="Read the highlighted place's conversation, "
                "top to bottom", id="tags.read"),
        Binding("r", "refresh", "Refresh", tooltip="Count the tags again", id="tags.refresh"),
    ]
    DEFAULT_CSS = """
    TagsScreen #tags-status { height: 1; padding: 0 1; color: $text-muted; }
    TagsScreen #tags-body { height: 1fr; }
    TagsScreen #tag-list { width: 26; height: 1fr; border-right: vkey $panel-lighten-2; }
    TagsScreen #tag-side { width: 1fr; height: 1fr; }
    TagsScreen #tag-title { height: auto; max-height: 2; padding: 0 1; background: $panel; }
    TagsScreen #tag-places { height: 1fr; }
    TagsScreen.-narrow #tag-list { width: 1fr; border-right: none; }
    TagsScreen.-narrow.-on-tags #tag-side { display: none; }
    TagsScreen.-narrow.-on-places #tag-list { display: none; }
    """

    def __init__(self) -> None:
        super().__init__()
        self.counts: TagCounts | None = None
        self.places: TagPlaces | None = None
        self.hits: list[Hit] = []
        self._index: Any = None
        self._own_index = False
        self.counted = 0  # how many countings have been shown (tests wait on it)
        self.opened = 0  # how many places have been opened

    def compose(self) -> ComposeResult:
        """A status line; the tags beside (or, narrow, instead of) their places; the footer."""
        yield Static(styled(("Counting tags…", "dim")), id="tags-status")
        with Horizontal(id="tags-body"):
            yield FittedOptionList(id="tag-list", compact=True)
            with Vertical(id="tag-side"):
                yield Static(id="tag-title")
                places = FittedOptionList(id="tag-places", compact=True)
                yield places
        yield KeyFooter()

    def on_mount(self) -> None:
        """The cursor on the tags; count them on a thread."""
        self.add_class("-on-tags")
        self._fit(self.app.size.width)
        self.query_one("#tag-list").focus()
        self.count()

    def on_resize(self, event: events.Resize) -> None:
        """Side by side when there is room, taking turns when not."""
        self._fit(event.size.width)

    def _fit(self, width: int) -> None:
        self.set_class(width < NARROW, "-narrow")

    def on_screen_resume(self) -> None:
        """Back from a conversation or a page: count again (a tag may have come or gone)."""
        if self.counts is not None:
            self.count()

    def on_unmount(self) -> None:
        """Close an index this screen opened itself."""
        if self._own_index and self._index is not None:
            with contextlib.suppress(Exception):
                self._index.close()

    # -- counting, on a thread -------------------------------------------------------------

    def count(self) -> None:
        """Count the tags again (and list the places of the highlighted one)."""
        self._count()

    @work(thread=True, exclusive=True, group="tags-count", exit_on_error=False,
          description="counting the tags")
    def _count(self) -> None:
        store = app_services(self).store
        store.flush(5.0)  # what was just saved is in the index too
        if self._index is None or (self._own_index and store.search_index is not None):
            if self._own_index and self._index is not None:
                self._index.close()
            self._index, self._own_index = find_index(store)
        try:
            counts = self._index.tag_counts()
        except Exception as exc:  # the disk failed or the index is locked: say so
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._show_counts, counts)

    def _failed(self, reason: str) -> None:
        self.query_one("#tags-status", Static).update(
            styled((f"Tags are not available: {one_line(reason, 200)}", "bold $error")))

    def _show_counts(self, counts: TagCounts) -> None:
        self.counts = counts
        self.counted += 1
        listing = self.query_one("#tag-list", OptionList)
        current = listing.highlighted_option.id if listing.highlighted_option else None
        width = max(12, (listing.size.width or 26) - 2)
        listing.set_options([Option(tag_row(tag, width), id=tag.key) for tag in counts.tags])
        keys = [tag.key for tag in counts.tags]
        if keys:
            listing.highlighted = keys.index(current) if current in keys else 0
        self._show_status()
        if not keys:
            self._show_places(TagPlaces(""))
        if self._own_index:  # the app is still building the index: count again soon
            self.set_timer(RETRY_SECONDS, self.count)

    def _show_status(self) -> None:
        counts = self.counts
        if counts is None:
            return
        if counts.notices:
            text: tuple[str, str] = (one_line(" ".join(counts.notices), 300), "$warning")
        elif not counts.tags:
            text = ("No tags yet: type #fintech (any word after #) in a note or an answer, or "
                    "give a contact tags.", "dim")
        else:
            places = sum(tag.places for tag in counts.tags)
            text = (f"{_plural(len(counts.tags), 'tag')} on {_plural(places, 'place')} · "
                    "most used first", "dim")
        self.query_one("#tags-status", Static).update(styled(text))

    @on(OptionList.OptionHighlighted, "#tag-list")
    def _tag_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option.id:
            self._list_places(event.option.id, max(30, self.size.width - 32))

    @work(thread=True, exclusive=True, group="tag-places", exit_on_error=False,
          description="finding a tag's places")
    def _list_places(self, key: str, width: int) -> None:
        if self._index is None:
            return
        try:
            places = self._index.tag_places(key, width=width)
        except Exception as exc:
            self.app.call_from_thread(self._failed, str(exc))
            return
        self.app.call_from_thread(self._show_places, places)

    def _show_places(self, places: TagPlaces) -> None:
        if places.key != self.current_key:
            return  # another tag is highlighted by now
        self.places, self.hits = places, list(places.hits)
        rows = self.query_one("#tag-places", OptionList)
        rows.set_options(self._rows(0, FIRST_ROWS))
        if self.hits:
            rows.highlighted = 0
        self.query_one("#tag-title", Static).update(self._title(places))
        if len(self.hits) > FIRST_ROWS:
            self.call_after_refresh(self._more_rows, places, FIRST_ROWS)

    def _rows(self, start: int, end: int) -> list[Option]:
        now = app_services(self).clock()
        width = max(30, self.query_one("#tag-places").size.width - 4)
        return [Option(hit_row(hit, width, now), id=str(n))
                for n, hit in enumerate(self.hits[start:end], start)]

    def _more_rows(self, places: TagPlaces, start: int) -> None:
        """The rest of a long list a few screens at a time, so that keys are never kept
        waiting behind hundreds of rows."""
        if places is not self.places:
            return  # another tag by now
        self.query_one("#tag-places", OptionList).add_options(
            self._rows(start, start + MORE_ROWS))
        if start + MORE_ROWS < len(self.hits):
            self.set_timer(0.01, lambda: self._more_rows(places, start + MORE_ROWS))

    def _title(self, places: TagPlaces) -> Content:
        tag = self.current_tag
        if tag is None:
            return Content("")
        shown = f" (the newest {len(places.hits):,} of {places.total:,})" \
            if places.total > len(places.hits) else ""
        return styled((one_line("#" + tag.shown, 40), "bold"),
                      (f"  {tag_summary(tag)}, newest first{shown}", "dim"))

    # -- where the cursor is ---------------------------------------------------------------

    @property
    def current_key(self) -> str:
        """The highlighted tag's key ("" when there are no tags)."""
        option = self.query_one("#tag-list", OptionList).highlighted_option
        return option.id or "" if option is not None else ""

    @property
    def current_tag(self) -> TagCount | None:
        """The highlighted tag."""
        key = self.current_key
        tags = self.counts.tags if self.counts is not None else ()
        return next((tag for tag in tags if tag.key == key), None)

    @property
    def current_hit(self) -> Hit | None:
        """The highlighted place (when the places have the cursor)."""
        rows = self.query_one("#tag-places", OptionList)
        index = rows.highlighted
        return self.hits[index] if index is not None and index < len(self.hits) else None

    def _on_places(self) -> bool:
        return self.focused is self.query_one("#tag-places")

    # -- moving and opening ----------------------------------------------------------------

    @on(OptionList.OptionSelected, "#tag-list")
    def _tag_chosen(self) -> None:
        self.action_places()

    def action_places(self) -> None:
        """Move to the places of the highlighted tag."""
        if self.query_one("#tag-places", OptionList).option_count:
            self.remove_class("-on-tags").add_class("-on-places")
            self.query_one("#tag-places").focus()

    def action_tags(self) -> None:
        """Back to the tags."""
        self.remove_class("-on-places").add_class("-on-tags")
        self.query_one("#tag-list").focus()

    @on(OptionList.OptionSelected, "#tag-places")
    async def _place_chosen(self, event: OptionList.OptionSelected) -> None:
        index = int(event.option.id or 0)
        if index < len(self.hits):
            await self.open_place(self.hits[index])

    async def open_place(self, hit: Hit) -> None:
        """Show the place: the conversation at the tag (this view stays underneath)."""
        await show_place(self, hit.conversation_id, hit.contact_id, hit.locator)
        self.opened += 1

    def action_read(self) -> None:
        """Read the highlighted place's conversation, top to bottom."""
        hit = self.current_hit
        if self._on_places() and hit is not None and hit.conversation_id:
            read_conversation(self, hit.conversation_id)

    def action_refresh(self) -> None:
        """Count the tags again."""
        self.query_one("#tags-status", Static).update(styled(("Counting tags…", "dim")))
        self.count()

    def action_back(self) -> None:
        """From the places back to the tags; from the tags, leave."""
        if self._on_places():
            self.action_tags()
        else:
            self.dismiss(None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Reading is for a place of a conversation."""
        if action == "read":
            hit = self.current_hit
            return self._on_places() and hit is not None and hit.conversation_id is not None
        return True

    @on(events.DescendantFocus)
    def _focus_moved(self) -> None:
        self.refresh_bindings()

    def help_note(self) -> str:
        """The line F1 shows above the keys."""
        return ("Type #fintech (any word after #) in a note, an answer or a goal to tag it; "
                "a contact's tags count too. Enter on a tag lists its places, newest first; "
                "Enter on a place opens it where the tag is. In search, tag:fintech or "
                "#fintech finds them.")

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands for the command palette."""
        yield SystemCommand("Places of this tag", "Every note, answer and contact carrying "
                            "the highlighted tag (enter)", self.action_places)
        yield SystemCommand("Read conversation", "The highlighted place's conversation, "
                            "read-only (v)", self.action_read)
        yield SystemCommand("Count tags again", "Refresh the counts (r)", self.action_refresh)
        yield SystemCommand("Back", "Leave Tags (esc)", lambda: self.dismiss(None))
