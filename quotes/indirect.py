"""Indirect speech: a communication verb with a finite clausal complement
("Lavrov stressed that Moscow is not interested ..."), and "according to X, ...".

The span is the reported clause without the complementiser "that" and without
the final full stop; background the reporter adds after a comma (", which ...",
", though ...", ", meaning ...") is cut. A clause that holds a quoted fragment is
left to the mixed quote, except for its other, unquoted conjuncts.

Two kinds of candidate, each read once into a frozen context: a communication verb
(``Report``, asked REPORT_SIEVES: the source it cites, else its subject) and the phrase
"according to X" (``AccordingTo``, asked ACCORDING_SIEVES). The first sieve that decides
returns a ``Reported``: the Attribution and the clauses it covers, each trimmed into a
quote by ``_indirect_quote``. The parse helpers are in clauses.py.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING

from .according import apposed_name_after, first_quoted_conjunct, per_source, speaking_source
from .agents import reported_clause_after_reduced_relative
from .clauses import (
    SUBJ,
    cited_source_clause,
    contrast_before_cue,
    finite_clause,
    misparsed_clauses,
    negated,
    object_subject,
    parenthetical,
    preposed_cue,
    present_continuation,
    relative_after_cue,
    relative_gap,
    relative_parenthetical,
    reports_its_own_clause_after_a_dash,
    resumed_after_cue,
    side_tokens,
    split_clause_ends,
    subject_taken_by_cue,
    subjunctive,
    trim,
    within_cue_brackets,
)
from .frames import (
    Attribution,
    RawQuote,
    Sieves,
    according_to,
    adverbial_clause,
    bare_preposition,
    cited_as_saying,
    continues_relative,
    cue_read_as_modifier,
    first_decision,
    inside_any,
    inverted_cue,
    inverted_cue_object,
    is_cue,
    judicial_subject,
    raw_quote,
    subject_of,
    through_cue,
)
from .lexicon import (
    CITING_VERBS,
    CLAUSE_COORDINATORS,
    CONTRAST_WORDS,
    JUDGMENT_VERBS,
    REPORT_VERBS,
    SUBJUNCTIVE_ONLY_VERBS,
    TIME_ADVERBS,
)
from .named_marks import from_open_mark, holds_only_names, marks_hold_only_names, overlaps_mark, through_open_mark

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token


def find_indirect(doc: Doc, text: str, masked: list[tuple[int, int]],
                  fragments: Sequence[tuple[int, int]] = ()) -> list[RawQuote]:
    """masked: every quoted span; fragments: those of them that are quotes themselves (not a
    title, a name or a scare quote)."""
    out: list[RawQuote] = []
    for verb in doc:
        report = reporting_verb(doc, text, masked, verb)
        if report is not None:
            report = replace(report, fragments=fragments)
            out += _quotes(doc, text, verb, first_decision(REPORT_SIEVES, report))
    # "according to X, CLAUSE" / "CLAUSE, according to X"
    for tok in doc:
        phrase = according_phrase(doc, text, masked, tok, fragments)
        if phrase is not None:
            out += _quotes(doc, text, tok, first_decision(ACCORDING_SIEVES, phrase))
    return _nested_cut(doc, out)


@dataclass(frozen=True)
class Reported:
    """A sieve's decision on a candidate: who speaks, and what they said (token ranges [a, b])."""

    attribution: Attribution
    clauses: tuple[tuple[int, int], ...]


# -- a communication verb ----------------------------------------------------------------------

@dataclass(frozen=True)
class Report:
    """A communication verb and the clauses the parse hangs on it."""

    doc: Doc
    text: str
    masked: Sequence[tuple[int, int]]  # the quoted spans, sorted
    verb: Token
    heads: tuple[Token, ...]  # the heads of the clauses it may report
    paren: tuple[int, int] | None  # the clause around a parenthetical or preposed cue ('The economy, he said, is weak')
    fragments: Sequence[tuple[int, int]] = ()  # the quoted spans that are quotes of their own


