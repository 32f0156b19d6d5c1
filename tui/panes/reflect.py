"""Reflect: after the call, turn notes into decisions and keep the relationship alive.

The pane stacks the reflection prompts (with a 1-5 rating), action items, referrals, the
thank-you note and the follow-up log; each section edits the model and asks the screen to save.
Making contacts of referrals needs the store, so the pane posts :class:`ReflectPane.
PromoteReferrals` and the conversation screen does it.
"""

from __future__ import annotations

from datetime import datetime

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.css.query import NoMatches
from textual.message import Message
from textual.widgets import TabbedContent, TextArea

from tui.clock import app_now
from tui.core.followup import thank_you_status
from tui.core.models import Conversation
from tui.core.referrals import pending_referrals
from tui.editor import EditorError, edit_in_app
from tui.panes.base import ConversationPane
from tui.text import styled
from tui.widgets.actions import ActionsSection
from tui.widgets.followups import FollowUpSection
from tui.widgets.referrals import ReferralsSection
from tui.widgets.reflect_section import ReflectSection, StatusLine, sentence_case
from tui.widgets.reflection_form import RatingBar, ReflectionSection
from tui.widgets.thank_you import ThankYouSection

STATUS_SECONDS = 30


def _key(key: str, action: str, description: str, tooltip: str, show: bool = False) -> Binding:
    return Binding(key, action, description, show=show, tooltip=tooltip,
                   id=f"reflect.{action.split('(')[0]}{key if key.isdigit() else ''}")


