"""The reporter's frame around a quoted span, as stage 1 reads it (quotes/direct.py).

``read_page`` gathers what every quoted span of a document shares and ``frame_of`` what one
span's sentence holds (the reporter's words before and after the marks, the cue picked among
them); both are computed once and read-only, so the sieves of direct.py only read them. The
rest picks the cue: the speech verb that frames the quote, before or after it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from .agents import may_speak
from .frames import (
    RawQuote,
    according_to,
    adverbial_clause,
    continues_relative,
    inside_any,
    is_cue,
    sentence_bounds,
    subject_of,
)
from .lexicon import (
    ADVERBIAL_MARKS,
    FRAME_VERBS,
    LINK_WORDS,
    OWN_CLAUSE_MARKS,
    PEOPLE_NOUN_ENDINGS,
    QUOTE_VERBS,
    SPEAKING_ACTS,
    STATEMENT_NOUNS,
    UNREAL_MARKS,
)
from .marks import MarkSpan
from .sieves import on as sieve_on

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

WORDS = re.compile(r"\w+")
ENDS_SENTENCE = re.compile(r"[.!?…]\W*$")
_NEXT_SENTENCE = re.compile(r"[\"”’'»]*\s+[A-Z\"“‘]")
# a source tag or stage direction in brackets, and nothing else, after a closing mark
_SOURCE_TAG = re.compile(r"[\"”’'»]*\s*(\[[^\[\]\n]{1,40}\]|\([^()\n]{1,40}\))[\s.]*$")
_MARKS = set('"“”«»')


@dataclass(frozen=True)
class Page:
    """What every quoted span of one document shares."""

    doc: Doc
    text: str
    masked: Sequence[tuple[int, int]]  # the quoted spans, sorted
    paras: Sequence[tuple[int, int]]
    para_index: Mapping[int, int]  # paragraph start -> its index in paras
    last_close: Mapping[int, int]  # paragraph start -> its last closing mark


def read_page(doc: Doc, text: str, marks: list[MarkSpan], paras: list[tuple[int, int]]) -> Page:
    return Page(doc, text, [(m.start, m.end) for m in marks], paras, {a: i for i, (a, _) in enumerate(paras)},
                _last_closes(marks))


@dataclass(frozen=True)
class Frame:
    """One quoted span and the reporter's sentence around it."""

    page: Page
    mark: MarkSpan
    content: str  # the quoted words
    lead: int  # where the opening mark begins
    close: int  # the closing mark (the span's end when the paragraph ended first)
    before: tuple[Token, ...]  # the reporter's tokens of the sentence, before the marks
    after: tuple[Token, ...]  # and after them
    before_words: tuple[Token, ...]  # the same without punctuation and spaces
    after_words: tuple[Token, ...]
    roots: tuple[Token, ...]  # the quoted words whose head lies outside the marks
    framed: bool  # a cue frames the quote, even one whose sieve is switched off
    cue: Token | None  # the cue that frames the quote, when its sieve is on
    cue_kind: str  # "verb", "according" ('according to X') or "statement" ('issued this statement:'); "" without a cue
    after_colon: bool  # the reporter's text before the opening mark ends with a colon
    prev_char: str  # the character before the opening mark in its paragraph (spaces skipped), "" at its start
    attached: bool  # the marks open right after a word: the quote is built into the reporter's sentence
    n_words: int  # words inside the marks
    last: RawQuote | None  # the quote found just before this one
    index: int  # the index this quote will have among those found (how many were found before)


