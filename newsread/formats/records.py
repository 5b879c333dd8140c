"""The shapes every format shares: a record, a quote as a flat dict, and the errors readers raise."""

from __future__ import annotations

import math
from collections.abc import Callable
from typing import TypeVar

from newsread.model import QUOTE_KINDS, SPEAKER_KINDS, STATUSES, Article, Quote, StoredArticle, StoredQuote, joined_name
from newsread.text import storable

# One article with its quotes, as the store hands them to the exporters.
Record = tuple[StoredArticle, list[StoredQuote]]

# The quote's own fields, in the order every flat format writes them. ``speakers`` is the list
# of every speaker (a joint statement has several); ``speaker`` their joined name.
QUOTE_KEYS = (
    "start", "end", "text", "kind", "speaker", "speakers", "speaker_kind", "cue", "cue_start",
    "mention_start", "mention_end", "confidence", "status", "human", "note",
)
ARTICLE_KEYS = ("id", "title", "source", "url", "date", "author", "licence")
# How the extractor attributed the quote (docs/formats.md): the per-quote JSONL, the CSV and the
# articles JSONL write them after QUOTE_KEYS; "" and [] for quotes a person added.
ATTRIBUTION_KEYS = ("sieve", "evidence")
T = TypeVar("T")


class FormatError(ValueError):
    """An annotation file that cannot be read; the message is one line naming where."""


# SQLite's integers are 64-bit: a larger id cannot be stored (nor looked up).
LARGEST_ID = 2**63 - 1


def checked_id(value: int, where: str, key: str = "id") -> int:
    """An integer id as SQLite can hold it; 0 and below mean "none" (a new id is chosen)."""
    if value > LARGEST_ID:
        raise FormatError(f"{where}: {key} {value} is too large for an id")
    return value


def one_record(where: str, read: Callable[[], T]) -> T | FormatError:
    """``read()``, or the FormatError saying in one line why this one record cannot be read:
    a reader yields it in the record's place, so one bad record does not stop the rest."""
    try:
        return read()
    except FormatError as error:
        return error
    except UnicodeDecodeError as error:
        return FormatError(f"{where}: not UTF-8 text (byte 0x{error.object[error.start]:02x})")
    except RecursionError:
        return FormatError(f"{where}: nested too deeply")
    except OSError as error:
        return FormatError(f"{storable(str(error.filename or where))}: {error.strerror or type(error).__name__}")


def quote_fields(quote: Quote) -> dict:
    """A quote's fields in QUOTE_KEYS order; a plain Quote counts as unreviewed model output."""
    fields = {key: getattr(quote, key, _REVIEW_DEFAULTS.get(key)) for key in QUOTE_KEYS}
    fields["speakers"] = quote.speaker_names()
    return fields


_REVIEW_DEFAULTS = {"status": "unreviewed", "human": False, "note": ""}


def attribution_fields(quote: Quote) -> dict:
    """The quote's sieve and evidence chain (a copy, so writers may change the dict)."""
    return {"sieve": getattr(quote, "sieve", "") or "",
            "evidence": [dict(step) for step in getattr(quote, "evidence", None) or []]}


def _evidence_from(value: object, where: str) -> list[dict]:
    if not isinstance(value, list) or not all(isinstance(step, dict) for step in value):
        raise FormatError(f"{where}: evidence is not a list of steps")
    steps = []
    for step in value:
        try:
            steps.append({"sieve": str(step.get("sieve", "")), "text": str(step.get("text", "")),
                          "start": int(step.get("start", -1)), "end": int(step.get("end", -1))})
        except (TypeError, ValueError):
            raise FormatError(f"{where}: an evidence step needs integer start and end") from None
    return steps


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
    if "start" not in fields or "end" not in fields:
        raise FormatError(f"{where}: quote needs integer start and end")
    start, end = (_coerce(fields[key], int, where, key) for key in ("start", "end"))
    if not 0 <= start <= end <= len(article_text):
        raise FormatError(f"{where}: quote offsets [{start}, {end}) are outside the text ({len(article_text)} characters)")
    if start == end:  # as the store and brat have it: a quote holds at least one character
        raise FormatError(f"{where}: quote offsets [{start}, {end}) hold nothing")
    for key in ("cue_start", "mention_start", "mention_end"):  # -1: none
        value = fields.get(key)
        if value is not None and not -1 <= _coerce(value, int, where, key) <= len(article_text):
            raise FormatError(f"{where}: {key} {value} is outside the text ({len(article_text)} characters)")
    mention = (fields.get("mention_start", -1), fields.get("mention_end", -1))
    if mention != (-1, -1) and (None not in mention) and not 0 <= mention[0] <= mention[1]:  # both -1, or a span
        raise FormatError(f"{where}: mention [{mention[0]}, {mention[1]}) is not a span of the text (-1 and -1 for none)")
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
    for key, allowed in (("status", STATUSES), ("kind", QUOTE_KINDS), ("speaker_kind", SPEAKER_KINDS)):
        if values[key] not in allowed:
            raise FormatError(f"{where}: unknown {key} {values[key][:40]!r} (one of {', '.join(allowed)})")
    checked_id(values["id"], where)
    values["sieve"] = str(fields.get("sieve") or "")
    values["evidence"] = _evidence_from(fields["evidence"], where) if fields.get("evidence") is not None else []
    if "status" not in fields:
        return Quote(**{key: value for key, value in values.items() if key in Quote.__dataclass_fields__})
    return StoredQuote(**values)


_TYPE_NAMES = {bool: "true or false", int: "an integer", float: "a number", str: "a string"}


def _coerce(value: object, kind: type, where: str, key: str):
    """``value`` when it already is of ``kind`` (an int for a float too); nothing is converted:
    "17", 17.5 or true are not offsets, and an object is not a name."""
    if kind in _TYPE_NAMES:
        if kind is float:
            try:
                fits = isinstance(value, (int, float)) and not isinstance(value, bool) and math.isfinite(value)
            except OverflowError:  # an integer too large for a float
                fits = False
        else:
            fits = isinstance(value, kind) and (kind is bool or not isinstance(value, bool))
        if not fits:
            from .clean import shown

            raise FormatError(f"{where}: {key} {shown(value)} is not {_TYPE_NAMES[kind]}")
        return kind(value)
    try:
        return kind(value)
    except (TypeError, ValueError):
        raise FormatError(f"{where}: {key} {value!r} is not {kind.__name__}") from None