class ReflectPane(ConversationPane):
    """Reflection, actions, referrals, thank-you and follow-ups for one conversation."""

    BINDINGS = [
        _key("a", "add_action", "Action", "Add an action item with an optional due date", True),
        _key("p", "promote", "Make contacts", "Make contacts of all pending referrals", True),
        _key("g", "draft", "Draft note", "Draft the thank-you note from the template", True),
        _key("s", "sent", "Sent", "Mark the thank-you note sent today (again to undo)", True),
        _key("escape", "leave_field", "Leave field",
             "Leave the text field (escape again goes back to the list)", True),
        _key("ctrl+o", "editor", "Editor", "Open the focused text field in $VISUAL / $EDITOR"),
        _key("i", "insights", "Reflection", "Go to the first reflection prompt"),
        _key("r", "add_referral", "Referral", "Add someone they suggested you talk to"),
        _key("t", "thank_you", "Thank-you", "Go to the thank-you draft"),
        _key("y", "copy", "Copy note", "Copy the thank-you note to the clipboard"),
        _key("l", "log", "Log follow-up", "Log a touch: restarts the stay-in-touch clock"),
        *[_key(str(n), f"rate({n})", f"Rate {n}", f"Rate the conversation {n} of 5")
          for n in range(1, 6)],
        _key("0", "rate(0)", "Clear rating", "Remove the rating"),
    ]
    DEFAULT_CSS = """
    ReflectPane #reflect-status { height: 1; padding: 0 1; }
    ReflectPane #reflect-body { height: 1fr; padding: 0 1; }
    """

    class PromoteReferrals(Message):
        """Make contacts of this conversation's pending referrals (the screen does it)."""

        def __init__(self, conversation: Conversation) -> None:
            super().__init__()
            self.conversation = conversation

    def compose(self) -> ComposeResult:
        """A status line, the rating, then the sections in one scrolling column."""
        c, p = self.conversation, self.contact
        yield StatusLine(id="reflect-status")
        yield RatingBar(c.reflection.rating, id="rating")
        with VerticalScroll(id="reflect-body", can_focus=False):
            yield ReflectionSection(c, p, id="reflection")
            yield ActionsSection(c, p, id="actions")
            yield ReferralsSection(c, p, id="referrals")
            yield ThankYouSection(c, p, id="thank-you")
            yield FollowUpSection(c, p, id="followups")

    def on_mount(self) -> None:
        """Show the summary, keep the hours left current, land on the rating when shown."""
        self._refresh_all()
        self.set_interval(STATUS_SECONDS, self._tick)
        try:
            tabs = self.query_ancestor(TabbedContent)
        except NoMatches:  # shown on its own (not in the conversation screen's tabs)
            return
        self.watch(tabs, "active", self._tab_changed, init=False)

    def _tab_changed(self, active: str) -> None:
        # Land inside the pane so its keys work straight away (the tab bar would swallow none).
        if self.parent is not None and active == self.parent.id and not self._has_focus_inside():
            self.query_one(RatingBar).focus()

    def _has_focus_inside(self) -> bool:
        focused = self.screen.focused
        return focused is not None and self in focused.ancestors

    def _tick(self) -> None:
        if self.is_mounted:
            self._show_status()
            self.query_one(ThankYouSection).refresh_status()

    def show(self) -> None:
        """Refresh every section from the model."""
        if self.is_mounted:
            self._refresh_all()

    def _refresh_all(self) -> None:
        for section in self.query(ReflectSection):
            section.load(self.conversation, self.contact)
        self.query_one(RatingBar).show_rating(self.conversation.reflection.rating)
        self._show_status()

    def status_content(self) -> Content:
        """``Thank-you due · 5h left · 2 open actions (1 overdue) · 1 pending referral``."""
        now = self._now()
        today = now.date()
        v = self.conversation
        thanks = thank_you_status(v, now)
        parts: list[str | tuple[str, str]] = []
        if thanks.state != "none":
            look = {"sent": "$success", "due": "bold $warning", "overdue": "bold $error"}
            parts.append((sentence_case(thanks.label(now)), look[thanks.state]))
        open_actions = [a for a in v.actions if not a.done]
        if open_actions:
            late = sum(1 for a in open_actions if a.due and a.due < today.isoformat())
            n = len(open_actions)
            parts.append(f"{n} open action{'s' if n != 1 else ''}"
                         + (f" ({late} overdue)" if late else ""))
        pending = len(pending_referrals(v))
        if pending:
            parts.append(f"{pending} pending referral{'s' if pending != 1 else ''} (p)")
        if not parts:
            parts.append(("After the call: reflect, plan, thank, stay in touch.", "dim"))
        joined: list[str | tuple[str, str]] = []
        for index, part in enumerate(parts):
            if index:
                joined.append(("  ·  ", "dim"))
            joined.append(part)
        return styled(*joined)

    def _show_status(self) -> None:
        self.query_one("#reflect-status", StatusLine).show(self.status_content())

    def _now(self) -> datetime:
        return app_now(self.app)

    @on(ConversationPane.Edited)
    def _section_edited(self) -> None:
        # Let the message go on to the screen (which saves); just refresh the summary here.
        self._show_status()
        self.query_one(ThankYouSection).refresh_status()

    @on(RatingBar.Rated)
    def _rated(self, event: RatingBar.Rated) -> None:
        event.stop()
        self.action_rate(event.rating or 0)

    # -- actions -------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Escape leaves a text field first; elsewhere it falls through to the screen (back)."""
        if action == "leave_field":
            return isinstance(self.screen.focused, TextArea) and self._has_focus_inside()
        return True

    def action_leave_field(self) -> None:
        """Out of the text field, onto the rating line, where the pane's keys work."""
        self.query_one(RatingBar).focus()

    def action_rate(self, rating: int) -> None:
        """Set the 1-5 rating (0 clears it)."""
        value = rating if 1 <= rating <= 5 else None
        if value != self.conversation.reflection.rating:
            self.conversation.reflection.rating = value
            self.query_one(RatingBar).show_rating(value)
            self.edited()

    def action_add_action(self) -> None:
        """New action item."""
        self.query_one(ActionsSection).add()

    def action_add_referral(self) -> None:
        """New referral."""
        self.query_one(ReferralsSection).add()

    def action_log(self) -> None:
        """New follow-up entry."""
        self.query_one(FollowUpSection).add()

    def action_insights(self) -> None:
        """Jump to the first reflection prompt."""
        self.query_one(ReflectionSection).focus_first()

    def action_thank_you(self) -> None:
        """Jump to the thank-you draft."""
        self.query_one(ThankYouSection).focus_draft()

    def action_draft(self) -> None:
        """Draft the thank-you note."""
        self.query_one(ThankYouSection).draft()

    def action_copy(self) -> None:
        """Copy the thank-you note."""
        self.query_one(ThankYouSection).copy()

    def action_sent(self) -> None:
        """Mark the thank-you note sent (or not)."""
        self.query_one(ThankYouSection).toggle_sent()

    def action_promote(self) -> None:
        """Ask the screen to make contacts of the pending referrals."""
        if not pending_referrals(self.conversation):
            self.notify("No pending referrals: r adds one.", markup=False, severity="warning")
            return
        self.post_message(self.PromoteReferrals(self.conversation))

    def action_editor(self) -> None:
        """Edit the focused text field in the user's editor; the text comes back on exit."""
        area = self.screen.focused
        if not isinstance(area, TextArea) or not self._has_focus_inside():
            self.notify("Move to a text field first (i, t or tab), then ctrl+o.",
                        markup=False, severity="warning")
            return
        try:
            text = edit_in_app(self.app, area.text)
        except EditorError as exc:
            self.notify(str(exc), markup=False, severity="error", timeout=8)
            return
        if text != area.text:
            area.load_text(text)
            self.notify("Text taken back from your editor.", markup=False, timeout=3)
