"""The phrases the outreach checks look for, each list with the reason it exists.

Kept apart from the checks so that the wording can be tuned (and tested) without touching the
logic. Every pattern is matched case-insensitively against text whose curly quotes were made
straight, and none can backtrack over more than a few dozen characters.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_I = re.IGNORECASE


@dataclass(frozen=True)
class JobPhrase:
    """One phrase that puts a job on the table, where it is, and whether it was denied."""

    text: str
    start: int
    negated: bool


# A connection or shared background: who sent you, where you overlap, or a specific piece of
# their work you came across (the next best opener when there is no connection).
CONNECTION = re.compile(
    r"\b(?:suggested (?:that )?i\b|suggested (?:i |that i |)(?:reach|get|contact|write|talk)|"
    r"recommended (?:that )?(?:i|you|reaching|contacting|speaking)\b|referred me|pointed me|"
    r"put me in touch|introduc(?:ed|tion|ing)|passed (?:along |on )?your|gave me your|"
    r"mentioned (?:you|your)|spoke (?:so )?highly|speaks (?:so )?highly|said you\b|mutual|"
    r"we met|met (?:you|briefly|at|during|last)|meeting you|"
    r"fellow|alum(?:na|nus|ni|nae|s)?\b|graduate of|graduated from|grad of|"
    r"(?:also|both) (?:studied|went|worked|work|attended|graduated|grew up|volunteer|belong|"
    r"served|came from|started)|"
    r"same (?:school|university|college|program|programme|course|team|company|class|cohort|"
    r"bootcamp|club|group|hometown|firm|lab|department|network)|"
    r"we both|in common|shared|our (?:school|university|college|program|programme|alma mater|"
    r"class|cohort|group|club|community|network|association|friend|colleague)|member of|"
    r"former colleague|used to work|worked together|classmate|connected (?:on|through|via)|"
    r"your (?:talk|post|article|panel|presentation|podcast|interview|essay|newsletter|keynote|"
    r"webinar|paper|book|thread|video|session|workshop))",
    _I,
)

# A request for what a conversation can give: advice, insight, their story.
ADVICE = re.compile(
    r"\b(?:advice|advise|insights?|perspective|learn|learning|hear (?:about|how|what|more|your)|"
    r"your (?:experience|thoughts|take|story|path|journey|view|views|lessons)|"
    r"how you (?:got|moved|made|went|became|decided|built|started|switched|found|approached|"
    r"transitioned|broke|think|see)|what (?:it's|it is) like|curious (?:about|how|what|whether)|"
    r"pick your brain|questions? about|understand (?:how|what|more|the)|guidance)\b",
    _I,
)

# "an opportunity to learn from you" is not a job; "any opportunities on your team?" is.
_ROLE_NOUN = (r"(?:(?:jobs?|positions?|roles?|openings?|vacanc(?:y|ies)|internships?)\b|"
              r"opportunit(?:y|ies)\b(?!\s+to\b))")
_GETTING = re.compile(r"(?:find|finding|land|landing|get|getting|secure|securing)\b", _I)
_OTHER_SUBJECT = re.compile(
    r"\b(?:you|they|he|she|we|people|someone|others|folks|most)(?:\s+\w+)?\s*$", _I)

# Phrases that ask for a job, an opening or a referral, or hand over a résumé. A coach would
# strike every one of them from a request for a conversation.
JOB_ASKS = (
    re.compile(
        r"\b(?:looking for|seeking|searching for|hunting for|find|finding|land|landing|get|"
        r"getting|secure|securing|offer me|give me|apply for|applying for|apply to|applying to|"
        r"considered for|consider me for|interview for|interviewing for|asking for|ask for|"
        r"ask you for|asking you for|request|requesting)\s+(?:me\s+)?(?:a|an|any|some|one|the|"
        r"open|new)\s+(?:[\w-]+\s+){0,2}?" + _ROLE_NOUN, _I),
    re.compile(r"\b(?:any|open|available)\s+(?:[\w-]+\s+)?" + _ROLE_NOUN, _I),
    re.compile(r"\bjob (?:opening|offer|opportunit|lead|request|application)", _I),
    re.compile(r"\bhiring\b", _I),
    re.compile(r"\breferrals?\b", _I),
    re.compile(r"\brefer me\b(?!\s+to\s+(?:someone|somebody|anyone|anybody|a colleague|"
               r"colleagues|people|others|other people|a friend|friends|whoever))", _I),
    re.compile(r"\bput in a (?:good )?word\b", _I),
    re.compile(r"\b(?:hire|employ) me\b", _I),
    re.compile(r"\b(?:join|joining) your (?:team|company|firm|group)\b", _I),
    re.compile(r"\bwork (?:for|at) your (?:team|company|firm|organi[sz]ation)\b", _I),
    re.compile(r"\b(?:your|the) (?:recruiter|recruiters|recruiting team|hiring team|hr team)\b",
               _I),
    re.compile(r"\b(?:my|an|the) application\b", _I),
    re.compile(r"\b(?:pass|passing|forward|forwarding|send|sending|share|sharing|circulate|"
               r"attach|attached|attaching|enclosed|enclosing|review|look at|looking at)\b"
               r"[^.?!\n]{0,30}?\b(?:r[eé]sum[eé]s?|cvs?|c\.v\.)(?!\w)", _I),
    re.compile(r"\b(?:r[eé]sum[eé]|cv)\s+(?:is\s+)?(?:attached|enclosed|below)\b", _I),
)

# Phrases that mention the job hunt without asking for anything: still a signal to the
# reader that this is about a job.
JOB_MENTIONS = (
    re.compile(r"\bjob (?:search|hunt|hunting|seeker|market)\b", _I),
    re.compile(r"\b(?:looking for|seeking) (?:work|employment|a new challenge)\b", _I),
    re.compile(r"\bfoot in the door\b", _I),
    re.compile(r"\b(?:looking for|seeking|searching for|exploring) (?:new |job |other )?"
               r"opportunit(?:y|ies)\b(?!\s+to\b)", _I),
    re.compile(r"\bmy (?:r[eé]sum[eé]|cv)(?!\w)", _I),
)

_NEGATION = re.compile(r"(?:\b(?:not|never|no|nor|without)\b|n't\b)", _I)
_CLAUSE_BREAK = re.compile(r"[;:—–()]|\b(?:but|though|although|however|yet|and|so)\b", _I)
_LOOK_BACK = 60


def job_phrases(text: str, patterns: tuple[re.Pattern[str], ...] = JOB_ASKS) -> list[JobPhrase]:
    """Every job phrase in ``text`` (straight quotes), in order, overlapping ones merged.

    A phrase is *negated* when a negation (``not``, ``never``, ``no``, ``without``, ``n't``)
    comes before it in the same clause of the same sentence. Commas do not end the clause, so
    a list stays denied (``I'm not asking for a job, a referral or an interview``); ``but``,
    ``and``, ``so``, a semicolon or a dash do (``no rush, but is your team hiring?`` denies
    nothing).
    """
    spans: list[tuple[int, int]] = []
    for pattern in patterns:
        spans.extend(m.span() for m in pattern.finditer(text))
    spans.sort()
    found: list[JobPhrase] = []
    last_end = -1
    for start, end in spans:
        if start < last_end or _about_someone_else(text, start):
            continue
        last_end = end
        found.append(JobPhrase(" ".join(text[start:end].split()), start,
                               _is_negated(text, start)))
    return found


def _about_someone_else(text: str, start: int) -> bool:
    """``how did you get the role``: someone else getting a job is a question, not an ask."""
    return _GETTING.match(text, start) is not None and \
        _OTHER_SUBJECT.search(text[max(0, start - 24):start]) is not None


def _is_negated(text: str, start: int) -> bool:
    window = text[max(0, start - _LOOK_BACK):start]
    sentence_start = max(window.rfind(". "), window.rfind("? "), window.rfind("! "),
                         window.rfind("\n"))
    window = window[sentence_start + 1:]
    breaks = list(_CLAUSE_BREAK.finditer(window))
    clause = window[breaks[-1].end():] if breaks else window
    return _NEGATION.search(clause) is not None


# Openings of a question the reader can answer with a yes.
YES_NO_START = re.compile(
    r"^(?:(?:and|so|but|if so|otherwise|then)\b,?\s*)?(?:[^,?]{0,80},\s*)?"
    r"(?:would|could|can|may|might|do|does|did|are|is|will|shall|have|has|any chance|"
    r"how about|what about|open to|up for|free)\b",
    _I,
)

# What makes an ask heavy for a stranger: long, open-ended or a lot of work.
HEAVY_ASK = re.compile(
    r"\b(?:lunch|dinner|an hour|hours|review|look over|read (?:my|through)|edit|proofread|"
    r"mentor me|be my mentor|ongoing|regularly|weekly|every week|monthly)\b",
    _I,
)

_NUMBER_WORDS = {"five": 5, "ten": 10, "fifteen": 15, "twenty": 20, "twenty-five": 25,
                 "twenty five": 25, "thirty": 30, "forty": 40, "forty-five": 45,
                 "forty five": 45, "sixty": 60, "ninety": 90}
_NUMBER = r"(\d{1,3}|" + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True)) + ")"
_MINUTES = r"[\s-]*(?:minutes?|mins?)\b"

# A call length, as people write one: "20 minutes", "20-minute", "15-20 min", "half an hour".
# A single number comes first so that "twenty-five minutes" is not read as a range.
CALL_LENGTH = re.compile(
    rf"\b{_NUMBER}{_MINUTES}|"
    rf"\b{_NUMBER}\s*(?:-|–|—|to|or)\s*{_NUMBER}{_MINUTES}|"
    r"\b(half an hour|half-hour|half hour|quarter of an hour|quarter-hour|"
    r"(?:an|one|1)[\s-]hour|(?:two|2|couple of) hours|hour-long)\b",
    _I,
)

# Asking for "a quick call" without saying how quick.
VAGUE_LENGTH = re.compile(
    r"\b(?:(?:a |an )?(?:quick|brief|short|little|informal) (?:call|chat|conversation|talk|"
    r"coffee|meeting)|few minutes|a moment|some time|a bit of (?:your )?time|a call|a chat|"
    r"chat|talk|call|conversation|coffee|meet)\b",
    _I,
)

_PHRASE_MINUTES = {"half an hour": 30, "half-hour": 30, "half hour": 30,
                   "quarter of an hour": 15, "quarter-hour": 15, "hour-long": 60}


def _number(text: str) -> int:
    return int(text) if text.isdigit() else _NUMBER_WORDS[" ".join(text.casefold().split())]


def call_lengths(text: str) -> list[tuple[int, int]]:
    """Every call length suggested in ``text``, as (shortest, longest) minutes, in order."""
    found: list[tuple[int, int]] = []
    for match in CALL_LENGTH.finditer(text):
        single, low, high, phrase = match.group(1), match.group(2), match.group(3), match[4]
        if low and high:
            a, b = _number(low), _number(high)
            found.append((min(a, b), max(a, b)))
        elif single:
            found.append((_number(single), _number(single)))
        elif phrase:
            key = " ".join(phrase.casefold().split())
            minutes = _PHRASE_MINUTES.get(key)
            if minutes is None:
                minutes = 120 if ("two" in key or "2" in key or "couple" in key) else 60
            found.append((minutes, minutes))
    return found
