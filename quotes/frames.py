"""Shared helpers: the raw quote record, what a stage-1 sieve decides and the loop that asks
the sieves in turn, sentence bounds that ignore quoted text, and finding a cue's
grammatical subject."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, TypeVar

from .agents import (
    agent_of,
    by_phrase_object,
    main_verb_read_as_relative,
    may_speak,
    parenthetical_speaker,
    participle_read_as_main_verb,
    passive_participle_on_noun,
    perfect_read_as_modifier,
    reported_clause_after_reduced_relative,
    verb_joined_to_its_object,
)
from .clauses import subject_taken_by_cue
from .issued import issuer, sent_with_recipient
from .lexicon import (
    ABBREVIATIONS,
    AGENT_SUFFIXES,
    BACK_VERBS,
    CAUSATIVE_VERBS,
    CHARACTERISING_AS_VERBS,
    CITING_VERBS,
    INFINITIVE_DIRECTIVES,
    JUDGMENT_VERBS,
    JUDICIAL_NOUNS,
    OCCASION_NOUNS,
    PLEA_PREPOSITIONS,
    QUESTION_WORDS,
    QUOTE_VERBS,
    REPORT_VERBS,
    SEQUENCE_WORDS,
    STATEMENT_NOUNS,
    SUBORDINATORS,
)
from .sieves import on as sieve_on
from .subjects import name_after_time, subjects_before, subjects_of

if TYPE_CHECKING:
    from spacy.tokens import Token

    from .entities import Resolved

_SENT_END = re.compile(r"[.!?…](?=[\s\"”’'»)]*(\s|$))")
_WORD_BEFORE = re.compile(r"(?:^|[\s(\"“‘])([\w’'.]+)$")


def _is_abbreviation(text: str, i: int) -> bool:
    """text[i] is a '.' closing a title ('Sen.'), an initial ('George H.W. Bush') or a
    short parenthesis ('Rep. Jo Anders (D-Minn.) said')."""
    if text[i] != ".":
        return False
    if text[i + 1 : i + 2] == ")" and "(" in text[max(0, i - 16) : i]:
        return True
    m = _WORD_BEFORE.search(text, max(0, i - 12), i)
    if m is None:
        return False
    word = m.group(1)
    return word.lower() in ABBREVIATIONS or bool(re.fullmatch(r"(?:[A-Z]\.)*[A-Z]", word))


def sentence_ends(text: str, lo: int, hi: int) -> Iterator[re.Match[str]]:
    """Offsets of sentence-final punctuation in text[lo:hi], as regex matches."""
    return (m for m in _SENT_END.finditer(text, lo, hi) if not _is_abbreviation(text, m.start()))


@dataclass(frozen=True)
class RawQuote:
    """A quote as stage 1 finds it; each step after the detectors builds a new one
    (dataclasses.replace), never changes it."""

    start: int
    end: int
    kind: str
    cue_tok: Token | None = None  # spaCy Token of the cue (its verb), if any
    cue_text: str = ""
    cue_start: int = -1
    subj_tok: Token | None = None  # the speaker mention's head token (after resolve_quotes: the one stage 1 chose)
    speaker_text: str = ""  # when the speaker comes from plain text (dash lines)
    method: str = "cue"  # cue | colon | continued | floating | dash | according | none
    sieve: str = ""  # the precise stage-1 rule (sieves.SIEVES); method is its coarse family
    inherit_from: int = -1  # index of the quote whose speaker this one takes
    confidence: float = 0.5
    resolved: Resolved | None = None


@dataclass(frozen=True)
class Attribution:
    """What a stage-1 sieve decides: who speaks (the head token of a mention, or a name
    read off plain text) and through which cue."""

    sieve: str  # its name in sieves.SIEVES
    method: str  # its coarse family (RawQuote.method)
    subject: Token | None = None
    speaker_text: str = ""
    cue: Token | None = None
    cue_text: str = ""
    cue_start: int = -1
    inherit_from: int = -1  # the index of the quote whose speaker this one takes


def through_cue(sieve: str, method: str, cue: Token, subject: Token | None, cue_text: str | None = None) -> Attribution:
    """The attribution to ``subject`` through the cue token ``cue`` (written as its own text
    unless ``cue_text`` says more: 'went on', 'according to')."""
    return Attribution(sieve, method, subject, cue=cue, cue_text=cue.text if cue_text is None else cue_text,
                       cue_start=cue.idx)


def raw_quote(start: int, end: int, kind: str, found: Attribution) -> RawQuote:
    """The raw quote [start, end) of ``kind``, attributed as ``found`` says."""
    return RawQuote(start, end, kind, cue_tok=found.cue, cue_text=found.cue_text, cue_start=found.cue_start,
                    subj_tok=found.subject, speaker_text=found.speaker_text, method=found.method,
                    sieve=found.sieve, inherit_from=found.inherit_from)


Context = TypeVar("Context")
Decision = TypeVar("Decision")
# A table of sieves: (name in sieves.SIEVES, sieve), in the order they are tried.
Sieves = Sequence[tuple[str, Callable[[Context], Decision | None]]]


def first_decision(sieves: Sieves[Context, Decision], context: Context) -> Decision | None:
    """What the first sieve that decides (returns a value) says, skipping those switched off."""
    for name, sieve in sieves:
        if sieve_on(name):
            found = sieve(context)
            if found is not None:
                return found
    return None


def inside_any(i: int, spans: Sequence[tuple[int, int]]) -> bool:
    """spans: sorted, non-overlapping (start, end) pairs (binary search: texts can be long)."""
    k = bisect.bisect_right(spans, (i, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= i < spans[k][1]


_NEXT_CAPITAL = re.compile(r"[\"”’'»)]*\s+[\"“‘«]?[A-Z]")


def _ends_inside_marks(text: str, i: int, masked: Sequence[tuple[int, int]], pos: int) -> bool:
    """'... asked ‘Confused by drugs? Talk to FRANK.’ The adverts ...': a quoted sentence
    closing the reporter's sentence (its last character, then a capitalised word)."""
    k = bisect.bisect_right(masked, (i, float("inf"))) - 1
    if k < 0 or not (masked[k][0] <= i < masked[k][1]) or text[i + 1 : masked[k][1]].strip():
        return False
    m = _NEXT_CAPITAL.match(text, masked[k][1] + 1)
    return m is not None and m.end() <= pos + 1


