"""Who may act as a speaker (may_speak), passive cues: the one a cue names with "by" ("was quoted
by Reuters", "described as ... by police"), and telling a real passive participle from an active
verb the parser read as one."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .lexicon import AUTHOR_PREPOSITIONS, PERSON_PRONOUNS, PLURAL_PRONOUNS, SPEAKING_NOUNS, TITLE_SMALL_WORDS

if TYPE_CHECKING:
    from spacy.tokens import Token


def may_speak(tok: Token) -> bool:
    """Whether a subject is one who can speak: a person or organisation named or described,
    a pronoun for one, a document ("The report concludes: ..."); never a thing ("The plan
    includes: ...")."""
    if tok.ent_type_ in ("PERSON", "ORG", "NORP"):
        return True
    if tok.pos_ == "PRON":
        return tok.lower_ in PERSON_PRONOUNS or tok.lower_ in PLURAL_PRONOUNS
    if tok.pos_ == "PROPN":
        # a headline capitalises its small words too: "To" in '... Luxury’ To Demand ...' is no
        # name ("From" and "By" are surnames too)
        return tok.text[:1].isupper() and not (tok.lower_ in TITLE_SMALL_WORDS and tok.lower_ not in ("from", "by"))
    # the form too: the lemmatiser makes "media" "medium"
    return tok.pos_ == "NOUN" and (tok.lemma_.lower() in SPEAKING_NOUNS or tok.lower_ in SPEAKING_NOUNS)


def agent_of(verb: Token) -> Token | None:
    """The by-agent of a passive cue ("was quoted by Reuters") – an outlet, usually."""
    for c in verb.children:
        if c.dep_ == "agent":
            for p in c.children:
                if p.dep_ == "pobj":
                    return p
    return None


def by_phrase_object(verb: Token) -> Token | None:
    """The agent of a passive participle, or the object of a "by" the parser hung inside the
    participle's phrase ('labeled as a "witch hunt" by the opposition', "by" on "hunt")."""
    agent = agent_of(verb)
    if agent is not None:
        return agent
    for t in verb.subtree:
        if t.i > verb.i and t.lower_ == "by" and t.dep_ in ("prep", "agent"):
            return next((p for p in t.children if p.dep_ == "pobj"), None)
    return None


def passive_participle_on_noun(verb: Token) -> bool:
    """A cue the parser made a past participle on a noun that really is one: the noun was named
    or described ('the inquiry, labeled a "witch hunt"'), it did not speak. Not an active verb
    misread so: one with an object of its own ('one lawmaker called Vale "..."'), or one whose
    noun has no other verb outside the quote to be the subject of, nor one with a subject of its
    own ('charges that Tom Hale, for one, called "..."': a relative clause's past tense)."""
    return (verb.tag_ == "VBN" and verb.dep_ == "acl" and verb.head.pos_ in ("NOUN", "PROPN")
            and not any(c.dep_ == "nsubj" for c in verb.children)
            and not _object_before_the_marks(verb) and not _main_verb_read_as_participle(verb))


def participle_read_as_main_verb(verb: Token) -> Token | None:
    """'The inquiry, often labeled a "witch hunt" by the opposition, goes on' parsed with the
    participle as the main verb and the noun before the comma as its subject: that noun was
    named, and the verb's own by-phrase names who named it. The noun, or None."""
    if verb.tag_ not in ("VBD", "VBN") or not any(c.dep_ in ("prep", "agent") and c.lower_ == "by" for c in verb.children):
        return None
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.pos_ == "NOUN"), None)
    if subj is None or subj.right_edge.i + 1 >= verb.i:
        return None
    edge = subj.right_edge  # the parser may hang the comma on the noun
    return subj if edge.text == "," or edge.nbor().text == "," else None


def main_verb_read_as_relative(verb: Token) -> bool:
    """'Senator Ana Ruiz, the party's leader, on Tuesday called the plan "a farce"' parsed with
    the cue a relative clause on the name, with no relative pronoun and no subject of its own:
    when the name has no other verb outside the quote, it is the subject of this one."""
    return (verb.dep_ == "relcl" and verb.tag_ in ("VBD", "VBN") and verb.head.pos_ == "PROPN"
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children)
            and _main_verb_read_as_participle(verb))


def reported_clause_after_reduced_relative(verb: Token) -> Token | None:
    """'Multiple outlets reported on Wednesday the police had "..."' parsed with the cue a
    reduced relative on its subject ('outlets [that were] reported on Wednesday') and that
    subject a second one of the clause after it: a past form (the tagger may read a participle)
    with no object hung that way on a subject that may speak is the main verb, and the clause, whose own subject follows the
    cue, is what it reports. That clause's head, else None."""
    noun, clause = verb.head, verb.head.head
    if verb.dep_ != "acl" or verb.tag_ not in ("VBD", "VBN") or noun.dep_ != "nsubj" or not may_speak(noun):
        return None
    if any(c.dep_ in ("dobj", "ccomp", "nsubj", "nsubjpass") for c in verb.children) or clause.i < verb.i:
        return None
    own = [c for c in clause.children if c.dep_ in ("nsubj", "nsubjpass") and verb.right_edge.i < c.i < clause.i]
    return clause if own else None