def reporting_verb(doc: Doc, text: str, masked: Sequence[tuple[int, int]], verb: Token) -> Report | None:
    """``verb`` as a communication verb the reporter uses (not quoted, negated or sourceless)."""
    lemma = verb.lemma_.lower()
    if lemma in SUBJUNCTIVE_ONLY_VERBS:
        return _directive(doc, text, masked, verb)
    judgment = lemma in JUDGMENT_VERBS and judicial_subject(verb)  # "the court found that ..."
    if (lemma not in REPORT_VERBS and not judgment) or verb.pos_ not in ("VERB",) or inside_any(verb.idx, masked):
        return None
    if negated(verb):
        return None
    if any(c.dep_ == "nsubjpass" for c in verb.children) and not any(c.dep_ == "agent" for c in verb.children):
        return None  # "was reported to ...": no source
    if lemma == "point" and not any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children):
        return None
    taken = subject_taken_by_cue(verb)  # 'The new rules, the ministry said, will take effect'
    if taken is not None:
        return Report(doc, text, masked, verb, (taken.clause,), taken.span)
    heads = [c for c in verb.children if c.dep_ == "ccomp"]
    heads += misparsed_clauses(verb)
    reduced = reported_clause_after_reduced_relative(verb)  # 'Outlets reported on Monday the police had ...'
    if not heads and reduced is not None:
        heads = [reduced]
    # "..., Maróth said": the parser may hang the verb off the clause instead
    if not heads and verb.dep_ in ("parataxis",) and verb.head.i < verb.i and finite_clause(verb.head):
        heads = [verb.head]
    # "The storm flooded the valley, said police, and ...": an inverted cue the parser made a conjunct
    if not heads and verb.dep_ == "conj" and verb.head.i < verb.i and doc[verb.i - 1].text == "," and any(
            c.dep_ == "nsubj" and c.i == verb.i + 1 for c in verb.children) and finite_clause(verb.head):
        heads = [verb.head]
    # "The toll rose to 22, reported local media", "..., confirmed officials.": the clause before an inverted cue
    inverted = inverted_cue(verb) if not heads else None
    if inverted is not None and finite_clause(inverted[1]):
        heads = [inverted[1]]
    # 'who, police said, had been drinking': the relative clause's predicate after the cue
    paren = (relative_parenthetical(verb) or parenthetical(verb) or preposed_cue(verb)) if not heads else None
    if paren is not None:
        heads = [verb.head]
    return Report(doc, text, masked, verb, tuple(heads), paren)


def _directive(doc: Doc, text: str, masked: Sequence[tuple[int, int]], verb: Token) -> Report | None:
    """"The judge ordered the accused remain in custody": a directive reports its subjunctive clauses only."""
    if verb.pos_ != "VERB" or inside_any(verb.idx, masked) or negated(verb):
        return None
    heads = tuple(c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i
                  and (subjunctive(c) or object_subject(verb, c) is not None))
    return Report(doc, text, masked, verb, heads, None) if heads else None


def _cited_source(r: Report) -> Reported | None:
    """'The Daily Telegraph cited a security source that mental health may be a factor',
    'The paper quoted an aide as saying the talks had collapsed': the cited source said the
    clause (the speaker is the source, not the outlet)."""
    verb = r.verb
    src = cited_as_saying(verb)
    if src is not None:
        return Reported(through_cue("report_verb.cited_source", "cue", verb, src), tuple(_reported_clauses(r, src)))
    cited = cited_source_clause(verb) if verb.lemma_.lower() in CITING_VERBS else None
    if cited is None or subject_of(verb) is None:
        return None
    src, clause = cited
    return Reported(through_cue("report_verb.cited_source", "cue", verb, src), ((clause.left_edge.i, clause.right_edge.i),))


def _verb_subject(r: Report) -> Reported | None:
    """The verb's subject said the clauses it reports."""
    verb = r.verb
    subj = subject_of(verb)
    if subj is None:
        return None
    cue_text = verb.text
    prt = [c for c in verb.children if c.dep_ == "prt" and c.i == verb.i + 1]
    if prt:
        cue_text = r.text[verb.idx : prt[0].idx + len(prt[0])]
    return Reported(through_cue("report_verb.subject", "cue", verb, subj, cue_text), tuple(_reported_clauses(r, subj)))


