"""The reflection prompts (one Markdown field each) and the 1-5 rating."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Static, TextArea

from tui.core.content import Section, slug
from tui.panes.reflect.section import ReflectSection, section_title
from tui.widgets.app_services import app_services
from tui.widgets.key_order import OrderedKeys
from tui.widgets.text import styled
from tui.widgets.text_box import TextBox

STAR, NO_STAR = "★", "☆"
LONG_TEXT = 100_000


@dataclass(frozen=True)
class Prompt:
    """A reflection prompt: the answer's key in ``Reflection.answers``, its title and hint."""

    key: str
    title: str
    hint: str = ""


def prompts_for(sections: list[Section], answers: dict[str, str]) -> list[Prompt]:
    """The prompts from the reflection file, then any stored answer whose prompt is gone
    (the user changed their reflection.md): shown too, so no answer is ever hidden."""
    prompts: list[Prompt] = []
    seen: set[str] = set()
    for section in sections:
        key = base = slug(section.title)
        n = 2
        while key in seen:
            key, n = f"{base}-{n}", n + 1
        seen.add(key)
        prompts.append(Prompt(key, section.title, section.hint))
    for key, text in answers.items():
        if key not in seen and text.strip():
            prompts.append(Prompt(key, key.replace("-", " ").capitalize(),
                                  "(from an earlier version of your reflection prompts)"))
    return prompts


class AnswerArea(TextBox):
    """A Markdown answer; ``key`` says which prompt it answers."""

    def __init__(self, key: str, text: str, **kwargs: Any) -> None:
        super().__init__(text, soft_wrap=True, show_line_numbers=False,
                         tab_behavior="focus", **kwargs)
        self.key = key


class PromptField(Vertical):
    """A prompt's title, its hint underneath, and the answer."""

    DEFAULT_CSS = """
    PromptField { height: auto; margin-bottom: 1; }
    PromptField .prompt-title { text-style: bold; }
    PromptField .prompt-hint { color: $text-muted; }
    PromptField AnswerArea {
        height: auto; min-height: 3; max-height: 14; border: none; padding: 0 1;
        border-left: outer $panel-lighten-2;
    }
    PromptField AnswerArea:focus { border: none; border-left: outer $accent; }
    """

    def __init__(self, prompt: Prompt, text: str, index: int) -> None:
        super().__init__(id=f"prompt-{index}")
        self.prompt = prompt
        self.answer = text
        self.index = index

    def compose(self) -> ComposeResult:
        """Title, hint and the text area."""
        yield Static(styled(self.prompt.title), classes="prompt-title")
        if self.prompt.hint:
            yield Static(styled(self.prompt.hint), classes="prompt-hint")
        yield AnswerArea(self.prompt.key, self.answer, id=f"answer-{self.index}")


def stars(rating: int | None) -> str:
    """``★★★★☆`` for 4; five empty stars when unrated."""
    value = rating or 0
    return STAR * value + NO_STAR * (5 - value)


class RatingBar(OrderedKeys, Static, can_focus=True):
    """How useful the conversation was, 1-5: digits set it, left/right step, 0 clears (the
    digit of the rating before undoes a change)."""

    BINDINGS = [
        Binding("right,plus", "step(1)", "More", show=False, tooltip="One star more",
                id="rating.more"),
        Binding("left,minus", "step(-1)", "Less", show=False, tooltip="One star less",
                id="rating.less"),
        *[Binding(str(n), f"rate({n})", "Rate" if n == 1 else f"Rate {n}", show=n == 1,
                  key_display="1-5" if n == 1 else None,
                  tooltip=f"Rate the conversation {n} of 5", id=f"rating.{n}")
          for n in range(1, 6)],
        Binding("0", "rate(0)", "Clear rating", show=False, tooltip="Remove the rating",
                id="rating.clear"),
    ]
    DEFAULT_CSS = """
    RatingBar { height: 1; padding: 0 1; }
    RatingBar:focus { background: $boost; }
    """

    class Rated(Message):
        """The user chose a rating (None clears it)."""

        def __init__(self, rating: int | None) -> None:
            super().__init__()
            self.rating = rating

    def __init__(self, rating: int | None, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.rating = rating

    def on_mount(self) -> None:
        """Draw."""
        self.show_rating(self.rating)

    def show_rating(self, rating: int | None) -> None:
        """Show ``rating`` (no message is sent)."""
        self.rating = rating
        self.update(styled(("Rating ", "bold"), (stars(rating), "$warning"),
                           f" {rating}/5" if rating else " not rated",
                           ("   1-5 rate · 0 clears", "dim")))

    def action_step(self, delta: int) -> None:
        """One star more or less."""
        value = min(5, max(1, (self.rating or 0) + delta))
        self.post_message(self.Rated(value).set_sender(self))

    def action_rate(self, rating: int) -> None:
        """A rating from 1 to 5 (0 clears it)."""
        self.post_message(self.Rated(rating if 1 <= rating <= 5 else None).set_sender(self))


class ReflectionSection(ReflectSection):
    """The reflection prompts from reflection.md (or the user's own copy), one field each."""

    def compose(self) -> ComposeResult:
        """Heading, then a field per prompt."""
        yield section_title("Reflection", "tab next field · ctrl+o $EDITOR")
        library = app_services(self).content
        sections, self.warnings = library.reflection, library.reflection_warnings
        answers = self.conversation.reflection.answers
        self._warned: set[str] = set()
        for index, prompt in enumerate(prompts_for(sections, answers)):
            yield PromptField(prompt, answers.get(prompt.key, ""), index)

    def on_mount(self) -> None:
        """Say if the user's own prompts could not be used (Textual runs the base class's
        ``on_mount``, which fills in, as well)."""
        for warning in self.warnings:
            self.say(warning, "warning")

    def refresh_view(self) -> None:
        """Show the model's answers (only fields whose text differs are touched)."""
        answers = self.conversation.reflection.answers
        for area in self.query(AnswerArea):
            stored = answers.get(area.key, "")
            if area.text != stored:
                area.load_text(stored)

    def focus_first(self) -> None:
        """Put the cursor in the first prompt."""
        areas = self.query(AnswerArea)
        if areas:
            areas.first().focus()

    @on(TextArea.Changed)
    def _typed(self, event: TextArea.Changed) -> None:
        area = event.text_area
        if not isinstance(area, AnswerArea):
            return
        event.stop()
        answers = self.conversation.reflection.answers
        if answers.get(area.key, "") == area.text:
            return
        if area.text:
            answers[area.key] = area.text
        else:
            answers.pop(area.key, None)
        self.edited()
        if len(area.text) > LONG_TEXT and area.key not in self._warned:
            self._warned.add(area.key)
            self.say(f"That answer is {len(area.text):,} characters. It is kept and saved, "
                     "but very long text makes saving slower.", "warning")
