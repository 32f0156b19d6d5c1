"""The Research part of Prep: the checklist (tick, note, add, remove) and research notes."""

from __future__ import annotations

from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Label, OptionList, Static, TextArea
from textual.widgets.option_list import Option

from tui.core.models import ChecklistItem
from tui.core.prep import (
    OTHER_SECTION,
    PrepError,
    add_checklist_item,
    checklist_from_template,
    checklist_groups,
    remove_by_id,
)
from tui.panes.prep.part import PrepPart
from tui.widgets.command_list import CommandList, ListCommand
from tui.widgets.key_order import focus_now
from tui.widgets.text import one_line, styled
from tui.widgets.text_box import LineBox, SubInput, TextBox

MAX_NOTES = 100_000
SECTION_PREFIX = "section:"
EMPTY_CHECKLIST = Option(styled(("No checklist items: a adds one.", "dim italic")), disabled=True)


def item_prompt(item: ChecklistItem) -> Content:
    """``[x] text`` with the note (if any) on a dimmer line below."""
    box = ("[x] ", "$success") if item.done else ("[ ] ", "$text-muted")
    text = (item.text, "$text-muted") if item.done else item.text
    if not item.note.strip():
        return styled(box, text)
    return styled(box, text, ("\n    ↳ " + one_line(item.note, 300), "italic $text-muted"))


def section_prompt(title: str, items: list[ChecklistItem]) -> Content:
    """The section heading with its own progress."""
    done = sum(1 for i in items if i.done)
    return styled((one_line(title, 60), "bold $accent"), (f"  {done}/{len(items)}", "dim"))


class ChecklistList(CommandList):
    """The checklist; option ids are item ids (section headings are disabled rows). Its keys
    are commands for the Research part (see :class:`ListCommand`)."""

    BINDINGS = [
        Binding("space", "command('toggle')", "Tick", tooltip="Tick or untick the item",
                id="prep.tick"),
        Binding("n", "command('note')", "Note", tooltip="Write a note on the item",
                id="prep.note"),
        Binding("enter", "command('note')", "Note (enter)", show=False,
                tooltip="Write a note on the item", id="prep.note_enter"),
        Binding("a", "command('add')", "Add", tooltip="Add an item to this section",
                id="prep.add_item"),
        Binding("d,delete", "command('remove')", "Remove",
                tooltip="Remove the item (u puts it back)", id="prep.remove_item"),
        Binding("u", "command('undo')", "Put back", show=False,
                tooltip="Put back the last removed item", id="prep.undo_item"),
    ]


