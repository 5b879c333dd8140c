"""Direct and mixed quotes: the words between paired marks, attributed through the
reporter's frame around them (", he said", "X told reporters:", "— Name", the
sentence before), or inherited when a quoted paragraph floats after a quote."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import TYPE_CHECKING

from .frames import (
    RawQuote,
    _is_abbreviation,
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
    NAMING_VERBS,
    NON_SPEAKER_SUBJECTS,
    OWN_CLAUSE_MARKS,
    STATEMENT_NOUNS,
    TITLE_SMALL_WORDS,
    WORK_NOUNS,
    WORK_ROLES,
)
from .marks import MarkSpan
from .sieves import on as sieve_on

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

_WORDS = re.compile(r"\w+")
_DASH_LINE = re.compile(r"^[—–―-]\s*([^,\n(]+)")
_ENDS_SENTENCE = re.compile(r"[.!?…]\W*$")
_NEXT_SENTENCE = re.compile(r"[\"”’'»]*\s+[A-Z\"“‘]")
_MARKS = set('"“”«»')


def _tokens_in(doc: Doc, start: int, end: int, masked: Sequence[tuple[int, int]]) -> list[Token]:
    span = doc.char_span(start, end, alignment_mode="expand") if end > start else None
    if span is None:
        return []
    return [t for t in span if start <= t.idx < end and not inside_any(t.idx, masked)]


def _looks_like_title(content: str) -> bool:
    """Names, titles and terms: few words, each capitalised or numeric, no sentence punctuation."""
    words = _WORDS.findall(content)
    code = content.strip().rstrip(".")
    if code and not re.search(r"\s", code) and re.search(r"\d", code) and re.search(r"[A-Za-z]", code):
        return True  # a designation: "2019-nCoV.", "COVID-19", "MH17"
    if not words or len(words) > 6 or re.search(r"[.!?,;:]\s*$", content.strip()):
        return False
    return all(w[0].isupper() or w[0].isdigit() or w.lower() in TITLE_SMALL_WORDS for w in words) and (
        words[0][0].isupper() or words[0][0].isdigit()
    )


def _names_a_work(content: str, before_words: list[Token], after_words: list[Token]) -> bool:
    """The title of a book, show or film: quoted words (capitalised, a dozen at most) right
    after the noun for the work ('his new book, "Doomed to Succeed,"') or right before a
    role in it ('"Orange Is the New Black" star Selenis Leyva')."""
    if not content[:1].isupper() or len(_WORDS.findall(content)) > 12:
        return False
    if before_words and before_words[-1].lemma_.lower() in WORK_NOUNS and before_words[-1].pos_ == "NOUN":
        return True
    return bool(after_words) and after_words[0].lower_ in WORK_ROLES


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
    tokens = _tokens_in(doc, start, end, masked)
    heads = [t for t in tokens if is_cue(t) and t.dep_ == "ROOT"]
    if len(heads) != 1:
        return None
    subj = subject_of(heads[0])
    if subj is None or subj.lower_ in NON_SPEAKER_SUBJECTS or subj.pos_ not in ("PROPN", "NOUN", "PRON"):
        return None
    return heads[0]


def _last_closes(marks: list[MarkSpan]) -> dict[int, int]:
    """Paragraph start -> the position of its last closing mark."""
    out: dict[int, int] = {}
    for m in marks:
        if m.close_pos >= 0:
            out[m.para_start] = max(out.get(m.para_start, -1), m.close_pos)
    return out


def _paragraph_signature(text: str, last: int, pe: int) -> str | None:
    """The name on a '― Name' signature closing the paragraph after its last quote (whose
    closing mark is at ``last``, -1 for none)."""
    if last < 0:
        return None
    dash = _DASH_LINE.match(text[last + 1 : pe].strip())
    return _dash_name(dash) if dash and len(dash.group(1).split()) <= 8 else None


def _frames_quote(tail_tokens: list[Token], tail: str, tail_start: int) -> bool:
    """'?” Graham asked.' / '.” said the senator, ...': after a quote that ends its own
    sentence, a cue among the next words still attributes it, unless the cue goes on to
    a quote or clause of its own ('." He said "I ...', '." He said the move ...'). Further
    on, a cue whose subject opens the frame ('!" Scott's niece, Marcia "Cia" Price, shouted')."""
    words = [t for t in tail_tokens if not t.is_punct and not t.is_space]
    cue = next((t for t in words[:4] if is_cue(t) or _frame_verb(t)), None)
    if cue is None and words:
        cue = next((t for t in words[4:14] if is_cue(t) and _subject_opens(t, words[0])), None)
    if cue is None or _MARKS & set(tail[cue.idx - tail_start :]):
        return False
    return _cue_ok_after(cue, tail_tokens)


def _subject_opens(cue: Token, first: Token) -> bool:
    return any(c.dep_ == "nsubj" and c.left_edge.i == first.i for c in cue.children)


def _fragment_roots(doc: Doc, m: MarkSpan) -> list[Token]:
    """The quoted words whose head lies outside the marks (all of them if none does)."""
    qtoks = _tokens_in(doc, m.start, m.end, [])
    return [t for t in qtoks if not (m.start <= t.head.idx < m.end)] or qtoks


def _hangs_from(cue: Token, roots: Sequence[Token]) -> bool:
    """The quoted words (their roots) depend in the parse on the cue."""
    return any(cue in r.ancestors or r.head == cue for r in roots)


def _inside_reported_clause(cue: Token | None, roots: list[Token], m: MarkSpan) -> bool:
    """The quoted words (their roots, from _fragment_roots) continue a reported clause begun
    before the marks: they hang from the cue before them, but through the reporter's words,
    not as its own complement."""
    if cue is None or cue.idx >= m.start:
        return False
    words = [r for r in roots if not r.is_punct]
    return bool(words) and all(cue in r.ancestors and r.head != cue for r in words)


def _frame_verb(tok: Token) -> bool:
    """'"This is fantastic!" beamed Donald Hartley': a verb of manner that reports speech only
    in the frame right after a quote (its first words), never before one."""
    if tok.lemma_.lower() not in FRAME_VERBS or tok.pos_ != "VERB":
        return False
    prev = [t for t in tok.doc[max(0, tok.i - 4) : tok.i] if not t.is_space]
    return any(t.is_quote for t in prev[-3:])  # '...," he offered' / '..." beamed X


def _name_before_colon(before: list[Token]) -> str | None:
    """'Pollster Daron Shaw: "..."': a person or organisation named right before the colon
    that opens a quote (only a time may stand between: 'Clinton in December 1992:')."""
    words = [t for t in before if not t.is_space]
    if len(words) < 2 or words[-1].text != ":":
        return None
    # the name closing the words before the colon, or followed only by a time ("in December 1992")
    for t in reversed(words[:-1]):
        if t.ent_type_ in ("PERSON", "ORG"):
            ent = next(e for e in t.doc.ents if e.start <= t.i < e.end)
            toks = list(ent)
            while toks and not toks[0].text[:1].isupper():
                toks = toks[1:]  # "’s Clinton": the NER took the clitic
            return "".join(x.text_with_ws for x in toks).strip() or None
        if t.ent_type_ not in ("DATE", "TIME") and not t.is_punct and t.pos_ != "ADP":
            return None
    return None


def _outer_cue(cue: Token | None, m: MarkSpan) -> Token | None:
    """'Clinton said that when Warren railed against Wall Street, "she is ..."': a cue inside
    an adverbial clause ("when ...") that ends before the quote sets the scene for the speech
    verb above it, which is the quote's cue."""
    if cue is None or cue.dep_ != "advcl" or cue.right_edge.idx >= m.start:
        return cue
    if not any(c.dep_ in ("mark", "advmod") and c.lower_ in ADVERBIAL_MARKS for c in cue.children):
        return cue
    outer = cue.head
    for _ in range(3):
        if is_cue(outer) and outer.idx < cue.idx:
            return outer
        if outer.head.i == outer.i:
            break
        outer = outer.head
    return cue


def _pick_cue(tokens: list[Token], after: bool, roots: Sequence[Token] = ()) -> Token | None:
    """The cue among the frame's words: the first after a quote; before it, the last one,
    unless that one sits in a relative clause or an infinitive the quoted words do not hang
    from ('saying anybody who complains about it "is not ..."' is said, not complained)."""
    cues = [t for t in tokens if is_cue(t) or after and _frame_verb(t)]
    acc = [t for t in tokens if t.lower_ == "according" and according_to(t) is not None]
    if not cues and not acc:
        return None
    pool = cues or acc
    if after:
        return pool[0]
    last = pool[-1]
    if last.dep_ in ("relcl", "xcomp") and not _hangs_from(last, roots):
        held = [t for t in pool if _hangs_from(t, roots)]
        return held[-1] if held else last
    return last


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
                and not continues_relative(c) and not _set_off(cue, c)
                and any(g.dep_ in ("nsubj", "nsubjpass", "expl") for g in c.children)):
            return False
    return True


