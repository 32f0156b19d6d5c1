"""The Live pane and its parts: the call's clock (:mod:`.call`), the questions in asking
order (:mod:`.question_flow`), the notes being typed (:mod:`.notes`) and the log of stamped
notes (:mod:`.log`); the keys are in :mod:`.keys`."""

from tui.panes.live.pane import LivePane

__all__ = ["LivePane"]
