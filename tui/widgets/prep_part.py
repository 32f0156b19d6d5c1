"""What the parts of the Prep pane share: the host pane, its content and its clock."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.message import Message
from textual.notifications import SeverityLevel
from textual.widget import Widget
from textual.widgets import Input, Static, TextArea

from tui.clock import app_now
from tui.core.models import Conversation
from tui.core.prep import PrepContent, load_prep_content
from tui.panes.base import ConversationPane
from tui.widgets.key_order import focus_now
from tui.widgets.text_box import LineBox


class PrepHost(ConversationPane):
    """The pane that holds the parts: it loads the shipped content once, on first use."""

    _content: PrepContent | None = None

    @property
    def config_folder(self) -> Path | None:
        """Where the user's own templates and settings are (None: the platform's folder)."""
        return getattr(self.app, "config_folder", None)

    @property
    def content(self) -> PrepContent:
        """The checklist template, question bank and outreach template (loaded once)."""
        if self._content is None:
            self._content, warnings = load_prep_content(self.config_folder)
            for warning in warnings:
                self.app.notify(warning, title="Your own content file", severity="warning",
                                markup=False, timeout=12)
        return self._content

    def now(self) -> datetime:
        """The current moment, aware (the app's clock, which tests fix)."""
        return app_now(self.app)

    def introducer_name(self) -> str:
        """The name of whoever introduced this contact, as the Details pane knows it."""
        for pane in self.screen.query(ConversationPane):
            introducer = getattr(pane, "introducer", None)
            if introducer is not None:
                return str(introducer.name)
        return ""


def submit_now(box: Input, handler: Callable[[Input.Submitted], object]) -> None:
    """Run ``handler`` at once when enter is pressed in ``box`` (a :class:`LineBox`): as a
    posted message it would run only after the keys typed behind the enter had gone into the
    box, and a quick "goal, enter, ask" would land in the goal."""
    if isinstance(box, LineBox):
        box.on_submit = lambda value: handler(Input.Submitted(box, value))


def update_if_changed(widget: Static, content: Content, *, fixed_size: bool = False) -> None:
    """Update a Static only when its text or look changes (a layout pass costs per keystroke)."""
    if getattr(widget, "_prep_shown", None) != content:
        widget._prep_shown = content  # type: ignore[attr-defined]
        widget.update(content, layout=not fixed_size)


class PrepPart(Vertical):
    """One part of the Prep pane; edits the host's conversation in place."""

    label = ""

    @property
    def host(self) -> PrepHost:
        """The Prep pane this part lives in."""
        return self.query_ancestor(PrepHost)

    @property
    def conversation(self) -> Conversation:
        """The conversation being prepared."""
        return self.host.conversation

    def edited(self) -> None:
        """Ask for a save (the host also refreshes its part bar)."""
        self.host.edited()

    def show_model(self) -> None:
        """Refresh the widgets from the model (parts override)."""

    def on_shown(self) -> None:
        """The part became the visible one (parts may override)."""
        self.show_model()

    def first_widget(self) -> Widget | None:
        """Where work in this part starts (parts override)."""
        return next((w for w in self.query("*") if w.focusable), None)

    def focus_first(self) -> None:
        """Put the cursor where work in this part starts."""
        target = self.first_widget()
        if target is not None:
            focus_now(target)

    def typing_box(self) -> Widget | None:
        """The text box that letters typed on the part bar go into (parts override)."""
        first = self.first_widget()
        return first if isinstance(first, (Input, TextArea)) else None

    def list_widget(self) -> Widget | None:
        """The list to put the cursor on after a part key (None: the part bar)."""
        return None

    def leave_target(self, box: Widget) -> Widget | None:
        """Where escape in the text box ``box`` goes (None: the part bar)."""
        return self.list_widget()

    def say(self, text: str, severity: SeverityLevel = "information", timeout: float = 4) -> None:
        """A toast with user text in it, never parsed as markup."""
        self.app.notify(text, severity=severity, markup=False, timeout=timeout)


class SubInput(LineBox):
    """A one-line field under a list: escape (or enter, when handled) returns to the list;
    with ``down_leaves``, ↓ goes down to the list (it posts :class:`SubInput.Down`).

    ``on_leave`` and ``on_down``, when set, are called at once instead of posting the
    message, so keys typed right after esc or ↓ follow the cursor."""

    on_leave: Callable[[], object] | None = None
    on_down: Callable[[], object] | None = None

    BINDINGS = [
        Binding("escape", "leave", "Back to list", show=False, tooltip="Return to the list",
                id="prep.input.leave"),
        Binding("down", "down", "To the list", show=False, tooltip="Down to the list below"),
    ]

    def __init__(self, value: str = "", *, down_leaves: bool = False, **kwargs: object) -> None:
        super().__init__(value, **kwargs)
        self.down_leaves = down_leaves

    class Down(Message):
        """The user pressed ↓ in a field that leads down to a list."""

        def __init__(self, field: SubInput) -> None:
            super().__init__()
            self.field = field

        @property
        def control(self) -> SubInput:
            """The field (so ``@on(SubInput.Down, "#id")`` works)."""
            return self.field

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """↓ only where it leads somewhere."""
        return action != "down" or self.down_leaves

    def action_down(self) -> None:
        """Down to the list."""
        if self.on_down is not None:
            self.on_down()
        else:
            self.post_message(self.Down(self))

    class Leave(Message):
        """The user pressed escape in this field."""

        def __init__(self, field: SubInput) -> None:
            super().__init__()
            self.field = field

        @property
        def control(self) -> SubInput:
            """The field (so ``@on(SubInput.Leave, "#id")`` works)."""
            return self.field

    def action_leave(self) -> None:
        """Tell the part the user is done here."""
        if self.on_leave is not None:
            self.on_leave()
        else:
            self.post_message(self.Leave(self))
