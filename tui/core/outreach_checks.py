"""A live checklist for an outreach draft: the habits of messages that get answered.

Each check is a pure function of the draft and a :class:`DraftContext` and returns a
:class:`CheckResult`: a status (``pass``, ``warn``, ``fail``, or ``todo`` while the draft is
empty), a short label, a one-line hint and the numbers behind it. :func:`check_draft` runs them
all in display order. Labels, hints and evidence may quote the draft: show them as plain text
(``markup=False``), never as markup; they are already folded to one line without control
characters.

The habits, in our words: keep it short; lead with what connects you; ask for advice or
insight, never for a job; end with a question that is easy to answer with a yes; write more
about them than about yourself; suggest a call of 20 to 30 minutes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any, Literal

from tui.core.draft_text import DraftParts, is_filler, normalise_quotes, split_draft, word_count
from tui.core.outreach import LINKEDIN_NOTE_LIMIT
from tui.core.outreach_phrases import (
    ADVICE,
    CONNECTION,
    HEAVY_ASK,
    JOB_ASKS,
    JOB_MENTIONS,
    VAGUE_LENGTH,
    YES_NO_START,
    call_lengths,
    job_phrases,
)
from tui.core.safetext import one_line

Status = Literal["pass", "warn", "fail", "todo"]
EMAIL, LINKEDIN = "email", "linkedin"
MEDIUMS = (EMAIL, LINKEDIN)

EMAIL_WORDS = 100  # aim: under about 100 words
EMAIL_WORDS_TOLERATED = 125  # a little over is a warning; more is a failure
OPENING_SENTENCES = 2  # the connection belongs in the first sentence or two
CLOSE_ENOUGH = 2  # I/me/my may outnumber you/your by this much before it fails
CALL_MINUTES = (20, 30)
_EVIDENCE = 60
_TITLES = {"dr", "mr", "mrs", "ms", "mx", "prof", "sir", "dame"}


@dataclass(frozen=True)
class DraftContext:
    """What the checks know besides the draft.

    ``medium``: ``email`` (about 100 words) or ``linkedin`` (a 300-character note); ``name`` and
    ``company``: the contact's; ``introducer``: who put you in touch; ``minutes``: the planned
    length of the call; ``shared``: schools, employers or groups you share with them.
    """

    medium: str = EMAIL
    name: str = ""
    company: str = ""
    introducer: str = ""
    minutes: int | None = None
    shared: tuple[str, ...] = ()


@dataclass(frozen=True)
class CheckResult:
    """One line of the checklist."""

    key: str
    status: Status
    label: str
    hint: str
    numbers: dict[str, int] = field(default_factory=dict)
    evidence: tuple[str, ...] = ()

    @property
    def passed(self) -> bool:
        """True only for a clean pass (a warning is worth a second look)."""
        return self.status == "pass"

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready copy."""
        return {"key": self.key, "status": self.status, "passed": self.passed,
                "label": self.label, "hint": self.hint, "numbers": dict(self.numbers),
                "evidence": list(self.evidence)}


NO_CONTEXT = DraftContext()


def _quote(text: str) -> str:
    line = one_line(text)
    return line if len(line) <= _EVIDENCE else line[:_EVIDENCE - 1] + "…"


def _first_name(name: str) -> str:
    return one_line(name).split(" ")[0] if one_line(name) else ""


def _them(context: DraftContext) -> str:
    return _quote(_first_name(context.name)) or "them"


# -- the checks ----------------------------------------------------------------------------


def check_short(draft: str, context: DraftContext = NO_CONTEXT) -> CheckResult:
    """Email: under about 100 words (greeting and body; the sign-off is not counted).
    LinkedIn: the connection note's 300-character limit, which is a hard one."""
    key = "short"
    if context.medium == LINKEDIN:
        chars = len(draft.strip())
        numbers = {"chars": chars, "limit": LINKEDIN_NOTE_LIMIT}
        if chars == 0:
            return CheckResult(key, "todo", f"Short: 0/{LINKEDIN_NOTE_LIMIT} chars",
                               "A LinkedIn note holds 300 characters.", numbers)
        if chars <= LINKEDIN_NOTE_LIMIT:
            return CheckResult(key, "pass", f"Short: {chars}/{LINKEDIN_NOTE_LIMIT} chars",
                               "Fits a LinkedIn connection note.", numbers)
        return CheckResult(key, "fail", f"Too long: {chars}/{LINKEDIN_NOTE_LIMIT} chars",
                           f"Cut {chars - LINKEDIN_NOTE_LIMIT} characters: LinkedIn stops "
                           "the note at 300.", numbers)
    parts = split_draft(draft, context.name)
    body = word_count(parts.body)
    count = word_count(parts.greeting) + body
    numbers = {"words": count, "limit": EMAIL_WORDS}
    if body == 0:
        return CheckResult(key, "todo", "Short: 0 words",
                           f"Aim for under {EMAIL_WORDS} words.", numbers)
    if count <= EMAIL_WORDS:
        return CheckResult(key, "pass", f"Short: {count} words",
                           "Short enough to read on a phone in one go.", numbers)
    status: Status = "warn" if count <= EMAIL_WORDS_TOLERATED else "fail"
    return CheckResult(key, status, f"Long: {count} words",
                       f"Cut {count - EMAIL_WORDS} words: aim for under {EMAIL_WORDS}.",
                       numbers)


