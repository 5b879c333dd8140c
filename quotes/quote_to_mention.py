"""Stage 1 of attribution: from a quote to the mention of its speaker, after the detectors.

The detectors (direct.py, indirect.py) give each raw quote the subject of its cue. Here
that subject is checked, and where the parse misled, the first repair of SUBJECT_REPAIRS
that decides gives the mention instead (the subject of the speech verb above a participle,
an inverted or apposed name, the sentence's subject); stage 2 (the registry) resolves the
mention; a name or description in the frame stands in when it names nobody
(cue.frame_name, cue.frame_description); inherited quotes take their source's speaker; a
definite description said to go on speaking is the speaker just before
(role.previous_speaker). Each step is a function that returns a new value; resolve_quotes
builds the new list of quotes from them. Each decision is named (sieves.SIEVES) and
becomes the first step of the quote's evidence chain.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .agents import may_speak
from .entities import Resolved, _clean_name, entity_end
from .frames import (
    RawQuote,
    Sieves,
    cited_as_saying,
    first_decision,
    follows_comma,
    is_cue,
    misread_modifier,
    own_subject,
    restrictive_relative,
    subject_of,
    trailing_participle,
)
from .lexicon import (
    AGENT_SUFFIXES,
    AUTHORED_DOC_NOUNS,
    CONTINUATION_CUES,
    DETERMINERS,
    ELLIPTICAL_SPEAKERS,
    GENERIC_PRONOUNS,
    GROUP_NOUNS,
    MAKER_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    QUOTE_VERBS,
    REPORT_VERBS,
    THING_PRONOUNS,
    TITLE_SMALL_WORDS,
    VOICE_NOUNS,
    WEAK_CUE_VERBS,
)
from .registry import Registry
from .set_off import apposed_name_before, before_parenthesis
from .sieves import on as sieve_on

if TYPE_CHECKING:
    from spacy.tokens import Token

_PARTICIPLE_DEPS = ("advcl", "xcomp", "conj", "dep", "pcomp", "acl", "parataxis")


def resolve_quotes(raws: list[RawQuote], reg: Registry) -> list[RawQuote]:
    """The raw quotes again, in the same order, each with its speaker (``resolved``):
    inherited quotes take their source's."""
    resolved = [q if q.inherit_from >= 0 else _resolve(q, reg) for q in raws]
    return _continue_speakers(_inherit(resolved), reg)


def _resolve(q: RawQuote, reg: Registry) -> RawQuote:
    """The quote with its speaker: the mention stage 1 settles on, resolved by stage 2."""
    if q.speaker_text:
        return replace(q, resolved=_named_in_text(q.speaker_text, reg))
    q, repaired = choose_subject(q, reg)
    resolved, sieve = _speaker(q, reg)
    if repaired and resolved.how == "name":
        resolved = replace(resolved, how="climbed")  # named, through a mention the parse did not give
    return replace(q, sieve=sieve, resolved=resolved)


def choose_subject(q: RawQuote, reg: Registry) -> tuple[RawQuote, bool]:
    """The quote with the speaker mention (subj_tok) stage 1 settles on, and whether a repair
    found it: the first of SUBJECT_REPAIRS that decides (its name the quote's sieve, the speech
    verb it climbed to the cue), else the cue's subject, unless that cannot be the speaker."""
    if q.sieve == "report_verb.cited_source" or q.cue_tok is not None and cited_as_saying(q.cue_tok) is not None:
        return q, False  # the source a verb cites is no parse of the cue's subject to repair
    speaking = Speaking(q, reg)
    repair = first_decision(SUBJECT_REPAIRS, speaking)
    if repair is None:
        return (replace(q, subj_tok=None) if _unusable_subject(speaking) else q), False
    q = replace(q, subj_tok=repair.subject, sieve=repair.sieve)
    v = repair.cue
    return (q if v is None else replace(q, cue_tok=v, cue_text=v.text, cue_start=v.idx)), True