# Stage 1 for a communication verb, in the order tried; the first that decides wins.
REPORT_SIEVES: Sieves[Report, Reported] = (
    ("report_verb.cited_source", _cited_source),
    ("report_verb.subject", _verb_subject),
)


def _reported_clauses(r: Report, subj: Token) -> Iterator[tuple[int, int]]:
    """What the verb reports: each clause it hangs on, or, where one holds a quoted fragment,
    its unquoted parts."""
    extend_to = split_clause_ends(list(r.heads))
    for h in r.heads:
        rng = _clause_range(r, h, subj, extend_to) if _may_report(r, h, subj) else None
        if rng is None:
            continue
        a, b = rng
        b = _before_framed_participle(r, h, a, b)
        if not overlaps_mark(r.doc, r.masked, a, b):
            if not _shares_the_fragment(r.doc, r.masked, a, b):  # the quote after it hung elsewhere in the parse
                yield a, b
        elif holds_only_names(r, h, a, b) and not any(
                overlaps_mark(r.doc, r.fragments, x.left_edge.i, x.right_edge.i) for x in r.heads):
            # 'fans of "Night Harbor," she said': the marks hold a title, a name or a scare
            # quote, no quote of their own; the clause around them is the quote (unless the verb
            # reports a quoted fragment elsewhere: then the parse has hung a stray clause on it)
            if not _shares_the_fragment(r.doc, r.fragments, a, b):
                yield a, b
        elif not inside_any(h.idx, r.masked):  # 'said "We couldn't win," and the flag is ...': the rest is the reporter's
            yield from _unquoted_parts(r, h, a, b)


def _before_framed_participle(r: Report, h: Token, a: int, b: int) -> int:
    """'..., says the study, it rises above cooler water, creating what the scientists describe
    as an "upside-down river"': a participle after a comma that holds a quote framed by a cue of
    its own is the reporter's addition; the clause ends before it (else at ``b``)."""
    doc = r.doc
    for c in h.children:
        lo = c.left_edge.i
        if (c.tag_ == "VBG" and c.dep_ in ("advcl", "xcomp") and a < lo <= b and doc[lo - 1].text == ","
                and overlaps_mark(doc, r.masked, lo, c.right_edge.i)
                and any(is_cue(t) and t.i != r.verb.i and not inside_any(t.idx, r.masked) for t in c.subtree)):
            return lo - 2
    return b


def _may_report(r: Report, h: Token, subj: Token) -> bool:
    """The clause headed by ``h`` is one the verb can report."""
    verb = r.verb
    if r.paren is None and not finite_clause(h) and not object_subject(verb, h) and not relative_gap(verb, h):
        return False  # (a parenthetical's clause was checked when found)
    if relative_after_cue(verb, h) or h.i > verb.i and (adverbial_clause(h) or continues_relative(h)):
        return False
    if subj.head.i == h.i and h.i < verb.i and cue_read_as_modifier(verb) is None:
        return False  # the clause the speaker comes from is not what they said (unless the parser put them there)
    return not (inside_any(h.idx, r.masked) and h.i < verb.i)


def _clause_range(r: Report, h: Token, subj: Token, extend_to: dict[int, int]) -> tuple[int, int] | None:
    """The tokens [a, b] of the clause headed by ``h``, on its side of the verb, to where
    the report goes on; None where a quote or the reporter's own clause stands between."""
    doc, verb, masked = r.doc, r.verb, r.masked
    rng = side_tokens(h, verb) if r.paren is None else r.paren
    if rng is None:
        return None
    a, b = rng
    if b < verb.i and any(doc[b].idx < ms < verb.idx for ms, _ in masked):
        return None  # '... embodied: "Civility was assumed," he said': the verb reports the quote
    if a > verb.i and any(verb.idx < ms < doc[a].idx for ms, _ in masked):
        return None  # 'told the press, "...." As of Tuesday ...': the quote was what they told
    if b < verb.i and any(t.text == ";" for t in doc[b + 1 : verb.i]):
        return None  # "A denied it; B claimed ...": a semicolon ends A's clause
    if b < verb.i and (contrast_before_cue(doc, b, verb) or reports_its_own_clause_after_a_dash(doc, b, verb)):
        return None  # "A denied the claims, however, a UN report concluded ...": A's own clause
    obj = object_subject(verb, h)
    if obj is not None and not finite_clause(h):
        a = obj.left_edge.i  # "remarked toilet paper is a bulky item"
    b = max(b, extend_to.get(h.i, b))
    if h.i > verb.i and r.paren is None:
        a = _from_complementiser(h, _past_time_of_saying(doc, h, a))
        b = _before_next_cue(doc, a, b)
        b = present_continuation(verb, b)
    elif h.i < verb.i and b < verb.i:
        b = resumed_after_cue(verb, b)
    return a, b


