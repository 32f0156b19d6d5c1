"""Reflect's f8: note what this conversation said about one of the user's career hypotheses.

The pane only asks (:class:`EvidenceWanted`); the conversation screen reads the hypotheses,
opens the form and has the evidence written in a thread."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message

EVIDENCE_BINDING = Binding("f8", "evidence", "Evidence", tooltip="What this conversation said "
                           "about one of your career hypotheses: for, against or mixed",
                           id="reflect.evidence")


class EvidenceWanted(Message):
    """Note evidence from the conversation ``conversation_id`` (the screen does it)."""

    def __init__(self, conversation_id: str) -> None:
        super().__init__()
        self.conversation_id = conversation_id