def _named_in_text(speaker_text: str, reg: Registry) -> Resolved:
    """The speaker a dash line or a name before a colon gives as plain text."""
    e = reg._find(speaker_text, "PERSON", 0) or reg._find(speaker_text, "ORG", 0)
    if e is not None:
        return Resolved(e.name, e.kind, -1, -1, "name", e)
    words = speaker_text.split()
    kind = "PERSON" if words and words[0][:1].islower() or len(words) <= 3 else "ORG"
    return Resolved(speaker_text, kind, -1, -1, "description")


def _speaker(q: RawQuote, reg: Registry) -> tuple[Resolved, str]:
    """Stage 2 for the quote's mention (subj_tok); when it names nobody (and is no pronoun),
    the name or description in the frame ('said the 46-year-old.'). With the quote's sieve."""
    resolved = reg.resolve(q.subj_tok) if q.subj_tok is not None else Resolved()
    if resolved.name or resolved.how == "pronoun":
        return resolved, q.sieve
    framed = _frame_speaker(q, reg)
    if framed is None or not sieve_on(_framed_sieve(framed)):
        return resolved, q.sieve
    return framed, _framed_sieve(framed)


def _inherit(raws: list[RawQuote]) -> list[RawQuote]:
    """Each inherited quote with the speaker of the quote it inherits from (and its cue,
    when it has none of its own), in order, so that a chain passes the first one's on."""
    out = list(raws)
    for i, q in enumerate(out):
        if q.inherit_from < 0:
            continue
        src = out[q.inherit_from]
        seen = 0
        while src.inherit_from >= 0 and src.resolved is None and seen < len(out):
            src = out[src.inherit_from]
            seen += 1
        q = replace(q, resolved=src.resolved or Resolved())
        if not q.cue_text:
            q = replace(q, cue_tok=src.cue_tok, cue_text=src.cue_text, cue_start=src.cue_start)
        out[i] = q
    return out


def _continue_speakers(raws: list[RawQuote], reg: Registry) -> list[RawQuote]:
    """role.previous_speaker over the quotes in text order, each after the one before it."""
    out = list(raws)
    order = sorted(range(len(out)), key=lambda k: out[k].start)
    for a, b in zip(order, order[1:]):
        out[b] = _continue_previous_speaker(out[a], out[b], reg)
    return out


# -- the subject repairs: each reads a quote's cue and subject, and returns a Repair when it decides

@dataclass(frozen=True)
class Speaking:
    """A raw quote as the subject repairs read it, with the document's registry."""

    q: RawQuote
    reg: Registry

    def bad(self, tok: Token | None) -> bool:
        """A speaker token inside the quote itself or inside any quotation marks."""
        return tok is None or (self.q.start <= tok.idx < self.q.end) or self.reg.is_quoted(tok.idx)


@dataclass(frozen=True)
class Repair:
    """The speaker mention a repair finds instead of the cue's subject."""

    subject: Token
    sieve: str
    cue: Token | None = None  # the speech verb above, when it becomes the quote's cue


def _unusable_subject(s: Speaking) -> bool:
    """A subject inside quotation marks ("Coles ... reported that ..., "many stores are ..."" has
    no speaker "many stores"), or inside the quote when the cue is outside it and the subject
    not its own (a span that overshoots onto "X said" keeps X)."""
    q, subj, cue = s.q, s.q.subj_tok, s.q.cue_tok
    if subj is None or cue is None:
        return False
    cue_inside = q.start <= cue.idx < q.end
    direct_subject = subj.head.i == cue.i
    return s.reg.is_quoted(subj.idx) or (not cue_inside and not direct_subject and s.bad(subj))


def _subjectless_cue(s: Speaking) -> Token | None:
    """The cue, when it is a verb the parse gave no subject."""
    cue = s.q.cue_tok
    return cue if s.q.subj_tok is None and cue is not None and cue.pos_ in ("VERB", "AUX") else None


