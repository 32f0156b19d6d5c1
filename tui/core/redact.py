"""Redaction for sharing: other people's details out, the substance of the search kept.

:func:`redact_conversation` returns redacted *copies* of a conversation, its contact and the
people it mentions; exporters render those copies exactly as they render the originals.

What changes:

* every person's name (the contact, anyone in ``people``, each referral) becomes initials,
  consistently: "Priya Raman" -> "P. R." everywhere;
* in free text, a known person's full name, first name or last name written as a word (with
  its capital, as names are written: "Priya", "Priya's", "RAMAN" is left) becomes the
  initials of that name or part: "Priya" -> "P.";
* e-mail addresses, phone numbers and every URL (``http(s)://``, ``www.``, ``mailto:``,
  ``tel:`` and bare ``linkedin.com/...`` addresses) are replaced by a short marker; any link
  can lead to a person (profiles, personal sites, calendar and call links), so none is kept;
* the place or link of the meeting, the contact's e-mail, LinkedIn URL and free-text notes
  are emptied.

Companies, roles, dates, the user's own notes and insights stay: they are what a mentor needs.

Limits: a name typed in lower case, misspelt, abbreviated, as a nickname or inflected beyond
the possessive is not recognised; a first name that is also an ordinary capitalised word
("Will", "Grace" at the start of a sentence) is replaced there too; people the data does not
know (a name mentioned only in a note) cannot be found; phone numbers are recognised by shape
(7 to 15 digits with separators or a leading +), so some long numbers with separators
(an order number "123-456-789") are removed and a phone number written as plain digits with
fewer than 10 of them is kept.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping

from tui.core.models import Contact, Conversation

EMAIL_MARK = "(email removed)"
PHONE_MARK = "(phone removed)"
LINK_MARK = "(link removed)"

_TITLES = {"dr", "dr.", "prof", "prof.", "mr", "mr.", "mrs", "mrs.", "ms", "ms.", "mx", "mx.",
           "sir", "dame"}
_EMAIL = re.compile(r"(?:mailto:)?[\w.!#$%&'*+/=?^`{|}~-]+@[\w-]+(?:\.[\w-]+)+", re.IGNORECASE)
_URL = re.compile(
    r"(?:\b[a-z][a-z0-9+.-]*://|\bwww\.|\btel:|\b(?:[a-z0-9-]+\.)*linkedin\.com/)"
    r"(?:[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}])?",
    re.IGNORECASE,
)
_PHONE = re.compile(r"(?<![\w+.,])(?:\+|00)?\(?\d{1,4}\)?(?:[ .\-]{0,2}\(?\d{1,5}\)?){1,6}(?!\w)")
_NOT_PHONE = re.compile(
    r"^(?:\d{4}[-/.]\d{1,2}[-/.]\d{1,2}|\d{1,2}[-/.]\d{1,2}[-/.]\d{2,4}"
    r"|(?:19|20)\d\d\s*[-/]\s*(?:19|20)?\d\d)$"
)


_DIGIT = re.compile(r"\d")
_WORD = re.compile(r"[^\W_]+(?:[-'’.][^\W_]+)*")
_DECIMAL = re.compile(r"^(?:\d+[.,]\d+|\d{1,3}(?:[.,]\d{3})+)$")  # 3.14, 1.200.000


def initials(name: str) -> str:
    """``Priya Raman`` -> ``P. R.``; ``Anne-Marie Dupont`` -> ``A.-M. D.``; titles dropped."""
    words = [w for w in name.split() if w.casefold() not in _TITLES] or name.split()
    parts = []
    for word in words:
        pieces = [_initial(piece) for piece in word.split("-")]
        joined = "-".join(p for p in pieces if p)
        if joined:
            parts.append(joined)
    return " ".join(parts) or "?"


def _initial(piece: str) -> str:
    for char in piece:
        if char.isalnum():
            return char.upper() + "."
    return ""


def _looks_like_phone(candidate: str) -> bool:
    digits = sum(c.isdigit() for c in candidate)
    candidate = candidate.strip()
    if not 7 <= digits <= 15 or _NOT_PHONE.match(candidate) or _DECIMAL.match(candidate):
        return False
    separated = candidate.startswith(("+", "(")) or any(c in candidate for c in " ()-./")
    return separated or digits >= 10


class Redactor:
    """Replaces known names with initials and removes contact details from text.

    Names are found by looking words up in a dictionary (not one huge pattern), so the cost
    stays proportional to the text however many contacts there are.
    """

    def __init__(self, names: Iterable[str]) -> None:
        words: dict[str, str] = {}
        phrases: dict[str, list[tuple[str, str]]] = {}
        for name in names:
            clean = " ".join(name.split())
            if not clean:
                continue
            for form in {clean, _capitalised(clean)}:
                parts = form.split()
                if len(parts) > 1:
                    phrases.setdefault(parts[0], []).append((form, initials(clean)))
            for word in clean.split():
                if len(word.strip(".")) < 2 or word.casefold() in _TITLES:
                    continue
                for form in {word, _capitalised(word)}:
                    words.setdefault(form, initials(word))
        for candidates in phrases.values():
            candidates.sort(key=lambda pair: len(pair[0]), reverse=True)
        self._words = words
        self._phrases = phrases

    def name(self, name: str) -> str:
        """A person's name as initials."""
        return initials(name) if name.strip() else name

    def text(self, text: str) -> str:
        """Free text with contact details removed and known names as initials."""
        if not text:
            return text
        if "@" in text:
            text = _EMAIL.sub(EMAIL_MARK, text)
        lower = text.lower()
        if any(hint in lower for hint in ("://", "www.", "tel:", "linkedin.com")):
            text = _URL.sub(LINK_MARK, text)
        if _DIGIT.search(text):
            text = _PHONE.sub(lambda m: PHONE_MARK if _looks_like_phone(m[0]) else m[0], text)
        return self._names(text) if self._words or self._phrases else text

    def _names(self, text: str) -> str:
        words, phrases = self._words, self._phrases
        pieces: list[str] = []
        done = 0
        for match in _WORD.finditer(text):
            word, start = match[0], match.start()
            key = _base(word) if ("'" in word or "’" in word) else word
            if start < done or (word not in words and key not in words
                                and key not in phrases):
                continue
            replaced = self._phrase_at(text, start, key) or self._word(word, key)
            if replaced is None:
                continue
            found, initials_text = replaced
            pieces.append(text[done:start])
            pieces.append(initials_text)
            done = start + len(found)
            if text.startswith(".", done):  # "met Priya." -> "met P." not "met P.."
                done += 1
        pieces.append(text[done:])
        return "".join(pieces)

    def _phrase_at(self, text: str, start: int, key: str) -> tuple[str, str] | None:
        for phrase, short in self._phrases.get(key, ()):
            end = start + len(phrase)
            if text.startswith(phrase, start) and not (end < len(text) and _is_word(text[end])):
                return phrase, short
        return None

    def _word(self, word: str, key: str) -> tuple[str, str] | None:
        if word in self._words:
            return word, self._words[word]
        if key in self._words:
            return key, self._words[key]
        return None


