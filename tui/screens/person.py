"""One person's page: their details, the referral chain both ways, every conversation with
them newest first, open actions, the stay-in-touch state and the follow-up log.

Read-only, so letters are commands: Enter on a person opens their page, on a conversation
or an action its read-only view; ``e`` edits the contact. Their conversation files are read
on a thread (see :func:`tui.core.person.person_history` for what is worked out).
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on, work
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.core.models import Contact, Conversation
from tui.core.person import (
    PersonHistory,
    Referrals,
    conversation_line,
    person_history,
    referrals_by_person,
    tree_lines,
)
from tui.core.store import NotFoundError, Store
from tui.widgets.app_services import app_services
from tui.widgets.fitted_list import FittedOptionList
from tui.widgets.key_footer import KeyFooter
from tui.widgets.text import one_line, styled


def _heading(text: str) -> Option:
    return Option(styled((text, "bold $accent")), disabled=True)


def history_rows(history: PersonHistory) -> list[Option]:
    """The page's list: the chain up, the tree down, conversations, actions, follow-ups.
    Option ids: ``p:<contact id>`` opens a person, ``c:<conversation id>`` a conversation."""
    rows: list[Option] = [_heading("Introduced by")]
    if history.introduced_by:
        for depth, person in enumerate(history.introduced_by):
            arrow = "  " + "  " * depth + ("↑ " if depth else "")
            rows.append(Option(styled(arrow, (one_line(person.label, 60), "bold")),
                               id=f"p:{person.id}"))
    else:
        rows.append(Option(styled(("  nobody recorded", "dim")), disabled=True))
    rows.append(_heading("Introduced you to"))
    if history.introduced:
        for drawn, node in tree_lines(history.introduced):
            label = f"{node.name} ({node.company})" if node.company else node.name
            if node.contact_id:
                rows.append(Option(styled("  " + drawn, one_line(label, 60)),
                                   id=f"p:{node.contact_id}"))
            else:
                rows.append(Option(styled("  " + drawn, one_line(label, 60),
                                          ("  not a contact yet", "dim")), disabled=True))
    else:
        rows.append(Option(styled(("  nobody yet", "dim")), disabled=True))
    rows.append(_heading(f"Conversations ({len(history.conversations)}), newest first"))
    for chat in history.conversations:
        rows.append(Option(styled("  ", one_line(conversation_line(chat, sep=" · "), 200)),
                           id=f"c:{chat.id}"))
    if not history.conversations:
        rows.append(Option(styled(("  none yet", "dim")), disabled=True))
    if history.open_actions:
        rows.append(_heading("Open actions"))
        for index, action in enumerate(history.open_actions):
            due = f"  due {action.due}" if action.due else ""
            rows.append(Option(styled("  [ ] ", one_line(action.text, 120), (due, "dim")),
                               id=f"c:{action.conversation_id}:a{index}"))
    rows.append(_heading("Follow-ups"))
    for index, touch in enumerate(history.followups):
        rows.append(Option(styled(f"  {touch.on}  ", one_line(touch.note or "(no note)", 120)),
                           id=f"c:{touch.conversation_id}:f{index}"))
    if not history.followups:
        rows.append(Option(styled(("  none logged", "dim")), disabled=True))
    return rows


def details(history: PersonHistory) -> Content:
    """Name, role and company, how to reach them, tags, notes, and the stay-in-touch line."""
    c = history.contact
    parts: list[str | tuple[str, str]] = [(c.name, "bold")]
    who = " · ".join(p for p in (c.role, c.company) if p.strip())
    if who:
        parts.append(f"  {who}")
    for label, value in (("email", c.email), ("LinkedIn", c.linkedin),
                         ("found via", c.how_found), ("tags", ", ".join(c.tags))):
        if value.strip():
            parts += [(f"\n{label}: ", "dim"), one_line(value, 200)]
    if c.notes.strip():
        parts += [("\nnotes: ", "dim"), one_line(c.notes, 300)]
    parts += [("\nstay in touch: ", "dim"), history.stay_in_touch]
    return styled(*parts)


class PersonScreen(Screen[None]):
    """A person's history (see the module docstring)."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", tooltip="Back to where you came from",
                id="person.back"),
        Binding("e", "edit", "Edit", tooltip="Edit this contact", id="person.edit"),
        Binding("v", "read", "Read", show=False,
                tooltip="Read the highlighted conversation top to bottom", id="person.read"),
    ]
    DEFAULT_CSS = """
    PersonScreen #person-details { height: auto; max-height: 8; padding: 0 1;
                                   background: $panel; }
    PersonScreen #person-rows { height: 1fr; border: none; }
    """

    def __init__(self, contact_id: str) -> None:
        super().__init__()
        self.contact_id = contact_id
        self.history: PersonHistory | None = None

    @property
    def store(self) -> Store:
        """The app's store."""
        return app_services(self).store

    def compose(self) -> ComposeResult:
        """Details on top, the history list, the footer."""
        yield Static(styled(("Opening…", "dim")), id="person-details")
        yield FittedOptionList(id="person-rows", compact=True)
        yield KeyFooter()

    def on_mount(self) -> None:
        """Read their conversations on a thread, then show the page."""
        self.query_one("#person-rows").focus()
        self.reload()

    def reload(self) -> None:
        """Work the page out again from the store."""
        try:
            contact = self.store.contact(self.contact_id)
        except NotFoundError:
            self.dismiss(None)
            return
        contacts = self.store.contacts()
        summaries = self.store.summaries()
        ids = [s.id for s in summaries if s.contact_id == contact.id]
        self._load(contact, contacts, ids, referrals_by_person(summaries))

    @work(thread=True, exclusive=True, group="person", exit_on_error=False,
          description="reading the person's conversations")
    def _load(self, contact: Contact, contacts: list[Contact], ids: list[str],
              referrals: Referrals) -> None:
        chats: list[Conversation] = []
        for conversation_id in ids:
            try:
                chats.append(self.store.conversation(conversation_id))
            except Exception:
                continue
        history = person_history(contact, contacts, chats, app_services(self).clock(),
                                 referrals)
        self.app.call_from_thread(self._show, history)

    def _show(self, history: PersonHistory) -> None:
        self.history = history
        self.query_one("#person-details", Static).update(details(history))
        rows = self.query_one("#person-rows", OptionList)
        highlighted = rows.highlighted_option.id if rows.highlighted_option else None
        rows.set_options(history_rows(history))
        index = next((i for i, o in enumerate(rows.options) if o.id == highlighted), None)
        if index is None:
            index = next((i for i, o in enumerate(rows.options) if not o.disabled), None)
        rows.highlighted = index

    # -- actions -------------------------------------------------------------------------

    @on(OptionList.OptionSelected, "#person-rows")
    def _selected(self, event: OptionList.OptionSelected) -> None:
        self._open(event.option.id or "")

    def _open(self, option_id: str) -> None:
        from tui.screens.opening import read_conversation

        kind, _, rest = option_id.partition(":")
        if kind == "p" and rest != self.contact_id:
            self.app.push_screen(PersonScreen(rest))
        elif kind == "c":
            read_conversation(self, rest.split(":")[0])

    def action_read(self) -> None:
        """Read the highlighted conversation (or the one an action came from)."""
        option = self.query_one("#person-rows", OptionList).highlighted_option
        if option is not None and (option.id or "").startswith("c:"):
            self._open(option.id or "")

    def action_edit(self) -> None:
        """Edit the contact in the form; the page shows the change."""
        from tui.dialogs.record_forms import ContactForm

        contact = self.store.contact_or_none(self.contact_id)
        if contact is not None:
            self.app.push_screen(ContactForm(contact, self.store.contacts()), self._edited)

    def _edited(self, contact: Contact | None) -> None:
        if contact is None:
            return
        twin = self.store.find_contact(contact.name, contact.company)
        if twin is not None and twin.id != contact.id:
            self.notify(f"Note: {twin.label} already exists; both are kept.", markup=False)
        self.store.save_contact(contact)
        self.reload()

    def on_screen_resume(self) -> None:
        """Back from a conversation or a form: show what changed."""
        if self.history is not None:
            self.reload()

    def action_back(self) -> None:
        """Leave the page."""
        self.dismiss(None)

    def help_note(self) -> str:
        """The line F1 shows above the keys."""
        return ("Enter on a person opens their page, on a conversation, an action or a "
                "follow-up the conversation, read-only.")

    def palette_commands(self) -> Iterable[SystemCommand]:
        """This screen's commands for the command palette."""
        yield SystemCommand("Edit contact", "Name, company, how found, keep in touch (e)",
                            self.action_edit)
        yield SystemCommand("Read conversation", "The highlighted conversation, read-only",
                            self.action_read)
        yield SystemCommand("Back", "Leave this person's page", self.action_back)