def frame_of(page: Page, m: MarkSpan, last: RawQuote | None, index: int) -> Frame | None:
    """The frame of the quoted span ``m`` (None when the marks hold no word)."""
    doc, text, masked = page.doc, page.text, page.masked
    content = text[m.start : m.end]
    if not WORDS.search(content):
        return None
    ps, pe = m.para_start, m.para_end
    # where the opening mark begins: a doubled apostrophe (''like this'') is recorded at its second character
    lead = m.open_pos - 1 if m.open_pos > ps and text[m.open_pos - 1 : m.open_pos + 1] == "''" else m.open_pos
    s_start, _ = sentence_bounds(text, lead, ps, pe, masked)
    close = m.close_pos if m.close_pos >= 0 else m.end
    before = tokens_in(doc, s_start, lead, masked)
    reporter_before = text[:lead].rstrip()
    after_colon = reporter_before.endswith(":")
    # the reporter's words before the marks, but for a colon or a lone 'But' ('But "the plan is ..."')
    words_before = _words(before)
    inline = (bool(words_before) and not after_colon
              and not (len(words_before) == 1 and words_before[0].lower_ in LINK_WORDS))
    after = _tokens_after(page, m, content, close, inline)
    roots = fragment_roots(doc, m)
    cue = _framing_cue(before, after, roots, m)
    statement = None
    if cue is None and after_colon:
        statement = _statement_cue(before)  # 'issued the following statement ...: "..."'
    elif cue is None and before and before[-1].text == "," and re.match(r"\W*[A-Z]", content):
        statement = _statement_cue(before, closed_by=before[-1])  # 'issued a statement, "Last night ..."'
    framed = cue is not None or statement is not None
    cue = statement if cue is None else cue
    cue_kind = _cue_kind(cue, statement is not None)
    if cue is not None and not sieve_on(_cue_sieve(cue_kind)):
        cue, cue_kind = None, ""  # switched off: as if no cue framed the quote
    prev_char = reporter_before[-1:] if lead > ps else ""
    # after a word, a bracket, a percent or a possessive ("the islands’ “loyal neighbours”")
    attached = prev_char != "" and (prev_char.isalnum() or prev_char in ")%"
                                    or prev_char in "’'" and re.search(r"\ws[’']\s*$", text[:lead]) is not None)
    return Frame(page=page, mark=m, content=content, lead=lead, close=close, before=tuple(before), after=tuple(after),
                 before_words=_words(before), after_words=_words(after), roots=tuple(roots), framed=framed, cue=cue,
                 cue_kind=cue_kind, after_colon=after_colon, prev_char=prev_char, attached=attached,
                 n_words=len(WORDS.findall(content)), last=last, index=index)


def _words(tokens: list[Token]) -> tuple[Token, ...]:
    return tuple(t for t in tokens if not t.is_punct and not t.is_space)


def _tokens_after(page: Page, m: MarkSpan, content: str, close: int, inline: bool) -> list[Token]:
    """The reporter's tokens of the sentence after the closing mark; none when the sentence
    ended inside the marks ('... barbarity." He said "I ...'), unless they frame a quote that is
    a sentence of its own ('?" Graham asked.'): after one built into the reporter's sentence
    (``inline``: 'was the founder of "Americans for Hale." Hale also pleaded ...') the next
    sentence is the reporter's own."""
    text, ps, pe = page.text, m.para_start, m.para_end
    _, s_end = sentence_bounds(text, close + 1, ps, pe, page.masked) if close + 1 < pe else (ps, pe)
    after = tokens_in(page.doc, close + 1, s_end, page.masked) if close + 1 < s_end else []
    if _SOURCE_TAG.match(text, close + 1, s_end) and not any(is_cue(t) for t in after):
        return []  # '..." [HuffPost.]', '..." (Applause.)': a tag in brackets frames nothing
    if (ENDS_SENTENCE.search(content) and _NEXT_SENTENCE.match(text, close + 1, pe)
            and (inline or not _frames_quote(after, text[close + 1 : s_end], close + 1))):
        return []
    return after


def _framing_cue(before: list[Token], after: list[Token], roots: list[Token], m: MarkSpan) -> Token | None:
    """The cue that frames the quote: the one after it when it has no clause of its own there,
    unless the one before holds the quoted words better; else the one before."""
    cue_after = pick_cue(after, after=True)
    cue_before = _outer_cue(pick_cue(before, after=False, roots=roots), m, roots)
    if cue_after is None or not _cue_ok_after(cue_after, after):
        return cue_before
    if cue_before is not None and (_relays(cue_after) or _borrows_subject_from(cue_after, cue_before)
                                   or hangs_from(cue_before, roots) and (not hangs_from(cue_after, roots)
                                                                         or _in_preposed_phrase(cue_before, cue_after)
                                                                         or _conjunct_read_as_frame(cue_after, cue_before))):
        # '... said X remained "one of ...", but he also warned ...'; 'under what Hale called "the
        # old model," the firm charged ...'; 'Hale summed up X as "...," denounced ...': the words
        # are the nearest cue's they hang from
        return cue_before
    return cue_after


