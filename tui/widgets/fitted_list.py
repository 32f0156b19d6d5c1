"""An OptionList that wraps its options again when its scrollbar comes or goes, and keeps its
highlighted option in view when its size changes."""

from __future__ import annotations

from tui.widgets.textual_patches import ListRewrapOnScrollbar


class FittedOptionList(ListRewrapOnScrollbar):
    """Textual caches each option's wrapped lines without the width they were wrapped at, and
    only forgets them on a resize. A scrollbar appearing (an item grew a note line, the
    checklist was filled) narrows the list without a resize, and a long item kept its old,
    wider wrapping: its last line was cut off. Here the caches go whenever the scrollbar does.

    A resize (the terminal narrowed, a part beside the list shown or hidden) wraps the options
    again and changes how many lines fit, but Textual keeps the old scroll offset: the
    highlighted option could end up out of view. Here it is scrolled back into view.
    """

    def _on_resize(self) -> None:
        # Textual's own handler (run after this one) drops the wrapped lines; scroll once they
        # are made again for the new width.
        self.call_after_refresh(self.scroll_to_highlight)
