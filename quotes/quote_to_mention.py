"""Stage 1 of attribution: from a quote to the mention of its speaker.

The cue's grammatical subject first, then the names and descriptions in the reporter's
frame around the quote when the parse lost the subject, then the quote before for
continued paragraphs; each decision is named (sieves.SIEVES) and becomes the first step of
the quote's evidence chain.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from .entities import Resolved, _clean_name, entity_end
from .frames import (
    follows_comma,
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
    GROUP_NOUNS,
    MAKER_NOUNS,
    ORG_NOUNS,
    PERSON_NOUNS,
    QUOTE_VERBS,
    REPORT_VERBS,
    THING_PRONOUNS,
    VOICE_NOUNS,
    WEAK_CUE_VERBS,
)
from .registry import Registry
from .sieves import on as sieve_on

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from .frames import RawQuote

_PARTICIPLE_DEPS = ("advcl", "xcomp", "conj", "dep", "pcomp", "acl", "parataxis")


def _speech_head(tok: Token, limit: int = 5) -> Token | None:
    """The nearest speech verb above tok (not tok itself), or None."""
    for _ in range(limit):
        if tok.head.i == tok.i:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in QUOTE_VERBS and tok.lemma_.lower() not in WEAK_CUE_VERBS:
            return tok
    return None


class _Checker:
    def __init__(self, reg: Registry, q: RawQuote) -> None:
        self.reg, self.q = reg, q

    def bad(self, tok: Token | None) -> bool:
        """A speaker token inside the quote itself or inside any quotation marks."""
        return tok is None or (self.q.start <= tok.idx < self.q.end) or self.reg.is_quoted(tok.idx)


def choose_subject(q: RawQuote, reg: Registry) -> tuple[Token | None, str]:
    """The speaker token for a raw quote: the detector's subject, checked.

    - a subject inside the quote or inside quotation marks is not the speaker ("Coles ...
      reported that ..., "many stores are ..."" has no speaker "many stores");
    - a participle cue hanging off a verb inside someone's reported clause speaks for
      that someone ("X acknowledged Y had done Z, blaming W"; "..., while noting ...");
    - a cue without a subject may have it after the verb (""...," tweeted Mayor Sadiq
      Khan") or inherit the subject of a speech verb above it.
    """
    chk = _Checker(reg, q)
    subj, cue = q.subj_tok, q.cue_tok
    if q.kind == "direct" and cue is not None:
        v = None
        if cue.idx < q.start and (cue.dep_ == "relcl" or any(
                c.tag_ in ("WDT", "WP") and c.dep_ in ("dobj", "nsubj", "nsubjpass") for c in cue.children)):
            # 'X commented on the matter — which the BBC noted as unusual — "..."'
            v, via = _speech_head(cue), "cue.climbed_subject"
        if v is not None and sieve_on(via):
            s = own_subject(v)
            if s is not None and not chk.bad(s):
                q.cue_tok, q.cue_text, q.cue_start = v, v.text, v.idx
                q.sieve = via
                return s, "climbed"
    if cue is None:
        return subj, "" if not chk.bad(subj) or subj is None else "bad"
    own = own_subject(cue) if cue.pos_ in ("VERB", "AUX") else None
    weak_cue = cue.lemma_.lower() == "go" and not any(c.lemma_.lower() == "say" for c in cue.children)
    if (own is None and cue.tag_ == "VBG" and cue.dep_ in _PARTICIPLE_DEPS) or weak_cue:
        v = _speech_head(cue)
        if v is not None and v.dep_ == "relcl" and restrictive_relative(v) and follows_comma(cue):
            v = None  # 'an architect who said he was stiffed, saying ...': see subject_of
        if v is not None and v.i != cue.i:
            s = own_subject(v)
            if s is not None and not chk.bad(s) and (subj is None or s.i != subj.i) and sieve_on("cue.climbed_subject"):
                q.sieve = "cue.climbed_subject"
                return s, "climbed"
    if (subj is not None and not chk.bad(subj) and (q.kind == "direct" or cue.idx < q.start)
            and (_not_a_speaker(subj) or subj.lower_ in THING_PRONOUNS)):
        # 'said that her campaign would continue "to break barriers"', 'said that fact speaks
        # volumes about "..."': a thing doing the inner verb inside someone's report; the
        # fragment is the reporter's source's words
        v = _speech_head(cue)
        s = own_subject(v) if v is not None and v.lemma_.lower() in REPORT_VERBS else None
        if s is None and v is not None:
            s = subject_of(v)
        if s is not None and v is not None and not chk.bad(s) and sieve_on("cue.climbed_subject"):
            q.cue_tok, q.cue_text, q.cue_start = v, v.text, v.idx
            q.sieve = "cue.climbed_subject"
            return s, "climbed"
    cue_inside = q.start <= cue.idx < q.end
    direct_subject = subj is not None and subj.head.i == cue.i  # a span that overshoots onto "X said"
    if subj is not None and (reg.is_quoted(subj.idx) or (not cue_inside and not direct_subject and chk.bad(subj))):
        s, via = (_climbed_subject(cue, chk) if sieve_on("cue.climbed_subject") else None), "cue.climbed_subject"
        if s is None and sieve_on("cue.sentence_subject"):
            s, via = _sentence_subject(cue, chk), "cue.sentence_subject"
        if s is not None:
            q.sieve = via
        return (s, "climbed") if s is not None else (None, "bad")
    if subj is None and cue.pos_ in ("VERB", "AUX"):
        # inversion after a closing mark: '"...", tweeted Mayor of London Sadiq Khan'
        doc = cue.doc
        prev = doc[cue.i - 1] if cue.i > 0 else None
        if prev is not None and (prev.is_quote or prev.is_punct) and sieve_on("cue.inverted_subject"):
            for t in doc[cue.i + 1 : min(len(doc), cue.i + 10)]:
                if t.is_punct or t.is_quote or t.is_sent_start:
                    break
                if t.ent_type_ in ("PERSON", "ORG"):
                    q.sieve = "cue.inverted_subject"
                    return doc[entity_end(doc, t.i)], "inverted"
        s = _climbed_subject(cue, chk) if sieve_on("cue.climbed_subject") else None
        if s is not None:
            q.sieve = "cue.climbed_subject"
            return s, "climbed"
        # '"...," Bozell answers.' with the name misparsed (as a compound of the verb)
        names = [t for t in doc[max(0, cue.i - 4) : cue.i] if t.pos_ == "PROPN" and not chk.bad(t)]
        if (names and names[-1].i == cue.i - 1 and (doc[names[0].i - 1].is_quote or doc[names[0].i - 1].is_punct)
                and sieve_on("cue.inverted_subject")):
            q.sieve = "cue.inverted_subject"
            return names[-1], "inverted"
        # 'In a statement, her adviser, Jake Sullivan, said: "..."' with the name hung elsewhere
        name = _apposed_name_before(cue)
        if name is not None and not chk.bad(name) and sieve_on("cue.apposed_name"):
            q.sieve = "cue.apposed_name"
            return name, "inverted"
        s = _sentence_subject(cue, chk) if sieve_on("cue.sentence_subject") else None
        if s is not None:
            q.sieve = "cue.sentence_subject"
            return s, "climbed"
    return subj, ""



def _apposed_name_before(cue: Token) -> Token | None:
    """The name set off by commas right before a subjectless cue (', Jake Sullivan, said'),
    or before the description that follows it (', Col. Steven Warren, a spokesman, said')."""
    doc = cue.doc
    k = cue.i - 1
    if k < 2 or doc[k].text != ",":
        return None
    name = _name_ending_at(doc, k - 1)
    if name is not None:
        return name
    # ', Levine, who has given money to Rubio, said': the name the relative clause describes
    relative = next((a for a in [doc[k - 1], *doc[k - 1].ancestors] if a.dep_ == "relcl"), None)
    if (relative is not None and relative.right_edge.i == k - 1 and relative.head.ent_type_ == "PERSON"
            and relative.left_edge.i >= 1 and doc[relative.left_edge.i - 1].text == ","):
        return relative.head
    j = k - 1  # a description: no verb, no name, at most eight words
    while j > 0 and doc[j].text != "," and k - j <= 9 and doc[j].pos_ not in ("VERB", "AUX") \
            and doc[j].ent_type_ != "PERSON":
        j -= 1
    return _name_ending_at(doc, j - 1) if j < k - 1 and doc[j].text == "," else None


def _name_ending_at(doc: Doc, i: int) -> Token | None:
    """doc[i] when it ends a person's name (titles and initials allowed) set off by a comma."""
    if i < 1 or doc[i].ent_type_ != "PERSON":
        return None
    j = i
    while j >= 0 and (doc[j].ent_type_ == "PERSON" or doc[j].pos_ == "PROPN" or doc[j].text == "."):
        j -= 1
    return doc[i] if j >= 0 and doc[j].text == "," else None



def _not_a_speaker(tok: Token) -> bool:
    """A common noun for a thing ("the turmoil", "the tone", "her campaign"), not a person,
    a group of people or an organisation."""
    lemma = tok.lemma_.lower()
    return (tok.pos_ == "NOUN" and not tok.ent_type_ and lemma not in PERSON_NOUNS and lemma not in GROUP_NOUNS
            and lemma not in ORG_NOUNS and lemma not in AUTHORED_DOC_NOUNS and lemma not in MAKER_NOUNS
            and lemma not in VOICE_NOUNS and not lemma.endswith(AGENT_SUFFIXES)
            and not any(c.ent_type_ in ("PERSON", "ORG") for c in tok.children if c.dep_ in ("compound", "appos")))


# People and media the role lists leave out: a reporter, an activist, a historian, the
# crowd, the press. (-er/-or also catch some things, "the number"; those stay speakers,
# as they were before this test existed.)


def _climbed_subject(cue: Token, chk: _Checker) -> Token | None:
    """The first usable subject of the speech verbs above ``cue``, or None."""
    v = _speech_head(cue)
    while v is not None:
        s = own_subject(v)
        if s is not None and not chk.bad(s):
            return s
        v = _speech_head(v)
    return None


def _sentence_subject(cue: Token, chk: _Checker) -> Token | None:
    """'Mr. Trump hardly clarified the matter, treating ... -- "A" -- and asserting, "B"': a
    subjectless participle the parser hung inside a quote (or nowhere) speaks for the
    subject its sentence opened with."""
    if cue.tag_ != "VBG" or own_subject(cue) is not None:
        return None
    for t in cue.sent:
        if t.i >= cue.i:
            break
        if t.dep_ in ("nsubj", "nsubjpass") and t.pos_ in ("PROPN", "PRON", "NOUN") and not chk.bad(t):
            return t
    # 'Trump defended eminent domain, calling it "..."' with no subject in the parse: the
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
    """The words of a speaker phrase up to its first comma or stop ('Gene Sperling, a
    top adviser, ...' -> Gene Sperling), at most eight, never holding a verb or pronoun."""
    out: list[Token] = []
    for t in tokens:
        if t.text in _FRAME_STOP or t.is_quote or t.is_space or len(out) >= 8:
            break
        if t.pos_ in ("VERB", "AUX", "ADP", "PRON", "SCONJ", "CCONJ") and t.text[:1].islower():
            break
        out.append(t)
    return out


def _frame_speaker(q: RawQuote, reg: Registry) -> Resolved | None:
    """The speaker of '"...," Gene Sperling, a top adviser, said' or '"...," said Skelly,
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
        # '"...," screenwriter Cole Haddon wrote': the words between mark and cue are the
        # speaker, whatever tags the parser gave them ('screenwriter' as a verb)
        phrase = lead
    elif lead:
        phrase = _frame_phrase(between[between.index(lead[0]) :])
    else:
        phrase = _frame_phrase(doc[cue.i + 1 : cue.i + 10])
    if not phrase or any(reg.is_quoted(t.idx) for t in phrase):
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


def resolve_quotes(raws: list[RawQuote], reg: Registry) -> None:
    """Set q.resolved on every raw quote (inherited quotes take their source's)."""
    order = sorted(range(len(raws)), key=lambda k: raws[k].start)
    subjects: dict[int, Token | None] = {}  # the mention head stage 1 chose, per raw quote
    for i, q in enumerate(raws):
        if q.inherit_from >= 0:
            continue
        if q.speaker_text:
            e = reg._find(q.speaker_text, "PERSON", 0) or reg._find(q.speaker_text, "ORG", 0)
            if e is not None:
                q.resolved = Resolved(e.name, e.kind, -1, -1, "name", e)
            else:
                words = q.speaker_text.split()
                kind = "PERSON" if words and words[0][:1].islower() or len(words) <= 3 else "ORG"
                q.resolved = Resolved(q.speaker_text, kind, -1, -1, "description")
            continue
        subj, why = choose_subject(q, reg)
        subjects[i] = subj
        if subj is None:
            framed = _frame_speaker(q, reg)
            if framed is not None and sieve_on(_framed_sieve(framed)):
                q.resolved, q.sieve = framed, _framed_sieve(framed)
                continue
        q.resolved = reg.resolve(subj) if subj is not None else Resolved()
        if not q.resolved.name and q.resolved.how != "pronoun":
            framed = _frame_speaker(q, reg)  # 'said the 46-year-old.'
            if framed is not None and sieve_on(_framed_sieve(framed)):
                q.resolved, q.sieve = framed, _framed_sieve(framed)
        if why in ("climbed", "inverted") and q.resolved.how == "name":
            q.resolved.how = "climbed"
    for q in raws:
        if q.inherit_from >= 0:
            src = raws[q.inherit_from]
            seen = 0
            while src.inherit_from >= 0 and src.resolved is None and seen < len(raws):
                src = raws[src.inherit_from]
                seen += 1
            q.resolved = src.resolved or Resolved()
            if not q.cue_text:
                q.cue_tok, q.cue_text, q.cue_start = src.cue_tok, src.cue_text, src.cue_start
    for a, b in zip(order, order[1:]):
        _continue_previous_speaker(raws[a], raws[b], subjects.get(b), reg)


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


def _continue_previous_speaker(before: RawQuote, q: RawQuote, subj: Token | None, reg: Registry) -> None:
    """The role.previous_speaker sieve: see _continuing_description."""
    r, prev = q.resolved, before.resolved
    if r is None or r.how != "description" or prev is None or subj is None or not sieve_on("role.previous_speaker"):
        return
    e = prev.entity
    if e is None or e.kind != "PERSON" or not _continuing_description(subj, q.cue_tok):
        return
    between = reg.text[before.end : q.start]
    if len(between) > 400 or between.count("\n\n") > 1:
        return  # the speaker just before, in this paragraph or the one before it
    # linked through the previous quote's mention, which names the entity ("name" then says how)
    q.resolved = Resolved(e.name, e.kind, r.mention_start, r.mention_end, "name", e, link="role.previous_speaker",
                          antecedent_start=prev.mention_start, antecedent_end=prev.mention_end)