def _in_preposed_phrase(inner: Token, outer: Token) -> bool:
    """'Under what Hale called "the old model," the firm charged ...': the inner cue sits in a
    prepositional phrase that sets the scene for the outer verb, which does not report it."""
    if not outer.is_ancestor(inner):
        return False
    below = inner
    while below.head != outer:
        below = below.head
    return below.dep_ == "prep" and below.i < outer.i


def _cue_kind(cue: Token | None, statement: bool) -> str:
    if cue is None:
        return ""
    return "according" if cue.lower_ == "according" else "statement" if statement else "verb"


def _cue_sieve(cue_kind: str) -> str:
    """The sieve that reads a cue of this kind (a cue whose sieve is switched off frames nothing)."""
    return "according_to" if cue_kind == "according" else "colon.statement" if cue_kind == "statement" else "cue.subject"


def tokens_in(doc: Doc, start: int, end: int, masked: Sequence[tuple[int, int]]) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return []
    return [t for t in span if start <= t.idx < end and not inside_any(t.idx, masked)]


def _last_closes(marks: list[MarkSpan]) -> dict[int, int]:
    """Paragraph start -> the position of its last closing mark."""
    out: dict[int, int] = {}
    for m in marks:
        if m.close_pos >= 0:
            out[m.para_start] = max(out.get(m.para_start, -1), m.close_pos)
    return out


def _frames_quote(tail_tokens: list[Token], tail: str, tail_start: int) -> bool:
    """'?” Graham asked.' / '.” said the senator, ...': after a quote that ends its own
    sentence, a cue among the next words still attributes it, unless the cue goes on to
    a quote or clause of its own ('." He said "I ...', '." He said the move ...'). Further
    on, a cue whose subject opens the frame ('!" Scott's niece, Marcia "Cia" Price, shouted')."""
    words = [t for t in tail_tokens if not t.is_punct and not t.is_space]
    cue = next((t for t in words[:4] if is_cue(t) or _frame_verb(t)), None)
    if cue is None and words:
        cue = next((t for t in words[4:14] if is_cue(t) and _subject_opens(t, words[0])), None)
    if cue is None or _goes_on_to_a_quote(cue, tail[cue.idx - tail_start :]) or _reports_that_clause(cue):
        return False
    return _cue_ok_after(cue, tail_tokens)


def _goes_on_to_a_quote(cue: Token, rest: str) -> bool:
    """'." He said "I ...': marks after the cue open a quote of its own when the words in them
    hang from the cue; not when they hang from a phrase of their own ('?" Lowe remarked, alluding
    to the film "The Harbour."'). Where the parse leaves it unclear, they do."""
    at = next((i for i, ch in enumerate(rest) if ch in _MARKS), None)
    if at is None:
        return False
    doc = cue.doc
    opening = doc.char_span(cue.idx + at, cue.idx + at + 1, alignment_mode="expand")
    if opening is None:
        return True
    word = next((t for t in doc[opening.end :] if not t.is_punct), None)
    if word is None:
        return True
    outside = next((t for t in [word, *word.ancestors] if t.i < opening.start), None)
    return outside is None or outside == cue


def _reports_that_clause(cue: Token) -> bool:
    """'." She said, again, that she ...': a cue whose own that-clause follows it, past commas and
    adverbs only, reports that clause, not the quote before its sentence."""
    doc = cue.doc
    for c in cue.children:
        first = c.left_edge
        if c.dep_ == "ccomp" and first.lower_ == "that" and first.dep_ == "mark" and first.i > cue.i:
            return all(t.text == "," or t.pos_ == "ADV" for t in doc[cue.i + 1 : first.i])
    return False


def _subject_opens(cue: Token, first: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.left_edge.i == first.i for c in cue.children)


def fragment_roots(doc: Doc, m: MarkSpan) -> list[Token]:
    """The quoted words whose head lies outside the marks (all of them if none does)."""
    qtoks = tokens_in(doc, m.start, m.end, [])
    return [t for t in qtoks if not (m.start <= t.head.idx < m.end)] or qtoks


