"""Reflect: after the call, turn notes into decisions and keep the relationship alive.

The pane stacks the reflection prompts (with a 1-5 rating), action items, referrals, the
thank-you note and the follow-up log; each section edits the model and asks the screen to save.
Making contacts of referrals needs the store, so the referrals section posts
:class:`~tui.panes.reflect.records.ReferralsSection.PromoteReferrals` and the conversation
screen does it.
"""

from __future__ import annotations

from collections.abc import Iterable

from textual import on
from textual.app import ComposeResult, SystemCommand
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import TextArea

from tui.core.followup import thank_you_status
from tui.core.referrals import pending_referrals
from tui.panes.base import ConversationPane
from tui.panes.reflect.evidence import EVIDENCE_BINDING, EvidenceWanted
from tui.panes.reflect.item_lists import ActionList, FollowUpList, ReferralList
from tui.panes.reflect.records import ActionsSection, FollowUpSection, ReferralsSection
from tui.panes.reflect.reflection import AnswerArea, RatingBar, ReflectionSection
from tui.panes.reflect.section import ReflectSection, sentence_case
from tui.panes.reflect.thank_you import DraftArea, ThankYouSection
from tui.services.editor import EditorError
from tui.widgets.app_services import app_services
from tui.widgets.editor import edit_in_app
from tui.widgets.hypothesis_links import HypothesisLinks
from tui.widgets.key_order import focus_now
from tui.widgets.lines import FixedLine
from tui.widgets.text import styled

STATUS_SECONDS = 30


def _key(key: str, action: str, description: str, tooltip: str, show: bool = False) -> Binding:
    return Binding(key, action, description, show=show, tooltip=tooltip,
                   id=f"reflect.{action.split('(')[0]}")


