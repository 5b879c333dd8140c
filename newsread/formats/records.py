"""The shapes every format shares: a record, a quote as a flat dict, and the errors readers raise."""

from __future__ import annotations

from newsread.model import STATUSES, Article, Quote, StoredArticle, StoredQuote, joined_name

# One article with its quotes, as the store hands them to the exporters.
Record = tuple[StoredArticle, list[StoredQuote]]

# The quote's own fields, in the order every flat format writes them. ``speakers`` is the list
# of every speaker (a joint statement has several); ``speaker`` their joined name.
QUOTE_KEYS = (
    "start", "end", "text", "kind", "speaker", "speakers", "speaker_kind", "cue", "cue_start",
    "mention_start", "mention_end", "confidence", "status", "human", "note",
)
ARTICLE_KEYS = ("id", "title", "source", "url", "date", "author", "licence")


class FormatError(ValueError):
    """An annotation file that cannot be read; the message is one line naming where."""


def quote_fields(quote: Quote) -> dict:
    """A quote's fields in QUOTE_KEYS order; a plain Quote counts as unreviewed model output."""
    fields = {key: getattr(quote, key, _REVIEW_DEFAULTS.get(key)) for key in QUOTE_KEYS}
    fields["speakers"] = quote.speaker_names()
    return fields


_REVIEW_DEFAULTS = {"status": "unreviewed", "human": False, "note": ""}


def article_fields(article: Article) -> dict:
    return {key: getattr(article, key, 0 if key == "id" else "") for key in ARTICLE_KEYS}


def is_rejected(quote: Quote) -> bool:
    return getattr(quote, "status", "unreviewed") == "rejected"


def cue_end(quote: Quote) -> int:
    return quote.cue_start + len(quote.cue)


def has_cue(quote: Quote) -> bool:
    return quote.cue_start >= 0 and bool(quote.cue)


def has_mention(quote: Quote) -> bool:
    return 0 <= quote.mention_start < quote.mention_end


def quote_from_fields(fields: dict, article_text: str, where: str) -> Quote:
    """A quote from a dict of QUOTE_KEYS (missing keys take the model's defaults), checked against the text.
    Without ``speakers`` (gold files), ``speaker`` is the one speaker.

    A StoredQuote when the dict carries a review ``status``, so status, human and note
    survive a round trip; a plain Quote otherwise (gold files), leaving the status to the importer.
    """
    try:
        start, end = int(fields["start"]), int(fields["end"])
    except (KeyError, TypeError, ValueError):
        raise FormatError(f"{where}: quote needs integer start and end") from None
    if not 0 <= start <= end <= len(article_text):
        raise FormatError(f"{where}: quote offsets [{start}, {end}) are outside the text ({len(article_text)} characters)")
    defaults = StoredQuote(start=start, end=end, text="")
    values = {}
    for key in QUOTE_KEYS + ("id",):
        if key == "speakers":
            continue
        value = fields.get(key)
        default = getattr(defaults, key)
        values[key] = default if value is None else _coerce(value, type(default), where, key)
    values["text"] = article_text[start:end]  # the offsets are the truth; a stale "text" must not win
    speakers = fields.get("speakers")
    if speakers is not None:  # the list is the truth; "speaker" is only its joined name
        if not isinstance(speakers, list) or not all(isinstance(name, str) for name in speakers):
            raise FormatError(f"{where}: speakers is not a list of names")
        values["speakers"], values["speaker"] = list(speakers), joined_name(speakers)
    if values["status"] not in STATUSES:
        raise FormatError(f"{where}: unknown status {values['status']!r}")
    if "status" not in fields:
        return Quote(**{key: value for key, value in values.items() if key in Quote.__dataclass_fields__})
    return StoredQuote(**values)


def _coerce(value: object, kind: type, where: str, key: str):
    if kind is bool and isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes")
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise FormatError(f"{where}: {key} {value!r} is not {kind.__name__}") from None