def sentence_bounds(text: str, pos: int, lo: int, hi: int, masked: Sequence[tuple[int, int]]) -> tuple[int, int]:
    """[start, end) of the reporter's sentence around pos inside [lo, hi), skipping
    sentence-final punctuation that lies inside quoted spans (masked)."""
    # a window keeps this linear on one-line megabyte texts
    lo, hi = max(lo, pos - 2000), min(hi, pos + 2000)
    start = lo
    for m in sentence_ends(text, lo, pos):
        if not inside_any(m.start(), masked) or _ends_inside_marks(text, m.start(), masked, pos):
            start = m.end()
    end = hi
    for m in sentence_ends(text, pos, hi):
        if not inside_any(m.start(), masked):
            end = m.end()
            break
    return start, end


def cited_as_saying(verb: Token) -> Token | None:
    """'The paper quoted Mayor Lowe as saying ...', 'cited an aide as saying': the one cited
    (the object of cite/quote), who said it; None for any other verb."""
    prep = verb.head
    if verb.dep_ != "pcomp" or prep.lower_ != "as" or prep.head.lemma_.lower() not in CITING_VERBS:
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj"), None)


def subject_of(verb: Token) -> Token | None:
    """The speaker token for a cue verb: its subject, or the subject of the clause it hangs from
    ("..., adding that", "was quoted as saying", "who said"); the one cited in "quoted X as saying"."""
    cited = cited_as_saying(verb)
    if cited is not None:
        return cited
    # passive with an agent: "was told by Minister X", "described as ... by the police"
    if verb.lemma_.lower() != "quote" and any(c.dep_ == "nsubjpass" for c in verb.children):
        ag = agent_of(verb)
        if ag is not None:
            return ag
    taken = subject_taken_by_cue(verb)  # 'The mayor, Tom Hale wrote, is ...'
    if taken is not None:
        return taken.speaker
    if reported_clause_after_reduced_relative(verb) is not None:
        return verb.head  # 'Outlets reported on Monday the police had ...': not a participle
    named_noun = participle_read_as_main_verb(verb)
    if passive_participle_on_noun(verb) or named_noun is not None and not may_speak(named_noun):
        # 'the inquiry, often labeled a "witch hunt" by the opposition': the noun is what was named
        # or described, never who spoke; a by-phrase names who did
        by = by_phrase_object(verb)
        return by if by is not None and may_speak(by) else None
    if main_verb_read_as_relative(verb):
        return verb.head
    seen = _person_seen(verb)
    if seen is not None:
        return seen
    inverted = inverted_subject(verb)
    if inverted is not None:
        return inverted
    tok = perfect_read_as_modifier(verb) or verb
    for _ in range(6):
        subs = subjects_of(tok)
        if (tok.i != verb.i and tok.dep_ == "relcl" and any(c.tag_ in ("WP", "WDT") for c in subs)
                and trailing_participle(verb) and restrictive_relative(tok)):
            # 'excuse not hiring a builder who said he was cheated, saying "..."': a
            # participle after a comma speaks for the clause around the relative, not in it
            tok = tok.head
            while tok.pos_ in ("NOUN", "PROPN", "ADP", "PRON") and tok.head.i != tok.i:
                tok = tok.head
            continue
        if subs and tok.i != verb.i and _where_aside(tok, verb):
            # '... the Stadium - where the Panthers played - while chanting': the place's
            # clause is an aside; the participle belongs to the clause around it
            tok = tok.head
            continue
        if subs and tok.i != verb.i and _wh_clause(tok):
            # "An eyewitness described how the attack unfolded, stating": climbing out of a
            # participle into an indirect question, whose subject is not the speaker
            subs = []
            if tok.head.i != tok.i and tok.head.pos_ in ("NOUN", "PROPN") and tok.dep_ in ("relcl", "acl"):
                return tok.head
        if subs and tok.i != verb.i and verb.tag_ == "VBG" and not any(may_speak(x) for x in subs):
            nearer = _speaking_clause_before(verb, tok)
            if nearer is not None:
                return nearer
            if tok.dep_ in ("advcl", "ccomp") and tok.head.i != tok.i:
                # 'Voss made plain that her visit was private, adding ...': a participle
                # borrows the subject of the clause it hangs on only from one who can speak
                tok = tok.head
                continue
        if subs:
            # "The Senate Minority Leader, Chuck Schumer, said": prefer the named one
            named = [c for c in subs if c.ent_type_ in ("PERSON", "ORG")]
            # the nearest; of two as near, the later ("The dam, says the report, will hold")
            c = parenthetical_speaker(tok, subs) or past_dateline(
                named[-1] if named else min(subs, key=lambda x: (abs(x.i - tok.i), -x.i)))
            # 'a statement that, while condemning violence, accused ...': "that" tagged a conjunction
            misread_relative = (c.lower_ == "that" and c.tag_ == "IN" and tok.dep_ in ("relcl", "acl")
                                and c.i == tok.head.i + 1 and tok.head.pos_ in ("NOUN", "PROPN"))
            if c.tag_ in ("WP", "WDT") and tok.dep_ == "relcl" or misread_relative:
                # "Ada Finch, 31, who cited ...", "Marsh, now the party's leader, who said"
                head = tok.head
                return head.head if head.dep_ == "appos" and head.head.pos_ == "PROPN" else issuer(head)
            if c.tag_ in ("WP", "WDT") and c.i > 0:
                # 'the Harbour Trust which reported ...' with the relative misparsed
                prev = c.doc[c.i - 1] if c.doc[c.i - 1].text != "," or c.i < 2 else c.doc[c.i - 2]
                if prev.pos_ in ("NOUN", "PROPN"):
                    return prev
            return c
        # "That led Okafor to ... call Moss ...": after a causative verb an infinitive's subject is
        # its object (not after a directive: 'directing the committees to "proceed"' quotes the director)
        if (tok.dep_ == "xcomp" and tok.head.lemma_.lower() in CAUSATIVE_VERBS
                and any(c.dep_ == "aux" and c.tag_ == "TO" for c in tok.children)):
            controller = next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)
            if controller is not None and may_speak(controller):
                return controller
        # "Speaking to NBC News, she said": participles and conjuncts borrow the subject
        if tok.dep_ in ("advcl", "xcomp", "conj", "pcomp", "acl", "dep", "parataxis") and tok.head.i != tok.i:
            noun = tok.head
            if (tok.dep_ == "acl" and noun.pos_ == "NOUN" and not may_speak(noun) and noun.head.i != noun.i
                    and (noun.dep_ == "dobj" or noun.lemma_.lower() in OCCASION_NOUNS)):
                # 'at one stage calling the plan a "farce"', 'rejected the idea ..., saying':
                # a participle on a noun that cannot speak speaks for the clause around it
                tok = noun.head
                continue
            if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN"):
                # 'wrote to members saying ...': the sender speaks, not the recipients;
                # 'a statement saying ...', 'a man shouting ...': the noun itself
                sent = sent_with_recipient(tok.head)
                if sent is not None:
                    return issuer(sent)
                if not (tok.head.dep_ in ("dobj", "dative") and tok.head.lemma_.lower() not in STATEMENT_NOUNS
                        and is_cue(tok.head.head)):
                    return issuer(tok.head)
                tok = tok.head.head
                continue
            tok = verb_joined_to_its_object(tok) or tok.head
            continue
        if tok.dep_ == "prep" or tok.dep_ == "pobj":
            tok = tok.head
            continue
        if tok.dep_ == "advmod" and tok.i != verb.i and tok.head.pos_ in ("VERB", "AUX"):
            tok = tok.head  # "went so far as to say": through the adverb the infinitive hangs on
            continue
        break
    # "said X" where the parser made X the object
    for c in verb.children:
        if c.dep_ in ("dobj", "attr") and c.i > verb.i and c.pos_ == "PROPN" and verb.lemma_ in ("say",):
            return c
    # 'Okafor offered the boy a ticket, then says he'll ...' parsed with the first clause as a
    # complement of the subjectless verb: that clause's subject speaks
    for c in verb.children:
        if (c.dep_ in ("ccomp", "conj") and c.i < verb.i and verb.dep_ == "ROOT"
                and any(t.lower_ in SEQUENCE_WORDS for t in verb.doc[c.right_edge.i + 1 : verb.i])):
            subs = [x for x in c.children if x.dep_ == "nsubj" and x.pos_ in ("PROPN", "PRON")]
            if subs:
                return subs[0]
    # 'X shared the news on Monday, writing "..."' with the participle misparsed (as the
    # subject of a verb inside the quote): the main clause's subject writes
    if verb.tag_ == "VBG" and verb.i > verb.sent.start:
        root = verb.sent.root
        subs = [c for c in root.children if c.dep_ in ("nsubj", "nsubjpass") and c.i < verb.i]
        if root.i < verb.i and subs and not _wh_clause(root):
            return subs[-1]  # the nearest: 'LEEDS, Aug. 24 — A spokesman ... called' has two
    return None


