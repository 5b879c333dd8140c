"""The SQLite store: schema, migrations, queries and the correction log."""

from .base import open_store_count
from .connection import QuoteChanged, StoreError, open_database
from .learned import LearnedSpeaker, apply_learned
from .library import LIBRARY_SORTS, LibraryView
from .records import ArticleSummary, CorpusProgress, Correction, ReextractReport, SpeakerSummary
from .store import Store

__all__ = ["Store", "StoreError", "QuoteChanged", "open_database", "open_store_count", "ArticleSummary", "SpeakerSummary", "Correction", "ReextractReport",
           "LearnedSpeaker", "apply_learned", "LIBRARY_SORTS", "LibraryView", "CorpusProgress"]
