"""The shipped content, or the user's own copies, loaded once: the checklist, the question
bank and outreach template (Prep), the reflection prompts and the thank-you template.

Reading the files is done before the app's event loop starts; the panes take what they need
from here, and say what was wrong with the user's own files when they first use them.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tui.core.content import THANK_YOU, ContentError, Section, load_reflection, load_template
from tui.core.prep import PrepContent, load_prep_content


@dataclass
class ContentLibrary:
    """Everything the panes draft and plan from; ``*_warnings`` say which own file was not
    used and why."""

    prep: PrepContent
    prep_warnings: list[str] = field(default_factory=list)
    reflection: list[Section] = field(default_factory=list)
    reflection_warnings: list[str] = field(default_factory=list)
    thank_you: str = ""
    thank_you_warnings: list[str] = field(default_factory=list)

    @classmethod
    def load(cls, user_dir: Path | None = None) -> ContentLibrary:
        """Read the content (the user's copies in ``user_dir`` first, else the shipped)."""
        prep, prep_warnings = load_prep_content(user_dir)
        try:
            loaded = load_reflection(user_dir)
            reflection, reflection_warnings = loaded.value, loaded.warnings
        except (ContentError, OSError) as exc:
            reflection, reflection_warnings = [], [f"The reflection prompts cannot be read: {exc}"]
        thanks = load_template(THANK_YOU, user_dir)
        return cls(prep, prep_warnings, reflection, reflection_warnings, thanks.value,
                   thanks.warnings)
