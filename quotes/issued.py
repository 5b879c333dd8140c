"""Things issued as speech -- a statement, an ad, a sign, a message: the one who issued or
sent it speaks for its words ("The union issued a statement saying ...")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import AUTHORING_VERBS, ISSUED_NOUNS

if TYPE_CHECKING:
    from spacy.tokens import Token


def issuer(noun: Token) -> Token:
    """'The firm released a promotional film that said ...', 'The union issued a
    statement saying ...': the one who issued the statement, ad or sign speaks."""
    verb = noun.head
    if noun.lemma_.lower() not in ISSUED_NOUNS or noun.dep_ != "dobj" or verb.pos_ != "VERB":
        return noun
    subs = _subjects(verb)
    if (not subs and verb.tag_ == "VBG" and verb.lemma_.lower() in AUTHORING_VERBS
            and verb.dep_ in ("advcl", "xcomp", "conj") and verb.head.i < verb.i):
        # 'Hale held firm, releasing a statement that ...': the one who issues it is the clause's
        # subject ('The talks collapsed, prompting a statement ...' prompts, issues nothing)
        subs = _subjects(verb.head)
    return subs[0] if subs else noun


def _subjects(verb: Token) -> list[Token]:
    """The verb's subjects, but for a relative pronoun ("which issued ...")."""
    return [c for c in verb.children if c.dep_ == "nsubj" and c.tag_ not in ("WP", "WDT")]


def sent_with_recipient(recipient: Token) -> Token | None:
    """'sent a message to supporters saying ...' with the participle parsed onto the
    recipient: the thing sent carries the words, never the one it went to."""
    prep = recipient.head
    if recipient.dep_ != "pobj" or prep.lower_ != "to" or prep.head.pos_ != "VERB":
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj" and c.lemma_.lower() in ISSUED_NOUNS), None)
