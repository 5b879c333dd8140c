"""CSV: one row per quote, the same columns as the per-quote JSONL, UTF-8 with a header row."""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable
from typing import TextIO

from .jsonl import quote_rows
from .records import ATTRIBUTION_KEYS, QUOTE_KEYS, Record

WRITES = "stream"
DESCRIPTION = "one row per quote, same columns as jsonl"
SPEAKERS_SEPARATOR = " | "  # the speakers column: every speaker of a joint statement, in order
COLUMNS = ("quote_id", "article_id", *QUOTE_KEYS, *ATTRIBUTION_KEYS, "article_title", "article_source", "article_url",
           "article_date")


def write(records: Iterable[Record], stream: TextIO) -> int:
    writer = csv.DictWriter(stream, fieldnames=COLUMNS)
    writer.writeheader()
    count = 0
    for row in quote_rows(records):
        row["human"] = "true" if row["human"] else "false"
        row["speakers"] = SPEAKERS_SEPARATOR.join(row["speakers"])
        row["evidence"] = json.dumps(row["evidence"], ensure_ascii=False)  # the steps as one JSON cell
        writer.writerow(row)
        count += 1
    return count