def _base(word: str) -> str:
    """``Priya's`` -> ``Priya``; ``O'Brien's`` -> ``O'Brien``; ``d'Arc`` -> ``d``."""
    if word.endswith(("'s", "’s")):
        return word[:-2]
    return re.split("['’]", word, maxsplit=1)[0]


def _is_word(char: str) -> bool:
    return char.isalnum() or char == "_"


def _capitalised(text: str) -> str:
    return " ".join(w[:1].upper() + w[1:] for w in text.split())


def redactor_for(conversations: Iterable[Conversation], people: Mapping[str, Contact]) -> Redactor:
    """A redactor that knows every contact and every referral's name."""
    names = [c.name for c in people.values()]
    names += [r.name for chat in conversations for r in chat.referrals]
    return Redactor(names)


def redact_contact(contact: Contact, redactor: Redactor) -> Contact:
    """A copy of ``contact`` with initials for the name and no e-mail, LinkedIn or notes."""
    copy = contact.copy()
    copy.name = redactor.name(contact.name)
    copy.email = copy.linkedin = copy.notes = ""
    return copy


def redact_conversation(
    conversation: Conversation,
    contact: Contact,
    people: Mapping[str, Contact],
    redactor: Redactor | None = None,
) -> tuple[Conversation, Contact, dict[str, Contact]]:
    """Redacted copies of a conversation, its contact and of the people it shows (who
    introduced the contact, referrals that became contacts), see the module."""
    r = redactor or redactor_for([conversation], {**people, contact.id: contact})
    chat = conversation.copy()
    chat.place = ""
    for attr in ("topic", "goal", "ask", "research_notes"):
        setattr(chat, attr, r.text(getattr(chat, attr)))
    chat.outreach.draft = r.text(chat.outreach.draft)
    chat.thank_you.draft = r.text(chat.thank_you.draft)
    for item in chat.checklist:
        item.text, item.note = r.text(item.text), r.text(item.note)
    for question in chat.questions:
        question.text, question.note = r.text(question.text), r.text(question.note)
    for note in chat.live.notes:
        note.text = r.text(note.text)
    chat.live.draft = r.text(chat.live.draft)
    chat.reflection.answers = {k: r.text(v) for k, v in chat.reflection.answers.items()}
    for action in chat.actions:
        action.text = r.text(action.text)
    for referral in chat.referrals:
        referral.name = r.name(referral.name)
        referral.why = r.text(referral.why)
    for followup in chat.followups:
        followup.note = r.text(followup.note)
    # only the people this conversation shows: copying a whole address book per conversation
    # would make a large export quadratic
    shown = {contact.introduced_by, *(ref.contact_id for ref in chat.referrals)}
    redacted_people = {pid: redact_contact(people[pid], r) for pid in shown
                       if pid is not None and pid in people}
    return chat, redact_contact(contact, r), redacted_people