def hangs_from(cue: Token, roots: Sequence[Token]) -> bool:
    """The quoted words (their roots) depend in the parse on the cue."""
    return any(cue in r.ancestors or r.head == cue for r in roots)


def _frame_verb(tok: Token) -> bool:
    """'"What a goal!" beamed Petra Lund': a verb of manner that reports speech only
    in the frame right after a quote (its first words), never before one."""
    if tok.pos_ != "VERB":
        return False
    if tok.lemma_.lower() not in FRAME_VERBS:
        return _closing_frame(tok)
    prev = [t for t in tok.doc[max(0, tok.i - 4) : tok.i] if not t.is_space]
    return any(t.is_quote for t in prev[-3:])  # '...," he offered' / '..." beamed X


# What a verb that closes a quote's frame may hold besides its subject: "back", "again", "at him".
_FRAME_TAIL_DEPS = frozenset({"advmod", "prt", "prep", "punct", "npadvmod"})


def _closing_frame(tok: Token) -> bool:
    """'"Lisbon will always be Lisbon," an angry Costa retaliated.': any finite verb right
    after a quote that ends in a comma, "?" or "!", its subject first, nothing after it but
    adverbs or a phrase before the full stop, frames the quote ("the crowd roared back")."""
    subjects = [c for c in tok.children if c.dep_ == "nsubj"]
    if tok.tag_ not in ("VBD", "VBZ") or len(subjects) != 1 or subjects[0].i > tok.i:
        return False
    first, doc = subjects[0].left_edge, tok.doc
    if not may_speak(subjects[0]):
        return False  # '"Not now," the engine stalled.'
    # the quoted words (often parsed as its clause) come before the subject
    if any(c.dep_ not in _FRAME_TAIL_DEPS for c in tok.children if c.i > subjects[0].i and c.dep_ not in ("aux", "neg")):
        return False
    # not 'The band played "Yesterday," the crowd danced.': the quote is inside a sentence
    if not _after_a_quote_of_its_own(first):
        return False
    last = tok.right_edge
    if last.text in (".", "!", "?"):
        return True
    return last.i + 1 >= len(doc) or doc[last.i + 1].text in (".", "!", "?") or doc[last.i + 1].is_space


def _outer_cue(cue: Token | None, m: MarkSpan, roots: Sequence[Token] = ()) -> Token | None:
    """'Marsh said that when Voss spoke out against the banks, "she was ..."': a cue inside
    an adverbial clause ("when ...") that ends before the quote sets the scene for the speech
    verb above it, which is the quote's cue. With none above, a verb of the act of speaking
    ('As Hale spoke, the board voted for a "harbour tax"') only tells when the reporter's own
    clause happened: it frames nothing there."""
    if cue is None or cue.dep_ != "advcl" or cue.right_edge.idx >= m.start:
        return cue
    if _colon_right_after(cue):
        return cue  # '"...," Hale said as a protester yelled: "Go home!"': the protester's words
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in ADVERBIAL_MARKS for c in cue.children):
        return cue
    outer = cue.head
    for _ in range(3):
        if is_cue(outer) and outer.idx < cue.idx:
            return outer
        if outer.head.i == outer.i:
            break
        outer = outer.head
    head = cue.head
    if (cue.lemma_.lower() in SPEAKING_ACTS and head.i != cue.i and not (m.start <= head.idx < m.end)
            and not is_cue(head) and hangs_from(head, roots)):
        return None
    return cue


def _colon_right_after(cue: Token) -> bool:
    """The cue's own words (its adverbs, particles, the one it is said to) end in a colon."""
    last = cue.right_edge
    return last.i + 1 < len(cue.doc) and cue.doc[last.i + 1].text == ":"