def _above_relative_cue(s: Speaking) -> Repair | None:
    """'X commented on the matter — which the BBC noted as unusual — "..."': a relative
    clause's cue before a direct quote; the speech verb above it speaks."""
    q, cue = s.q, s.q.cue_tok
    if q.kind != "direct" or cue is None or not (cue.idx < q.start and (cue.dep_ == "relcl" or any(
            c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in cue.children))):
        return None
    v = _speech_head(cue)
    subj = own_subject(v) if v is not None else None
    return Repair(subj, "cue.climbed_subject", cue=v) if subj is not None and not s.bad(subj) else None


def _above_participle(s: Speaking) -> Repair | None:
    """A participle cue without a subject hanging off a verb inside someone's reported clause
    speaks for that someone ("X acknowledged Y had done Z, blaming W"; "..., while noting
    ..."); so does "went on"."""
    subj, cue = s.q.subj_tok, s.q.cue_tok
    if cue is None:
        return None
    own = own_subject(cue) if cue.pos_ in ("VERB", "AUX") else None
    weak_cue = cue.lemma_.lower() == "go" and not any(c.lemma_.lower() == "say" for c in cue.children)
    if not (own is None and cue.tag_ == "VBG" and cue.dep_ in _PARTICIPLE_DEPS) and not weak_cue:
        return None
    v = _speech_head(cue)
    if v is None or v.i == cue.i or v.dep_ == "relcl" and restrictive_relative(v) and follows_comma(cue):
        return None  # 'a builder who said he was cheated, saying ...': see subject_of
    above = own_subject(v)
    if above is None or s.bad(above) or subj is not None and above.i == subj.i:
        return None
    if _not_a_speaker(above) and subj is not None and may_speak(subj):
        return None  # 'He wrote as the meeting began vowing ...': a meeting cannot vow
    if (cue.dep_ == "acl" and subj is not None and subj.i == cue.head.i and may_speak(subj)
            and not (subj.dep_ == "pobj" and subj.head.lower_ == "to")):
        # 'said a report suggesting the port would close was ...': the report suggests; never
        # a recipient ('his memo to employees explaining the deal': the parse hung it there)
        return None
    return Repair(above, "cue.climbed_subject")


def _above_thing_subject(s: Speaking) -> Repair | None:
    """'said that her party would keep "fighting for the towns"', 'said that result tells
    us much about "..."': a thing doing the inner verb inside someone's report; the
    fragment is the reporter's source's words."""
    q, subj, cue = s.q, s.q.subj_tok, s.q.cue_tok
    if cue is None or subj is None or s.bad(subj) or not (q.kind == "direct" or cue.idx < q.start):
        return None
    # anyone who might say it ('you can't yell "fire"') says nothing: the reporter's source does
    generic = subj.lower_ in GENERIC_PRONOUNS and any(c.tag_ == "MD" for c in cue.children)
    if not (_not_a_speaker(subj) or subj.lower_ in THING_PRONOUNS or generic):
        return None
    v = _speech_head(cue)
    above = own_subject(v) if v is not None and v.lemma_.lower() in REPORT_VERBS else None
    if above is None and v is not None:
        above = subject_of(v)
    if above is None or v is None or s.bad(above):
        return None
    # a speech verb coordinated inside the report ('noted that Saturday was ... and quoted
    # "..."') is a speech act of its own and stays the cue
    return Repair(above, "cue.climbed_subject", cue=None if cue.dep_ == "conj" and is_cue(cue) else v)


def _above_unusable_subject(s: Speaking) -> Repair | None:
    """For a subject that cannot be the speaker: the first usable subject of the speech verbs above."""
    cue = s.q.cue_tok
    above = _climbed_subject(cue, s) if cue is not None and _unusable_subject(s) else None
    return Repair(above, "cue.climbed_subject") if above is not None else None


def _sentence_subject_for_unusable(s: Speaking) -> Repair | None:
    """For a subject that cannot be the speaker: the subject the sentence opened with."""
    cue = s.q.cue_tok
    subj = _sentence_subject(cue, s) if cue is not None and _unusable_subject(s) else None
    return Repair(subj, "cue.sentence_subject") if subj is not None else None