def _first_mark_after(verb: Token) -> int | None:
    """The index of the first quotation mark after the verb in its sentence."""
    return next((t.i for t in verb.doc[verb.i + 1 : verb.sent.end] if t.is_quote), None)


def _object_before_the_marks(verb: Token) -> bool:
    """The participle has an object with no quoted words in it: what it names is that object."""
    mark = _first_mark_after(verb)
    end = verb.sent.end if mark is None else mark
    return any(c.dep_ in ("dobj", "oprd") and verb.i < c.i < end for c in verb.children)


def _main_verb_read_as_participle(verb: Token) -> bool:
    """'Ana Ruiz, the director, tweeted in response: "..."' parsed with the verb a participle on
    the name and the name the root, or the subject of a verb inside the quote: outside the
    quote the sentence has no other main verb, so the name is the subject of this one."""
    noun = verb.head
    mark = _first_mark_after(verb)
    no_verb_of_its_own = noun.dep_ == "ROOT" or (mark is not None and noun.head.i > mark)
    return no_verb_of_its_own and by_phrase_object(verb) is None


def placed_by_preposition(name: Token, noun: Token) -> bool:
    """'the pitch on Kickstarter', 'a letter to Ann Lowe': a name hung below ``noun`` through a
    preposition other than "by", "from" or "of" tells where the noun's thing is or whom it
    concerns, never who made it (as 'a study by Ann Lee', 'the website of the council' may)."""
    return any(a.dep_ == "prep" and a.lower_ not in AUTHOR_PREPOSITIONS and a.i > noun.i and noun in a.ancestors
               for a in name.ancestors)


def verb_joined_to_its_object(verb: Token) -> Token | None:
    """'He adopted a fake accent and joked, "..."': a finite verb the parse made a conjunct of
    the object noun before it is the second verb of the subject's clause (nouns do not coordinate
    with finite verbs); the verb that governs the noun, whose subject it shares, else None."""
    noun = verb.head
    if not (verb.dep_ == "conj" and verb.tag_ in ("VBD", "VBZ", "VBP") and noun.pos_ in ("NOUN", "PROPN")
            and noun.dep_ in ("dobj", "pobj") and noun.i < verb.i):
        return None
    tok = noun.head
    while tok.pos_ == "ADP" and tok.head.i != tok.i:
        tok = tok.head
    return tok if tok.pos_ in ("VERB", "AUX") else None


def perfect_read_as_modifier(verb: Token) -> Token | None:
    """'Beck, who has in the past described Trump as "..."' parsed with the participle an adjective of
    its object ('described Trump') and "has" the clause's main verb: a past participle that opens its
    noun's phrase, after a finite "have" with only adverbs and the auxiliary's own phrases between
    ('in the past'), is that auxiliary's perfect; the auxiliary, whose subject is the speaker, else None.
    Not 'has the described "symptoms"' (a determiner opens the phrase)."""
    noun = verb.head
    if verb.dep_ != "amod" or verb.tag_ != "VBN" or noun.left_edge.i != verb.i or noun.i <= verb.i:
        return None
    for have in reversed(verb.doc[verb.sent.start : verb.i]):
        if have.lemma_ == "have" and have.tag_ in ("VBZ", "VBP", "VBD"):
            break
    else:
        return None
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in have.children):
        return None
    between = verb.doc[have.i + 1 : verb.i]
    phrases = {t.i for c in have.children if c.dep_ in ("prep", "advmod", "npadvmod") for t in c.subtree}
    if all(t.pos_ in ("ADV", "PART") or t.i in phrases for t in between):
        return have
    return None


def parenthetical_speaker(verb: Token, subjects: list[Token]) -> Token | None:
    """'Lowe, an aide said, "is very confident"' parsed with two subjects of the cue: a cue set off
    by commas inside a clause ('X, Y said, is ...') has its own subject right before it; the one
    before that, closed by a comma, is the subject of the interrupted clause. The cue's subject,
    else None. Not 'The leader, Ann Ruiz, said' (a comma closes the apposition before the cue)."""
    doc = verb.doc
    before = sorted((s for s in subjects if s.i < verb.i), key=lambda s: s.i)
    if len(before) < 2 or verb.i + 1 >= len(doc) or doc[verb.i + 1].text != ",":
        return None
    speaker, clause_subject = before[-1], before[-2]
    if speaker.right_edge.i + 1 != verb.i or doc[clause_subject.right_edge.i + 1].text != ",":
        return None
    return speaker if may_speak(speaker) else None