class ChecklistPart(PrepPart):
    """Research checklist grouped by section, the kind's focus first; notes below."""

    label = "Research"
    DEFAULT_CSS = """
    ChecklistPart #checklist { height: 2fr; min-height: 4; }
    ChecklistPart #research-label { color: $text-muted; padding: 0 1; }
    ChecklistPart #research-notes { height: 1fr; min-height: 3; border: none; padding: 0 1;
                                    background: $surface; }
    ChecklistPart #research-notes:focus { background: $boost; }
    """

    def __init__(self, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._note_item: str | None = None
        self._removed: tuple[int, ChecklistItem] | None = None

    def compose(self) -> ComposeResult:
        """The list, the note line, the hidden add line and the research notes."""
        yield ChecklistList(id="checklist")
        with Horizontal(classes="prep-row", id="note-row"):
            yield Label("Note")
            yield SubInput(id="item-note", compact=True,
                           placeholder="a note on the highlighted item (n)")
        with Horizontal(classes="prep-row", id="add-row"):
            yield Label("New item", id="add-label")
            yield SubInput(id="item-new", compact=True,
                           placeholder="type the item; enter adds it, esc cancels")
        yield Static(styled("Research notes (Markdown; tab from the list)"), id="research-label")
        yield TextBox(id="research-notes",
                       placeholder="What you found: their path, the company's news, words to "
                                   "know, things to ask about…")

    def on_mount(self) -> None:
        """The add line only shows while adding."""
        self.query_one("#add-row").display = False

    def prepare(self) -> bool:
        """Create the conversation's checklist from the template if it has none yet."""
        if self.conversation.checklist:
            return False
        self.conversation.checklist = checklist_from_template(self.content.checklist,
                                                              self.conversation.kind)
        return True

    # -- showing -------------------------------------------------------------------------

    @property
    def checklist(self) -> ChecklistList:
        """The list widget."""
        return self.query_one(ChecklistList)

    def refresh_view(self) -> None:
        """Rebuild the list and the notes from the model."""
        self.rebuild()
        notes = self.query_one("#research-notes", TextArea)
        if notes.text != self.conversation.research_notes:
            with notes.prevent(TextArea.Changed):
                notes.load_text(self.conversation.research_notes)

    def rebuild(self, highlight: str | None = None) -> None:
        """Fill the list from the checklist, keeping (or moving) the highlight."""
        checklist = self.checklist
        keep = highlight or (checklist.highlighted_option.id
                             if checklist.highlighted_option else None)
        options: list[Option] = []
        for title, items in checklist_groups(self.conversation.checklist, self.conversation.kind):
            options.append(Option(section_prompt(title, items), id=SECTION_PREFIX + title,
                                  disabled=True))
            options.extend(Option(item_prompt(i), id=i.id) for i in items)
        checklist.set_options(options or [EMPTY_CHECKLIST])
        ids = [o.id for o in options if not o.disabled]
        if ids:
            chosen = keep if keep in ids else ids[0]
            if chosen is not None:
                checklist.highlighted = checklist.get_option_index(chosen)
        self._load_note()

    def current(self) -> ChecklistItem | None:
        """The highlighted item."""
        option = self.checklist.highlighted_option
        if option is None or option.disabled:
            return None
        return next((i for i in self.conversation.checklist if i.id == option.id), None)

    def _load_note(self) -> None:
        item = self.current()
        note = self.query_one("#item-note", SubInput)
        self._note_item = item.id if item else None
        with note.prevent(SubInput.Changed):
            note.value = item.note if item else ""
        note.disabled = item is None

    def _refresh_item(self, item: ChecklistItem) -> None:
        self.checklist.replace_option_prompt(item.id, item_prompt(item))
        title = item.section.strip() or OTHER_SECTION
        siblings = [i for i in self.conversation.checklist
                    if (i.section.strip() or OTHER_SECTION) == title]
        self.checklist.replace_option_prompt(SECTION_PREFIX + title,
                                             section_prompt(title, siblings))

    @on(OptionList.OptionHighlighted, "#checklist")
    def _highlighted(self) -> None:
        self._load_note()

    # -- editing -------------------------------------------------------------------------

    @on(ListCommand, "#checklist")
    def _command(self, request: ListCommand) -> None:
        request.done_here()
        {"toggle": self.toggle, "note": lambda: focus_now(self.query_one("#item-note")),
         "add": self.start_adding, "remove": self.remove_item,
         "undo": self.undo_remove}[request.command]()

    def toggle(self) -> None:
        """Tick or untick the highlighted item."""
        item = self.current()
        if item is not None:
            item.done = not item.done
            self._refresh_item(item)
            self.edited()

    @on(SubInput.Changed, "#item-note")
    def _note_changed(self, event: SubInput.Changed) -> None:
        item = next((i for i in self.conversation.checklist if i.id == self._note_item), None)
        if item is None or item.note == event.value:
            return
        if len(event.value) > 2000:
            self.say("A checklist note is limited to 2,000 characters; the longer text is "
                     "not saved. Put long notes in the research notes below.", "error")
            return
        item.note = event.value
        self._refresh_item(item)
        self.edited()

    @on(LineBox.Entered, "#item-note")
    @on(SubInput.Leave, "#item-note")
    def _note_done(self, request: LineBox.Entered | SubInput.Leave) -> None:
        request.done_here()
        focus_now(self.checklist)

    def start_adding(self) -> None:
        """Show the add line for the highlighted item's section."""
        item = self.current()
        section = (item.section.strip() if item else "") or OTHER_SECTION
        self.query_one("#add-label", Label).update(styled("New item"))
        self.query_one("#item-new", SubInput).placeholder = (
            f"new item for '{one_line(section, 30)}'; enter adds it, esc cancels")
        self.query_one("#add-row").display = True
        focus_now(self.query_one("#item-new"))

    @on(LineBox.Entered, "#item-new")
    def _add_submitted(self, request: LineBox.Entered) -> None:
        request.done_here()
        item = self.current()
        section = (item.section.strip() if item else "") or OTHER_SECTION
        try:
            added = add_checklist_item(self.conversation, request.value, section,
                                       item.id if item else None)
        except PrepError as exc:
            self.say(str(exc), "warning")
            return
        request.box.value = ""
        self._stop_adding()
        self.rebuild(highlight=added.id)
        self.edited()

    @on(SubInput.Leave, "#item-new")
    def _leave_adding(self, request: SubInput.Leave) -> None:
        request.done_here()
        self._stop_adding()

    def _stop_adding(self) -> None:
        self.query_one("#add-row").display = False
        focus_now(self.checklist)

    def remove_item(self) -> None:
        """Remove the highlighted item (it can be put back with u)."""
        item = self.current()
        if item is None:
            return
        removed = remove_by_id(self.conversation.checklist, item.id)
        if removed is None:
            return
        self._removed = removed
        below = self.checklist.highlighted or 0
        self.rebuild()
        ids = [o.id for o in self.checklist.options if not o.disabled]
        if ids:
            self.checklist.highlighted = min(below, len(self.checklist.options) - 1)
            if self.checklist.highlighted_option and self.checklist.highlighted_option.disabled:
                self.checklist.action_cursor_down()
        self._load_note()
        self.edited()
        self.say(f"Removed '{one_line(item.text, 60)}'. Press u to put it back.")

    def undo_remove(self) -> None:
        """Put back the last removed item where it was."""
        if self._removed is None:
            self.say("Nothing to put back.")
            return
        index, item = self._removed
        self._removed = None
        self.conversation.checklist.insert(min(index, len(self.conversation.checklist)), item)
        self.rebuild(highlight=item.id)
        self.edited()

    @on(TextArea.Changed, "#research-notes")
    def _notes_changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        if text == self.conversation.research_notes:
            return
        if len(text) > MAX_NOTES:
            self.say(f"Research notes are limited to {MAX_NOTES:,} characters; this change "
                     "is not saved until the notes are shorter.", "error")
            return
        self.conversation.research_notes = text
        self.edited()

    def first_widget(self) -> Widget | None:
        """Start on the list."""
        return self.checklist

    def list_widget(self) -> Widget | None:
        """The checklist."""
        return self.checklist

    def typing_box(self) -> Widget | None:
        """Letters typed on the part bar go into the research notes."""
        return self.query_one("#research-notes")