def _inverted_after_mark(s: Speaking) -> Repair | None:
    """Inversion after a closing mark: '"...", tweeted Mayor of London Sadiq Khan'."""
    cue = _subjectless_cue(s)
    if cue is None:
        return None
    doc = cue.doc
    prev = doc[cue.i - 1] if cue.i > 0 else None
    # the mark itself, or a comma right after it ('"...", tweeted X'); not the comma closing
    # an apposition ('"...," Bozell, founder of the center, tells Breitbart News': an addressee)
    if prev is None or not (prev.is_quote or (prev.is_punct and prev.i > 0 and doc[prev.i - 1].is_quote)):
        return None
    for t in doc[cue.i + 1 : min(len(doc), cue.i + 10)]:
        if t.is_punct or t.is_quote or t.is_sent_start:
            break
        if t.ent_type_ in ("PERSON", "ORG"):
            return Repair(doc[entity_end(doc, t.i)], "cue.inverted_subject")
        if t.i == cue.i + 1 and t.pos_ == "PROPN" and t.text[:1].isupper() and t.i + 1 < len(doc) \
                and doc[t.i + 1].text == ":":
            return Repair(t, "cue.inverted_subject")  # 'Continued Hale: "..."' (a name the NER missed)
        if t.i == cue.i + 1 and t.lower_ in ELLIPTICAL_SPEAKERS and (t.i + 1 == len(doc) or doc[t.i + 1].is_punct):
            return Repair(t, "cue.inverted_subject")  # '"...," tweeted another.'
    return None


def _above_subjectless_cue(s: Speaking) -> Repair | None:
    cue = _subjectless_cue(s)
    above = _climbed_subject(cue, s) if cue is not None else None
    return Repair(above, "cue.climbed_subject") if above is not None else None


def _name_before_cue(s: Speaking) -> Repair | None:
    """'"...," Bozell answers.' with the name misparsed (as a compound of the verb)."""
    cue = _subjectless_cue(s)
    if cue is None:
        return None
    doc = cue.doc
    # a name's short parenthesis before the cue ('Sen. Ann Lowe (D-OR) said') is read past
    end = before_parenthesis(doc, cue.i - 1)
    if end is not None and doc[end].ent_type_ == "PERSON" and not s.bad(doc[end]):
        return Repair(doc[end], "cue.inverted_subject")
    # the run of proper nouns ending right before the cue, after a mark or punctuation (not
    # a date before it: 'In June, Trump blasted Disney ...' read as one noun phrase)
    first = cue.i
    while first > max(0, cue.i - 4) and doc[first - 1].pos_ == "PROPN" and not s.bad(doc[first - 1]):
        first -= 1
    if first < cue.i and first > 0 and (doc[first - 1].is_quote or doc[first - 1].is_punct):
        return Repair(doc[cue.i - 1], "cue.inverted_subject")
    # ", Early described it as ...", "And Skelly called him ...": a surname the tagger took for an
    # adverb, capitalised where no sentence starts
    if cue.i >= 2:
        word, before = doc[cue.i - 1], doc[cue.i - 2]
        mid_sentence = before.text == "," or (before.dep_ == "cc" and before.i == before.sent.start)
        if misread_modifier(word) and word.text[1:].islower() and mid_sentence:
            return Repair(word, "cue.inverted_subject")
    return None


def _surname_read_as_function_word(s: Speaking) -> Repair | None:
    """'..., From said.', 'In the column, Will described ...': the surname of a person the article
    names in full ("Al From", "George Will") tagged a preposition or a modal right before the
    cue, in a form neither can stand before (a finite verb; after a modal, a participle too: "As
    said" is English, "will described" is not): it is the speaker."""
    cue = s.q.cue_tok
    if cue is None or cue.i == 0:
        return None
    word = cue.doc[cue.i - 1]
    after_modal = word.tag_ == "MD" and cue.tag_ in ("VBD", "VBZ", "VBN")
    if not (after_modal or word.pos_ == "ADP" and cue.tag_ in ("VBD", "VBZ")):
        return None
    if not (word.text[:1].isupper() and word.text[1:].islower()):
        return None
    full_name = any(e.kind == "PERSON" and e.name.endswith(" " + word.text) for e in s.reg.entities)
    return Repair(word, "cue.inverted_subject") if full_name and not s.bad(word) else None


