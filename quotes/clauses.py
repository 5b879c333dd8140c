"""Reported clauses in the parse: helpers of quotes/indirect.py.

Which complement of a communication verb is a finite clause (also where the parser took it
for a conjunct, an object's relative clause, or the other way round: the cue as the clause's
parenthesis or complement), where it starts and ends, and where the reporter's own words
after it begin. Plain functions of spaCy tokens.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, NamedTuple

from .lexicon import (
    CONTRAST_WORDS,
    DASH_MARKS,
    MANDATIVE_VERBS,
    NEGATIVE_DETERMINERS,
    NEGATIVE_SUBJECTS,
    NOMINATIVE_PRONOUNS,
    RELATIVE_PRONOUNS,
    THIRD_SINGULAR_SUBJECTS,
    TRAILING_BACKGROUND,
    WH_WORDS,
)
from .set_off import subject_apposed_before_cue

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

SUBJ = {"nsubj", "nsubjpass", "expl", "csubj"}


def _that_clause(head: Token) -> bool:
    """'says that after the floods of last spring, Okafor, a retired nurse, was
    ready': a finite clause opened by "that" whose subject the parser lost."""
    return head.dep_ == "ccomp" and head.tag_ in ("VBD", "VBZ", "VBP", "MD") and any(
        c.dep_ == "mark" and c.lower_ == "that" and c.i == head.left_edge.i for c in head.children)


def finite_clause(head: Token) -> bool:
    children = list(head.children)
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in children):
        return False  # infinitival directive: "urged the embassy to reconsider"
    if not any(c.dep_ in SUBJ for c in children) and not any(
        c.dep_ in ("aux", "auxpass") and any(g.dep_ in SUBJ for g in c.children) for c in children
    ) and not _that_clause(head):  # "he can and may declare", "the border was closed": the subject may hang from an auxiliary
        return False
    first = head.left_edge
    if first.lower_ in WH_WORDS and first.dep_ in ("advmod", "mark", "dobj", "nsubj", "attr"):
        # "how the attack unfolded" is an indirect question, "that"-less clauses are fine
        if first.lower_ != "that":
            return False
    return head.pos_ in ("VERB", "AUX") or any(c.dep_ in ("aux", "auxpass", "cop") for c in children) or head.tag_.startswith("VB")


def side_tokens(clause_head: Token, verb: Token) -> tuple[int, int] | None:
    """The clause's tokens on its own side of the cue verb, as a contiguous range."""
    sub = sorted(t.i for t in clause_head.subtree)
    if verb in clause_head.subtree:  # "The plan failed, he said": the cue hangs from its clause
        own = {t.i for t in verb.subtree}
        sub = [i for i in sub if i not in own]
    if clause_head.i > verb.i:
        sub = [i for i in sub if i > verb.i]
    else:
        sub = [i for i in sub if i < verb.i]
    if not sub:
        return None
    # keep the contiguous run around the head
    lo = hi = sub.index(clause_head.i) if clause_head.i in sub else 0
    while lo > 0 and sub[lo - 1] == sub[lo] - 1:
        lo -= 1
    while hi < len(sub) - 1 and sub[hi + 1] == sub[hi] + 1:
        hi += 1
    return sub[lo], sub[hi]


def trim(doc: Doc, a: int, b: int, verb: Token | None = None) -> tuple[int, int] | None:
    """Strip 'that', wh-relatives, punctuation and trailing background from tokens [a, b]."""
    while a <= b and (doc[a].is_punct or doc[a].is_space or (doc[a].lower_ == "that" and doc[a].dep_ == "mark")
                      or doc[a].tag_ in ("WDT",) or doc[a].dep_ == "cc"):
        a += 1
    while b >= a and (doc[b].is_punct or doc[b].is_space or doc[b].dep_ == "cc"):
        b -= 1
    if a > b:
        return None
    # ", which was one of his campaign promises": background reaching the clause end
    for i in range(a + 1, b + 1):
        t = doc[i]
        if doc[i - 1].text == "," and t.lower_ in TRAILING_BACKGROUND:
            right = max(x.i for x in t.head.subtree) if t.dep_ in ("nsubj", "mark", "prep", "advmod", "dobj", "nsubjpass") else t.right_edge.i
            # "..., which he is to present on October 14, the same day the Queen ...": a
            # noun phrase in apposition after the background is background too
            if right + 2 <= b and doc[right + 1].text == ",":
                tail = [x for x in doc[right + 2 : b + 1] if not (right + 2 <= x.head.i <= b) or x.head.i == x.i]
                if len(tail) == 1 and tail[0].dep_ in ("npadvmod", "appos") and tail[0].right_edge.i >= b - 1:
                    right = b
            if right >= b - 1 and not (verb is not None and verb.lower_ == "according" and t.lower_ == "according"):
                b = i - 2
                while b >= a and (doc[b].is_punct or doc[b].is_space):
                    b -= 1
                break
    if a > b:
        return None
    return a, b