def check_connection_first(draft: str, context: DraftContext = NO_CONTEXT) -> CheckResult:
    """The connection (who sent you, a shared school, employer or group, where you met) or,
    failing that, a specific piece of their work, in the first sentence or two."""
    key = "connection"
    sentences = [s for s in split_draft(draft, context.name).sentences if not is_filler(s)]
    who = _them(context)
    if not sentences:
        return CheckResult(key, "todo", "Connection first",
                           f"Open with what connects you to {who}.")
    names = [*_name_words(context.introducer), *(s for s in context.shared if s.strip())]
    at = next((i for i, s in enumerate(sentences) if _connects(s, names)), None)
    if at is not None and at < OPENING_SENTENCES:
        return CheckResult(key, "pass", "Connection first", "They know at once why you wrote.",
                           {"sentence": at + 1}, (_quote(sentences[at]),))
    if at is not None:
        return CheckResult(key, "fail", f"Connection buried (sentence {at + 1})",
                           "Move it to the opening: it is why they will read on.",
                           {"sentence": at + 1}, (_quote(sentences[at]),))
    return CheckResult(key, "warn", "No connection found",
                       "Open with who introduced you, or a school, employer or group you "
                       "share.", {"sentence": 0})


def _name_words(name: str) -> list[str]:
    """The words of a person's name worth looking for (``Dr``, ``J.`` and ``de`` are not)."""
    return [w for w in one_line(name).replace(".", " ").split()
            if len(w) >= 3 and w.casefold() not in _TITLES]


def _connects(sentence: str, names: list[str]) -> bool:
    if CONNECTION.search(sentence):
        return True
    return any(re.search(rf"(?<!\w){re.escape(one_line(n))}(?!\w)", sentence, re.IGNORECASE)
               for n in names)


def check_request(draft: str, context: DraftContext = NO_CONTEXT) -> CheckResult:
    """A request for advice or insight, and nothing that asks for a job, an opening, a
    referral or a look at your résumé.

    A job phrase that is denied (``I'm not asking for a job``) is a warning, not a pass: the
    denial still puts the job on the table, and the request for advice says it better.
    """
    key = "request"
    body = normalise_quotes(split_draft(draft, context.name).body)
    if not body.strip():
        return CheckResult(key, "todo", "Asks for advice",
                           "Say what you hope to learn from them.")
    asks = job_phrases(body, JOB_ASKS)
    mentions = job_phrases(body, JOB_MENTIONS)
    direct = [p for p in asks if not p.negated]
    denied = [p for p in asks if p.negated] + mentions
    numbers = {"job_asks": len(direct), "job_mentions": len(denied)}
    advice = ADVICE.search(body) is not None
    if direct:
        return CheckResult(key, "fail", "Asks for a job or referral",
                           "Ask for advice instead: a job ask turns a chat into a screening.",
                           numbers, tuple(_quote(p.text) for p in direct))
    if not advice:
        where = f" at {_quote(context.company)}" if one_line(context.company) else ""
        return CheckResult(key, "fail", "No clear request for advice",
                           f"Say what you hope to learn, e.g. how they got their role{where}.",
                           numbers, tuple(_quote(p.text) for p in denied))
    if denied:
        return CheckResult(key, "warn", "Mentions a job",
                           "Even 'not asking for a job' raises it: let the advice ask speak.",
                           numbers, tuple(_quote(p.text) for p in denied))
    return CheckResult(key, "pass", "Asks for advice, not a job",
                       "A request for insight is easy to grant.", numbers)


def check_easy_yes(draft: str, context: DraftContext = NO_CONTEXT) -> CheckResult:
    """The last sentence before the sign-off is a question that can be answered with a yes,
    and it asks for something small."""
    key = "easy_yes"
    sentences = split_draft(draft, context.name).sentences
    questions = [s for s in sentences if s.rstrip("\"')] ").endswith("?")]
    numbers = {"questions": len(questions)}
    if not sentences:
        return CheckResult(key, "todo", "Ends with an easy yes",
                           "End on a question they can answer with a yes.", numbers)
    last = sentences[-1]
    if not questions:
        return CheckResult(key, "fail", "No question to answer",
                           "End with one, e.g. 'Would you have 20 minutes next week?'",
                           numbers)
    if last not in questions:
        return CheckResult(key, "warn", "Question not at the end",
                           "Finish on your question, so a reply is the natural next step.",
                           numbers, (_quote(questions[-1]),))
    if YES_NO_START.match(last) is None:
        return CheckResult(key, "warn", "Ends with an open question",
                           "Make it a yes or no: 'Would you have 20 minutes next week?'",
                           numbers, (_quote(last),))
    heavy = HEAVY_ASK.search(last)
    if heavy:
        return CheckResult(key, "warn", "The ask is a big one",
                           "Ask for less: a short call is easy to say yes to.",
                           numbers, (_quote(heavy.group()),))
    return CheckResult(key, "pass", "Ends with an easy yes", "One word answers it: yes.",
                       numbers, (_quote(last),))