def _from_complementiser(h: Token, a: int) -> int:
    """'said - on the radio, as it happens - that ...': what comes before the clause's "that"
    is the reporter's, though the parser hung it on the clause."""
    that = next((c for c in h.children if c.dep_ == "mark" and c.lower_ == "that"), None)
    return that.i if that is not None and that.i > a else a


def _past_time_of_saying(doc: Doc, h: Token, a: int) -> int:
    """'Police said Tuesday the suspect had fled', 'Erdogan said earlier he might ...': in a
    clause without "that", the time words right after the verb and before the clause's
    subject date the saying (the parser hangs them on the clause): the clause starts after them."""
    subj = next((c for c in h.children if c.dep_ in SUBJ), None)
    if subj is None or subj.left_edge.i <= a:
        return a
    lead = doc[a : subj.left_edge.i]
    if all(t.ent_type_ in ("DATE", "TIME") or t.lower_ in TIME_ADVERBS or t.is_punct
           or t.dep_ == "prep" and t.lower_ in ("on", "at") for t in lead) \
            and any(t.ent_type_ in ("DATE", "TIME") or t.lower_ in TIME_ADVERBS for t in lead):
        return subj.left_edge.i
    return a


def _before_next_cue(doc: Doc, a: int, b: int) -> int:
    """'claimed she made the decision alone, insisting she was "never pressured"': a speech
    participle after a comma inside the clause starts a report of its own; the clause stops
    before it, as before an inverted cue that relays the report (", reported the Examiner")."""
    for i in range(a + 2, b + 1):
        t = doc[i]
        if doc[i - 1].text == "," and t.tag_ == "VBG" and t.dep_ in ("advcl", "conj", "xcomp") \
                and t.lemma_.lower() in REPORT_VERBS:
            return i - 2
        if doc[i - 1].text == "," and inverted_cue_object(t) is not None:
            return i - 2
    return b


def _unquoted_parts(r: Report, h: Token, a: int, b: int) -> Iterator[tuple[int, int]]:
    """The parts of the clause [a, b] (headed by ``h``) outside the quoted fragment it holds."""
    doc, masked = r.doc, r.masked

    def quoted(lo: int, hi: int) -> bool:
        return overlaps_mark(doc, masked, lo, hi)

    # 'said it is possible "that this airline ...," and the ban followed ...': a clause
    # conjoined (by the parser) to the quoted fragment's clause, after the marks
    for d in h.subtree:
        if (d.dep_ == "conj" and d.pos_ in ("VERB", "AUX") and inside_any(d.head.idx, masked)
                and not inside_any(d.idx, masked) and d.i > h.i and a <= d.left_edge.i
                and d.right_edge.i <= b and any(c.dep_ in SUBJ for c in d.children)
                and not quoted(d.left_edge.i, d.right_edge.i)):
            yield d.left_edge.i, d.right_edge.i
    # a quoted conjunct of any kind ('says charges are false and "an attempt to
    # intimidate"') leaves the clause before it
    parts = [h] + [c for c in h.children if c.i > h.i and (
        c.dep_ == "conj" and (c.pos_ in ("VERB", "AUX") or quoted(c.left_edge.i, c.right_edge.i))
        or c.dep_ == "dep" and quoted(c.left_edge.i, c.right_edge.i))]
    if len(parts) == 1:
        return
    bounds: list[tuple[int, int]] = []
    for j, p in enumerate(parts):
        lo = min(t.i for t in p.subtree) if j else a
        hi = (min(t.i for t in parts[j + 1].subtree) - 1) if j + 1 < len(parts) else b
        if j == 0:
            hi = min(t.i for t in parts[1].subtree) - 1
        lo, hi = max(lo, a), min(hi, b)
        if lo <= p.i <= hi and quoted(lo, hi) and not any(
            c.dep_ not in ("conj", "cc", "punct") and quoted(c.i, c.i) for c in p.children
        ):
            # a quoted continuation right after the head's own words ('... doctors
            # "and there is hope"'): the part stops before the marks
            while hi > p.i and quoted(p.i, hi):
                hi -= 1
        if lo <= hi and not quoted(lo, hi) and not _shares_the_fragment(doc, masked, lo, hi):
            bounds.append((lo, hi))
    yield from bounds


