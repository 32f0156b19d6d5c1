"""The domain: contacts and conversations as dataclasses that round-trip to plain JSON.

Every record carries a stable string id. Dates are ISO 8601 strings: a calendar date as
``YYYY-MM-DD``, a moment as ``YYYY-MM-DDTHH:MM:SS+HH:MM`` (always with its UTC offset).
``from_dict`` validates what it reads and raises :class:`ModelError` with a message that names
the offending field, so a hand-edited or imported file gets a specific complaint; keys this
version does not know are kept and written back.

One module per family of records: :mod:`.contact`, :mod:`.conversation`, :mod:`.preparation`
(checklist, questions, drafted messages), :mod:`.call` (the live session and its notes) and
:mod:`.follow_through` (reflection, actions, referrals, follow-ups); :mod:`.record` and
:mod:`.fields` read and write them all.
"""

from tui.core.models.call import LiveNote, LiveSession
from tui.core.models.contact import DEFAULT_CADENCE_DAYS, HOW_FOUND, Contact
from tui.core.models.conversation import (
    DEFAULT_MINUTES,
    KINDS,
    MAX_MINUTES,
    MEDIUMS,
    STATUS_LABELS,
    STATUSES,
    Conversation,
)
from tui.core.models.follow_through import ActionItem, FollowUp, Referral, Reflection
from tui.core.models.preparation import (
    QUESTION_STATES,
    REPLIES,
    ChecklistItem,
    DraftMessage,
    Question,
)
from tui.core.models.record import (
    ModelError,
    Record,
    field_names,
    finite_numbers,
    new_id,
    now_iso,
)

__all__ = [
    "DEFAULT_CADENCE_DAYS", "DEFAULT_MINUTES", "HOW_FOUND", "KINDS", "MAX_MINUTES", "MEDIUMS",
    "QUESTION_STATES", "REPLIES", "STATUSES", "STATUS_LABELS", "ActionItem", "ChecklistItem",
    "Contact", "Conversation", "DraftMessage", "FollowUp", "LiveNote", "LiveSession", "ModelError",
    "Question", "Record", "Referral", "Reflection", "field_names", "finite_numbers", "new_id",
    "now_iso",
]
