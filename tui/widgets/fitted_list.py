"""An OptionList that wraps its options again when its scrollbar comes or goes."""

from __future__ import annotations

from tui.widgets.textual_patches import ListRewrapOnScrollbar


class FittedOptionList(ListRewrapOnScrollbar):
    """Textual caches each option's wrapped lines without the width they were wrapped at, and
    only forgets them on a resize. A scrollbar appearing (an item grew a note line, the
    checklist was filled) narrows the list without a resize, and a long item kept its old,
    wider wrapping: its last line was cut off. Here the caches go whenever the scrollbar does.
    """
