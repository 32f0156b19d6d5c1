"""Command palette entries made from key bindings, so every key a pane has is also a command."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from functools import partial
from typing import Protocol, runtime_checkable

from textual.actions import parse
from textual.app import SystemCommand
from textual.dom import DOMNode

from tui.widgets.textual_patches import binding_pairs


@runtime_checkable
class PaletteSource(Protocol):
    """A screen (or pane) that offers commands to the command palette."""

    def palette_commands(self) -> Iterable[SystemCommand]:
        """The commands, the most specific first."""
        ...


@runtime_checkable
class HelpSource(Protocol):
    """A screen that tells F1 how keys work where the cursor is."""

    def help_note(self) -> str:
        """One or two sentences, or nothing."""
        ...


# Keys that only make sense typed where the cursor is, never from the palette.
NOT_COMMANDS = {"escape", "tab", "shift+tab"}


def shown(node: DOMNode) -> bool:
    """The node and all its ancestors are displayed."""
    return all(n.display for n in (node, *node.ancestors) if hasattr(n, "display"))


def binding_commands(nodes: Iterable[DOMNode]) -> Iterator[SystemCommand]:
    """One command per enabled action bound (with an id) on ``nodes``: titled with the
    binding's tooltip, the key in its help; each action once."""
    seen: set[tuple[int, str]] = set()
    titles: set[str] = set()
    for node in nodes:
        # The keys the footer shows first: their key is the one to name in the help text.
        for key, binding in sorted(binding_pairs(node), key=lambda pair: not pair[1].show):
            if not binding.id or not binding.description or key in NOT_COMMANDS:
                continue
            namespace, name, params = parse(binding.action)
            if (id(node), binding.action) in seen:
                continue
            if not namespace and not node.check_action(name, params):
                continue
            seen.add((id(node), binding.action))
            app = node.app
            title = re.split(r" \(|; |: ", binding.tooltip or binding.description)[0]
            if title in titles:
                continue
            titles.add(title)
            help_text = f"{binding.description} · {app.get_key_display(binding)}"
            yield SystemCommand(title, help_text, partial(app.run_action, binding.action, node))
