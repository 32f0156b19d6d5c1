"""The Reflect pane and its sections: the reflection prompts and rating (:mod:`.reflection`),
action items, referrals and follow-ups (:mod:`.records`), and the thank-you note
(:mod:`.thank_you`)."""

from tui.panes.reflect.pane import ReflectPane

__all__ = ["ReflectPane"]
