"""Direct and mixed quotes: the words between paired marks, attributed through the
reporter's frame around them (", he said", "X told reporters:", "— Name", the
sentence before), or inherited when a quoted paragraph floats after a quote.

Each quoted span is read once into a Frame (framing.py); its kind (direct or mixed) and
whether it is a quote at all (not a title, a work's name, a fragment no cue holds) are
decided by their own functions; then the sieves of SPEAKER_BEFORE_COLON and DIRECT_SIEVES
(and for quoted words none of them attributes, FIRST_PERSON_FRAGMENT) are asked in order
and the first that decides attributes it. A span no sieve attributes is
not a quote.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

from .according import apposed_name_after, speech_noun_source, words_source
from .agents import may_speak
from .colon_names import (
    after_last_dash,
    capitalised_name,
    clause_speaker,
    label_after_dash,
    label_opening_clause,
    name_before_colon,
    name_before_topic,
    name_known_to_article,
    past_cue_word,
    source_after_from,
)
from .frames import (
    Attribution,
    RawQuote,
    Sieves,
    _is_abbreviation,
    according_to,
    bare_preposition,
    first_decision,
    is_cue,
    own_subject,
    raw_quote,
    sentence_bounds,
    subject_of,
    through_cue,
)
from .framing import (
    WORDS,
    Frame,
    Page,
    as_clause_after,
    closing_report,
    frame_of,
    hangs_from,
    only_linking_words,
    pick_cue,
    read_page,
    tokens_in,
)
from .lexicon import (
    NAMING_VERBS,
    NON_SPEAKER_SUBJECTS,
    PERSON_NOUNS,
    TOPIC_PREPOSITIONS,
    WORK_NOUNS,
    WORK_ROLES,
)
from .marks import MarkSpan
from .named_marks import looks_like_subtitled_title, looks_like_title, looks_like_title_trimmed
from .sieves import on as sieve_on

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_DASH_LINE = re.compile(r"^[—–―-]\s*([^,\n(]+)")


def find_direct(doc: Doc, text: str, marks: list[MarkSpan], paras: list[tuple[int, int]]) -> list[RawQuote]:
    page = read_page(doc, text, marks, paras)
    out: list[RawQuote] = []
    for m in marks:
        frame = frame_of(page, m, out[-1] if out else None, len(out))
        q = _direct_quote(frame) if frame is not None else None
        if q is not None:
            out.append(q)
    return out


def _direct_quote(f: Frame) -> RawQuote | None:
    """The quote of one quoted span: its kind, then the first sieve that attributes it."""
    kind = quote_kind(f)
    found = first_decision(SPEAKER_BEFORE_COLON, f)
    if found is None and is_quote(f, kind):
        found = first_decision(DIRECT_SIEVES, f)
    if found is None:
        found = first_decision(FIRST_PERSON_FRAGMENT, f)
    return None if found is None else raw_quote(f.mark.start, f.mark.end, kind, found)


def quote_kind(f: Frame) -> str:
    """Words built into the reporter's sentence are mixed, a sentence of the speaker's is direct."""
    content, cue = f.content, f.cue
    starts_lower = bool(re.match(r"\W*[a-z]", content)) and not content.startswith("[")
    trailing_text = bool(f.after_words) and (cue is None or cue.i < f.after_words[0].i)
    # 'saying "It is not only ..."': a sentence right after the speech verb is its whole complement
    after_verb = bool(f.before) and cue is not None and f.before[-1].i == cue.i and not starts_lower and f.n_words >= 3
    if f.attached and not after_verb and (
            starts_lower or f.n_words < 5 or not re.search(r"[.!?…]\W*$", content.strip())):
        return "mixed"
    if starts_lower and trailing_text and f.prev_char == ",":
        return "mixed"
    if f.after_colon and cue is None and f.after_words and not re.search(r"[.!?…]\W*$", content.strip()):
        return "mixed"  # 'Ruiz: ‘No Doubt’ The Bridge Will Open': words the sentence after the colon goes on from
    if f.prev_char == "," and (_inside_reported_clause(cue, f.roots, f.mark) or _stranded_preposition(f.before_words)) and (
            starts_lower or not _holds_a_clause(f.roots)):
        # 'said it's naive to expect that if ..., "our rivers will ..."'; a phrase, not a sentence, whatever
        # its capitals: 'impeached for, and convicted of, "Treason, Bribery, or other high Crimes."'
        return "mixed"
    return "direct"


def is_quote(f: Frame, kind: str) -> bool:
    """Not a title, a term or the name of a work; a mixed fragment only where a cue holds it."""
    # a name after a colon that the sentence goes on to use (': "COVID-19" is to replace ...') stays a name
    named_subject = bool(f.after_words) and not is_cue(f.after_words[0]) and f.after_words[0].pos_ in ("VERB", "AUX")
    if _headline_label(f):
        return not _names_a_work(f.content, f.before_words, f.after_words)  # in 'X: ...' capitals are the headline's
    if looks_like_title(f.content) and not (f.prev_char != "" and f.prev_char in (":", ",") and f.cue is not None
                                             and not f.attached and not named_subject):
        return False
    if f.before_words and f.before_words[-1].tag_ == "POS" and looks_like_title_trimmed(f.content):
        return False  # 'star of television's "Harbour Lights,"', 'told NBC's "Meet the Press."': a show's or a work's name
    if f.attached and _object_of_a_preposition(f.before_words) and looks_like_title_trimmed(f.content):
        return False  # 'a reality TV boss on "The Apprentice,"', 'in a clip of "The 411."': a name
    if _names_a_work(f.content, f.before_words, f.after_words) or looks_like_subtitled_title(f.content):
        return False  # 'In his new book, "Harbour Lights," ...', '"Orange Is the New Black" star
    return kind != "mixed" or _holds_fragment(f)


def _headline_label(f: Frame) -> bool:
    """No cue frames the quoted words and a short name and colon open their sentence ('X: ...')."""
    return not f.framed and (f.after_words or not f.after_colon) and label_opening_clause(f.before) is not None


def _holds_fragment(f: Frame) -> bool:
    """A mixed fragment is a quote only inside its cue's clause: hanging (in the parse) from the
    cue or after it in its sentence, and not a name a passive or naming verb gives."""
    if words_source(f.before) is not None or speech_noun_source(f.roots, is_cue, (f.mark.start, f.mark.end)) is not None:
        return True  # 'was, in the words of an aide, "the conscience"', 'his call for "a revolution"'
    cue, roots = f.cue, f.roots
    if cue is None:
        return False
    if any(c.dep_ == "auxpass" for c in cue.children) and not any(c.dep_ == "agent" for c in cue.children):
        return False  # 'was commonly called "swine flu."': a passive with no source
    if cue.lemma_.lower() in NAMING_VERBS and f.content[:1].isupper():
        return False
    if _describes_the_speaker(cue, roots):
        return False
    if cue.lower_ == "according" or hangs_from(cue, roots) or _asyndetic_frame(cue, roots, f.content) \
            or as_clause_after(cue, roots) or closing_report(f):
        return True
    return cue.i < (roots[0].i if roots else 0) and cue.sent == (roots[0].sent if roots else None)


def _describes_the_speaker(cue: Token, roots: Sequence[Token]) -> bool:
    """'said Ana Ruiz, a nurse who waited in an "endless line"': words in marks inside the
    speaker's own noun phrase after the cue, with no cue of their own on the way up to it,
    describe the speaker; the cue does not report them. A subject before the cue is left
    alone: there the parser often takes the reported clause's subject for the speaker."""
    for subject in (c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass") and c.i > cue.i):
        inside = [r for r in roots if subject.left_edge.i <= r.i <= subject.right_edge.i]
        if roots and len(inside) == len(roots) and not any(
                is_cue(t) for r in roots for t in (r, *r.ancestors) if t.i != subject.i and subject in t.ancestors):
            return True
    return False


def _asyndetic_frame(cue: Token, roots: Sequence[Token], content: str) -> bool:
    """'The minister "backs the big landlords," aide X wrote': the parser made the cue
    after the quote a conjunct of the quoted verb, with no "and" or "but" between them; the
    comma inside the marks shows it frames the words as "said" would."""
    return (content.rstrip().endswith(",") and cue.dep_ == "conj" and cue.head in roots
            and not any(c.dep_ == "cc" and c.i < cue.i for c in cue.head.children if c.i > roots[0].i))


# -- the sieves: each reads the frame and returns an Attribution when it decides --------------

# A first-person word: quoted words holding one are somebody's own.
_FIRST_PERSON = re.compile(r"\b(?:I|I['’]m|I['’]ve|I['’]ll|[Ww]e|[Mm]y|[Oo]ur|me|us)\b")


def _first_person_fragment(f: Frame) -> Attribution | None:
    """'Ruiz put the defeat down to "a short campaign, which I never wanted"':
    words in the first person, in marks inside a sentence that no speech verb frames, are the
    words of the subject of the verb they hang from, when that subject can speak."""
    if f.framed or not f.before_words or f.n_words < 3 or not _FIRST_PERSON.search(f.content):
        return None
    if looks_like_title_trimmed(f.content) or _names_a_work(f.content, f.before_words, f.after_words):
        return None
    for root in f.roots:
        verb = _verb_above(root)
        while verb.dep_ == "acl" and verb.head.i != verb.i:
            verb = _verb_above(verb)  # 'lobbied for the power to close the port from "..."': the lobbyist's
        if verb.pos_ not in ("VERB", "AUX") or f.mark.start <= verb.idx < f.mark.end:
            continue
        subject = subject_of(verb)
        if subject is not None and (may_speak(subject) or subject.ent_type_ == "PERSON"):
            return through_cue("fragment.first_person", "cue", verb, subject)
    return None


def _verb_above(tok: Token) -> Token:
    """The nearest verb above ``tok`` (its head's, or further up), else the sentence's top."""
    verb = tok.head
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return verb


def _speaker_before_colon(f: Frame) -> Attribution | None:
    """'Labour strategist Ann Voss: "..."', 'Here's Marsh in 2004: "..."', 'Continued Okafor: "..."'."""
    inverted = f.cue is not None and f.before_words[:1] == (f.cue,)  # the cue is the name's first word
    if not f.after_colon or f.after_words:
        return None
    before = list(f.before)
    if f.framed and not inverted:
        # 'Forecasters agree - Mary Dunmore: "..."': a headline, a dash, then the name the quote is
        # given to; the cue in the headline is the reporter's
        label = after_last_dash(before)
        if len(label) == len(before) or f.cue is None or f.cue.i >= label[0].i:
            return None
        name = capitalised_name(label) or name_before_colon(label)
    else:
        name = (name_before_topic(before) or name_before_colon(before) or label_after_dash(before)
                or name_known_to_article(before))
    return None if name is None else Attribution("colon.speaker_before", "dash", speaker_text=name)


def _label_opening_clause(f: Frame) -> Attribution | None:
    """'Graham: Trump's "hateful rhetoric" hurts the party': the label's name, for quoted words
    later in the sentence the label and colon open, when no cue frames them."""
    name = None if f.framed or f.after_colon and not f.after_words else label_opening_clause(f.before)
    return None if name is None else Attribution("colon.label_opening_clause", "dash", speaker_text=name)


def _source_after_from(f: Frame) -> Attribution | None:
    """'From the report: "..."', 'Polls differ - More from Dunmore: "..."': the source a label
    names after 'from' (a cue in a line before the dash is the reporter's)."""
    if not f.after_colon or f.after_words:
        return None
    label = after_last_dash(f.before)
    if f.framed and (f.cue is None or f.cue.i >= label[0].i):
        return None
    found = source_after_from(label)
    return None if found is None else through_cue("colon.source_from", "colon", *found)


def _opening_participle(f: Frame) -> Attribution | None:
    """'Hale said the report "was not good." Adding, "It is never that bad."': a participle cue
    opening its sentence, without a subject of its own outside the quote, goes on from the quote
    just before (in its paragraph or the one before): that quote's speaker."""
    cue, last = f.cue, f.last
    if cue is None or f.cue_kind != "verb" or cue.tag_ != "VBG" or last is None or f.before_words[:1] != (cue,):
        return None
    subject = subject_of(cue)  # (the parse may hang the participle on the quote's verb: its subject is no speaker)
    if last.end > cue.idx or subject is not None and not f.mark.start <= subject.idx < f.mark.end:
        return None
    between = [seg for seg in re.split(r"\n+", f.page.text[last.end : cue.idx])[1:-1] if seg.strip()]
    if between:
        return None
    return Attribution("cue.opening_participle", "cue", cue=cue, cue_text=cue.text, cue_start=cue.idx,
                       inherit_from=f.index - 1)


def _cue_subject(f: Frame) -> Attribution | None:
    cue = f.cue
    if cue is None or f.cue_kind != "verb":
        return None
    return through_cue("cue.subject", "cue", cue, subject_of(cue), _cue_phrase(f.page.text, cue, cue))


def _according_to(f: Frame) -> Attribution | None:
    cue = f.cue
    if cue is None or f.cue_kind != "according":
        return None
    to = cue.nbor(1)
    src = according_to(cue)
    named = apposed_name_after(cue.doc, max(src.right_edge.i, to.i)) if src is not None else None
    if named is not None:  # 'According to the city engineer, Maria Lund, ...: "..."' is Maria Lund's
        src = named[0]
    return through_cue("according_to", "according", cue, src, f.page.text[cue.idx : to.idx + len(to)])


def _words_of(f: Frame) -> Attribution | None:
    """'The treasurer was, in the words of a colleague, "the brake" on the council': the
    aide, whatever verb the sentence has."""
    found = words_source(f.before)
    if found is None:
        return None
    words, source = found
    cue = words.head  # "in"
    last = next((c for c in words.children if c.dep_ == "prep" and c.lower_ == "of"), words)  # "in the words of"
    return through_cue("words_of", "according", cue, source, f.page.text[cue.idx : last.idx + len(last)])


def _speech_noun(f: Frame) -> Attribution | None:
    """'Ann Lowe drew criticism over her remark that "the river will take care of itself"':
    the possessor of the noun for the act of speech the quoted words hang from."""
    found = speech_noun_source(f.roots, is_cue, (f.mark.start, f.mark.end))
    if found is None:
        return None
    noun, owner = found
    if owner.pos_ == "PRON":
        subject = own_subject(_verb_above(noun))
        if (subject is not None and subject.i < noun.i and subject.tag_ == "NN" and not subject.ent_type_
                and subject.lemma_.lower() in PERSON_NOUNS):
            owner = subject  # 'The senator stood by her remark': an unnamed person, whom "her" cannot find later
    return through_cue("speech_noun.possessor", "cue", noun, owner)


def _statement(f: Frame) -> Attribution | None:
    """'X issued the following statement today ...: "..."': X."""
    cue = f.cue
    if cue is None or f.cue_kind != "statement":
        return None
    noun = next(c for c in cue.children if c.dep_ == "dobj")
    return through_cue("colon.statement", "cue", cue, subject_of(cue), _cue_phrase(f.page.text, cue, noun))


def _cue_phrase(text: str, cue: Token, last: Token) -> str:
    """The cue's words, to ``last``; "went on to say", "pointed out": with its particle."""
    prt = [c for c in cue.children if c.dep_ == "prt" and c.i == cue.i + 1]
    last = prt[0] if prt else last
    return text[cue.idx : last.idx + len(last)]


def _colon_subject(f: Frame) -> Attribution | None:
    """'Marsh objected: "..."', 'She then turned to the crowd once more: "..."': a quote
    opened by a colon after a clause whose verb is no speech verb speaks for that verb's
    subject, when it is one who can speak (a person, an organisation, a pronoun for one)."""
    if f.framed or not f.after_colon or f.after_words:
        return None
    return clause_speaker("colon.subject", f.before_words)


def _continued_paragraph(f: Frame) -> Attribution | None:
    """A later paragraph of a quote left open above: the speaker of the quote before."""
    if not f.mark.continues_prev or f.last is None or f.last.end > f.mark.start:
        return None
    return Attribution("paragraph.continuation", "continued", inherit_from=f.index - 1)


def _signature(f: Frame) -> Attribution | None:
    """'"A." And "B." ― Christina Lastra.': the paragraph's signature, for its first quote."""
    m = f.mark
    if f.lead != m.para_start:
        return None
    signed = _paragraph_signature(f.page.text, f.page.last_close.get(m.para_start, -1), m.para_end)
    return Attribution("dash.signature", "dash", speaker_text=signed) if signed else None


def _inline(f: Frame) -> bool:
    """Quoted words inside a sentence of the reporter's that no cue frames: a scare quote, a
    title or a term, unless a dash line signs them; linking words alone leave a quoted
    sentence one of its own."""
    return bool(f.before_words or f.after_words) and not only_linking_words(f)


def _dash_after_quote(f: Frame) -> Attribution | None:
    text, close, pe = f.page.text, f.close, f.mark.para_end
    if not _inline(f) or f.before_words:
        return None
    dash = _DASH_LINE.match(text[close + 1 : pe].strip()) if close + 1 < pe else None
    return Attribution("dash.after_quote", "dash", speaker_text=_dash_name(dash)) if dash else None


# The sieves after this point attribute only a quote that is a sentence (or paragraph) of its own.

def _dash_next_paragraph(f: Frame) -> Attribution | None:
    page, pi = f.page, f.page.para_index.get(f.mark.para_start, -1)
    if _inline(f) or not 0 <= pi < len(page.paras) - 1:
        return None
    ns, ne = page.paras[pi + 1]
    dash = _DASH_LINE.match(page.text[ns:ne])
    if not dash or len(dash.group(1).split()) > 8:
        return None
    return Attribution("dash.next_paragraph", "dash", speaker_text=_dash_name(dash))


def _colon_paragraph_before(f: Frame) -> Attribution | None:
    """The speech verb of the paragraph before, which ends with a colon."""
    page, pi = f.page, f.page.para_index.get(f.mark.para_start, -1)
    if _inline(f) or pi <= 0 or f.lead != f.mark.para_start:
        return None
    ps, pe = page.paras[pi - 1]
    if page.text[pe - 1] != ":":
        return None
    ls, _ = sentence_bounds(page.text, pe - 1, ps, pe, page.masked)
    words = tokens_in(page.doc, ls, pe, page.masked)
    name = name_before_colon(words)
    if name is not None and past_cue_word(words[0]):  # 'Stated Hale: ¶ "..."'
        return Attribution("colon.paragraph_before", "dash", speaker_text=name)
    c = pick_cue(words, after=False)
    if c is None:  # 'The club issued this statement: ¶ "..."'
        return clause_speaker("colon.paragraph_before", words)
    return through_cue("colon.paragraph_before", "colon", c, subject_of(c) if c.lower_ != "according" else according_to(c))


def _sentence_before(f: Frame) -> Attribution | None:
    """'Voss called her a born negotiator. "She proved it time after time ..."': a quoted
    sentence right after a sentence that reports its speaker's words."""
    if _inline(f) or f.n_words < 3:
        return None
    page = f.page
    lead, ps = f.lead, f.mark.para_start
    pi = page.para_index.get(ps, -1)
    if lead == ps and pi > 0:
        # a paragraph that is all quote, after a paragraph that ends reporting someone's words
        # ('Okafor said that ... would not happen. ¶ "That's because the valley ..."')
        ps, lead = page.paras[pi - 1]
        if f.last is not None and f.last.kind == "direct" and f.last.end > ps:
            return None  # after a direct quote there: floating.previous_quote
    reporter = _reporting_sentence_before(page.doc, page.text, lead, ps, page.masked)
    if reporter is None or f.last is not None and f.last.end > reporter.idx:
        return None
    if ps != f.mark.para_start and not may_speak(subject_of(reporter) or reporter):
        return None  # across paragraphs only from one who can speak ("The race goes on." is no report)
    return through_cue("sentence_before.speaker", "previous", reporter, subject_of(reporter))


def _floating(f: Frame) -> Attribution | None:
    """A fully quoted sentence right after a quote: the same speaker."""
    last, m = f.last, f.mark
    if _inline(f) or last is None or f.n_words < 3:
        return None
    # the very next paragraph: no whole paragraph in between ('"A," X said.\n\n"B."')
    between = [seg for seg in re.split(r"\n+", f.page.text[last.end : m.open_pos])[1:-1] if seg.strip()]
    # after a mixed fragment only when its cue stands between ('..., Cole said. "..."')
    cue_between = last.cue_start >= 0 and last.end <= last.cue_start < m.open_pos
    if between or not (last.kind == "direct" or cue_between and m.para_start <= last.start):
        return None
    return Attribution("floating.previous_quote", "floating", inherit_from=f.index - 1)


# Stage 1 for a quoted span, in the order tried; the first that decides wins. A name right
# before the colon that opens the quote speaks whatever its words look like, before they are
# checked to be a quote; every other sieve attributes only a quote. "In the words of X" set off
# right before the marks, and a noun for speech the words hang from before any speech verb ("her
# remark that"), name the speaker whatever the sentence's verb; the three cue sieves read the
# one cue of the frame (each its own kind of cue); the others, only a quote no cue frames.
SPEAKER_BEFORE_COLON: Sieves[Frame, Attribution] = (
    ("colon.speaker_before", _speaker_before_colon),
    ("colon.source_from", _source_after_from),
)
# Last, for quoted words inside a sentence no cue frames, which no sieve above attributes.
FIRST_PERSON_FRAGMENT: Sieves[Frame, Attribution] = (("fragment.first_person", _first_person_fragment),)
DIRECT_SIEVES: Sieves[Frame, Attribution] = (
    ("words_of", _words_of),
    ("speech_noun.possessor", _speech_noun),
    ("cue.opening_participle", _opening_participle),
    ("cue.subject", _cue_subject),
    ("according_to", _according_to),
    ("colon.statement", _statement),
    ("colon.subject", _colon_subject),
    ("colon.label_opening_clause", _label_opening_clause),
    ("paragraph.continuation", _continued_paragraph),
    ("dash.signature", _signature),
    ("dash.after_quote", _dash_after_quote),
    ("dash.next_paragraph", _dash_next_paragraph),
    ("colon.paragraph_before", _colon_paragraph_before),
    ("sentence_before.speaker", _sentence_before),
    ("floating.previous_quote", _floating),
)


def find_blocks(doc: Doc, text: str, marks: list[MarkSpan], paras: list[tuple[int, int]]) -> list[RawQuote]:
    """Block quotations without marks: a paragraph introduced by a colon and followed
    by an attribution line ("– Name"), the dash.block sieve."""
    if not sieve_on("dash.block"):
        return []
    page = read_page(doc, text, marks, paras)
    blocks = (_block_quote(page, marks, i) for i in range(1, len(paras) - 1))
    return [q for q in blocks if q is not None]


def _block_quote(page: Page, marks: list[MarkSpan], i: int) -> RawQuote | None:
    """Paragraph i as a block quotation, or None."""
    text, paras = page.text, page.paras
    (ps, pe), (qs, qe), (ns, ne) = paras[i - 1], paras[i], paras[i + 1]
    if text[pe - 1] != ":" or _DASH_LINE.match(text[qs:qe]):
        return None  # '... winners are:' then '— Carol Lee ...', '— Matt Viser ...': a list, each item a dash line
    dash = _DASH_LINE.match(text[ns:ne])
    if not dash or len(dash.group(1).split()) > 8:
        return None
    if any(m.start < qe and qs < m.end for m in marks):
        return None
    ls, _ = sentence_bounds(text, pe - 1, ps, pe, page.masked)
    c = pick_cue(tokens_in(page.doc, ls, pe, page.masked), after=False)
    found = Attribution("dash.block", "dash", speaker_text=_dash_name(dash))
    if c is not None:
        found = replace(found, cue=c, cue_text=c.text, cue_start=c.idx)
    return raw_quote(qs, qe, "direct", found)


# -- reading the frame -----------------------------------------------------------------------

def _names_a_work(content: str, before_words: Sequence[Token], after_words: Sequence[Token]) -> bool:
    """The title of a book, show or film: quoted words (capitalised, a dozen at most) right
    after the noun for the work ('his new book, "Harbour Lights,"') or right before a
    role in it ('"Orange Is the New Black" star Selenis Leyva')."""
    if not content[:1].isupper() or len(WORDS.findall(content)) > 12:
        return False
    noun = before_words[-1] if before_words else None
    if noun is not None and _naming_participle(noun):
        return True  # 'an article titled "Harbour Towns Fare Best ..."', 'a campaign called "Party of Trump"'
    if noun is not None and noun.lemma_.lower() in WORK_NOUNS and noun.pos_ == "NOUN":
        # 'Baxter said of the episode, "I regret it."': the work is what the speech is about
        topic = noun.dep_ == "pobj" and noun.head.lower_ in TOPIC_PREPOSITIONS and is_cue(noun.head.head)
        return not (topic and not looks_like_title_trimmed(content))
    return bool(after_words) and after_words[0].lower_ in WORK_ROLES


def _object_of_a_preposition(before_words: Sequence[Token]) -> bool:
    """The quoted words come right after a preposition, as its object, and not one telling what
    a speech verb is about ('will tell of "Suffering and Delight"') or completing what it says
    ('set out a goal of "Roads Before Rails."')."""
    prep = before_words[-1] if before_words else None
    if prep is None or prep.dep_ != "prep":
        return False
    said = prep.lower_ in TOPIC_PREPOSITIONS and is_cue(prep.head) or prep.head.dep_ == "dobj" and is_cue(prep.head.head)
    return not said


def _naming_participle(word: Token) -> bool:
    """A participle of naming on a noun ('titled', 'called', 'dubbed'): what follows is the name."""
    return (word.tag_ == "VBN" and word.dep_ == "acl" and word.lemma_.lower() in NAMING_VERBS
            and word.head.pos_ in ("NOUN", "PROPN"))


def _dash_name(dash: re.Match[str]) -> str:
    """The name on a '— Name' line, without the line's full stop ('Carla Sanchez.'),
    keeping an abbreviation's ('Jr.', 'Dr. Maria Lopez'); a sentence after the name is not
    part of it ('— Maria Lopez. The crowd cheered')."""
    line = dash.group(1)
    for stop in re.finditer(r"\.(?=\s+[A-Z])", line):
        if not _is_abbreviation(line, stop.start()):
            line = line[: stop.start()]
            break
    return re.sub(r"(?<=[a-z]{3})\.$", "", line.strip())


def _reporting_sentence_before(doc: Doc, text: str, lead: int, ps: int, masked: Sequence[tuple[int, int]]) -> Token | None:
    """The speech verb heading the sentence just before ``lead`` in its paragraph, when a
    named or described speaker is its subject (not 'it', not a thing)."""
    end = len(text[ps:lead].rstrip()) + ps
    if end <= ps or text[end - 1] not in ".!?":
        return None
    start, _ = sentence_bounds(text, end - 1, ps, end, masked)
    tokens = tokens_in(doc, start, end, masked)
    heads = [t for t in tokens if is_cue(t) and t.dep_ == "ROOT"]
    if len(heads) != 1:
        return None
    subj = subject_of(heads[0])
    if subj is None or subj.lower_ in NON_SPEAKER_SUBJECTS or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return heads[0]


def _paragraph_signature(text: str, last: int, pe: int) -> str | None:
    """The name on a '― Name' signature closing the paragraph after its last quote (whose
    closing mark is at ``last``, -1 for none)."""
    if last < 0:
        return None
    dash = _DASH_LINE.match(text[last + 1 : pe].strip())
    return _dash_name(dash) if dash and len(dash.group(1).split()) <= 8 else None


def _inside_reported_clause(cue: Token | None, roots: Sequence[Token], m: MarkSpan) -> bool:
    """The quoted words (their roots, from fragment_roots) continue a reported clause begun
    before the marks: they hang from the cue before them, but through the reporter's words,
    not as its own complement."""
    if cue is None or cue.idx >= m.start:
        return False
    words = [r for r in roots if not r.is_punct]
    return bool(words) and all(cue in r.ancestors and r.head != cue for r in words)


def _holds_a_clause(roots: Sequence[Token]) -> bool:
    """The quoted words (their roots) are a clause of their own: one of them is a verb."""
    return any(r.pos_ in ("VERB", "AUX") for r in roots)


def _stranded_preposition(before_words: Sequence[Token]) -> bool:
    """The reporter's words end on a preposition without its object ('barred from, "..."'), which
    the quote is, however the parser attached it."""
    return bool(before_words) and bare_preposition(before_words[-1])