def adverbial_clause(head: Token) -> bool:
    """'Voss told the chief, after he conceded ...', '"...," she said as the crowd booed': a clause opened by a
    subordinator after a comma, or by "as" right after the verb, is an adverbial parsed as what was said."""
    first = head.left_edge
    return first.dep_ == "mark" and (first.lower_ in SUBORDINATORS and follows_comma(first)
                                     or first.lower_ == "as" and first.i == head.head.i + 1)


def continues_relative(clause: Token) -> bool:
    """'she said of the vote, in which she was sure her side would win': a clause the
    parser hung on the cue that directly continues a relative clause (no comma between)
    belongs to that relative ('sure ...'), not to the cue."""
    i = clause.left_edge.i
    if i == 0:
        return False
    prev = clause.doc[i - 1]
    return not prev.is_punct and any(a.dep_ == "relcl" and clause.head.i < a.i < i for a in [prev, *prev.ancestors])


_DASHES = ("--", "—", "–", "-")


def past_dateline(subj: Token) -> Token:
    """'OSLO -- Prime Minister Dahl ... said', 'In the note - sent to the state auditor,
    Mary K. Dunmore - the Idaho Republican asks': the parser takes a dateline,
    or the name closing an aside between dashes, for the subject and the speaker after the
    dash for its apposition."""
    doc = subj.doc
    if subj.i + 1 < len(doc) and doc[subj.i + 1].text in _DASHES:
        opened = sum(t.text in _DASHES for t in doc[subj.sent.start : subj.i]) % 2 == 1
        if subj.text.isupper() or opened:
            for c in subj.children:
                if c.dep_ == "appos" and c.i > subj.i:
                    return c
    return name_after_time(subj) or subj


