"""The schema's migration names, in order, readable without importing sqlite-utils.

``schema.py`` registers the migrations themselves and checks at import that it
defines exactly these; a new migration is added to both.
"""

MIGRATION_SET = "newsread"
SCHEMA = (
    "m001_initial",
    "m002_review_view_and_quote_history_index",
    "m003_quote_status_by_article_index",
    "m004_quote_ids_never_reused_and_versioned",
    "m005_undo_per_reader_session",
    "m006_quote_speakers",
    "m007_quote_sieve_and_evidence",
    "m008_descriptions_scoped_to_their_article",
    "m009_learned_speakers",
    "m010_quote_review_with_offsets_url_and_speakers",
    "m011_library_and_next_unreviewed_indexes",
    "m012_search_prefix_indexes",
    "m013_library_counts",
    "m014_six_lowest_speakers",
)

# How many of an article's lowest speaker ids article_progress holds since m014 (m013 held three):
# read by the migrations and by the library's speaker filter (store/library.py).
LOWEST_SPEAKERS = 6