def _shares_the_fragment(doc: Doc, masked: Sequence[tuple[int, int]], lo: int, hi: int) -> bool:
    """The part [lo, hi] is the quoted fragment's own clause, left to the mixed quote: one of its
    words takes the quoted words as an argument ('convicted of, "Treason ..."'), or it ends on a
    preposition whose object it shares with the next conjunct ('impeached for, and convicted of,
    "Treason ..."')."""
    words = [t for t in doc[lo : hi + 1] if not t.is_punct]
    while words and words[-1].dep_ == "cc":
        words.pop()
    if words and bare_preposition(words[-1]):
        # its object the quote right after it, or one shared with the conjunct after it; a preposition
        # its own clause strands ('which ones he would talk with.') is no such end
        after = next((t for t in doc[words[-1].i + 1 :] if not t.is_punct), None)
        return after is not None and (after.dep_ == "cc" or inside_any(after.idx, masked))
    # (a quoted conjunct, or the parser's loose "dep" for one, is a part of its own, not an argument)
    return any(c.dep_ not in ("conj", "dep", "cc", "punct") and inside_any(c.idx, masked) for t in words for c in t.children)


# -- "according to X" --------------------------------------------------------------------------

@dataclass(frozen=True)
class AccordingTo:
    """'according to X' outside the quotes, with someone who speaks, and its sentence."""

    doc: Doc
    text: str
    masked: Sequence[tuple[int, int]]
    tok: Token  # "according" (or "per")
    cue_end: int  # where the cue's words end: after "according to", after "per"
    source: Token  # who speaks: X, or the source X is from ("data from the Gun Violence Archive")
    sent: Span
    quoted_from: Token | None  # where the sentence's quoted part begins (first_quoted_conjunct)


def according_phrase(doc: Doc, text: str, masked: Sequence[tuple[int, int]], tok: Token,
                     fragments: Sequence[tuple[int, int]] = ()) -> AccordingTo | None:
    """'according to X' (or 'Per X,' opening the sentence) with someone who speaks; fragments:
    the quoted spans that are quotes of their own."""
    if tok.lower_ not in ("according", "per") or inside_any(tok.idx, masked):
        return None
    src = speaking_source(according_to(tok)) if tok.lower_ == "according" else per_source(tok)
    if src is None:
        return None
    last = tok.nbor(1) if tok.lower_ == "according" else tok  # "according to" has its "to" (according_to)
    cue_end = last.idx + len(last)
    names_only = marks_hold_only_names(tok.sent, masked, fragments)
    quoted_from = None if names_only else first_quoted_conjunct(tok.sent, masked)
    return AccordingTo(doc, text, masked, tok, cue_end, src, tok.sent, quoted_from)