def _apposed_name(s: Speaking) -> Repair | None:
    """'In a statement, her aide, Lena Hart, said: "..."' with the name hung elsewhere; also when
    the parse made a preposition the cue's subject ('Of the mayor, Levine, ..., said')."""
    cue = _subjectless_cue(s)
    subj = s.q.subj_tok
    if cue is None and subj is not None and subj.pos_ == "ADP" and s.q.cue_tok is not None:
        cue = s.q.cue_tok
    return _apposed_repair(s, cue) if cue is not None else None


def _name_before_conjoined_cue(s: Speaking) -> Repair | None:
    """'The issue came up after Mr. Dorn, asked about the budget, had said, "..."', 'The debate
    stalled when the mayor, asked about it, said "..."': the parse gave the cue the subject of
    the clause the sentence opened with (as its own, or through a coordination), a thing that
    cannot speak, while the one set off right before the cue speaks (as after a subjectless
    cue, apposed_name_before)."""
    cue, subj = s.q.cue_tok, s.q.subj_tok
    if cue is None or subj is None or cue.pos_ not in ("VERB", "AUX") or subj.i > cue.i or not _not_a_speaker(subj):
        return None
    return _apposed_repair(s, cue)


def _apposed_repair(s: Speaking, cue: Token) -> Repair | None:
    """The repair to the name set off right before ``cue``, when there is one outside the quote."""
    name = apposed_name_before(cue)
    return Repair(name, "cue.apposed_name") if name is not None and not s.bad(name) else None


def _subject_of_misread_complement(s: Speaking) -> Repair | None:
    """'One guest, who like others asked not to be named, said ...': a relative clause the parser
    broke, making its verb a complement of the cue and the sentence's opening noun that verb's
    subject. A complement clause does not come before its subjectless verb in English (a fronted
    one, '"...," said Hale', has its subject after), so the opening noun, set off by the comma of a
    relative or appositive, speaks."""
    cue = _subjectless_cue(s)
    if cue is None:
        return None
    doc = cue.doc
    for clause in cue.lefts:
        subj = own_subject(clause) if clause.dep_ == "ccomp" else None
        # subj < clause < cue: the words after subj and before the cue are in the doc
        if subj is not None and subj.i < clause.i and subj.pos_ in ("NOUN", "PROPN") \
                and doc[subj.i + 1].text == "," and doc[cue.i - 1].text == "," \
                and not any(t.is_quote for t in doc[subj.i : cue.i]) and not s.bad(subj):
            return Repair(subj, "cue.sentence_subject")
    return None


def _sentence_subject_for_subjectless(s: Speaking) -> Repair | None:
    cue = _subjectless_cue(s)
    subj = _sentence_subject(cue, s) if cue is not None else None
    return Repair(subj, "cue.sentence_subject") if subj is not None else None


# The repairs of stage 1, in the order tried; the first that decides wins, and when none does
# the cue's subject stands (unless it cannot be the speaker: then no mention). Those for an
# unusable subject and those for a subjectless cue never both apply.
SUBJECT_REPAIRS: Sieves[Speaking, Repair] = (
    ("cue.inverted_subject", _surname_read_as_function_word),
    ("cue.climbed_subject", _above_relative_cue),
    ("cue.climbed_subject", _above_participle),
    ("cue.apposed_name", _name_before_conjoined_cue),
    ("cue.climbed_subject", _above_thing_subject),
    ("cue.climbed_subject", _above_unusable_subject),
    ("cue.sentence_subject", _sentence_subject_for_unusable),
    ("cue.inverted_subject", _inverted_after_mark),
    ("cue.climbed_subject", _above_subjectless_cue),
    ("cue.inverted_subject", _name_before_cue),
    ("cue.apposed_name", _apposed_name),
    ("cue.sentence_subject", _subject_of_misread_complement),
    ("cue.sentence_subject", _sentence_subject_for_subjectless),
)