class ReflectPane(ConversationPane):
    """Reflection, actions, referrals, thank-you and follow-ups for one conversation.

    The pane's own keys are ctrl keys (they work in the text fields too); the thank-you and
    the referrals sections have their own ctrl and function keys, and the letters belong to
    the list that has the cursor and act only on that list.
    """

    HELP_NOTE = ("ctrl+↓ and ctrl+↑ move between the sections. Letters on a list act on that "
                 "list only, each undone by one key (d removes, u puts back); in a text field "
                 "they are text. esc leaves a field, and outside one goes back.")
    BINDINGS = [
        _key("ctrl+down", "section(1)", "Next section", "Go to the next section: rating, "
             "reflection, actions, referrals, thank-you, follow-ups", True),
        _key("ctrl+up", "section(-1)", "Previous section", "Go to the previous section"),
        _key("ctrl+o", "editor", "Editor", "Open the focused text field in $VISUAL / $EDITOR"),
        EVIDENCE_BINDING,
    ]
    DEFAULT_CSS = """
    ReflectPane #reflect-status { height: 1; padding: 0 1; }
    ReflectPane #reflect-body { height: 1fr; padding: 0 1; }
    ReflectPane #reflect-tests { margin-top: 1; }
    """
    ORDERED_ACTIONS = frozenset({"section"})

    def compose(self) -> ComposeResult:
        """A status line, the rating, then the sections in one scrolling column."""
        yield FixedLine(id="reflect-status")
        yield RatingBar(self.conversation.reflection.rating, id="rating")
        with VerticalScroll(id="reflect-body", can_focus=False):
            yield self.follow(ReflectionSection(id="reflection"))
            yield HypothesisLinks(id="reflect-tests")
            yield self.follow(ActionsSection(id="actions"))
            yield self.follow(ReferralsSection(id="referrals"))
            yield self.follow(ThankYouSection(id="thank-you"))
            yield self.follow(FollowUpSection(id="followups"))

    def on_mount(self) -> None:
        """Keep the hours left current."""
        self.set_interval(STATUS_SECONDS, self._tick)

    def typing_target(self, widget: Widget) -> Widget | None:
        """Letters typed on the rating line are the start of the first answer, not lost
        keys."""
        if not isinstance(widget, RatingBar):
            return None
        answers = self.query(AnswerArea)
        return answers.first() if answers else None

    def entry_widget(self) -> Widget | None:
        """The rating line, where the pane starts (tab goes on through the fields); during
        the call, the first answer: the keys typed next are taken for notes (on the rating
        line a digit would rate)."""
        answers = self.query(AnswerArea)
        if self.conversation.live.running and answers:
            return answers.first()
        return self.query_one(RatingBar)

    def leave_text_box(self, box: Widget) -> None:
        """Escape in a text field: back to the rating line; during the call the cursor stays
        in the field (on the rating line a digit typed next would rate; tab moves on)."""
        if self.conversation.live.running:
            self.notify("During the call esc keeps the cursor in the text: tab moves on, "
                        "F9 ends the call.", markup=False)
            return
        focus_now(self.query_one(RatingBar))

    def _has_focus_inside(self) -> bool:
        focused = self.screen.focused
        return focused is not None and self in focused.ancestors

    def _tick(self) -> None:
        if self.is_mounted:
            self._show_status()
            self.query_one(ThankYouSection).refresh_status()

    def refresh_view(self) -> None:
        """The summary, the rating and every section (shown again, another pane may have
        changed the model in place)."""
        for section in self.query(ReflectSection):
            section.refresh_view()
        self.query_one(RatingBar).show_rating(self.conversation.reflection.rating)
        self._show_status()

    def status_content(self) -> Content:
        """``Thank-you due · 5h left · 2 open actions (1 overdue) · 1 pending referral``."""
        now = app_services(self).clock()
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
            parts.append(f"{pending} pending referral{'s' if pending != 1 else ''} (f7)")
        if not parts:
            parts.append(("After the call: reflect, plan, thank, stay in touch.", "dim"))
        joined: list[str | tuple[str, str]] = []
        for index, part in enumerate(parts):
            if index:
                joined.append(("  ·  ", "dim"))
            joined.append(part)
        return styled(*joined)

    def _show_status(self) -> None:
        self.query_one("#reflect-status", FixedLine).shown = self.status_content()

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

    def sections(self) -> list[Widget]:
        """Where each section starts, top to bottom."""
        answers = list(self.query(AnswerArea))
        return [self.query_one(RatingBar), *answers[:1], self.query_one(ActionList),
                self.query_one(ReferralList), self.query_one(DraftArea),
                self.query_one(FollowUpList)]

    def action_evidence(self) -> None:
        """f8: ask the screen for the evidence form (it reads and writes the hypotheses)."""
        self.post_message(EvidenceWanted(self.conversation.id).set_sender(self))

    def action_section(self, step: int) -> None:
        """The cursor to the next (or previous) section."""
        starts = self.sections()
        focused = self.screen.focused
        at = 0
        for index, start in enumerate(starts):
            owner = start if index != 1 else self.query_one(ReflectionSection)
            if focused is not None and (focused is owner or owner in focused.ancestors):
                at = index
        focus_now(starts[(at + step) % len(starts)])

    def action_rate(self, rating: int) -> None:
        """Set the 1-5 rating (0 clears it)."""
        value = rating if 1 <= rating <= 5 else None
        if value != self.conversation.reflection.rating:
            self.conversation.reflection.rating = value
            self.query_one(RatingBar).show_rating(value)
            self.edited()

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The pane's keys, each list's keys, and the ways to its sections."""
        yield from super().palette_commands()
        yield SystemCommand("Go to the reflection", "The first reflection prompt",
                            self.query_one(ReflectionSection).focus_first)
        yield SystemCommand("Go to the thank-you note", "The draft of the note",
                            self.query_one(ThankYouSection).focus_draft)
        yield SystemCommand("Add an action item", "With an optional due date",
                            self.query_one(ActionsSection).add)
        yield SystemCommand("Add a referral", "Someone they suggested you talk to",
                            self.query_one(ReferralsSection).add)
        yield SystemCommand("Log a follow-up", "A touch: restarts the stay-in-touch clock",
                            self.query_one(FollowUpSection).add)

    def action_editor(self) -> None:
        """Edit the focused text field in the user's editor; the text comes back on exit."""
        area = self.screen.focused
        if not isinstance(area, TextArea) or not self._has_focus_inside():
            self.notify("Move to a text field first (tab), then ctrl+o.",
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