_FINITE_TAGS = {"VBD", "VBZ", "VBP", "MD"}


def subjunctive(head: Token) -> bool:
    """A bare subjunctive clause with its own subject: "(ordered) the accused remain",
    "(demanded) the square be cleared"; not "he remains", "they will stay" or "to leave".
    A base form after a singular noun or he/she/it ("the accused remain") cannot be present
    tense, which the tagger may take it for."""
    subj = [c for c in head.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subj:
        return False
    aux = [c for c in head.children if c.dep_ in ("aux", "auxpass")]
    if aux:
        return len(aux) == 1 and aux[0].lower_ == "be"
    if head.tag_ == "VB":
        return True
    singular = subj[0].tag_ in ("NN", "NNP") or subj[0].lower_ in THIRD_SINGULAR_SUBJECTS
    return head.tag_ == "VBP" and singular


def is_finite(head: Token) -> bool:
    return head.tag_ in _FINITE_TAGS or any(c.dep_ in ("aux", "auxpass") and c.tag_ in _FINITE_TAGS for c in head.children)


def object_subject(verb: Token, head: Token) -> Token | None:
    """The parser sometimes takes a that-less clause's subject for the verb's object
    ("He remarked [toilet paper] is a bulky item", "has promised [each victim] will be
    ..."): the object sits right before a finite, subjectless complement (or, after a
    directive, a bare subjunctive: "requested [the company] pay for the damage")."""
    subjunctive = verb.lemma_.lower() in MANDATIVE_VERBS and head.tag_ in ("VB", "VBP")
    if head.i < verb.i or any(c.dep_ in SUBJ for c in head.children) or not (is_finite(head) or subjunctive):
        return None
    if any(c.dep_ == "aux" and c.tag_ == "TO" for c in head.children):
        return None
    for c in verb.children:
        if c.dep_ in ("dobj", "dative") and verb.i < c.i < head.i and _only_adjuncts_between(verb, c, head):
            # a noun, or a participle or adjective made one by its article ("the accused remain")
            nominal = c.pos_ in ("NOUN", "PROPN") or (c.tag_ in ("VBN", "JJ") and any(d.dep_ == "det" for d in c.children))
            if nominal and c.left_edge.i > verb.i:
                return c
    return None


# What the parser may hang on the verb between such an object and its clause, which belongs to
# the clause ("commented the president's tweets Monday are likely ...", "reported Netflix Japan
# due to Kimura's death have delayed ..."): a finite clause without a subject needs that object.
_ADJUNCT_DEPS = ("npadvmod", "prep", "advmod")


def _only_adjuncts_between(verb: Token, obj: Token, head: Token) -> bool:
    gap = range(obj.right_edge.i + 1, head.left_edge.i)
    if not gap:
        return True
    covered: set[int] = set()
    for x in verb.children:
        if x.i in gap and x.dep_ in _ADJUNCT_DEPS:
            covered.update(t.i for t in x.subtree)
    return all(i in covered for i in gap)


def relative_gap(verb: Token, head: Token) -> bool:
    """"the 38 countries they said were involved": a report verb in a relative clause without
    a relativiser, whose finite complement right after it lacks the subject the relative
    took away (the noun before; the span starts at the complement's verb)."""
    return (verb.dep_ == "relcl" and head.dep_ == "ccomp" and head.head.i == verb.i
            and head.left_edge.i == verb.i + 1 and is_finite(head)
            and not any(c.dep_ in SUBJ for c in head.children))


def _object_right_before(verb: Token, head: Token) -> bool:
    """The verb's object is the subject of ``head`` right after it ("maintained [an inquiry] is
    what ..."), not an object with a phrase of its own ("accused the mayor of hinting ... were")."""
    obj = object_subject(verb, head)
    return obj is not None and obj.right_edge.i + 1 == head.left_edge.i


def misparsed_clauses(verb: Token) -> list[Token]:
    """A that-less complement parsed as a conjunct: "indicated on Twitter the baby girl
    was critically ill" (no "and" or comma between the verb and the clause)."""
    out: list[Token] = []
    doc = verb.doc
    for c in verb.children:
        # "has maintained an inquiry is what ...": the clause's subject taken for the object
        if c.dep_ != "conj" or c.i < verb.i or not (any(x.dep_ in SUBJ for x in c.children) or _object_right_before(verb, c)):
            continue
        between = doc[verb.i + 1 : c.left_edge.i]
        if any(t.dep_ == "cc" or t.is_punct for t in between):
            continue
        if any(x.dep_ == "cc" for x in c.children if x.i < c.i):
            continue
        if is_finite(c):
            out.append(c)
    # "upon announcing to journalists Adamowicz remained alive": the clause right after
    # the cue's phrase hung higher up the tree
    if not any(c.dep_ in ("ccomp", "dobj") for c in verb.children):
        nxt = verb.right_edge.i + 1
        if nxt < len(doc) and doc[nxt].dep_ == "nsubj" and doc[nxt].sent.start == verb.sent.start:
            h = doc[nxt].head
            if (h.i > nxt and h.dep_ in ("advcl", "conj", "parataxis") and h.left_edge.i == nxt
                    and verb.i in {a.i for a in h.head.subtree} and h not in verb.ancestors
                    and is_finite(h) and not any(c.dep_ == "mark" for c in h.children)):
                out.append(h)
    # "informed police she had diplomatic immunity": the clause taken for a relative
    # clause of the object (no relativiser, a nominative pronoun as its subject)
    if not any(c.dep_ == "ccomp" for c in verb.children):
        for d in verb.children:
            if d.dep_ not in ("dobj", "dative") or d.i < verb.i:
                continue
            for r in d.children:
                if r.dep_ != "relcl" or r.left_edge.i != d.i + 1:
                    continue
                subj = [x for x in r.children if x.dep_ in ("nsubj", "nsubjpass")]
                if subj and subj[0].lower_ in NOMINATIVE_PRONOUNS and subj[0].i == r.left_edge.i and is_finite(r):
                    out.append(r)
    return out


def parenthetical(verb: Token) -> tuple[int, int] | None:
    """'In between, she testified, she was gang raped ...' / 'The economy, he said, is
    weak': a cue set off by commas inside the clause it reports. The span starts after the
    parenthesis when the clause's subject follows it, else it is the whole clause (cue inside)."""
    doc = verb.doc
    head = verb.head
    # "The dam, says the report, will hold": the parser may hang the clause's subject on the cue
    vsubj = sorted((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: c.i)
    if len(vsubj) == 2 and vsubj[0].i < verb.i < vsubj[1].i < head.i and _comma_after(vsubj[0]) and _comma_after(verb):
        stolen = vsubj[0]
        if is_finite(head) and not any(c.dep_ in SUBJ for c in head.children):
            return stolen.left_edge.i, head.right_edge.i
        return None
    if verb.dep_ != "parataxis" or head.i <= verb.i or not finite_clause(head) or not is_finite(head):
        return None
    # the parenthesis is the subject and the verb, in either order ("In between" may hang from
    # the verb too; "The bridge, said the engineer, would need ...")
    if not vsubj:
        return None
    lo = min(verb.i, vsubj[0].left_edge.i)
    hi = max([verb.i] + [t.i for c in verb.children if c.i > verb.i and not c.is_punct for t in c.subtree])
    if lo == 0 or hi + 1 >= len(doc) or doc[lo - 1].text != "," or doc[hi + 1].text != ",":
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None
    subj = [c for c in head.children if c.dep_ in SUBJ]
    if not subj:
        return None
    if subj[0].i > hi and not _clause_before(doc, head.left_edge.i, lo - 1):
        return hi + 2, head.right_edge.i
    return head.left_edge.i, head.right_edge.i


class TakenSubject(NamedTuple):
    clause: Token  # the head of the clause the cue reports
    span: tuple[int, int]  # its tokens, from the subject the cue took to its end (the cue inside)
    speaker: Token


def subject_taken_by_cue(verb: Token) -> TakenSubject | None:
    """A cue set off by commas inside the clause it reports, parsed with that clause's subject
    on the cue and the clause after the cue left without one: 'The new rules, the ministry said
    in a statement, will take effect' (two subjects on the cue, the nearer speaks), 'The mayor,
    Tom Hale wrote, is a careful man' (the speaker an apposition of the clause's subject)."""
    doc = verb.doc
    subj = sorted((c for c in verb.children if c.dep_ == "nsubj"), key=lambda c: c.i)
    apposed = subject_apposed_before_cue(verb)
    if len(subj) == 2 and subj[1].i < verb.i:
        taken, speaker = subj
        if not (taken.right_edge.i + 1 == speaker.left_edge.i - 1 and doc[taken.right_edge.i + 1].text == ","):
            return None
    elif len(subj) == 1 and apposed is not None:
        taken, speaker = apposed
    else:
        return None
    # the clause after the comma that closes the cue: its object clause, or the clause the parse
    # hung the cue on
    after = [c for c in verb.children if c.dep_ == "ccomp" and c.i > verb.i and doc[c.left_edge.i - 1].text == ","]
    if verb.dep_ == "parataxis" and verb.head.i > verb.i and "," in (doc[verb.right_edge.i].text, doc[verb.right_edge.i + 1].text):
        after.append(verb.head)
    clause = next((c for c in after if is_finite(c) and not any(x.dep_ in SUBJ for x in c.children)), None)
    if clause is None:
        return None
    return TakenSubject(clause, (taken.left_edge.i, clause.right_edge.i), speaker)


def relative_parenthetical(verb: Token) -> tuple[int, int] | None:
    """'The driver, who, police said, had been drinking, was held': a cue set off by commas
    right after a relative pronoun. What it reports is the relative clause's predicate after
    the second comma (a finite verb phrase whose subject is the pronoun), as in 'who police
    said had been drinking'; the range of that predicate, else None."""
    doc = verb.doc
    subj = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subj is None or subj.pos_ == "PRON" and subj.lower_ in RELATIVE_PRONOUNS:
        return None
    lo = subj.left_edge.i
    start = verb.i + 2
    if (lo < 2 or doc[lo - 1].text != "," or doc[lo - 2].lower_ not in RELATIVE_PRONOUNS
            or start >= verb.sent.end or doc[verb.i + 1].text != ","):
        return None
    if any(c.dep_ in ("ccomp", "xcomp") or c.dep_ == "dobj" and c.i > verb.i for c in verb.children):
        return None
    # the predicate: the highest verb above the word right after the comma, not before it
    pred = doc[start]
    while pred.head.i >= start and pred.head.pos_ in ("VERB", "AUX") and pred.head.i != pred.i:
        pred = pred.head
    # finite, or a past form the tagger took for a participle ('which, they observed, formed ...');
    # no subject but the relative pronoun
    if pred.pos_ not in ("VERB", "AUX") or not (is_finite(pred) or pred.tag_ == "VBN"):
        return None
    if any(c.dep_ in SUBJ and c.i != lo - 2 for c in pred.children):
        return None
    return start, pred.right_edge.i


def _comma_after(tok: Token) -> bool:
    """Whether a comma ends the phrase of ``tok`` (the parser may hang it on the phrase or not)."""
    doc, k = tok.doc, tok.right_edge.i
    return doc[k].text == "," or (k + 1 < len(doc) and doc[k + 1].text == ",")


def _clause_before(doc: Doc, a: int, b: int) -> bool:
    """Whether tokens [a, b], before a parenthetical cue, hold a clause of their own ("Because
    warm water is buoyant, says the study, it rises"): then they are part of what is reported,
    not a scene-setting adverbial ("In between, she testified, she was ...")."""
    return any(t.pos_ in ("VERB", "AUX") and is_finite(t) and any(c.dep_ in SUBJ for c in t.children)
               for t in doc[a : b + 1])


def preposed_cue(verb: Token) -> tuple[int, int] | None:
    """'Deutsche Welle (DW) reported in mid-2019, 62 Tesco outlets had closed ...': the
    parser makes the opening report a clausal complement of the reported clause."""
    doc = verb.doc
    head = verb.head
    if verb.dep_ != "ccomp" or head.i <= verb.i or verb.left_edge.i != verb.sent.start:
        return None
    if not any(c.dep_ == "nsubj" and c.i < verb.i for c in verb.children):
        return None
    if any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in verb.children):
        return None
    hi = verb.right_edge.i
    while hi > verb.i and doc[hi].is_punct:
        hi -= 1
    if hi + 1 >= len(doc) or doc[hi + 1].text != ",":
        return None
    subj = [c for c in head.children if c.dep_ in SUBJ]
    if not subj or subj[0].i <= hi + 1 or not finite_clause(head) or not is_finite(head):
        return None
    return hi + 2, head.right_edge.i


_PRESENT = {"VBZ", "VBP"}


def present_continuation(verb: Token, b: int) -> int:
    """'He remarked toilet paper is a bulky item, ..., and, when sold out, leaves vast shelf
    spaces empty' / 'stated the purchase was financed by a loan, so it is not a burden': a
    present-tense clause the parser hangs from a past-tense cue, right after the reported
    clause, continues the report (the reporter's narration stays in the past): a conjunct
    without a subject of its own, or a "so" clause."""
    if verb.tag_ != "VBD":
        return b
    doc = verb.doc
    for c in verb.children:
        if c.i <= b or c.dep_ not in ("conj", "advcl"):
            continue
        lo = c.left_edge.i
        if lo <= b or not all(t.is_punct or t.dep_ == "cc" for t in doc[b + 1 : lo]):
            continue
        if any(x.dep_ == "mark" and x.i < c.i and x.lower_ != "so" for x in c.children):
            continue  # "because ...", "while ...": the reporter's own linking
        if c.dep_ == "conj" and any(x.dep_ in SUBJ for x in c.children):
            continue  # "..., and the cut is weighing on the harbour towns": the reporter's own clause
        present = c.tag_ in _PRESENT or any(x.dep_ in ("aux", "auxpass") and x.tag_ in _PRESENT for x in c.children)
        if present:
            return c.right_edge.i
    return b


def resumed_after_cue(verb: Token, b: int) -> int:
    """'The repairs would be slowed, Marsh said, by the winter weather': the
    cue set off by commas inside its clause, which the parser finishes on the cue. The
    span runs to the sentence's end, cue inside (as with "X, according to Y, Z")."""
    doc = verb.doc
    if not (b + 1 < verb.i and doc[b + 1].text == ","):
        return b
    own = [verb.i] + [t.i for c in verb.children if c.dep_ in ("nsubj", "prt") and c.i > verb.i for t in c.subtree]
    hi = max(own)
    if hi + 2 >= len(doc) or doc[hi + 1].text != "," or doc[hi + 2].sent.start != verb.sent.start:
        return b
    rest = [c for c in verb.children if c.i > hi + 1 and not c.is_punct]
    if verb.dep_ == "parataxis" and verb.head.i < verb.i:
        # 'Prices have risen, she says, mostly in ...': the parser keeps the rest on the clause
        rest = sorted(rest + [c for c in verb.head.children if c.i > hi + 1 and not c.is_punct], key=lambda c: c.i)
    if not rest or rest[0].left_edge.i != hi + 2 or any(c.dep_ not in ("prep", "advmod", "npadvmod") and not _infinitive(c)
                                                         for c in rest):
        return b  # "..., the museum announced, drawing 3,000 visitors": the reporter's addition
    end = max(c.right_edge.i for c in rest)
    if doc[rest[0].i].lower_ in TRAILING_BACKGROUND:
        return b
    return end


def _infinitive(tok: Token) -> bool:
    """'... would be inspected, Jones said, to determine whether ...': an infinitive of purpose
    the parser hung on the cue, which goes on with the clause the cue interrupts."""
    return tok.dep_ in ("xcomp", "advcl") and tok.left_edge.tag_ == "TO" and tok.left_edge.head.i == tok.i


def relative_after_cue(verb: Token, h: Token) -> bool:
    """'Bercow commented on the matter — which the BBC noted as an unusual move —': a
    relative clause after the cue (its relative pronoun inside it) is no report."""
    first = h.left_edge
    return h.i > verb.i and first.i > verb.i and first.tag_ in ("WDT", "WP") and first.lower_ in RELATIVE_PRONOUNS


def contrast_before_cue(doc: Doc, b: int, verb: Token) -> bool:
    """A contrastive word closing the clause before the cue's own phrase."""
    i = b
    while i > 0 and (doc[i].is_punct or doc[i].is_space):
        i -= 1
    if doc[i].lower_ in CONTRAST_WORDS:
        return True
    return any(t.lower_ in CONTRAST_WORDS and t.dep_ in ("advmod", "cc") for t in doc[b + 1 : verb.i])


def reports_its_own_clause_after_a_dash(doc: Doc, b: int, verb: Token) -> bool:
    """'Lowe isn't rattled by the losses — in fact, she said it "humanizes" her': a cue after a
    dash with a clause of its own after it reports that clause; the one before the dash is the
    reporter's (a cue with nothing after it, '— or so Hale said.', still reports what precedes)."""
    return (any(t.text in DASH_MARKS for t in doc[b + 1 : verb.i])
            and any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children))