def _person_seen(verb: Token) -> Token | None:
    """'The film shows Mayor Ruth Ade asking, "..."': a participle right after a
    named person (an object, no comma between) is that person speaking, however the
    parser attached it."""
    if verb.tag_ != "VBG" or verb.i == 0 or any(c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    prev = verb.doc[verb.i - 1]
    if prev.pos_ == "PROPN" and prev.ent_type_ == "PERSON" and prev.dep_ in ("pobj", "dobj"):
        return prev
    return None


def _wh_clause(tok: Token) -> bool:
    first = tok.left_edge
    return first.lower_ in QUESTION_WORDS and first.i < tok.i and first.tag_ in ("WRB", "WP", "IN")


def follows_comma(tok: Token) -> bool:
    return tok.i > 0 and tok.doc[tok.i - 1].text == ","


def restrictive_relative(relcl: Token) -> bool:
    """'an architect who said ...', not 'Ann Fields, who thanked the crews, ...'."""
    first = relcl.left_edge
    return first.i > 0 and not follows_comma(first)


def _speaking_clause_before(verb: Token, clause: Token) -> Token | None:
    """'The match was played near the mill, where about 30 strikers had gathered, chanting
    "..."': a participle whose clause has a subject that cannot speak speaks for the subject of
    the relative or adverbial clause that ends right before its comma, if that one can."""
    doc = verb.doc
    if verb.i < 3 or doc[verb.i - 1].text != ",":
        return None
    tok = doc[verb.i - 2]
    while tok.i != clause.i and tok.head.i != tok.i:
        if tok.dep_ in ("relcl", "advcl") and tok.pos_ in ("VERB", "AUX"):
            subject = next((c for c in tok.children if c.dep_ == "nsubj"), None)
            person = subject is not None and subject.pos_ == "NOUN" and subject.lemma_.lower().endswith(AGENT_SUFFIXES)
            return subject if subject is not None and (may_speak(subject) or person) else None
        tok = tok.head
    return None


def trailing_participle(verb: Token) -> bool:
    """', saying ...': a participle after a comma."""
    return verb.tag_ == "VBG" and follows_comma(verb)


def _where_aside(tok: Token, verb: Token) -> bool:
    """tok heads a 'where' clause set off by dashes that closes before the participle."""
    if tok.head.i == tok.i or not any(c.dep_ == "advmod" and c.lower_ == "where" and c.i < tok.i for c in tok.children):
        return False
    return any(t.text in ("-", "–", "—") for t in tok.doc[tok.i + 1 : verb.i])


def inverted_cue(verb: Token) -> tuple[Token, Token] | None:
    """(the speaker, the head of the clause before) of an inverted cue: its object
    (inverted_cue_object, the clause its head) or the noun it was read as an adjective of
    (cue_read_as_modifier); unless that clause is itself a report the cue's source only relays
    ("X noted that ..., reported the Examiner")."""
    obj = inverted_cue_object(verb)
    found = (obj, verb.head) if obj is not None else cue_read_as_modifier(verb)
    return found if found is not None and found[1].lemma_.lower() not in QUOTE_VERBS else None


def inverted_subject(verb: Token) -> Token | None:
    """The speaker of an inverted cue (inverted_cue)."""
    found = inverted_cue(verb)
    return found[0] if found is not None else None


def bare_preposition(tok: Token) -> bool:
    """A preposition left without its object in the parse ('barred from, "..."', 'talk with.')."""
    return tok.dep_ == "prep" and tok.n_lefts + tok.n_rights == 0


def cue_read_as_modifier(verb: Token) -> tuple[Token, Token] | None:
    """'The toll rose to 40 on Monday, confirmed officials.' / '..., reported officials, with 25
    injured': an inverted cue right after a comma that the parser read as an adjective of its
    subject (amod, the noun phrase beginning with it, ending the sentence or before a comma):
    (that subject, the head of the clause before the comma). Not 'thanked the
    volunteers, confirmed donors and staff' (the phrase goes on) nor a noun that cannot speak."""
    doc, noun = verb.doc, verb.head
    if (verb.dep_ != "amod" or verb.lemma_.lower() not in REPORT_VERBS or verb.tag_ not in ("VBD", "VBN")
            or verb.i == 0 or doc[verb.i - 1].text != "," or noun.i <= verb.i or noun.left_edge.i != verb.i):
        return None
    if noun.pos_ == "PRON" or not may_speak(noun):
        return None
    if noun.i + 1 < verb.sent.end and doc[noun.i + 1].text not in (",", ".", ";", "!"):
        return None
    clause = noun.head
    while clause.pos_ not in ("VERB", "AUX") and clause.head.i != clause.i:
        clause = clause.head
    if clause.i >= verb.i or clause.pos_ not in ("VERB", "AUX"):
        return None
    return noun, clause


def inverted_cue_object(verb: Token) -> Token | None:
    """"The toll rose to 22, reported local media." / "..., said officials, with 30 missing":
    a subjectless report verb after a comma and a finite clause, whose object that may speak
    ends the sentence or a comma-set parenthesis, is the inverted subject the parser took
    for an object. Not "grew fast, reported record profits" (profits cannot speak) nor
    "..., told reporters he ..." (a clause follows)."""
    doc = verb.doc
    head = verb.head
    if (verb.lemma_.lower() not in REPORT_VERBS or verb.tag_ not in ("VBD", "VBZ") or verb.i == 0
            or doc[verb.i - 1].text != "," or head.i >= verb.i or verb.dep_ not in ("conj", "parataxis", "ccomp")):
        return None
    if any(c.dep_ in ("nsubj", "nsubjpass", "ccomp", "xcomp") for c in verb.children):
        return None
    # not after a quotation ('"...," Ramos, 58, told AFP': the parse lost the subject) nor an apposition (", 58,")
    if any(t.is_quote for t in doc[head.left_edge.i : verb.i]) or doc[verb.i - 2].dep_ in ("appos", "nummod"):
        return None
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.left_edge.i == verb.i + 1), None)
    if obj is None or obj.pos_ == "PRON" or not may_speak(obj):
        return None
    # after the object: the sentence's end or a comma, past the verb's own adjuncts ("on Monday")
    end = obj.right_edge.i + 1
    for c in verb.children:
        if c.i > obj.i and c.dep_ in ("prep", "npadvmod") and c.left_edge.i == end:
            end = c.right_edge.i + 1
    if end < len(doc) and doc[end].sent.start == verb.sent.start and doc[end].text not in (",", ".", ";", "!"):
        return None
    return obj