def _set_off(cue: Token, clause: Token) -> bool:
    """'..." Kiedis said, mentioning the album is ...' / '..." said Robin Maynard, half
    joking.': a clause after a comma or dash, or one whose subject is the name the cue inverts, is
    the parser's reading of what follows the frame, not a clause the cue reports."""
    doc = cue.doc
    first = clause.left_edge.i
    if first > cue.i + 1 and doc[first - 1].text in (",", "-", "–", "—", "--"):
        return True
    return any(g.dep_ == "nsubj" and g.pos_ == "PROPN" and g.left_edge.i == cue.i + 1 for g in clause.children)


def _relays(cue: Token) -> bool:
    """'..., as quoted by Greek Reporter': an outlet relaying the quote, not its source."""
    return cue.tag_ == "VBN" and any(c.dep_ in ("mark", "advmod") and c.lower_ == "as" for c in cue.children)


def _borrows_subject_from(cue: Token, earlier: Token) -> bool:
    """'acknowledged their government had "unintentionally" shot down ..., blaming "human
    error"': a subjectless participle or conjunct after the quote, hanging from the cue
    before it, reports its own words, not these."""
    if any(c.dep_ in ("nsubj", "nsubjpass") for c in cue.children):
        return False
    if cue.dep_ not in ("advcl", "xcomp", "conj", "acl"):
        return False
    return earlier in cue.ancestors