def pick_cue(tokens: list[Token], after: bool, roots: Sequence[Token] = ()) -> Token | None:
    """The cue among the frame's words: the first after a quote; before it, the last one,
    unless that one sits in a relative clause, an infinitive or a participle on a noun that the
    quoted words do not hang from ('saying anyone who grumbles about it "has not ..."' is said,
    not grumbled; 'called a report suggesting donors had access "outrageous"' is called)."""
    cues = [t for t in tokens if (is_cue(t) or after and (_frame_verb(t) or _frame_verb_read_as_noun(t)))
            and not any(c.dep_ == "mark" and c.lower_ in UNREAL_MARKS for c in t.children)
            and not _speech_denied(t)
            and not (after and (_relative_of_a_thing(t) or _infinitive(t)))]
    acc = [t for t in tokens if t.lower_ == "according" and according_to(t) is not None]
    if not cues and not acc:
        return None
    pool = cues or acc
    if after:
        return pool[0]
    last = pool[-1]
    if last.dep_ == "ccomp" and last.head in pool and _spoken_by_a_thing(last) and not _spoken_by_a_thing(last.head):
        # 'Hale said that fact speaks volumes about who is "ready to lead"': in the clause a
        # speaker reports, a thing "speaks" only in a figure; the speaker's verb is the cue
        return last.head
    if last.dep_ in ("relcl", "xcomp", "acl") and not hangs_from(last, roots):
        held = [t for t in pool if hangs_from(t, roots)]
        return held[-1] if held else last
    return last


def _infinitive(cue: Token) -> bool:
    """'‘This Is No Luxury’ To Demand ...', '..., who was not allowed to speak, told ...':
    after a quote, a speech verb right after "to" tells of no speech that frames it."""
    return cue.i > 0 and cue.doc[cue.i - 1].lower_ == "to"


def _speech_denied(cue: Token) -> bool:
    """'..., all without mentioning the minister': a speech verb under "without" tells of words not said,
    so it frames no quote."""
    return cue.dep_ == "pcomp" and cue.head.lower_ == "without"


def _spoken_by_a_thing(cue: Token) -> bool:
    """The cue's subjects are common nouns none of whom can speak ("the fact speaks volumes",
    "the result echoes 1992"); a document or a speaking noun ("the report says") can."""
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(c.pos_ == "NOUN" and not may_speak(c) and not _may_be_people(c) for c in subjects)


def _may_be_people(noun: Token) -> bool:
    """A noun no word list holds that may still name people: an agent noun ("the heckler", "a
    protester", "the residents") or a number of those asked ("21 percent said", "two said")."""
    lemma = noun.lemma_.lower()
    return (lemma.endswith(PEOPLE_NOUN_ENDINGS) or lemma in ("percent", "%")
            or any(c.dep_ == "nummod" for c in noun.children))


def _frame_verb_read_as_noun(tok: Token) -> bool:
    """'"..., and come to the state," the editorial read.' / '"...," the memo states.': a frame of
    a determiner, a noun and a speech verb the tagger took for one noun phrase ("a good read", "the
    states"). Right after a quote that ends in a comma, "?" or "!" and opens its sentence, a last
    word that closes the sentence, or only a phrase of its own after it ("the memo states in its
    summary, which ..."), is the cue."""
    doc = tok.doc
    if tok.pos_ != "NOUN" or tok.lemma_.lower() not in QUOTE_VERBS:
        return False
    first = _determiner_before(doc, tok.i)
    if first is not None and first > 1 and doc[first - 1].pos_ == "ADP":
        # '"...," a narrator in the video states.': the subject's own phrase comes between
        first = _determiner_before(doc, first - 1) or first
    if first is None or not _after_a_quote_of_its_own(doc[first]):
        return False
    end = tok.i + 1
    if end < len(doc) and doc[end].dep_ == "prep" and doc[end].head == tok:
        end = doc[end].right_edge.i + 1
    return end >= len(doc) or doc[end].text in (".", "!") or doc[end].is_space


def _determiner_before(doc: Doc, i: int) -> int | None:
    """The index of the determiner ("the", "its") that opens the noun phrase ending right before
    doc[i] (its nouns, adjectives, numbers, hyphens and possessives), None when there is none."""
    first = i - 1
    while first > i - 6 and first > 0 and (doc[first].pos_ in ("NOUN", "PROPN", "ADJ", "NUM") or doc[first].tag_ in ("POS", "HYPH")):
        first -= 1
    return first if first < i - 1 and (doc[first].pos_ == "DET" or doc[first].tag_ == "PRP$") else None


