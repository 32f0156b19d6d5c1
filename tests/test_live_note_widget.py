"""The note area's shortcuts give exactly what stock Textual gives, after any edits."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st
from textual.widgets.text_area import Document, WrappedDocument

from tui.widgets.textual_patches import CountedWrappedDocument, JoinedOnceDocument

TEXT = st.text(alphabet="ab \n\t✓", max_size=60)


@settings(max_examples=60, deadline=None)
@given(start=TEXT, edits=st.lists(st.tuples(st.integers(0, 80), st.integers(0, 80), TEXT),
                                  max_size=8), width=st.integers(0, 12))
def test_joined_text_and_counted_height_match_stock(start, edits, width) -> None:
    fast, stock = JoinedOnceDocument(start), Document(start)
    fast_wrap = CountedWrappedDocument(fast, width)
    stock_wrap = WrappedDocument(stock, width)
    for a, b, text in edits:
        assert fast.text == stock.text
        top = stock.get_location_from_index(min(a, len(stock.text)))
        bottom = stock.get_location_from_index(min(b, len(stock.text)))
        top, bottom = sorted((top, bottom))
        for document, wrapped in ((fast, fast_wrap), (stock, stock_wrap)):
            result = document.replace_range(top, bottom, text)
            wrapped.wrap_range(top, bottom, result.end_location)
        assert fast.text == stock.text
        assert fast_wrap.height == WrappedDocument.height.fget(fast_wrap) == stock_wrap.height
    fast_wrap.wrap(max(1, width))
    assert fast_wrap.height == WrappedDocument.height.fget(fast_wrap)
