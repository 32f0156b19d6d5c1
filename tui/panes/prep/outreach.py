"""The Outreach part of Prep: a draft from the template, its length, copy and mark as sent."""

from __future__ import annotations

from datetime import date

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widget import Widget
from textual.widgets import Input, Label, TextArea

from tui.core.agenda import status_label
from tui.core.content import OUTREACH, TEMPLATE_FIELDS
from tui.core.outreach import (
    ABOUT_ME_KEYS,
    draft_outreach,
    draft_values,
    length_note,
    mark_sent,
    send_time_hint,
    unfilled,
    unmark_sent,
)
from tui.core.outreach_checks import EMAIL, LINKEDIN, DraftContext
from tui.core.outreach_due import clear_reply, mark_replied, reply_label, routine_settings
from tui.core.outreach_routine import RoutineSettings
from tui.dialogs.reply_form import ReplyForm
from tui.panes.prep.part import PrepPart
from tui.widgets.app_services import app_services
from tui.widgets.lines import FixedLine, Line
from tui.widgets.outreach_checklist import DraftChecking, OutreachChecklist
from tui.widgets.text import styled
from tui.widgets.text_box import LineBox, TextBox

MAX_DRAFT = 20_000
NARROW = 96  # below this width the checklist goes under the draft
MAX_ME = 2_000


