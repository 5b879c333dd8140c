"""Where a phrase set off by punctuation ends before a cue: a name's short parenthesis
('Sen. Ann Lowe (D-OR) said') and a participle phrase between commas ('Mr. Dorn, asked about
the budget, had said'). Pure positions in the parse; quote_to_mention decides who speaks."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc


def before_parenthesis(doc: Doc, close: int) -> int | None:
    """The index of the word right before the short parenthesis closing at doc[close] ('(D-OR)',
    '(45)'), or None when doc[close] closes none of at most five words."""
    if close < 2 or doc[close].text != ")":
        return None
    for j in range(close - 1, max(0, close - 7), -1):
        if doc[j].text in ("(", ")") or doc[j].is_quote:
            return j - 1 if doc[j].text == "(" and j >= 1 else None
    return None


def participle_phrase_start(doc: Doc, comma: int) -> int | None:
    """Where the participle phrase set off by commas and ending at doc[comma] starts (', asked
    about the budget,', ', pressed by reporters,'): a past or present participle right after
    the comma before it, at most twelve words, no quotation mark."""
    j = comma - 1
    while j > 0 and doc[j].text != "," and comma - j <= 12 and not doc[j].is_quote:
        j -= 1
    if j < 1 or doc[j].text != "," or j + 1 >= comma:
        return None
    first = doc[j + 1]
    if first.dep_ == "advmod" and j + 2 < comma:  # ', later asked ...'
        first = doc[j + 2]
    # VBD too: the tagger reads "the mayor, asked about it," as the mayor asking
    return j + 1 if first.tag_ in ("VBN", "VBD", "VBG") and first.pos_ == "VERB" else None