def _according_source(p: AccordingTo) -> Reported | None:
    """X said the sentence the phrase sits in (the phrase itself aside)."""
    tok, src, doc = p.tok, p.source, p.doc
    if p.quoted_from is not None and p.quoted_from.i <= tok.i:
        return None  # the quote in this sentence carries the attribution
    # an own speech verb with a subject in the clause wins ("Witnesses, according to X, said")
    clause_root = p.sent.root
    if clause_root.lemma_.lower() in REPORT_VERBS and subject_of(clause_root) is not None:
        return None
    # the phrase is "according to" and its source's words, not all the parser hung on it
    # ("Two workers were, according to the fire brigade, among the injured")
    p_lo = min(tok.i, src.left_edge.i)
    p_hi = max(_source_end(src, clause_root), tok.i + 1)
    named = apposed_name_after(doc, p_hi)
    if named is not None:  # "According to the El Paso mayor, Dee Margo, police ...": the mayor is Dee Margo
        src, p_hi = named
    cue_text = p.text[tok.idx : p.cue_end]
    clause = _around_phrase(p, p_lo, p_hi)
    if clause is None:
        return None
    return Reported(through_cue("according_to", "according", tok, src, cue_text), (clause,))


def _source_end(src: Token, clause_root: Token) -> int:
    """Where the source's words end. 'According to Attorney Bash, the manifesto could strengthen
    the case': when the clause has no subject, the noun after the comma the parser took for the
    source's apposition is that subject."""
    appos = [c for c in src.children if c.dep_ == "appos" and c.i > src.i and c.doc[c.left_edge.i - 1].text == ","]
    if appos and not any(c.dep_ in SUBJ for c in clause_root.children) and clause_root.i > appos[0].i:
        return appos[0].left_edge.i - 2
    return src.right_edge.i


# Stage 1 for "according to X".
ACCORDING_SIEVES: Sieves[AccordingTo, Reported] = (("according_to", _according_source),)


def _around_phrase(p: AccordingTo, p_lo: int, p_hi: int) -> tuple[int, int] | None:
    """The sentence's tokens without the phrase [p_lo, p_hi] at either end, and without a
    quoted conjunct and what follows it."""
    doc, sent = p.doc, p.sent
    a, b = sent.start, sent.end - 1
    while b > a and (doc[b].is_punct or doc[b].is_space):
        b -= 1
    while a < b and (doc[a].is_punct or doc[a].is_space):
        a += 1
    if p_lo <= a + 1:
        a = p_hi + 1
        b = _before_contrast(doc, a, b)
    elif p_hi >= b:
        b = p_lo - 1
    elif _opens_conjunct(doc, p_lo, p_hi, b):
        a = p_hi + 1  # "Mugabe was hospitalized ... and according to the ministry he died ...": the conjunct after it
    colon = _colon_before_quote(p, a, b)
    if colon is not None:
        # 'According to X, the manifesto could strengthen the case: "The key factor ..."': the
        # clause before the colon is X's indirect quote, the quote after it X's direct one
        b = colon - 1
    elif p.quoted_from is not None:
        # 'According to him, it was among the largest ... and was accomplished with
        # "honourable people ..."': the quoted conjunct is a mixed quote of its own, the
        # unquoted one before it the indirect
        b = p.quoted_from.left_edge.i - 1
        while b > a and (doc[b].is_punct or doc[b].dep_ == "cc"):
            b -= 1
        if overlaps_mark(doc, p.masked, a, b):
            return None
    return a, b


def _before_contrast(doc: Doc, a: int, b: int) -> int:
    """'According to the constitution, the Secretary would succeed the governor, but that office
    stands vacant': a contrasting clause of its own after a comma is the reporter's comment."""
    for t in doc[a + 1 : b + 1]:
        if (t.dep_ == "cc" and t.lower_ in CONTRAST_WORDS and doc[t.i - 1].text == ","
                and t.head.i < t.i and any(c.dep_ == "conj" and c.i > t.i and any(x.dep_ in SUBJ for x in c.children)
                                            for c in t.head.children)):
            return t.i - 2
    return b


def _opens_conjunct(doc: Doc, p_lo: int, p_hi: int, b: int) -> bool:
    """Whether the phrase [p_lo, p_hi] follows a coordinating "and"/"but" between two clauses
    with subjects of their own ("A was ill, and according to X, he died"; not "A had a strong
    economy and, according to X, was called ...", where the subject is shared)."""
    k = p_lo - 1
    if k > 0 and doc[k].text == ",":
        k -= 1
    return (k > 2 and doc[k].dep_ == "cc" and doc[k].lower_ in CLAUSE_COORDINATORS
            and any(t.dep_ in SUBJ for t in doc[doc[k].sent.start : k])
            and any(t.dep_ in SUBJ for t in doc[p_hi + 1 : b + 1]))


