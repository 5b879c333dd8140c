"""The one a quote is given to by a name before a colon: 'Strategist Ines Caldera: "..."',
'PollTrack:', 'Continued Hale: "..."'."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from .lexicon import QUOTE_VERBS

if TYPE_CHECKING:
    from spacy.tokens import Token


def capitalised_name(before: Sequence[Token]) -> str | None:
    """'PollTrack:', 'Mary K. Dunmore:': one to four capitalised words, then the colon."""
    words = [t for t in before if not t.is_space]
    if not 2 <= len(words) <= 5 or words[-1].text != ":":
        return None
    name = words[:-1]
    if not all(t.text[:1].isupper() and (t.is_alpha or t.text.rstrip(".").isalpha()) for t in name):
        return None
    return "".join(t.text_with_ws for t in name).strip()


def past_cue_word(tok: Token) -> bool:
    """A capitalised past tense of a quote verb ("Continued", "Stated", "Added", "Said"), which
    the tagger, seeing a capital, may take for a name (and not lemmatise)."""
    low = tok.lower_
    if low == "said":
        return tok.text[:1].isupper()
    if not tok.text[:1].isupper() or not low.endswith("ed"):
        return False
    forms = {tok.lemma_.lower(), low[:-1], low[:-2]}  # "stated" → "state", "added" → "add"
    return any(form in QUOTE_VERBS for form in forms)


def name_before_colon(before: Sequence[Token]) -> str | None:
    """'Strategist Ines Caldera: "..."': a person or organisation named right before the colon
    that opens a quote (only a time may stand between: 'Mandela in June 1994:')."""
    words = [t for t in before if not t.is_space]
    if len(words) < 2 or words[-1].text != ":":
        return None
    # 'Continued Hale: "..."', 'Added Klein:': an inverted cue opening a paragraph, then a name
    first, name = words[0], words[1:-1]
    if (past_cue_word(first) and 0 < len(name) <= 3
            and all(t.text[:1].isupper() and t.is_alpha for t in name)):
        return " ".join(t.text for t in name)
    # the name closing the words before the colon, or followed only by a time ("in December 1992")
    # or by its apposition ('Ann Voss, the chair:')
    for t in reversed(words[:-1]):
        t = _apposed_name(t, words[0]) or t
        if t.ent_type_ in ("PERSON", "ORG"):
            ent = next(e for e in t.doc.ents if e.start <= t.i < e.end)
            toks = list(ent)
            while toks and not toks[0].text[:1].isupper():
                toks = toks[1:]  # "’s Clinton": the NER took the clitic
            return "".join(x.text_with_ws for x in toks).strip() or None
        if t.ent_type_ not in ("DATE", "TIME") and not t.is_punct and t.pos_ != "ADP":
            return None
    return None


def _apposed_name(tok: Token, first: Token) -> Token | None:
    """The person or organisation named before a comma whose apposition holds ``tok``."""
    appos = next((a for a in [tok, *tok.ancestors] if a.dep_ == "appos"), None)
    if appos is None or not first.i <= appos.head.i < appos.left_edge.i:
        return None
    name = appos.head
    return name if name.ent_type_ in ("PERSON", "ORG") and name.doc[appos.left_edge.i - 1].text == "," else None
