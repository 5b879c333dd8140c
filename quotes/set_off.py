"""Where a phrase set off by punctuation ends before a cue: a name's short parenthesis
('Sen. Ann Lowe (D-OR) said') and a participle phrase between commas ('Mr. Dorn, asked about
the budget, had said'); and the name so set off right before a cue ('..., Tom Hale, said'),
which quote_to_mention's repairs take when the parse lost the cue's subject; and the name the
parse apposed to a subject right before its cue ('The mayor, Tom Hale wrote, is ...')."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .agents import may_speak

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def before_parenthesis(doc: Doc, close: int) -> int | None:
    """The index of the word right before the short parenthesis closing at doc[close] ('(D-OR)',
    '(45)'), or None when doc[close] closes none of at most five words."""
    if close < 2 or doc[close].text not in (")", "):"):  # '):' is one token (an emoticon)
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


def apposed_name_before(cue: Token) -> Token | None:
    """The name set off by commas right before a subjectless cue (', Tom Hale, said'),
    or before the description or participle phrase that follows it (', Col. Steven Warren, a
    spokesman, said', 'Tom Hale, asked about it, had said'), or the noun a relative clause
    ending there describes (described_by_relative). Auxiliaries and adverbs of the cue come
    between ('had said', 'later said')."""
    doc = cue.doc
    k = cue.i - 1
    while k > 0 and doc[k].head.i == cue.i and doc[k].dep_ in ("aux", "advmod", "neg"):
        k -= 1
    if k >= 1 and doc[k].text != ",":
        return described_by_relative(doc, k, set_off=False)  # 'a city official who spoke anonymously said'
    if k < 2:
        return None
    name = name_ending_at(doc, k - 1)
    if name is not None:
        return name
    described = described_by_relative(doc, k - 1, set_off=True)  # ', Reyes, who chairs the panel, said'
    if described is not None:
        return described
    participle = participle_phrase_start(doc, k)
    if participle is not None:  # the one the phrase describes: 'after Mr. Dorn, asked ...'
        described = doc[participle - 2]
        return described if described.pos_ in ("PROPN", "NOUN") and may_speak(described) else None
    j = k - 1  # a description: no verb, no name, at most eight words
    while j > 0 and doc[j].text != "," and k - j <= 9 and doc[j].pos_ not in ("VERB", "AUX") \
            and doc[j].ent_type_ != "PERSON":
        j -= 1
    return name_ending_at(doc, j - 1) if j < k - 1 and doc[j].text == "," else None


def described_by_relative(doc: Doc, i: int, set_off: bool) -> Token | None:
    """The noun that a relative clause ending at doc[i] describes ("who ...", "whose ..."), when it
    may speak: the subject the parse lost right before a cue. ``set_off``: the clause between
    commas (', Reyes, who chairs the panel,'); else a restrictive one ('an official who spoke
    anonymously')."""
    relative = next((a for a in [doc[i], *doc[i].ancestors] if a.dep_ == "relcl"), None)
    if relative is None or relative.right_edge.i != i or doc[relative.left_edge.i].tag_ not in ("WP", "WP$"):
        return None
    head, first = relative.head, relative.left_edge.i
    if head.i > first or head.pos_ not in ("NOUN", "PROPN") or not may_speak(head):
        return None
    if set_off != (first >= 1 and doc[first - 1].text == ","):
        return None
    return head


def name_ending_at(doc: Doc, i: int) -> Token | None:
    """doc[i] when it ends a person's name (titles and initials allowed) set off by a comma or
    coming right after a quotation ('"...," Tom Hale, the aide, said')."""
    if i < 1 or doc[i].ent_type_ != "PERSON":
        return None
    j = i
    while j >= 0 and (doc[j].ent_type_ == "PERSON" or doc[j].pos_ == "PROPN" or doc[j].text == "."):
        j -= 1
    return doc[i] if j >= 0 and (doc[j].text == "," or doc[j].is_quote) else None


def subject_apposed_before_cue(verb: Token) -> tuple[Token, Token] | None:
    """'The mayor, Tom Hale wrote, is ...': a subject of the cue whose apposition, set off by a
    comma, ends right before the cue; (the subject, the apposition), else None. Whether the
    apposition is the speaker depends on what follows the cue (clauses.subject_taken_by_cue)."""
    doc = verb.doc
    for subj in verb.children:
        if subj.dep_ != "nsubj" or subj.i > verb.i:
            continue
        appos = next((c for c in subj.children if c.dep_ == "appos" and c.right_edge.i == verb.i - 1), None)
        if appos is not None and doc[appos.left_edge.i - 1].text == "," and may_speak(appos):
            return subj, appos
    return None
    return None
