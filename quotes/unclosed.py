"""A quote paragraph whose closing mark the writer forgot before the frame.

'"There was no warning, said Kessel, whose group ...' opens a mark that the paragraph never
closes, so the whole paragraph, the frame too, would be read as the quote and the frame lost.
Where the parse shows a frame inside such a span (a speech verb after a comma, the quoted clause
its complement, a third person its subject), the quote ends at that comma, as if the mark stood
there. Read on the parse, so it runs after spaCy and before the quotes are framed.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

from .agents import may_speak
from .frames import is_cue, own_subject
from .lexicon import FRAME_PRONOUNS
from .marks import MarkSpan

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token


def close_before_frames(doc: Doc, marks: list[MarkSpan]) -> list[MarkSpan]:
    """``marks`` with each unclosed quote paragraph that holds its own frame ended before it."""
    out = []
    for m in marks:
        comma = _frame_inside(doc, m) if m.unclosed and not m.continued and not m.continues_prev else None
        out.append(m if comma is None else replace(m, end=comma, close_pos=comma))
    return out


def _frame_inside(doc: Doc, m: MarkSpan) -> int | None:
    """Where the comma before a frame inside the span ``m`` stands ('..., said Kessel.', '..., Ruiz
    said.'), or None."""
    span = doc.char_span(m.start, m.end, alignment_mode="contract")
    if span is None:
        return None
    for cue in span:
        subject = own_subject(cue) if is_cue(cue) else None
        if subject is None or not _third_person(subject):
            continue
        # the frame: the comma, then the cue and its subject either way round, nothing else
        first = cue if subject.i > cue.i else subject.left_edge
        said = [c for c in cue.children if c.dep_ == "ccomp" and c.i < first.i]
        if first.i - 1 <= span.start or doc[first.i - 1].text != "," or not said:
            continue
        if subject.i < cue.i and subject.right_edge.i != cue.i - 1:
            continue
        if not _ends_sentence(cue, subject):
            continue
        return doc[first.i - 1].idx
    return None


def _third_person(subject: Token) -> bool:
    return subject.lower_ in FRAME_PRONOUNS if subject.pos_ == "PRON" else may_speak(subject)


def _ends_sentence(cue: Token, subject: Token) -> bool:
    """The frame closes its sentence: past the cue and its subject ('said Kessel, whose group ...')
    only the subject's own words, the cue's adverbs and phrases ('in a filing') and the full stop;
    never a clause of the cue's own ('she told reporters that ...')."""
    last = max(cue.right_edge.i, subject.right_edge.i)
    sent_end = cue.sent.end - 1
    doc = cue.doc
    while sent_end > last and (doc[sent_end].is_punct or doc[sent_end].is_space or doc[sent_end].is_quote):
        sent_end -= 1
    if sent_end > last:
        return False
    tail = [c for c in cue.children if c.i > max(cue.i, subject.i) and c.dep_ not in ("punct", "advmod", "npadvmod", "prep")]
    return not tail