def check_about_them(draft: str, context: DraftContext = NO_CONTEXT) -> CheckResult:
    """More about them than about you: ``you``/``your`` counted against ``I``/``me``/``my``
    (greeting and sign-off left out)."""
    key = "about_them"
    body = split_draft(draft, context.name).body
    you, me = pronoun_counts(body)
    numbers = {"you": you, "me": me}
    label = f"About them: you {you} · I {me}"
    if you == 0 and me == 0:
        status: Status = "todo" if not body.strip() else "warn"
        return CheckResult(key, status, label, "Write about them: their work, their path.",
                           numbers)
    if you >= me:
        return CheckResult(key, "pass", label, "The message is about them.", numbers)
    if me - you <= CLOSE_ENOUGH:
        return CheckResult(key, "warn", label,
                           "Nearly even: turn an 'I' sentence into one about them.", numbers)
    return CheckResult(key, "fail", label,
                       f"Mostly about you: {me - you} more I/me/my than you/your.", numbers)


def pronoun_counts(text: str) -> tuple[int, int]:
    """(you/your/yours/yourself, I/me/my/mine/myself) in ``text``; contractions count
    (``you're``, ``I'm``), and ``i.e.`` does not."""
    you = me = 0
    for word in normalise_quotes(text).replace("i.e.", " ").replace("I.e.", " ").split():
        head = word.strip(".,;:!?()[]{}\"'*_-—–…").split("'")[0].casefold()
        if head in ("you", "your", "yours", "yourself", "yourselves"):
            you += 1
        elif head in ("i", "me", "my", "mine", "myself"):
            me += 1
    return you, me


def check_call_length(draft: str, context: DraftContext = NO_CONTEXT) -> CheckResult:
    """A suggested call of 20 to 30 minutes (the last length named is the one that counts).

    No length fails, and when the draft asks for "a quick call" or "a chat" the hint quotes
    it; under 20 minutes, or a length that differs from the planned minutes, is a warning;
    over 30 fails.
    """
    key = "call_length"
    body = normalise_quotes(split_draft(draft, context.name).body)
    lengths = call_lengths(body)
    planned = context.minutes
    if not lengths:
        if not body.strip():
            return CheckResult(key, "todo", "Suggests 20-30 min",
                               "Name a length: 20 minutes is easy to fit in.")
        vague = VAGUE_LENGTH.search(body)
        if vague:
            return CheckResult(key, "fail", "No length for the call",
                               f"'{_quote(vague.group())}' is vague: say '20 minutes'.",
                               evidence=(_quote(vague.group()),))
        return CheckResult(key, "fail", "No length for the call",
                           "Suggest 20-30 minutes: a small, clear ask.")
    low, high = lengths[-1]
    numbers = {"minutes": high, "from": low}
    if planned:
        numbers["planned"] = planned
    shown = f"{low}-{high}" if low != high else f"{high}"
    if high > CALL_MINUTES[1]:
        return CheckResult(key, "fail", f"Asks for {shown} min",
                           "Ask for 20-30 minutes: more is a big favour from a stranger.",
                           numbers)
    if high < CALL_MINUTES[0]:
        return CheckResult(key, "warn", f"Asks for {shown} min",
                           "Fine, but 20-30 minutes leaves room for your questions.", numbers)
    if planned and not low <= planned <= high:
        return CheckResult(key, "warn", f"Asks for {shown} min",
                           f"Your plan says {planned} minutes: make them match.", numbers)
    return CheckResult(key, "pass", f"Suggests {shown} min", "A clear, modest ask.", numbers)


CHECKS = (check_short, check_connection_first, check_request, check_easy_yes,
          check_about_them, check_call_length)


def check_draft(draft: str, context: DraftContext = NO_CONTEXT) -> list[CheckResult]:
    """Every check, in display order: short, connection first, the request, the closing
    question, about them, the call's length."""
    return [check(draft, context) for check in CHECKS]


def summary(results: list[CheckResult]) -> str:
    """``4 of 6 checks pass``, for a heading above the list."""
    passed = sum(1 for r in results if r.passed)
    return f"{passed} of {len(results)} checks pass"


def draft_parts(draft: str, context: DraftContext = NO_CONTEXT) -> DraftParts:
    """The greeting, body and sign-off as the checks see them (for highlighting)."""
    return split_draft(draft, context.name)
