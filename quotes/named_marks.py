"""Quoted spans inside a reported clause that are no quotes of their own: a title, a name, a
scare quote ('fans of "Night Harbor," she said'). The clause around them is the quote, marks and
all (ANNOTATION_NOTES: a title inside an indirect quote is part of it). Also the test for quoted
words that look like a title or a term (looks_like_title)."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .clauses import finite_clause
from .frames import inside_any
from .lexicon import TITLE_SMALL_WORDS

_TITLE_WORD = re.compile(r"\w+(?:['’]\w+)*")

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

    from .indirect import Report


def overlaps_mark(doc: Doc, masked: Sequence[tuple[int, int]], a: int, b: int) -> bool:
    """Whether tokens [a, b] touch any of the quoted spans."""
    s, e = doc[a].idx, doc[b].idx + len(doc[b])
    return any(ms < e and s < me for ms, me in masked)


def holds_only_names(r: Report, h: Token, a: int, b: int) -> bool:
    """The finite clause [a, b] holds quoted spans, none of them a quote, each opened after the
    clause's first word (one it starts with would be cut in two)."""
    doc = r.doc
    first = next((t for t in doc[a : b + 1] if not t.is_punct), doc[a])
    s, e = first.idx, doc[b].idx + len(doc[b])
    inside = [(ms, me) for ms, me in r.masked if ms < e and s < me]
    return (finite_clause(h) and not inside_any(h.idx, r.masked) and not overlaps_mark(doc, r.fragments, a, b)
            and all(ms > s for ms, _ in inside))


def marks_hold_only_names(sent: Span, masked: Sequence[tuple[int, int]], fragments: Sequence[tuple[int, int]]) -> bool:
    """'According to Variety, the show drew its best ratings since "Idol" began': the sentence's
    marks hold titles, names or scare quotes, none a quote, none opening the sentence."""
    inside = [ms for ms, _ in masked if sent.start_char <= ms < sent.end_char]
    first = next((t for t in sent if not t.is_punct), sent[0])
    return (bool(inside) and all(ms > first.idx for ms in inside)
            and not any(sent.start_char <= fs < sent.end_char for fs, _ in fragments))


def from_open_mark(text: str, s: int, e: int) -> int:
    """'According to its website, "Gold Sponsor" was the top level': a clause whose first words
    are a title in marks starts at the mark that opens it, not after it."""
    inner = text[s:e]
    for opening, closing in (("“", "”"), ("``", "''")):
        if inner.count(closing) > inner.count(opening) and text[s - len(opening) : s] == opening:
            return s - len(opening)
    for straight in ('"', "''"):  # the same mark opens and closes: an odd count is one left open
        if text[s - len(straight) : s] == straight and inner.count(straight) % 2 == 1 and "``" not in inner:
            return s - len(straight)
    return s


def through_open_mark(text: str, s: int, e: int) -> int:
    """'fans of "Night Harbor," she said': a clause that opens a mark (round a title or a name)
    ends after the mark that closes it, not between the two."""
    inner = text[s:e]
    opened = (inner.count("“") > inner.count("”") or inner.count('"') % 2 == 1
              or inner.count("``") > inner.count("''") or "``" not in inner and inner.count("''") % 2 == 1)
    close = re.match(r"[,;.]?(?:”|\"|'')", text[e : e + 3])
    return e + close.end() if opened and close else e


def looks_like_title(content: str) -> bool:
    """Names, titles and terms: few words, each capitalised or numeric, no sentence punctuation;
    a possessive stays in its word ("Schindler's List")."""
    words = _TITLE_WORD.findall(content)
    code = content.strip().rstrip(".")
    if code and not re.search(r"\s", code) and re.search(r"\d", code) and re.search(r"[A-Za-z]", code):
        return True  # a designation: "2019-nCoV.", "COVID-19", "MH17"
    if not words or len(words) > 6 or re.search(r"[.!?,;:]\s*$", content.strip()):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words) and (
        words[0][0].isupper() or words[0][0].isdigit()
    )


def looks_like_title_trimmed(content: str) -> bool:
    """A title once the sentence's comma or full stop the marks hold is left out ('"Harbour Lights,"')."""
    return looks_like_title(content.strip().rstrip(",."))


def looks_like_subtitled_title(content: str) -> bool:
    """A work's title and subtitle ('"13 Hours: The Secret Soldiers of Benghazi,"'): a title
    before the colon and after it a run of capitalised words, as a book or film is named."""
    head, colon, tail = content.strip().rstrip(",.").partition(": ")
    words = _TITLE_WORD.findall(tail)
    return (bool(colon) and looks_like_title(head) and 0 < len(words) <= 12 and not re.search(r"[.!?;:]", tail)
            and all(w[0].isupper() or w[0].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words))
