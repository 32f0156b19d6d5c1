"""What the parts of the Prep pane share: where work starts, where typing goes, the content."""

from __future__ import annotations

from typing import ClassVar

from textual.notifications import SeverityLevel
from textual.widget import Widget
from textual.widgets import Input, TextArea

from tui.core.prep import PrepContent
from tui.panes.base import ModelView
from tui.widgets.app_services import app_services
from tui.widgets.key_order import focus_now


class PrepPart(ModelView):
    """One part of the Prep pane (Research, Questions, Outreach, Schedule). It shows and edits
    the conversation it is given; the pane draws it only while it is the part shown."""

    label: ClassVar[str] = ""
    DRAW_ON_MOUNT = False  # the pane draws a part when it is shown (the bank is long)

    @property
    def content(self) -> PrepContent:
        """The checklist template, the question bank and the outreach template."""
        return app_services(self).content.prep

    def prepare(self) -> bool:
        """The part is about to be shown: make what it needs in the model (a checklist, a
        first draft); True when the model changed (parts override)."""
        return False

    def _model_changed(self, old: object, new: object) -> None:
        if self.display:
            super()._model_changed(old, new)

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