def misread_modifier(tok: Token) -> bool:
    """A capitalised word the tagger took for an adverb or adjective ("Early", "Skelly"): where
    no sentence starts, a name it missed."""
    return tok.pos_ in ("ADV", "ADJ") and tok.text[:1].isupper()


def is_cue(tok: Token) -> bool:
    lemma = tok.lemma_.lower()
    if lemma == "go":  # "went on: ...", "went on to say", never "a stunt goes wrong" nor "the inquiry goes on"
        subjects = [c for c in tok.children if c.dep_ == "nsubj"]
        return (any(c.dep_ == "prt" and c.lower_ == "on" for c in tok.children)
                and all(may_speak(c) for c in subjects) and (bool(subjects) or tok.dep_ != "ROOT"))
    if lemma == "continue" and any(c.dep_ == "xcomp" and c.i > tok.i for c in tok.children):
        return False  # 'will continue to be "a champion"' goes on being, says nothing
    if lemma in CHARACTERISING_AS_VERBS:
        return tok.pos_ == "VERB" and any(c.dep_ == "prep" and c.lower_ == "as" for c in tok.children)
    if lemma in BACK_VERBS:  # 'Moss shot back, "..."'
        return any(c.dep_ in ("prt", "advmod") and c.lower_ == "back" for c in tok.children)
    if lemma == "put":  # 'as she put it, "..."', never "put the plan on hold"
        return any(c.dep_ == "dobj" and c.lower_ == "it" for c in tok.children)
    if lemma == "call" and _so_called(tok):  # 'the so-called "gold standard"'
        return False
    if lemma == "appeal":  # a plea ('appealed for calm: "..."', '"...," she appealed'), never a court's appeal
        return tok.pos_ == "VERB" and (any(c.dep_ == "prep" and c.lower_ in PLEA_PREPOSITIONS for c in tok.children)
                                       or not any(c.dep_ in ("dobj", "aux", "prep", "xcomp", "ccomp") for c in tok.children))
    if lemma in INFINITIVE_DIRECTIVES:
        return tok.pos_ == "VERB" and any(c.dep_ in ("xcomp", "ccomp", "advcl") and any(a.tag_ == "TO" for a in c.children)
                                          for c in tok.children)
    if lemma in JUDGMENT_VERBS:  # a judgment's words are a clause ("ruled in "X v. Y"" names a case)
        return tok.pos_ == "VERB" and judicial_subject(tok) and any(c.dep_ == "ccomp" for c in tok.children)
    # 'the reported deal', 'the charged term': a participle after a determiner is an adjective of its noun
    adjective = tok.dep_ == "amod" and tok.tag_ == "VBN" and tok.i > 0 and tok.doc[tok.i - 1].tag_ in ("DT", "PRP$")
    return tok.pos_ in ("VERB", "AUX") and lemma in QUOTE_VERBS and lemma != "be" and not adjective


