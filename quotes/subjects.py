"""Where the parse put a cue verb's subject: the subjects it gave the verb, and the ones it hung
elsewhere ("As Ruiz put it" with the name an object of "as", a name read as a compound of the
verb, as an apposition of a leading phrase's object, or as a conjunct of an earlier object);
never a quoted title among them, and never a time the parse made the subject."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .agents import may_speak

if TYPE_CHECKING:
    from spacy.tokens import Token


def subjects_of(verb: Token) -> list[Token]:
    """The verb's subjects, as the parse gave them or where it misplaced them, without a quoted
    title when another subject is left."""
    subs = (name_read_as_compound(verb) or subjects_before(verb)
            or subject_read_as_apposition(verb) or subject_read_as_object_conjunct(verb) or subject_read_after_as(verb))
    return [s for s in subs if not quoted_title(s)] or subs


def subjects_before(verb: Token) -> list[Token]:
    """The subjects the parse gave the verb; with subjects on both sides ('Ruiz Says Hale ‘Makes
    You Weep’'), the one after the verb is its reported clause's, which the parser hung on the
    verb: only the ones right before it. After a comma the verb is inverted ('The plan, said
    Hale, ...'): its subject follows."""
    subs = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
    doc = verb.doc
    before = [c for c in subs if c.i < verb.i and not any(t.is_punct for t in doc[c.i + 1 : verb.i])]
    return before if before and any(c.i > verb.i for c in subs) else subs


def quoted_title(tok: Token) -> bool:
    """'Hale, host of “Night Watch,” thanked ...' parsed with "Watch" a second
    subject: a phrase that opens with a quotation mark is a title or a quoted word, not who spoke."""
    return tok.left_edge.tag_ == "``" and tok.left_edge.i < tok.i


def subject_read_after_as(verb: Token) -> list[Token]:
    """'As Ann Ruiz, professor of history, put it, "..."' parsed with the name an object of "as":
    a noun that may speak, hung on the verb's own "as" before it, is its subject (asked only of
    a verb with none). Not 'As expected, she said' (no noun there)."""
    for mark in verb.children:
        if mark.dep_ == "mark" and mark.lower_ == "as" and mark.i < verb.i:
            return [c for c in mark.children if c.dep_ == "pobj" and c.pos_ in ("NOUN", "PROPN") and may_speak(c)][:1]
    return []


def name_after_time(subj: Token) -> Token | None:
    """'Friday at the dinner Rep. Ann Ruiz (D-MA) said ...' parsed with the day the
    subject: a time cannot speak; a name inside its phrase (however the parse hung it), ending right
    before the verb, is the one who did (None when there is none)."""
    if subj.ent_type_ not in ("DATE", "TIME"):
        return None
    verb = subj.head
    return next((t for t in subj.subtree if t.ent_type_ in ("PERSON", "ORG") and t.dep_ != "compound"
                 and t.right_edge.i + 1 == verb.i), None)


def subject_read_as_apposition(verb: Token) -> list[Token]:
    """'According to Reuters, an aide for 12 Park Lane said ...' parsed with the aide an apposition
    of Reuters and the verb without a subject: a noun apposed to the object of a preposition the
    verb leads with, ending right before the verb (after a comma), is its subject (asked only of a
    verb with none); so is a name the parse made a conjunct of that object ('At Boca Marina, Jay
    Dunn, the club's president, suggested ...')."""
    for prep in verb.children:
        if prep.dep_ == "prep" and prep.i < verb.i:
            apposed = [t for t in prep.subtree if (t.dep_ == "appos" and t.pos_ in ("NOUN", "PROPN")
                                                   or t.dep_ == "conj" and t.ent_type_ in ("PERSON", "ORG"))
                       and verb.doc[t.left_edge.i - 1].text == ","
                       and (t.right_edge.i + 1 == verb.i
                            or t.dep_ == "conj" and t.right_edge.i + 2 == verb.i and verb.doc[verb.i - 1].text == ",")]
            if apposed:
                return apposed[:1]
    return []


def name_read_as_compound(verb: Token) -> list[Token]:
    """'..., Hale joked, "..."' parsed with the name a compound of the verb: a verb has no
    compounds, so a proper noun hung on it that way right before it is its subject (whatever
    the parse made its subject: often the quote before it)."""
    return [c for c in verb.children if c.dep_ == "compound" and c.pos_ == "PROPN" and c.i == verb.i - 1
            and verb.pos_ == "VERB"]


def subject_read_as_object_conjunct(verb: Token) -> list[Token]:
    """'The Post will brand you a liar and Channel 9 will accuse you of ...' parsed with Channel 9 a
    conjunct of the first verb's object and the second verb without a subject: a name joined to
    that object and ending right before the second verb (or its auxiliary) is its subject (asked
    only of a conjunct verb with none)."""
    if verb.dep_ != "conj" or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return []
    first = min([verb.i, *(c.i for c in verb.children if c.dep_ in ("aux", "neg") and c.i < verb.i)])
    return [t for t in verb.head.subtree
            if t.dep_ == "conj" and t.ent_type_ in ("PERSON", "ORG") and t.right_edge.i + 1 == first
            and t.head.dep_ in ("dobj", "attr", "oprd", "dative")][:1]
