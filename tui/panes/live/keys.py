"""The Live pane's keys. During a call every printable key is text, so every command is a ctrl
or function key; they work everywhere in the pane, also while typing. A printable key typed
outside a text box goes into the current question's note (see ``tui.widgets.key_order``)."""

from __future__ import annotations

from textual.binding import Binding, BindingType


def _b(keys: str, action: str, description: str, tooltip: str, bid: str,
       show: bool = True) -> Binding:
    return Binding(keys, action, description, show=show, tooltip=tooltip, id=f"live.{bid}")


LIVE_BINDINGS: list[BindingType] = [
    _b("ctrl+t", "start", "Start", "Start the call's timer", "start"),
    _b("ctrl+t", "pause", "Pause", "Pause the timer (ctrl+t again resumes)", "pause"),
    _b("ctrl+t", "resume", "Resume", "Resume the timer; the pause does not count", "resume"),
    _b("ctrl+t", "reopen", "Carry on", "Carry on with a call that was ended by mistake "
       "(asks first)", "reopen", show=False),
    _b("f12", "read", "Read all", "Read the whole conversation, top to bottom (once the call "
       "has ended)", "read"),
    _b("ctrl+n", "next", "Asked, next", "Mark this question asked (a skipped one stays "
       "skipped) and go to the next pending one", "next"),
    _b("ctrl+l", "quick_note", "Quick note", "Type a note stamped with the minute of the call; "
       "enter stamps it and takes you back", "quick"),
    _b("ctrl+o", "follow_up", "Follow-up", "Add a follow-up question right after this one",
       "followup"),
    _b("ctrl+r", "referral", "Referral", "They mentioned someone: note the name", "referral",
       show=False),
    _b("ctrl+g", "focus_mode", "Focus", "Show only the timer, the question and the notes",
       "focus", show=False),
    _b("f6", "mark('asked')", "Asked", "Mark the current question asked (again: pending)",
       "asked", show=False),
    _b("f7", "mark('skipped')", "Skip", "Mark the current question skipped (again: pending)",
       "skip", show=False),
    _b("f8", "star", "Star", "Star the current question (an answer worth keeping)", "star",
       show=False),
    _b("f9", "end", "End", "End the call: saves start and end, status done (asks first)",
       "end"),
    _b("f10", "timing", "Timing", "Planned minutes and the wrap-up warning (kept for every "
       "call)", "timing", show=False),
    _b("ctrl+down", "step(1)", "Next question", "Go to the next question without marking",
       "down", show=False),
    _b("ctrl+up", "step(-1)", "Previous question", "Go to the previous question", "up",
       show=False),
    _b("ctrl+shift+down", "move(1)", "Move down", "Move the current question down (shift+↓ "
       "on the list)", "movedown", show=False),
    _b("ctrl+shift+up", "move(-1)", "Move up", "Move the current question up (shift+↑ on the "
       "list)", "moveup", show=False),
    _b("escape", "leave", "Leave box", "Leave the text box for the question list (and focus "
       "mode); outside a text box esc goes back to the list of chats", "leave", show=False),
]

# Actions that change where typing goes (the current question, the focused box, a form that
# opens, the marks of the current question): they run in the order the keys were typed,
# before any key typed later, which follows the cursor (into the form, once it is open).
ORDERED_ACTIONS = frozenset({"next", "step", "move", "leave", "quick_note", "mark", "star",
                             "focus_mode", "start", "pause", "resume", "follow_up", "referral",
                             "timing", "read"})
