"""Tab titles that keep their counts in a narrow terminal: the keys that pick a tab (``[1]``,
``[2]``, ...) are shown only while every title fits with them. In a 60-column split, home's
"Conversations (1000) [1]  Contacts (600) [2]  Due (2689) [3]" was wider than the screen, and
the strip scrolled the first title's first letters out of sight."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rich.cells import cell_len
from textual.widgets import TabbedContent

from tui.widgets.text import plain


def tab_titles(tabs: Sequence[tuple[str, str, str]], width: int) -> dict[str, str]:
    """(tab id, name with its count, key) of each tab -> its title: ``"Due (12) [3]"``, or
    ``"Due (12)"`` for every tab when the titles with their keys would not fit in ``width``
    cells (a tab takes its title and a cell each side)."""
    with_keys = {ident: f"{name} [{key}]" for ident, name, key in tabs}
    if sum(cell_len(title) + 2 for title in with_keys.values()) <= width:
        return with_keys
    return {ident: name for ident, name, _ in tabs}


def label_tabs(tabs: TabbedContent, names: Mapping[str, str], width: int) -> None:
    """Title the tabs of ``tabs`` (``names``: each tab's name with its count, by tab id, in
    the tabs' order, whose keys are 1, 2, ...) to fit ``width``."""
    titles = tab_titles([(ident, name, str(key))
                         for key, (ident, name) in enumerate(names.items(), 1)], width)
    for ident, title in titles.items():
        tab = tabs.get_tab(ident)
        if str(tab.label) != title:
            tab.label = plain(title)