def cited_source_clause(verb: Token) -> tuple[Token, Token] | None:
    """'The Daily Telegraph cited a security source that mental health may be a factor':
    the cited source said the that-clause (the speaker is the source, not the outlet)."""
    for d in verb.children:
        if d.dep_ != "dobj" or d.pos_ not in ("NOUN", "PROPN") or d.i < verb.i:
            continue
        for c in d.children:
            first = c.left_edge
            if (c.dep_ in ("acl", "relcl") and first.lower_ == "that" and first.dep_ == "mark"
                    and first.i > d.i and is_finite(c)
                    and any(x.dep_ in SUBJ for x in c.children)):
                return d, c
    return None


def split_clause_ends(heads: list[Token]) -> dict[int, int]:
    """'said the sailors freed by the navy were close to ...': the parser splits one
    clause into two complements, the subject with a reduced relative ("released") and a
    subjectless rest ("were ..."). Returns {first head: last token of the rest}."""
    out: dict[int, int] = {}
    ordered = sorted(heads, key=lambda h: h.i)
    for h1, h2 in zip(ordered, ordered[1:]):
        if (h1.right_edge.i + 1 == h2.left_edge.i and h2.left_edge.i == h2.i
                and not any(c.dep_ in SUBJ for c in h2.children)):
            out[h1.i] = h2.right_edge.i
    return out


