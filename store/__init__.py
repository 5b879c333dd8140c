"""The SQLite store: schema, migrations, queries and the correction log."""

from .connection import StoreError, open_database
from .store import ArticleSummary, Correction, ReextractReport, SpeakerSummary, Store

__all__ = ["Store", "StoreError", "open_database", "ArticleSummary", "SpeakerSummary", "Correction", "ReextractReport"]
