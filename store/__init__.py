"""The SQLite store: schema, migrations, queries and the correction log."""

from .connection import StoreError, open_database
from .records import ArticleSummary, Correction, ReextractReport, SpeakerSummary
from .store import Store

__all__ = ["Store", "StoreError", "open_database", "ArticleSummary", "SpeakerSummary", "Correction", "ReextractReport"]
