"""The contact form and the conversation form."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from textual import on
from textual.content import Content
from textual.suggester import SuggestFromList
from textual.widget import Widget
from textual.widgets import Input, Select

from tui.core.dates import DateError, parse_when, to_iso, to_local
from tui.core.importing.rows import MAX_NAME  # name, company and role, as imports take them
from tui.core.models import (
    DEFAULT_CADENCE_DAYS,
    HOW_FOUND,
    KINDS,
    MAX_MINUTES,
    MEDIUMS,
    STATUS_LABELS,
    STATUSES,
    Contact,
    Conversation,
)
from tui.core.safetext import has_visible, invisible_detail
from tui.dialogs.form import FieldError, FormScreen
from tui.widgets.text import plain
from tui.widgets.text_box import LineBox, TextBox

MAX_FIELD = 2000


def _options(
    values: tuple[str, ...], labels: dict[str, str] | None = None
) -> list[tuple[Content, str]]:
    return [(plain((labels or {}).get(v, v)), v) for v in values]


def _check_length(field_id: str, text: str, limit: int = MAX_FIELD) -> str:
    if len(text) > limit:
        raise FieldError(field_id, f"That is {len(text):,} characters; keep it under {limit:,}.")
    return text


def _name(field_id: str, text: str, missing: str, kept: str | None = None) -> str:
    """A name that shows something, else ``missing`` (with what the text holds) on the field.

    ``kept`` is the name already stored: left as it is, it is not checked again.
    """
    text = _check_length(field_id, text, MAX_NAME)
    if not has_visible(text) and (not text or text != kept):
        raise FieldError(field_id, f"{missing}{invisible_detail(text)}.")
    return text


def _company(field_id: str, text: str, kept: str | None = None) -> str:
    """A company name that shows something, or none (``kept`` as for :func:`_name`)."""
    text = _check_length(field_id, text, MAX_NAME)
    if text and not has_visible(text) and text != kept:
        raise FieldError(field_id, f"Company: type a name, or leave it blank"
                                   f"{invisible_detail(text)}.")
    return text


class ContactForm(FormScreen[Contact]):
    """Create or edit a contact; dismisses with the edited copy."""

    def __init__(self, contact: Contact | None, others: list[Contact]) -> None:
        super().__init__()
        self.contact = contact.copy() if contact else Contact(name="")
        self.others = [c for c in others if c.id != self.contact.id]
        self.title_text = "Edit contact" if contact else "New contact"

    def fields(self) -> list[tuple[str, Widget]]:
        """Name, company, role, email, LinkedIn, how found, introduced by, tags, cadence, notes."""
        c = self.contact
        how = c.how_found if c.how_found in HOW_FOUND else Select.NULL
        intro_options = [(plain(o.label), o.id) for o in self.others]
        intro = c.introduced_by if c.introduced_by in {o.id for o in self.others} else Select.NULL
        cadence = "" if c.cadence_days is None else str(c.cadence_days)
        notes = TextBox(c.notes, id="c-notes")
        return [
            ("Name *", LineBox(c.name, id="c-name", placeholder="Ana Silva")),
            ("Company", LineBox(c.company, id="c-company")),
            ("Role", LineBox(c.role, id="c-role")),
            ("Email", LineBox(c.email, id="c-email")),
            ("LinkedIn", LineBox(c.linkedin, id="c-linkedin", placeholder="https://linkedin.com/in/…")),
            ("How found", Select(_options(HOW_FOUND), value=how, id="c-how", prompt="—")),
            ("Introduced by", Select(intro_options, value=intro, id="c-intro", prompt="nobody")),
            ("Tags", Input(", ".join(c.tags), id="c-tags", placeholder="comma, separated")),
            ("Keep in touch", LineBox(cadence, id="c-cadence", placeholder=(
                f"every N days (blank: never; usual {DEFAULT_CADENCE_DAYS})"))),
            ("Notes", notes),
        ]

    def collect(self) -> Contact:
        """Validate and return the edited contact."""
        c = self.contact
        name = _name("c-name", self.value("c-name"), "A contact needs a name")
        company = _company("c-company", self.value("c-company"))
        email = self.value("c-email")
        if email and ("@" not in email or " " in email):
            raise FieldError("c-email", f"'{email}' does not look like an email address.")
        linkedin = self.value("c-linkedin")
        if linkedin and "linkedin." not in linkedin.casefold():
            raise FieldError("c-linkedin", "That is not a LinkedIn address (linkedin.com/in/…).")
        cadence_text = self.value("c-cadence")
        cadence: int | None = None
        if cadence_text:
            if not cadence_text.isdigit() or not 1 <= int(cadence_text) <= 3650:
                raise FieldError("c-cadence", "Keep in touch: a number of days from 1 to 3650, "
                                              "or blank for never.")
            cadence = int(cadence_text)
        c.name = name
        c.company = company
        c.role = _check_length("c-role", self.value("c-role"), MAX_NAME)
        c.email, c.linkedin = email, linkedin
        c.how_found = self.choice("c-how") or ""
        c.introduced_by = self.choice("c-intro")
        c.tags = [t.strip() for t in self.value("c-tags").split(",") if t.strip()]
        c.cadence_days = cadence
        c.notes = _check_length("c-notes", self.value("c-notes"), 100_000)
        return c


@dataclass
class ConversationDraft:
    """What the conversation form returns: who it is with, and the conversation itself."""

    name: str
    company: str
    role: str
    conversation: Conversation = field(repr=False, default_factory=lambda: Conversation(""))


class ConversationForm(FormScreen[ConversationDraft]):
    """Create or edit a conversation, naming the contact (existing names are suggested)."""

    def __init__(
        self,
        conversation: Conversation | None,
        contact: Contact | None,
        contacts: list[Contact],
        now: datetime | None = None,
    ) -> None:
        super().__init__()
        self.conversation = conversation.copy() if conversation else Conversation(contact_id="")
        self.contact = contact
        self.contacts = contacts
        self.now = now
        self.title_text = "Edit conversation" if conversation else "New conversation"

    def fields(self) -> list[tuple[str, Widget]]:
        """Who, kind, topic, goal, ask, when, minutes, medium, place and status."""
        v = self.conversation
        who = self.contact
        when = ""
        if v.scheduled:
            when = to_local(v.scheduled).strftime("%Y-%m-%d %H:%M")
        names = sorted({c.name for c in self.contacts}, key=str.casefold)
        companies = sorted({c.company for c in self.contacts if c.company}, key=str.casefold)
        return [
            ("With *", LineBox(who.name if who else "", id="v-name", placeholder="their name",
                             suggester=SuggestFromList(names, case_sensitive=False))),
            ("Company", LineBox(who.company if who else "", id="v-company",
                              suggester=SuggestFromList(companies, case_sensitive=False))),
            ("Role", LineBox(who.role if who else "", id="v-role")),
            ("Kind", Select(_options(KINDS), value=v.kind, id="v-kind", allow_blank=False)),
            ("Topic", LineBox(v.topic, id="v-topic",
                            placeholder="industry or company to learn about")),
            ("Goal", LineBox(v.goal, id="v-goal", placeholder="what I want to learn")),
            ("The ask", LineBox(v.ask, id="v-ask", placeholder="e.g. an introduction to …")),
            ("When", LineBox(when, id="v-when", placeholder="2026-12-03 14:30 or tomorrow 9am")),
            ("Minutes", Input(str(v.minutes), id="v-minutes", type="integer")),
            ("Medium", Select(_options(MEDIUMS), value=v.medium, id="v-medium", allow_blank=False)),
            ("Place / link", LineBox(v.place, id="v-place")),
            ("Status", Select(_options(STATUSES, STATUS_LABELS), value=v.status, id="v-status",
                              allow_blank=False)),
        ]

    @on(Input.Changed, "#v-name")
    def _name_changed(self, event: Input.Changed) -> None:
        """A name that is one of the contacts (typed out, or a suggestion accepted with →)
        links that contact: its company and role fill the blank fields, so saving reuses the
        person instead of making a second one."""
        wanted = " ".join(event.value.split()).casefold()
        named = [c for c in self.contacts if " ".join(c.name.split()).casefold() == wanted]
        if len(named) != 1:
            return
        for field_id, value in (("v-company", named[0].company), ("v-role", named[0].role)):
            box = self.query_one(f"#{field_id}", Input)
            if not box.value.strip() and value:
                box.value = value

    def collect(self) -> ConversationDraft:
        """Validate and return the draft; a date moves an idea to scheduled."""
        # the person's name and company as stored pass unchanged: another name here means
        # another person, so a name saved before names had to show is not a reason to refuse
        who = self.contact
        name = _name("v-name", self.value("v-name"), "Who is the conversation with? Give a name",
                     kept=who.name.strip() if who else None)
        company = _company("v-company", self.value("v-company"),
                           kept=who.company.strip() if who else None)
        v = self.conversation
        when_text = self.value("v-when")
        if when_text:
            try:
                v.scheduled_at = to_iso(parse_when(when_text, self.now))
            except DateError as exc:
                raise FieldError("v-when", f"When: {exc}") from None
        else:
            v.scheduled_at = None
        minutes_text = self.value("v-minutes") or "30"
        if not minutes_text.isdigit() or not 1 <= int(minutes_text) <= MAX_MINUTES:
            raise FieldError("v-minutes", f"Minutes: a whole number from 1 to {MAX_MINUTES}.")
        v.minutes = int(minutes_text)
        v.kind = self.choice("v-kind")
        v.topic = _check_length("v-topic", self.value("v-topic"))
        v.goal = _check_length("v-goal", self.value("v-goal"))
        v.ask = _check_length("v-ask", self.value("v-ask"))
        v.medium = self.choice("v-medium")
        v.place = _check_length("v-place", self.value("v-place"))
        v.status = self.choice("v-status")
        if v.scheduled_at and v.status in ("idea", "reached_out"):
            v.status = "scheduled"
        return ConversationDraft(
            name=name,
            company=company,
            role=_check_length("v-role", self.value("v-role"), MAX_NAME),
            conversation=v,
        )