def _after_a_quote_of_its_own(first: Token) -> bool:
    """``first`` follows the closing mark of a quote that ends in a comma, "?" or "!" and is a
    sentence of its own: its opening mark (if the parse put it in ``first``'s sentence) starts the
    sentence or follows a full stop, a colon or a line break."""
    doc = first.doc
    if first.i < 2 or not doc[first.i - 1].is_quote or doc[first.i - 2].text not in (",", "?", "!"):
        return False
    opening = next((t for t in reversed(doc[first.sent.start : first.i - 2]) if t.is_quote), None)
    return opening is None or opening.i == 0 or doc[opening.i - 1].text in (".", "!", "?", ":") or doc[opening.i - 1].is_space


def _relative_of_a_thing(verb: Token) -> bool:
    """'"... for records" that would answer requests from the union, Hale wrote': after a quote,
    a verb whose subject is the relative "that" or "which" tells of a thing the quote names
    (who speaks is "who"), so the frame's cue is further on."""
    return verb.dep_ == "relcl" and any(c.dep_ in ("nsubj", "nsubjpass") and c.tag_ == "WDT" for c in verb.children)


def _cue_ok_after(cue: Token, frame_tokens: list[Token]) -> bool:
    """A cue after the quote attributes it only when it has no clause of its own there."""
    ids = {t.i for t in frame_tokens}
    # '..., while ALDI called it "unexpected"': a subordinate report of its own
    if any(c.dep_ in ("mark", "advmod") and c.lower_ in OWN_CLAUSE_MARKS and c.i < cue.i for c in cue.children):
        return False
    for c in cue.children:
        # '..." he said the plan was ...': a clause of its own ('told CNN in the interview
        # taped ...' is a misparsed participle, no subject)
        if (c.dep_ in ("ccomp", "xcomp") and c.i in ids and c.i > cue.i and not adverbial_clause(c)
                and not continues_relative(c) and not _set_off(cue, c) and not _heard_saying(c)
                and any(g.dep_ in ("nsubj", "nsubjpass", "expl") and g.tag_ not in ("WP", "WDT") for g in c.children)):
            return False  # (a "who" clause is a relative the parser misread: 'told the crowd, who could guess ...')
    return True


def _heard_saying(clause: Token) -> bool:
    """'..." a classmate recalled him saying.': the clause is the speech act the cue recalls."""
    return clause.tag_ == "VBG" and is_cue(clause) and clause.right_edge.i == clause.i


def _set_off(cue: Token, clause: Token) -> bool:
    """'..." Okafor said, noting the tour is ...' / '..." said Ada Finch, only half
    joking.': a clause after a comma or dash, or one whose subject is the name the cue inverts, is
    the parser's reading of what follows the frame, not a clause the cue reports."""
    doc = cue.doc
    first = clause.left_edge.i
    if first > cue.i + 1 and doc[first - 1].text in (",", "-", "–", "—", "--"):
        return True
    return any(g.dep_ == "nsubj" and g.left_edge.i == cue.i + 1 and (g.pos_ == "PROPN" or _inverted_noun(cue, g))
               for g in clause.children)


def _inverted_noun(cue: Token, noun: Token) -> bool:
    """'"...," said the woman, who like many did not want to be named': right after a quote a
    subjectless cue inverts its subject, and a noun set off by a comma (a relative clause or an
    apposition follows) is that subject, though the parser gave it to a verb further on."""
    doc = cue.doc
    return (noun.pos_ == "NOUN" and cue.i > 0 and doc[cue.i - 1].is_quote and noun.i + 1 < len(doc)
            and doc[noun.i + 1].text == "," and not any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children))


def _runs_to(noun: Token, comma: Token) -> bool:
    """Every word between ``noun`` and ``comma`` is the noun's own or in an adjunct of its verb."""
    adjuncts = [c for c in noun.head.children if c.dep_ in ("prep", "npadvmod", "advmod") and c.i > noun.i]
    return all(noun in w.ancestors or any(w == a or a in w.ancestors for a in adjuncts)
               for w in noun.doc[noun.i + 1 : comma.i])


def _relays(cue: Token) -> bool:
    """'..., as quoted by Greek Reporter': an outlet relaying the quote, not its source."""
    return cue.tag_ == "VBN" and any(c.dep_ in ("mark", "advmod") and c.lower_ == "as" for c in cue.children)


