"""spaCy DocBin: one Doc per article, quotes as a span group, ready to train a spancat on "quotes".

Span groups: "quotes" (label = kind), "speakers" (label SPEAKER) and "cues" (label CUE).
Rejected quotes go to "rejected_quotes" so they never train as positives.
Per-quote fields that a Span cannot hold live in ``doc.user_data``, one list per quote group
in span order ("newsread_quotes", "newsread_rejected_quotes"; each with "speaker" and the list
"speakers"), and the article's own fields in
"newsread_article"; DocBin(store_user_data=True) keeps them through serialisation.

Beside ``NAME.spacy`` goes ``NAME.cfg``: spaCy's own spancat config (``init_config``) set to train
on the "quotes" key, with an n-gram suggester covering the token lengths of the exported quotes,
so ``python -m spacy train NAME.cfg`` runs as it is.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from .output import atomic_write, is_special_file, write_text_file
from .records import Record, article_fields, attribution_fields, cue_end, has_cue, has_mention, is_rejected, quote_fields

WRITES = "file"
DESCRIPTION = "spaCy DocBin (.spacy) with span groups quotes/speakers/cues, and a spancat .cfg beside it (needs -o)"
SPANS_KEY = "quotes"  # the span group a spancat trains on (article_doc writes it)


def write(records: Iterable[Record], out: Path) -> int:
    import spacy  # lazy: over a second to import
    from spacy.tokens import DocBin

    nlp = spacy.blank("en")  # tokenizer only: no model needed to read or write training data
    doc_bin = DocBin(store_user_data=True)
    count, lengths = 0, []
    for article, quotes in records:
        doc = article_doc(nlp, article, quotes)
        doc_bin.add(doc)
        lengths += [len(span) for span in doc.spans[SPANS_KEY]]
        count += len(quotes)
    atomic_write(out, lambda handle: handle.write(doc_bin.to_bytes()), binary=True)
    config = config_path(out)
    if config is not None:
        write_text_file(config, training_config(out, lengths).to_str())
    return count


def config_path(out: Path) -> Path | None:
    """Where the training config goes: ``NAME.cfg`` beside ``NAME.spacy``; none beside a device or FIFO
    (``-o /dev/null`` must not leave ``/dev/null.cfg``)."""
    config = out.with_suffix(".cfg")
    return None if is_special_file(out) or config == out else config


def training_config(out: Path, quote_lengths: list[int]):
    """spaCy's default spancat config for English, set to train on SPANS_KEY of this DocBin.

    The suggester proposes every n-gram from the shortest to the longest exported quote (in
    tokens), so each gold quote is a candidate; the score weights name SPANS_KEY, and the
    default key's ("sc") are switched off, else spaCy would weigh a key nothing writes.
    """
    from spacy import util
    from spacy.cli.init_config import init_config

    config = init_config(lang="en", pipeline=["spancat"])
    config["paths"]["train"] = config["paths"]["dev"] = str(out)  # --paths.train/--paths.dev override them
    spancat = config["components"]["spancat"]
    spancat["spans_key"] = SPANS_KEY
    spancat["suggester"] = {"@misc": "spacy.ngram_range_suggester.v1",
                            "min_size": min(quote_lengths, default=1), "max_size": max(quote_lengths, default=1)}
    config["training"]["score_weights"] = {
        "spans_sc_f": None, "spans_sc_p": None, "spans_sc_r": None,
        f"spans_{SPANS_KEY}_f": 1.0, f"spans_{SPANS_KEY}_p": 0.0, f"spans_{SPANS_KEY}_r": 0.0,
    }
    # Loading it checks it as `spacy train` will, and fills in what the changes leave open.
    return util.load_model_from_config(config, auto_fill=True, validate=True).config


def article_doc(nlp, article, quotes):
    doc = nlp.make_doc(article.text)
    groups = {"quotes": [], "rejected_quotes": [], "speakers": [], "cues": []}
    details = {"quotes": [], "rejected_quotes": []}
    for quote in sorted(quotes, key=lambda q: (q.start, q.end)):
        span = doc.char_span(quote.start, quote.end, label=quote.kind, alignment_mode="expand")
        if span is None:  # an empty span cannot be a token span
            continue
        group = "rejected_quotes" if is_rejected(quote) else "quotes"
        groups[group].append(span)
        details[group].append({"id": getattr(quote, "id", 0), **quote_fields(quote), **attribution_fields(quote)})
        if group == "quotes":
            _add_span(groups["speakers"], doc, quote.mention_start, quote.mention_end, "SPEAKER", has_mention(quote))
            _add_span(groups["cues"], doc, quote.cue_start, cue_end(quote), "CUE", has_cue(quote))
    for name, spans in groups.items():
        doc.spans[name] = spans
    doc.user_data["newsread_article"] = article_fields(article)
    doc.user_data["newsread_quotes"] = details["quotes"]
    doc.user_data["newsread_rejected_quotes"] = details["rejected_quotes"]
    return doc


def _add_span(spans: list, doc, start: int, end: int, label: str, present: bool) -> None:
    """Add a span once: several quotes often share one speaker mention or cue."""
    if not present:
        return
    span = doc.char_span(start, end, label=label, alignment_mode="expand")
    if span is not None and not any(s.start == span.start and s.end == span.end for s in spans):
        spans.append(span)
