"""A ``#`` inside a web address is no tag, decided with one look at each stretch of the text:
the same answer as walking back to each ``#``'s word start, and a huge paste with no space
and thousands of ``#`` is read at once rather than in minutes."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core import tags
from tui.core.tags import find_tags


def _walking_back(text: str, at: int) -> bool:
    """The rule as it was first written: the word around ``at``, walked back to its start."""
    start = at
    while start > 0 and not text[start - 1].isspace():
        start -= 1
    word = text[start:at].casefold()
    return any(mark in word for mark in ("://", "www."))


PIECES = st.sampled_from(["#", "#ai", " ", "\u00a0", "\u2003", "\n", "(", "://", "www.",
                          "WwW.", "w", "W", ".", ":", "/", "ß", "ﬀ", "İ", "x", "é", "[", "]"])


@settings(max_examples=300, deadline=None)
@given(st.lists(PIECES, max_size=40).map("".join))
def test_each_hash_gets_the_answer_of_walking_back(text: str) -> None:
    web = tags._WebWords(text)
    for at in [i for i, ch in enumerate(text) if ch == "#" and i > 0]:
        assert web.inside(at) == _walking_back(text, at), (text, at)


def test_a_web_address_hides_its_tags_and_the_next_word_has_its_own() -> None:
    text = "see HTTPS://x.io/(#nope and (#yes then www.a.b/#no #ok"
    assert [m.shown for m in find_tags(text)] == ["yes", "ok"]


def test_a_huge_paste_without_a_space_is_read_whole() -> None:
    text = "(#a" * 100_000  # 300 KB, one word, 100,000 tags
    assert len(find_tags(text)) == 100_000
    assert find_tags("www." + text) == []