def _speech_head(tok: Token, limit: int = 5) -> Token | None:
    """The nearest speech verb above tok (not tok itself), or None."""
    for _ in range(limit):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in QUOTE_VERBS and tok.lemma_.lower() not in WEAK_CUE_VERBS:
            return tok
    return None


def _not_a_speaker(tok: Token) -> bool:
    """A common noun for a thing ("the turmoil", "the tone", "her campaign"), not a person,
    a group of people or an organisation; or a date or time ("Saturday would have been ...")."""
    lemma = tok.lemma_.lower()
    if tok.ent_type_ in ("DATE", "TIME"):
        return True
    return (tok.pos_ == "NOUN" and not tok.ent_type_ and lemma not in PERSON_NOUNS and lemma not in GROUP_NOUNS
            and lemma not in ORG_NOUNS and lemma not in AUTHORED_DOC_NOUNS and lemma not in MAKER_NOUNS
            and lemma not in VOICE_NOUNS and not lemma.endswith(AGENT_SUFFIXES)
            and not any(c.ent_type_ in ("PERSON", "ORG") for c in tok.children if c.dep_ in ("compound", "appos")))


# People and media the role lists leave out: a reporter, an activist, a historian, the
# crowd, the press. (-er/-or also catch some things, "the number"; those stay speakers,
# as they were before this test existed.)


def _climbed_subject(cue: Token, chk: Speaking) -> Token | None:
    """The first usable subject of the speech verbs above ``cue``, or None."""
    v = _speech_head(cue)
    while v is not None:
        s = own_subject(v)
        if s is not None and not chk.bad(s):
            return s
        v = _speech_head(v)
    return None


def _sentence_subject(cue: Token, chk: Speaking) -> Token | None:
    """'Mr. Hale barely explained himself, calling ... -- "A" -- and adding, "B"': a
    subjectless participle the parser hung inside a quote (or nowhere) speaks for the
    subject its sentence opened with."""
    if cue.tag_ != "VBG" or own_subject(cue) is not None:
        return None
    for t in cue.sent:
        if t.i >= cue.i:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "PRON", "NOUN") and not chk.bad(t):
            return t
    # 'Voss defended the levy, calling it "..."' with no subject in the parse: the
    # person named at the start of the sentence, when the participle trails a comma
    first = cue.sent[0]
    known = first.ent_type_ == "PERSON" or first.text[:1].isupper() and chk.reg._find(first.text, "PERSON", first.i)
    if known and trailing_participle(cue) and not chk.bad(first):
        last = first
        while last.i + 1 < cue.i and cue.doc[last.i + 1].ent_iob_ == "I":
            last = cue.doc[last.i + 1]
        return last
    return None


_FRAME_STOP = {",", ".", ";", ":", "(", "—", "–"}


def _frame_phrase(tokens: Iterable[Token]) -> list[Token]:
    """The words of a speaker phrase up to its first comma or stop ('Rosa Lind, a
    senior aide, ...' -> Rosa Lind), at most eight, never holding a verb or pronoun."""
    out: list[Token] = []
    for t in tokens:
        if t.text in _FRAME_STOP or t.is_quote or t.is_space or len(out) >= 8:
            break
        if t.pos_ in ("VERB", "AUX", "ADP", "PRON", "SCONJ", "CCONJ") and t.text[:1].islower():
            break
        out.append(t)
    return out