def judicial_subject(verb: Token) -> bool:
    """Whether the verb's subject is a court, a judge or a jury, by its noun phrase ("the
    three-judge court", "Colin Sutherland, the Lord President of the court")."""
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and any(t.lemma_.lower() in JUDICIAL_NOUNS or t.lower_ in JUDICIAL_NOUNS for t in subj.subtree)


def _so_called(tok: Token) -> bool:
    """'the so-called "gold standard"', written "so called", "so- called" (a line break's hyphen) too."""
    before = [t.lower_ for t in tok.doc[max(0, tok.i - 2) : tok.i]]
    return before[-1:] in (["so"], ["so-"]) or before == ["so", "-"]


def according_to(tok: Token) -> Token | None:
    """'according to X' / 'as quoted by X' → X's head token (tok is 'according')."""
    if tok.lower_ == "according":
        nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
        if nxt is not None and nxt.lower_ == "to":
            for c in nxt.children:
                if c.dep_ == "pobj":
                    return c
            if nxt.i + 1 < len(tok.doc):
                # parser trouble: take the next noun after "to"
                for t in tok.doc[nxt.i + 1 : min(len(tok.doc), nxt.i + 8)]:
                    if t.pos_ in ("NOUN", "PROPN"):
                        return t
    return None


def own_subject(verb: Token) -> Token | None:
    """The verb's own subject, a named one first (past a dateline); of subjects on both sides,
    one before (subjects_before)."""
    subs = [c for c in subjects_before(verb) if c.dep_ != "csubj"]
    if not subs:
        return None
    named = [c for c in subs if c.ent_type_ in ("PERSON", "ORG")]
    return past_dateline(named[-1] if named else subs[0])


def apposed_description(conj: Token) -> bool:
    """'Norway, Iceland's closest partner and its main market, said': a common noun after a bare
    comma is an apposition the parser took for a coordination, not a second speaker."""
    return conj.pos_ == "NOUN" and not conj.ent_type_ and follows_comma(conj.left_edge)


def in_parentheses(tok: Token) -> bool:
    """The token sits inside a short parenthesis ("Ann Lowe (D-OR)")."""
    doc = tok.doc
    left = doc[max(0, tok.i - 5) : tok.i]
    opened = [t.i for t in left if t.text == "("]
    closed = [t.i for t in left if t.text == ")"]
    return bool(opened) and (not closed or max(closed) < max(opened))