def _statement_cue(tokens: list[Token]) -> Token | None:
    """The verb of 'X issued the following statement ...:' – a speech-act noun as the object
    of a verb with a subject, before a colon (the verb alone is not a speech verb)."""
    for t in reversed(tokens):
        if (t.dep_ == "dobj" and t.lemma_.lower() in STATEMENT_NOUNS and t.head.pos_ == "VERB"
                and t.head.i < t.i and not any(c.dep_ == "neg" for c in t.head.children)
                and subject_of(t.head) is not None):
            return t.head
    return None


def find_direct(doc: Doc, text: str, marks: list[MarkSpan], paras: list[tuple[int, int]]) -> list[RawQuote]:
    masked = [(m.start, m.end) for m in marks]
    para_index = {a: i for i, (a, _) in enumerate(paras)}
    last_close = _last_closes(marks)
    out: list[RawQuote] = []
    for m in marks:
        content = text[m.start : m.end]
        if not _WORDS.search(content):
            continue
        ps, pe = m.para_start, m.para_end
        # where the opening mark begins: a doubled apostrophe (''like this'') is recorded at its second character
        lead = m.open_pos - 1 if m.open_pos > ps and text[m.open_pos - 1 : m.open_pos + 1] == "''" else m.open_pos
        s_start, _ = sentence_bounds(text, lead, ps, pe, masked)
        close = m.close_pos if m.close_pos >= 0 else m.end
        _, s_end = sentence_bounds(text, close + 1, ps, pe, masked) if close + 1 < pe else (ps, pe)
        after = _tokens_in(doc, close + 1, s_end, masked) if close + 1 < s_end else []
        if (_ENDS_SENTENCE.search(content) and _NEXT_SENTENCE.match(text, close + 1, pe)
                and not _frames_quote(after, text[close + 1 : s_end], close + 1)):
            s_end, after = close + 1, []  # '... barbarity." He said "I ...': the sentence ended inside the marks
        before = _tokens_in(doc, s_start, lead, masked)
        before_words = [t for t in before if not t.is_punct and not t.is_space]
        after_words = [t for t in after if not t.is_punct and not t.is_space]

        q = RawQuote(m.start, m.end, "direct")
        cue = None
        roots = _fragment_roots(doc, m)
        cue_after = _pick_cue(after, after=True)
        cue_before = _outer_cue(_pick_cue(before, after=False, roots=roots), m)
        if cue_after is not None and _cue_ok_after(cue_after, after):
            cue = cue_after
            if cue_before is not None and (_relays(cue_after) or _borrows_subject_from(cue_after, cue_before)
                                           or _hangs_from(cue_before, roots) and not _hangs_from(cue_after, roots)):
                cue = cue_before  # '... said X remained "one of ...", but he also warned ...'
        if cue is None:
            cue = cue_before
        stmt = None
        if cue is None and text[:lead].rstrip().endswith(":"):
            stmt = _statement_cue(before)  # 'issued the following statement today ...: "..."'
            cue = stmt
            name = _name_before_colon(before) if stmt is None else None
            if name is not None and not after_words and sieve_on("colon.speaker_before"):
                # 'Republican pollster Daron Shaw: "..."', 'Here's Clinton in 1992: "..."'
                q.speaker_text, q.method, q.sieve = name, "dash", "colon.speaker_before"
                out.append(q)
                continue
        if cue is not None and not sieve_on(
                "according_to" if cue.lower_ == "according" else "colon.statement" if stmt is not None else "cue.subject"):
            cue = stmt = None  # switched off: as if no cue framed the quote
        if cue is not None:
            q.cue_tok = cue
            if cue.lower_ == "according":
                q.subj_tok = according_to(cue)
                q.cue_text = text[cue.idx : cue.nbor(1).idx + len(cue.nbor(1))]
                q.method, q.sieve = "according", "according_to"
            else:
                q.subj_tok = subject_of(cue)
                q.cue_text = cue.text
                if stmt is not None:
                    noun = next(c for c in cue.children if c.dep_ == "dobj")
                    q.cue_text = text[cue.idx : noun.idx + len(noun)]
                # "went on to say", "pointed out": keep the phrase
                prt = [c for c in cue.children if c.dep_ == "prt" and c.i == cue.i + 1]
                if prt:
                    q.cue_text = text[cue.idx : prt[0].idx + len(prt[0])]
            q.cue_start = cue.idx
        # kind: words built into the reporter's sentence are mixed
        prev_char = text[:lead].rstrip()[-1:] if lead > ps else ""
        starts_lower = bool(re.match(r"\W*[a-z]", content)) and not content.startswith("[")
        n_words = len(_WORDS.findall(content))
        # after a word, a bracket, a percent or a possessive ("the United States’ “stalwart allies”")
        attached = prev_char != "" and (prev_char.isalnum() or prev_char in ")%"
                                        or prev_char in "’'" and re.search(r"\ws[’']\s*$", text[:lead]) is not None)
        trailing_text = bool(after_words) and (cue is None or cue.i < (after_words[0].i if after_words else 0))
        # 'saying "It is not only ..."': a sentence right after the speech verb is its whole complement
        after_verb = bool(before) and cue is not None and before[-1].i == cue.i and not starts_lower and n_words >= 3
        if attached and not after_verb and (
                starts_lower or n_words < 5 or not re.search(r"[.!?…]\W*$", content.strip())):
            q.kind = "mixed"
        elif starts_lower and trailing_text and prev_char == ",":
            q.kind = "mixed"
        elif starts_lower and prev_char == "," and _inside_reported_clause(cue, roots, m):
            q.kind = "mixed"  # 'said it's unrealistic to think that if ..., "our oceans are ..."'
        # a name after a colon that the sentence goes on to use (': "COVID-19" is to replace ...') stays a name
        named_subject = bool(after_words) and not is_cue(after_words[0]) and after_words[0].pos_ in ("VERB", "AUX")
        if _looks_like_title(content) and not (prev_char != "" and prev_char in (":", ",") and cue is not None
                                               and not attached and not named_subject):
            continue
        if _names_a_work(content, before_words, after_words):
            continue  # 'In his new book, "Doomed to Succeed," ...', '"Orange Is the New Black" star
        if q.kind == "mixed":
            if cue is None:
                continue
            if any(c.dep_ == "auxpass" for c in cue.children) and not any(c.dep_ == "agent" for c in cue.children):
                continue  # 'was commonly called "swine flu."': a passive with no source
            if cue.lemma_.lower() in NAMING_VERBS and content[:1].isupper():
                continue
            # the fragment must hang (in the parse) from the cue or sit in its clause
            ok = cue.lower_ == "according" or _hangs_from(cue, roots)
            if not ok:
                ok = cue.i < (roots[0].i if roots else 0) and cue.sent == (roots[0].sent if roots else None)
            if not ok:
                continue
        if cue is not None:
            q.method = q.method if q.method == "according" else "cue"
            q.sieve = q.sieve or ("colon.statement" if stmt is not None else "cue.subject")
            out.append(q)
            continue
        # no cue around it: the sentence or paragraph before, a dash line, or inheritance
        if m.continues_prev and out and out[-1].end <= m.start and sieve_on("paragraph.continuation"):
            q.method, q.inherit_from, q.sieve = "continued", len(out) - 1, "paragraph.continuation"
            out.append(q)
            continue
        # 'But "Trump's candidacy is strengthened ..."': a linking word before a quoted sentence
        linked = (len(before_words) == 1 and before_words[0].lower_ in LINK_WORDS and not after_words
                  and _ENDS_SENTENCE.search(content) is not None)
        signed = _paragraph_signature(text, last_close.get(ps, -1), pe) if lead == ps else None
        if signed and sieve_on("dash.signature"):
            q.speaker_text, q.method, q.sieve = signed, "dash", "dash.signature"  # '"A." And "B." ― Christina Lastra.'
            out.append(q)
            continue
        if (before_words or after_words) and not linked:
            # quoted words inside an uncued sentence: a scare quote, title or term
            dash = _DASH_LINE.match(text[close + 1 : pe].strip()) if close + 1 < pe else None
            if dash and not before_words and sieve_on("dash.after_quote"):
                q.speaker_text, q.method, q.sieve = _dash_name(dash), "dash", "dash.after_quote"
                out.append(q)
            continue
        pi = para_index.get(ps, -1)
        prev_para = paras[pi - 1] if pi > 0 else None
        next_para = paras[pi + 1] if 0 <= pi < len(paras) - 1 else None
        if next_para is not None:
            dash = _DASH_LINE.match(text[next_para[0] : next_para[1]])
            if dash and len(dash.group(1).split()) <= 8 and sieve_on("dash.next_paragraph"):
                q.speaker_text, q.method, q.sieve = _dash_name(dash), "dash", "dash.next_paragraph"
                out.append(q)
                continue
        if prev_para is not None and text[prev_para[1] - 1] == ":" and lead == ps:
            ls, _ = sentence_bounds(text, prev_para[1] - 1, prev_para[0], prev_para[1], masked)
            toks = _tokens_in(doc, ls, prev_para[1], masked)
            c = _pick_cue(toks, after=False)
            if c is not None and sieve_on("colon.paragraph_before"):
                q.cue_tok, q.cue_text, q.cue_start = c, c.text, c.idx
                q.subj_tok = subject_of(c) if c.lower_ != "according" else according_to(c)
                q.method, q.sieve = "colon", "colon.paragraph_before"
                out.append(q)
                continue
        # 'Cummings called him a master at deals. "He showed again and again ..."': a quoted
        # sentence right after a sentence that reports its speaker's words
        reporter = _reporting_sentence_before(doc, text, lead, ps, masked) if n_words >= 3 else None
        if reporter is not None and not (out and out[-1].end > reporter.idx) and sieve_on("sentence_before.speaker"):
            q.cue_tok, q.cue_text, q.cue_start = reporter, reporter.text, reporter.idx
            q.subj_tok, q.method, q.sieve = subject_of(reporter), "previous", "sentence_before.speaker"
            out.append(q)
            continue
        # a fully quoted sentence right after a quote: same speaker (floating quote)
        if out and n_words >= 3:
            last = out[-1]
            # the very next paragraph: no whole paragraph in between ('"A," X said.\n\n"B."')
            between = [seg for seg in re.split(r"\n+", text[last.end : m.open_pos])[1:-1] if seg.strip()]
            # after a mixed fragment only when its cue stands between ('..., Cole said. "..."')
            cue_between = last.cue_start >= 0 and last.end <= last.cue_start < m.open_pos
            if (not between and (last.kind == "direct" or cue_between and ps <= last.start)
                    and sieve_on("floating.previous_quote")):
                q.method, q.inherit_from, q.sieve = "floating", len(out) - 1, "floating.previous_quote"
                out.append(q)
                continue
    return out


def find_blocks(doc: Doc, text: str, marks: list[MarkSpan], paras: list[tuple[int, int]]) -> list[RawQuote]:
    """Block quotations without marks: a paragraph introduced by a colon and followed
    by an attribution line ("– Name")."""
    out: list[RawQuote] = []
    if not sieve_on("dash.block"):
        return out
    for i in range(1, len(paras) - 1):
        (ps, pe), (qs, qe), (ns, ne) = paras[i - 1], paras[i], paras[i + 1]
        if text[pe - 1] != ":":
            continue
        dash = _DASH_LINE.match(text[ns:ne])
        if not dash or len(dash.group(1).split()) > 8:
            continue
        if any(m.start < qe and qs < m.end for m in marks):
            continue
        q = RawQuote(qs, qe, "direct", speaker_text=_dash_name(dash), method="dash", sieve="dash.block")
        masked = [(m.start, m.end) for m in marks]
        ls, _ = sentence_bounds(text, pe - 1, ps, pe, masked)
        c = _pick_cue(_tokens_in(doc, ls, pe, masked), after=False)
        if c is not None:
            q.cue_tok, q.cue_text, q.cue_start = c, c.text, c.idx
        out.append(q)
    return out
