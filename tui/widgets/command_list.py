"""Lists whose keys are commands on the highlighted row, handled by the part around them.

A key on such a list posts a :class:`ListCommand` (``toggle``, ``add``, ``delete``...) and
waits until the part around it has dealt with it, so a key typed right after (into the form
that ``a`` opened, say) lands where the command left the cursor.
"""

from __future__ import annotations

from textual.widget import Widget

from tui.widgets.key_order import OrderedKeys, Request, ask
from tui.widgets.record_lists import RecordList


class ListCommand(Request):
    """Do ``command`` to the row ``item_id`` (None: no row is highlighted) of ``source``;
    ``argument`` is the command's parameter, if any (a step, a direction)."""

    def __init__(self, source: Widget, command: str, item_id: str | None,
                 argument: int = 0) -> None:
        super().__init__()
        self.source = source
        self.command = command
        self.item_id = item_id
        self.argument = argument

    @property
    def control(self) -> Widget:
        """The list the command came from (so ``@on(ListCommand, "#id")`` works)."""
        return self.source


class CommandList(OrderedKeys, RecordList):
    """A list of records whose bindings run ``command(...)`` actions (see the module)."""

    async def action_command(self, command: str, argument: int = 0) -> None:
        """Ask the part around the list to do ``command`` to the highlighted row."""
        await ask(self, ListCommand(self, command, self.current_id, argument))