def _colon_before_quote(p: AccordingTo, a: int, b: int) -> int | None:
    """The colon in [a, b] that the sentence's first quotation mark follows, when no mark
    comes before it."""
    doc = p.doc
    first_mark = min((ms for ms, _ in p.masked if doc[a].idx <= ms <= doc[b].idx), default=None)
    if first_mark is None:
        return None
    before = [t for t in doc[a : b + 1] if t.idx < first_mark and not t.is_space and not t.is_quote]
    if before and before[-1].text == ":" and before[-1].i > p.tok.i:
        return before[-1].i
    return None


# -- from token ranges to quotes -----------------------------------------------------------------

def _quotes(doc: Doc, text: str, cue: Token, reported: Reported | None) -> list[RawQuote]:
    """The indirect quotes of what a sieve decided (none when no sieve did)."""
    quotes: list[RawQuote] = []
    if reported is None:
        return quotes
    for a, b in reported.clauses:
        span = _clause_span(doc, text, cue, a, b)
        if span is not None:
            quotes.append(raw_quote(span[0], span[1], "indirect", reported.attribution))
    return quotes


def _clause_span(doc: Doc, text: str, cue: Token, a: int, b: int) -> tuple[int, int] | None:
    """The characters of the clause [a, b] trimmed (trim), never over a line break: the
    parser sometimes joins the paragraph after a closing mark to the sentence before it."""
    r = trim(doc, *within_cue_brackets(doc, cue, a, b), cue)
    if r is None:
        return None
    a, b = r
    s, e = doc[a].idx, doc[b].idx + len(doc[b])
    if "\n" in text[min(s, cue.idx) : max(s, cue.idx)]:
        return None
    cut = text.find("\n", s, e)
    if cut >= 0:
        while b > a and doc[b].idx >= cut:
            b -= 1
        r = trim(doc, a, b, cue)
        if r is None:
            return None
        a, b = r
        s, e = doc[a].idx, doc[b].idx + len(doc[b])
    if b - a < 1:
        return None  # a one-word "clause" is parser noise
    s = from_open_mark(text, s, e)
    return s, through_open_mark(text, s, e)


def _nested_cut(doc: Doc, out: list[RawQuote]) -> list[RawQuote]:
    """An indirect quote holding another report's cue: the outer clause stops where
    the inner report's phrase begins ("he lost control, with some local press claiming
    ...", "he can declare an emergency, which he said would ..."); when nothing of its
    own is left (the whole content is the inner report) the outer quote goes."""
    if len(out) < 2:
        return out
    keep: list[RawQuote] = []
    for q in out:
        inner = [r for r in out if r is not q and r.cue_tok is not None and q.start <= r.cue_tok.idx < q.end
                 and r.cue_tok.lower_ != "according"]
        if not inner:
            keep.append(q)
            continue
        end = _end_before(doc, q, inner)
        if end is not None:
            keep.append(replace(q, end=end))
    return keep


def _end_before(doc: Doc, q: RawQuote, inner: list[RawQuote]) -> int | None:
    """Where ``q`` ends before the phrases of the reports ``inner`` (None: nothing is left)."""
    cut = q.end
    for r in inner:
        x = r.cue_tok
        assert x is not None  # inner holds quotes with a cue only
        # climb through the preposition that carries the report ("with X claiming")
        while x.head.i != x.i and x.dep_ in ("pcomp", "pobj") and q.start <= x.head.idx < q.end:
            x = x.head
        cut = min(cut, x.left_edge.idx)
    span = doc.char_span(q.start, cut, alignment_mode="contract") if cut > q.start else None
    if span is None or len(span) == 0:
        return None
    b = span.end - 1
    while b >= span.start and (doc[b].is_punct or doc[b].is_space or doc[b].pos_ in ("CCONJ", "ADP", "SCONJ")
                               or doc[b].tag_ in ("WDT", "WP")):
        b -= 1
    if b - span.start < 1:
        return None  # nothing of its own: the inner report is the content
    return doc[b].idx + len(doc[b])