def _frame_speaker(q: RawQuote, reg: Registry) -> Resolved | None:
    """The speaker of '"...," Rosa Lind, a senior aide, said' or '"...," said Marsh,
    explaining ...' read off the words around the cue when the parse lost the subject:
    the name phrase right after the closing mark, or right after the cue."""
    cue, doc = q.cue_tok, reg.doc
    if cue is None or cue.idx <= q.end:
        return None
    span = doc.char_span(q.end, cue.idx, alignment_mode="expand")
    between = [t for t in span if t.i < cue.i and t.idx >= q.end] if span is not None else []
    lead = [t for t in between if not (t.is_punct or t.is_quote or t.is_space)]
    if lead and len(lead) <= 6 and lead[-1].i == cue.i - 1 and lead[-1].pos_ == "PROPN" \
            and not any(t.is_punct or t.is_quote for t in between if t.i > lead[0].i):
        # '"...," sportswriter Ian Pell wrote': the words between mark and cue are the
        # speaker, whatever tags the parser gave them ('sportswriter' as a verb)
        phrase = lead
    elif lead:
        phrase = _frame_phrase(between[between.index(lead[0]) :])
    else:
        phrase = _frame_phrase(doc[cue.i + 1 : cue.i + 10])
    # a headline's capitalised small words ('... Luxury’ To Demand ...') name nobody
    if not phrase or any(reg.is_quoted(t.idx) for t in phrase) or all(t.lower_ in TITLE_SMALL_WORDS for t in phrase):
        return None
    name: list[Token] = []
    for t in reversed(phrase):  # the capitalised run closing the phrase is the name
        if not t.text[:1].isupper():
            break
        name.insert(0, t)
    start, end = phrase[0].idx, phrase[-1].idx + len(phrase[-1])
    if name:
        form = " ".join(_clean_name("".join(t.text_with_ws for t in name).split()))
        e = reg._find(form, "PERSON", name[0].i) or reg._find(form, "ORG", name[0].i)
        if e is not None:
            return Resolved(e.name, e.kind, start, end, "surname", e)
        return Resolved(form, "PERSON", start, end, "name") if form else None
    desc = "".join(t.text_with_ws for t in phrase if t.lower_ not in DETERMINERS).strip()
    return Resolved(desc, "PERSON", start, end, "description") if desc else None


def _framed_sieve(framed: Resolved) -> str:
    return "cue.frame_description" if framed.how == "description" else "cue.frame_name"


def _continuing_description(subj: Token, cue: Token | None) -> bool:
    """"The Wooster professor added", "the Texas senator said": a definite person noun that
    names nobody, said to go on speaking ("added") or set apart by where the person is from
    (a proper-noun or age modifier), which news prose uses for the person just quoted."""
    if subj.tag_ != "NN" or subj.dep_ not in ("nsubj", "nsubjpass"):
        return False
    if not (subj.lemma_.lower() in PERSON_NOUNS or subj.lower_.endswith(AGENT_SUFFIXES)):
        return False
    children = list(subj.children)
    if not any(c.dep_ == "det" and c.lower_ == "the" for c in children):
        return False
    if any(c.dep_ in ("poss", "prep", "relcl", "acl", "appos") for c in children):
        return False  # "the victim's mother", "the head of the unit": another person
    epithet = any(c.dep_ in ("compound", "amod", "nmod") and (c.pos_ == "PROPN" or "year-old" in c.text or c.text == "old")
                  for c in children)
    return epithet or (cue is not None and cue.lemma_.lower() in CONTINUATION_CUES)


def _continue_previous_speaker(before: RawQuote, q: RawQuote, reg: Registry) -> RawQuote:
    """The role.previous_speaker link (see _continuing_description): ``q`` again, or with the
    speaker of the quote ``before`` it."""
    r, prev, subj = q.resolved, before.resolved, q.subj_tok
    if r is None or r.how != "description" or prev is None or subj is None or not sieve_on("role.previous_speaker"):
        return q
    e = prev.entity
    if e is None or e.kind != "PERSON" or not _continuing_description(subj, q.cue_tok):
        return q
    between = reg.text[before.end : q.start]
    if len(between) > 400 or between.count("\n\n") > 1:
        return q  # the speaker just before, in this paragraph or the one before it
    # linked through the previous quote's mention, which names the entity ("name" then says how)
    return replace(q, resolved=Resolved(e.name, e.kind, r.mention_start, r.mention_end, "name", e,
                                        link="role.previous_speaker", antecedent_start=prev.mention_start,
                                        antecedent_end=prev.mention_end))
