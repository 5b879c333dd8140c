"""Imported annotations made to look as ingest would have stored them.

``newsread add`` normalises every article (``newsread.text.normalize``: NFC, ``\\n`` line
ends, no control characters but ``\\n`` and ``\\t``); an import must not store what an add
never would. The annotations were made on the raw text, so when normalising changes it
their offsets are carried through the change (``normalize_mapped``): a quote keeps exactly
the characters it held, minus the ones removed. Metadata and speaker names become one clean
line each, as ingest makes them; cues and notes are normalised.
"""

from __future__ import annotations

import json

from newsread.ingest.result import clean_line
from newsread.model import Article, Quote, joined_name
from newsread.text import normalize, normalize_mapped, storable

from .records import FormatError

ARTICLE_TEXT_FIELDS = ("title", "source", "url", "date", "author", "licence")


def shown(value: object, width: int = 40) -> str:
    """A JSON value as a short, safe piece of a one-line message."""
    text = json.dumps(value, ensure_ascii=True, default=repr)
    return text if len(text) <= width else text[:width - 1] + "…"


def text_field(data: dict, key: str, where: str) -> str:
    """``data[key]`` when it is a string ("" when absent or null); any other type is an error."""
    value = data.get(key)
    if value is None:
        return ""
    if not isinstance(value, str):
        raise FormatError(f"{where}: {key} {shown(value)} is not a string")
    return value


def normalised_record(article: Article, quotes: list[Quote], where: str,
                      labels: list[str] | None = None) -> tuple[Article, list[Quote]]:
    """``article`` and its ``quotes`` (offsets into the raw text) as ingest stores them, in place.

    ``labels`` name the quotes in errors (default ``quote N``). A quote that held nothing but
    removed characters is refused: it has no text left to be a quote of.
    """
    try:
        text, mapping = normalize_mapped(article.text)
    except ValueError:
        raise FormatError(f"{where}: the quote offsets cannot be carried through text normalisation") from None
    article.text = text
    article.path = storable(article.path)  # a file name that is not UTF-8 cannot be stored as it is
    for name in ARTICLE_TEXT_FIELDS:
        setattr(article, name, clean_line(getattr(article, name, "")))
    for number, quote in enumerate(quotes, start=1):
        label = labels[number - 1] if labels else f"quote {number}"
        if mapping is not None:
            held = quote.end > quote.start
            quote.start, quote.end = mapping(quote.start), mapping(quote.end, end=True)
            if held and quote.end == quote.start:
                raise FormatError(f"{where}: {label}: nothing left of the quote once control characters are removed")
            if quote.cue_start >= 0:
                quote.cue_start = mapping(quote.cue_start)
            if quote.mention_start >= 0 and quote.mention_end >= 0:
                quote.mention_start, quote.mention_end = mapping(quote.mention_start), mapping(quote.mention_end, end=True)
            for step in getattr(quote, "evidence", None) or []:  # the extractor's chain: offsets too
                if isinstance(step, dict) and isinstance(step.get("start"), int) and step["start"] >= 0:
                    step["start"] = mapping(step["start"])
                    if isinstance(step.get("end"), int) and step["end"] >= 0:
                        step["end"] = mapping(step["end"], end=True)
        for step in getattr(quote, "evidence", None) or []:
            if isinstance(step, dict) and isinstance(step.get("text"), str):
                step["text"] = normalize(step["text"])
        quote.text = text[quote.start:quote.end]
        quote.cue = normalize(quote.cue)
        quote.speakers = [name for name in (clean_line(n) for n in quote.speakers) if name]
        quote.speaker = joined_name(quote.speakers) if quote.speakers else clean_line(quote.speaker)
        if hasattr(quote, "note"):
            quote.note = normalize(quote.note)
    return article, quotes