def negated(verb: Token) -> bool:
    """"did not say", "never said", and a subject that says nobody spoke: "No official said",
    "Neither official said", "Nobody has confirmed" (not "Neither US nor British officials
    named ... they said", where "nor" joins two who did speak)."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    for s in verb.children:
        if s.dep_ != "nsubj":
            continue
        if s.lower_ in NEGATIVE_SUBJECTS:
            return True
        det = [c for c in s.children if c.dep_ == "det" and c.lower_ in NEGATIVE_DETERMINERS
               and not (c.i + 1 < len(c.doc) and c.nbor(1).tag_ in ("JJR", "RBR"))]  # not "No fewer than ten"
        if det and not any(c.dep_ == "cc" for c in s.subtree):
            return True
    return False


def within_cue_brackets(doc: Doc, cue: Token, a: int, b: int) -> tuple[int, int]:
    """'The port reopened (the repairs cost more, a spokesman said) and ...': a cue set in round
    brackets after words of its own there reports those words only; [a, b] is cut to the
    brackets (a > b when none of it is inside). '(or so Hale said)', with nothing before the
    cue and its subject, reports the words outside."""
    lo = _bracket_end(doc, cue.i, -1, "(")
    hi = _bracket_end(doc, cue.i, 1, ")")
    if lo is None or hi is None:
        return a, b
    subject = {t.i for c in cue.children if c.dep_ in SUBJ for t in c.subtree}
    own_words = [t for t in doc[lo + 1 : cue.i] if t.i not in subject and t.pos_ not in ("ADV", "CCONJ", "PUNCT")]
    return (max(a, lo + 1), min(b, hi - 1)) if own_words else (a, b)


def _bracket_end(doc: Doc, i: int, step: int, bracket: str) -> int | None:
    """The index of the bracket that encloses token ``i`` on its side, within its paragraph."""
    i += step
    while 0 <= i < len(doc) and doc[i].text not in ("(", ")") and "\n" not in doc[i].text:
        i += step
    return i if 0 <= i < len(doc) and doc[i].text == bracket else None