class OutreachPart(DraftChecking, PrepPart):
    """The first message: drafted for this contact, edited freely, copied, marked as sent."""

    label = "Outreach"
    _routine: RoutineSettings | None = None
    BINDINGS = [
        Binding("ctrl+o", "copy", "Copy", tooltip="Copy the draft to the clipboard",
                id="prep.copy"),
        Binding("ctrl+t", "sent", "Mark sent", tooltip="Mark the message as sent today "
                "(again: not sent)", id="prep.sent"),
        Binding("ctrl+r", "redraft", "Redraft", tooltip="Draft again from the template "
                "(ctrl+z in the draft brings yours back)", id="prep.redraft"),
        Binding("f7", "medium", "Email/LinkedIn", tooltip="Check the draft as an email (about "
                "100 words) or a LinkedIn note (300 characters)", id="prep.medium"),
        Binding("f6", "replied", "They replied", tooltip="They replied: the day and yes, no or "
                "later; the follow-up routine stops (again: no reply)", id="prep.replied"),
    ]
    DEFAULT_CSS = """
    OutreachPart #my-name { width: 22; margin-right: 1; }
    OutreachPart #who-i-am { width: 1fr; }
    OutreachPart #outreach-status { padding: 0 1; }
    OutreachPart #outreach-body { height: 1fr; }
    OutreachPart #outreach-draft { width: 1fr; height: 100%; min-height: 4; border: none;
                                   padding: 0 1; background: $surface; }
    OutreachPart #outreach-checks { width: 42; height: 100%; overflow-y: auto; }
    OutreachPart.-narrow #outreach-body { layout: vertical; }
    OutreachPart.-narrow #outreach-draft { height: 1fr; width: 100%; }
    OutreachPart.-narrow #outreach-checks { width: 100%; height: auto; max-height: 7; }
    OutreachPart #outreach-draft:focus { background: $boost; }
    OutreachPart #outreach-status, OutreachPart #outreach-count { height: 1; }
    OutreachPart .outreach-note { padding: 0 1; color: $text-muted; height: auto; }
    OutreachPart #outreach-count.-over { color: $warning; }
    """

    send_evidence = ""  # the user's own replies by weekday, handed down by the screen

    def show_send_evidence(self, text: str) -> None:
        """Show the user's own figures beside the day-of-week tip (worked out by the screen,
        off the event loop)."""
        self.send_evidence = text
        if self.is_mounted and self.display:
            self.show_notes()

    def compose(self) -> ComposeResult:
        """About me, the status, the draft and the notes under it."""
        with Horizontal(classes="prep-row"):
            yield Label("Me")
            yield LineBox(id="my-name", compact=True, placeholder="my name")
            yield LineBox(id="who-i-am", compact=True,
                          placeholder="one line on who I am (fills {who_i_am})")
        yield FixedLine(id="outreach-status")
        with Horizontal(id="outreach-body"):
            yield TextBox(id="outreach-draft")
            yield OutreachChecklist(id="outreach-checks")
        yield FixedLine(id="outreach-count", classes="outreach-note")
        yield Line(id="outreach-hints", classes="outreach-note")

    # -- model ---------------------------------------------------------------------------

    @property
    def me(self) -> dict[str, str]:
        """My name and who I am (the user's profile, kept in the data)."""
        return self.profile.values()

    def fresh_draft(self) -> str:
        """The template filled with everything known about this chat and me."""
        introducer = self.introducer.name if self.introducer is not None else ""
        values = draft_values(self.contact, self.conversation, self.me, introducer)
        return draft_outreach(self.content.outreach, values)

    def prepare(self) -> bool:
        """Draft from the template the first time (later: fill in "about me")."""
        outreach = self.conversation.outreach
        if not outreach.draft.strip():
            outreach.draft = self.fresh_draft()
            return True
        filled = draft_outreach(outreach.draft, {k: v for k, v in self.me.items() if v})
        if filled != outreach.draft:
            outreach.draft = filled
            return True
        return False

    def refresh_view(self) -> None:
        """Fill the widgets from the model."""
        for key in ABOUT_ME_KEYS:
            box = self.query_one(f"#{key.replace('_', '-')}", Input)
            if box.value != self.me[key] and not box.has_focus:
                with box.prevent(Input.Changed):
                    box.value = self.me[key]
        draft = self.query_one("#outreach-draft", TextArea)
        if draft.text != self.conversation.outreach.draft:
            with draft.prevent(TextArea.Changed):
                draft.load_text(self.conversation.outreach.draft)
        self.check_draft_now(draft.text, MAX_DRAFT)
        self.show_notes()

    def show_notes(self) -> None:
        """Status, length, placeholders still to fill and the send-time tip."""
        v = self.conversation
        if v.outreach.sent_on:
            reply = reply_label(v, app_services(self).clock(), self.routine)
            status = styled(("Sent ", "bold $success"), v.outreach.sent_on,
                            (f" · {reply}" if reply else "", "$text"),
                            (f" · status {status_label(v)}", "dim"))
        else:
            status = styled(("Not sent yet", "bold"),
                            (f" · status {status_label(v)}", "dim"))
        self.query_one("#outreach-status", Line).shown = status
        text, over = length_note(v.outreach.draft)
        count = self.query_one("#outreach-count", Line)
        count.shown = styled(text)
        count.set_class(over, "-over")
        hints = []
        left = unfilled(v.outreach.draft, TEMPLATE_FIELDS[OUTREACH])
        if left:
            hints.append(("To fill in: " + " ".join(left), "$warning"))
        tip = None if v.outreach.sent_on else send_time_hint(app_services(self).clock())
        if tip:
            hints.append((("\n" if hints else "") + tip, "italic"))
        if self.send_evidence and not v.outreach.sent_on:
            hints.append((("\n" if hints else "") + self.send_evidence, "$text-muted"))
        widget = self.query_one("#outreach-hints", Line)
        widget.shown = styled(*hints)
        widget.display = bool(hints)

    # -- editing -------------------------------------------------------------------------

    @on(TextArea.Changed, "#outreach-draft")
    def _draft_changed(self, event: TextArea.Changed) -> None:
        text = event.text_area.text
        if text == self.conversation.outreach.draft:
            return
        self.check_draft_now(text, MAX_DRAFT)
        if len(text) > MAX_DRAFT:
            self.say(f"The draft is limited to {MAX_DRAFT:,} characters; this change is not "
                     "saved until it is shorter.", "error")
            return
        self.conversation.outreach.draft = text
        self.edited()
        self.show_notes()

    def _replace_draft(self, text: str) -> None:
        """Put ``text`` in the draft as one edit, so ctrl+z in the draft undoes it."""
        draft = self.query_one("#outreach-draft", TextArea)
        draft.replace(text, (0, 0), draft.document.end)

    @on(Input.Changed, "#my-name")
    @on(Input.Changed, "#who-i-am")
    def _me_changed(self, event: Input.Changed) -> None:
        # Saved as typed, like everything else: the profile is part of the data.
        profile = self.profile
        field = "name" if event.input.id == "my-name" else "intro"
        if len(event.value) > MAX_ME:
            self.say(f"Keep this under {MAX_ME:,} characters; the longer text is not saved.",
                     "error")
            return
        if getattr(profile, field) != event.value.strip():
            setattr(profile, field, event.value.strip())
            self.edited(profile_changed=True)

    @on(Input.Submitted, "#my-name")
    @on(Input.Submitted, "#who-i-am")
    @on(Input.Blurred, "#my-name")
    @on(Input.Blurred, "#who-i-am")
    def _me_done(self) -> None:
        known = {k: v for k, v in self.me.items() if v}
        filled = draft_outreach(self.conversation.outreach.draft, known)
        if filled != self.conversation.outreach.draft:
            self._replace_draft(filled)

    # -- actions -------------------------------------------------------------------------

    def action_copy(self) -> None:
        """Copy the draft to the clipboard (through the terminal, OSC 52)."""
        text = self.conversation.outreach.draft.strip()
        if not text:
            self.say("The draft is empty; nothing to copy.", "warning")
            return
        self.app.copy_to_clipboard(text)
        self.say(f"Copied the draft ({len(text)} characters) to the clipboard. If your "
                 "terminal does not pass OSC 52 copies on, select the text instead.")

    def action_sent(self) -> None:
        """Mark the outreach as sent today, or (again) as not sent."""
        v = self.conversation
        if v.outreach.sent_on:
            unmark_sent(v)
            self.say(f"Marked as not sent; status {status_label(v)}.")
        else:
            now = app_services(self).clock()
            mark_sent(v, now.date(), now)
            self.say(f"Marked as sent on {v.outreach.sent_on}; status "
                     f"{status_label(v)}.")
        self.edited()
        self.show_notes()

    def on_resize(self) -> None:
        """Beside the draft when there is room; under it in a narrow terminal or split."""
        narrow = self.size.width < NARROW
        self.set_class(narrow, "-narrow")
        self.query_one(OutreachChecklist).set_compact(narrow)

    def check_context(self) -> DraftContext:
        """The contact, who introduced us, the call's minutes and the medium."""
        contact = self.contact
        introducer = self.introducer.name if self.introducer is not None else ""
        return DraftContext(medium=self.medium, name=contact.name, company=contact.company,
                            introducer=introducer, minutes=self.conversation.minutes)

    @property
    def medium(self) -> str:
        """The medium the draft is checked for (``email`` or ``linkedin``; remembered)."""
        saved = app_services(self).settings.get("outreach_medium")
        return str(saved) if saved in (EMAIL, LINKEDIN) else EMAIL

    def current_draft(self) -> str:
        """The draft as typed."""
        return self.query_one("#outreach-draft", TextArea).text

    def action_medium(self) -> None:
        """Check the draft as an email or as a LinkedIn note (remembered; the app writes the
        setting in a thread)."""
        medium = LINKEDIN if self.medium == EMAIL else EMAIL
        app_services(self).settings.set("outreach_medium", medium)
        self.check_draft_now(self.current_draft(), MAX_DRAFT)
        self.say("Checking the draft as " + ("a LinkedIn connection note (300 characters)."
                                             if medium == LINKEDIN else
                                             "an email (about 100 words)."))

    @property
    def routine(self) -> RoutineSettings:
        """The follow-up routine's numbers (from the settings, worked out once)."""
        if self._routine is None:
            self._routine, _warnings = routine_settings(app_services(self).settings.values())
        return self._routine

    def action_replied(self) -> None:
        """They replied: the day and the answer (or, once marked, clear the reply)."""
        v = self.conversation
        if not v.outreach.sent_on:
            self.say("Mark the outreach as sent first (ctrl+t); then f6 records the reply.",
                     "warning")
            return
        if v.outreach.replied_on:
            clear_reply(v)
            self.say("The reply is cleared; the follow-up routine counts again.")
            self.edited()
            self.show_notes()
            return
        form = ReplyForm(self.contact.name, app_services(self).clock().date(),
                         date.fromisoformat(v.outreach.sent_on))
        self.app.push_screen(form, self._replied)

    def _replied(self, result: tuple[date, str] | None) -> None:
        if result is None:
            return
        try:
            mark_replied(self.conversation, *result)
        except ValueError as exc:
            self.say(str(exc), "warning")
            return
        self.say(f"Replied {result[1]} on {result[0].isoformat()}; the follow-up routine "
                 "stops.")
        self.edited()
        self.show_notes()

    def action_redraft(self) -> None:
        """Replace the draft with a fresh one from the template (undo with ctrl+z)."""
        fresh = self.fresh_draft()
        if fresh == self.conversation.outreach.draft:
            self.say("The draft already matches the template.")
            return
        self._replace_draft(fresh)
        self.say("Drafted again from the template; ctrl+z in the draft brings yours back.")

    def first_widget(self) -> Widget | None:
        """Start on my name while it is blank (the draft uses it), else in the draft."""
        return self.query_one("#my-name" if not self.me["my_name"] else "#outreach-draft",
                              Widget)