def _conjunct_read_as_frame(cue: Token, earlier: Token) -> bool:
    """'Hale summed up the plan as "reckless," denounced its cost and said ...': a verb after the
    quote with no subject, the clause before (its own cue with its own subject) parsed as that
    verb's object, is the next verb of a list sharing the subject, not a frame ('"...," said X')."""
    return (earlier.dep_ == "ccomp" and earlier.head == cue
            and any(c.dep_ in ("nsubj", "nsubjpass") for c in earlier.children)
            and not any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in cue.children))


def _borrows_subject_from(cue: Token, earlier: Token) -> bool:
    """'acknowledged their government had "unintentionally" shot down ..., blaming "human
    error"': a subjectless participle or conjunct after the quote, hanging from the cue
    before it, reports its own words, not these."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return False
    if cue.dep_ not in ("advcl", "xcomp", "conj", "acl"):
        return False
    return earlier in cue.ancestors


def _statement_cue(tokens: list[Token], closed_by: Token | None = None) -> Token | None:
    """The verb of 'X issued the following statement ...:' – a speech-act noun as the object
    of a verb with a subject, before a colon (the verb alone is not a speech verb); before a
    comma (``closed_by``: 'issued a statement, "We ..."', the quote a sentence) only when the
    noun's words, or its verb's adjuncts ("on Friday"), run up to it."""
    for t in reversed(tokens):
        if (t.dep_ == "dobj" and t.lemma_.lower() in STATEMENT_NOUNS and t.head.pos_ == "VERB"
                and t.head.i < t.i and not any(c.dep_ == "neg" for c in t.head.children)
                and (closed_by is None or _runs_to(t, closed_by))
                and subject_of(t.head) is not None):
            return t.head
    return None


def only_linking_words(f: Frame) -> bool:
    """A quoted sentence whose reporter's words around it frame nothing of their own: before it
    a linking word or sentence adverb ('But "the plan ..."', 'Now, "within the trade there is
    ..."'), after it a relative clause on its last word ('"... all the way to Kent," which votes
    in June.'); it stays a sentence of the speaker's, not words built into the reporter's."""
    before, after = f.before_words, f.after_words
    if len(before) > 2 or not all(t.pos_ in ("ADV", "CCONJ") or t.lower_ in LINK_WORDS for t in before):
        return False
    if not after:
        return ENDS_SENTENCE.search(f.content) is not None
    clause = after[0].head  # the relative clause must end the sentence, naming no cue
    return (after[0].tag_ in ("WDT", "WP") and f.content.rstrip().endswith(",")
            and all(t == clause or clause.is_ancestor(t) for t in after) and not any(is_cue(t) for t in after))


def as_clause_after(cue: Token, roots: Sequence[Token]) -> bool:
    """'The race is "a dead heat," as Hale said.': an "as" clause after the words attributes the
    clause that holds them, its subject the speaker (not the act of speaking: 'as the mayor spoke'
    tells when)."""
    return (cue.dep_ == "advcl" and bool(roots) and cue.i > roots[-1].i and hangs_from(cue.head, roots)
            and any(c.dep_ == "mark" and c.lower_ == "as" for c in cue.children)
            and any(c.dep_ == "nsubj" for c in cue.children) and cue.lemma_.lower() not in SPEAKING_ACTS)


def closing_report(f: Frame) -> bool:
    """'Most families cope, even on a "small" income, Ruiz said.' with "said" parsed a root of its
    own: a cue after a comma that holds only its subject and ends the sentence reports all of it."""
    cue, doc = f.cue, f.page.doc
    if cue is None or cue not in f.after_words or any(c.dep_ in _OWN_WORDS for c in cue.children):
        return False
    subjects = [c for c in cue.children if c.dep_ == "nsubj"]
    if len(subjects) != 1 or not may_speak(subjects[0]):
        return False
    first = min(subjects[0].left_edge.i, cue.i)
    last = max(t.i for t in cue.subtree if not t.is_space)
    return (first > 0 and doc[first - 1].text == ","
            and (doc[last].text in ".!?" or last + 1 == len(doc) or doc[last + 1].text in ".!?"))


_OWN_WORDS = frozenset({"ccomp", "xcomp", "dobj", "advcl", "dative", "conj"})  # what the cue says, or to whom
