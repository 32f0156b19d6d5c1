"""The Live pane's keys: ctrl keys work everywhere in the pane, also while typing; single
letters work when the focus is not in a text box (Textual gives printable keys to the text box
first)."""

from __future__ import annotations

from textual.binding import Binding


def _b(keys: str, action: str, description: str, tooltip: str, bid: str,
       show: bool = True) -> Binding:
    return Binding(keys, action, description, show=show, tooltip=tooltip, id=f"live.{bid}")


LIVE_BINDINGS = [
    _b("ctrl+t", "start", "Start", "Start the call's timer", "start"),
    _b("ctrl+t", "pause", "Pause", "Pause the timer (ctrl+t again resumes)", "pause"),
    _b("ctrl+t", "resume", "Resume", "Resume the timer; the pause does not count", "resume"),
    _b("ctrl+t", "reopen", "Carry on", "Reopen a call that was ended by mistake", "reopen"),
    _b("ctrl+n", "next", "Asked, next", "Mark this question asked and go to the next "
       "pending one", "next"),
    _b("ctrl+l,l", "quick_note", "Quick note", "Type a note stamped with the minute of the "
       "call (ctrl+l, or l)", "quick"),
    _b("ctrl+o,o,plus", "follow_up", "Follow-up", "Add a follow-up question right after this "
       "one (ctrl+o, o or +)", "followup"),
    _b("ctrl+r,r", "referral", "Referral", "They mentioned someone: note the name (ctrl+r, "
       "or r)", "referral"),
    _b("a", "mark('asked')", "Asked", "Mark the current question asked (again: pending)",
       "asked"),
    _b("s", "mark('skipped')", "Skip", "Mark the current question skipped (again: pending)",
       "skip"),
    _b("asterisk", "star", "Star", "Star the current question (an answer worth keeping)",
       "star"),
    _b("i", "write_note", "Write", "Type the current question's note (enter works too)",
       "write"),
    _b("ctrl+g,f", "focus_mode", "Focus", "Show only the timer, the question and the notes "
       "(ctrl+g, or f)", "focus"),
    _b("E", "end", "End call", "End the call: saves start and end, status done (asks first)",
       "end"),
    _b("ctrl+down,j", "step(1)", "Next question", "Go to the next question without marking",
       "down", show=False),
    _b("ctrl+up,k", "step(-1)", "Previous question", "Go to the previous question", "up",
       show=False),
    _b("shift+down,J", "move(1)", "Move down", "Move the current question down", "movedown",
       show=False),
    _b("shift+up,K", "move(-1)", "Move up", "Move the current question up", "moveup",
       show=False),
    _b("w", "wrap_setting", "Wrap-up warning", "Minutes before the end that wrap-up time "
       "is signalled (a setting kept for every call)", "wrap", show=False),
    _b("m", "planned_minutes", "Planned minutes", "Change how long this call is planned to "
       "last", "minutes", show=False),
    _b("escape", "leave", "Leave text box", "Leave focus mode, or leave the text box for "
       "the question list", "leave", show=False),
]

# Actions only reachable by single letters: hidden from the footer while typing.
LETTER_ACTIONS = {"mark", "star", "write_note", "end", "wrap_setting", "planned_minutes",
                  "move"}

# Keys that move the note area to another question: run in typing order (see QuestionNote).
IN_ORDER = {"ctrl+n": "next", "ctrl+down": "step(1)", "ctrl+up": "step(-1)"}
