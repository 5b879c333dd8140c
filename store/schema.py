"""The database schema, as a list of sqlite-utils migrations applied in order.

A migration, once released, is never edited: a change of schema is a new migration
appended at the end, so every database ever written can be brought up to date.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

from .records import evidence_from_json
from .versions import MIGRATION_SET, SCHEMA

migrations = Migrations(MIGRATION_SET)
MIGRATION_NAMES: list[str] = []
Migration = Callable[[Database], None]
# The migrations say db.table(name), not db[name]: the same Table (no name here is a view),
# but typed as one rather than as Table | View.


def migration(fn: Migration) -> Migration:
    MIGRATION_NAMES.append(fn.__name__)
    return migrations()(fn)


@migration
def m001_initial(db: Database) -> None:
    db.table("articles").create(
        {
            "id": int,
            "title": str,
            "source": str,
            "url": str,
            "date": str,
            "author": str,
            "path": str,
            "licence": str,
            "text": str,
            "content_hash": str,
            "added_at": str,
            # Which pipeline and extractor version produced the current model quotes.
            "extractor": str,
            "extracted_at": str,
        },
        pk="id",
        not_null={"text", "content_hash"},
        defaults={"title": "", "source": "", "url": "", "date": "", "author": "", "path": "", "licence": "", "extractor": "", "extracted_at": ""},
    )
    db.table("articles").create_index(["content_hash"], unique=True)

    db.table("speakers").create(
        {"id": int, "name": str, "kind": str, "aliases": str},
        pk="id",
        not_null={"name"},
        defaults={"kind": "PERSON", "aliases": "[]"},
    )
    db.table("speakers").create_index(["name"], unique=True)

    # The entities the extractor found in an article: the speaker candidates the editor offers.
    db.table("article_speakers").create(
        {"article_id": int, "speaker_id": int, "position": int},
        pk=("article_id", "speaker_id"),
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
    )

    db.table("quotes").create(
        {
            "id": int,
            "article_id": int,
            "start": int,
            "end": int,
            "text": str,
            "kind": str,
            "speaker_id": int,
            "cue": str,
            "cue_start": int,
            "mention_start": int,
            "mention_end": int,
            "confidence": float,
            # unreviewed | accepted | corrected | rejected
            "status": str,
            # 1 when a person added or changed the quote
            "human": int,
            "note": str,
            "extractor": str,
            "updated_at": str,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id"), ("speaker_id", "speakers", "id")],
        not_null={"article_id", "start", "end", "text", "kind", "status"},
        defaults={"cue": "", "cue_start": -1, "mention_start": -1, "mention_end": -1, "confidence": 1.0, "status": "unreviewed", "human": 0, "note": "", "extractor": ""},
    )
    db.table("quotes").create_index(["article_id", "start"])
    db.table("quotes").create_index(["status"])
    db.table("quotes").create_index(["speaker_id"])

    # Append-only: every human change is one row, never updated or deleted.
    # Undo and redo are rows too ("reverts" names the row they take back).
    db.table("corrections").create(
        {
            "id": int,
            "quote_id": int,
            "article_id": int,
            "action": str,
            "user": str,
            "at": str,
            "before": str,
            "after": str,
            "reverts": int,
        },
        pk="id",
        foreign_keys=[("article_id", "articles", "id")],
        not_null={"action", "user", "at"},
    )
    db.table("corrections").create_index(["article_id"])
    db.execute(
        "CREATE TRIGGER corrections_append_only_update BEFORE UPDATE ON corrections "
        "BEGIN SELECT RAISE(ABORT, 'the correction log is append-only'); END"
    )
    db.execute(
        "CREATE TRIGGER corrections_append_only_delete BEFORE DELETE ON corrections "
        "BEGIN SELECT RAISE(ABORT, 'the correction log is append-only'); END"
    )

    # Full-text search over articles and quotes, kept in step by triggers.
    db.table("articles").enable_fts(["title", "text"], fts_version="FTS5", create_triggers=True)
    db.table("quotes").enable_fts(["text"], fts_version="FTS5", create_triggers=True)


@migration
def m002_review_view_and_quote_history_index(db: Database) -> None:
    # The editor shows one quote's history; without this it scans the whole log.
    db.table("corrections").create_index(["quote_id"])
    # One readable row per quote, for `datasette newsread.db` and ad-hoc SQL.
    db.create_view(
        "quote_review",
        """SELECT q.id AS quote_id, a.id AS article_id, a.title AS article, a.source, a.date,
                  q.kind, q.text AS quote, s.name AS speaker, s.kind AS speaker_kind, q.cue,
                  q.status, q.human, q.confidence, q.note
           FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id""",
    )



@migration
def m003_quote_status_by_article_index(db: Database) -> None:
    # The library's reviewed/total counts read only this index, not the quote rows.
    db.table("quotes").create_index(["article_id", "status"])

def _rebuild(db: Database, table: str, create_sql: str) -> None:
    """Replace ``table`` by one made with ``create_sql`` (named ``{table}_rebuilt``), keeping
    its rows, rowids, indexes and triggers, and every view (SQLite cannot ALTER a primary key)."""
    saved = [row[0] for row in db.execute(
        "SELECT sql FROM sqlite_master WHERE tbl_name = ? AND type IN ('index', 'trigger') AND sql IS NOT NULL", [table])]
    views = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'view'").fetchall()
    for name, _ in views:
        db.execute(f"DROP VIEW [{name}]")
    db.execute(create_sql)
    old = [c.name for c in db.table(table).columns]
    new = {c.name for c in db.table(f"{table}_rebuilt").columns}
    columns = ", ".join(f"[{c}]" for c in old if c in new)
    db.execute(f"INSERT INTO [{table}_rebuilt] ({columns}) SELECT {columns} FROM [{table}]")
    db.execute(f"DROP TABLE [{table}]")
    db.execute(f"ALTER TABLE [{table}_rebuilt] RENAME TO [{table}]")
    for sql in saved:
        db.execute(sql)
    for _, sql in views:
        db.execute(sql)


@migration
def m004_quote_ids_never_reused_and_versioned(db: Database) -> None:
    # Re-extraction deletes model quotes and inserts new ones: with plain rowids a new quote
    # could take the id of a deleted one, and a reader still showing the old quote would
    # write onto the new. AUTOINCREMENT never hands an id out twice; ``version`` grows on
    # every write, so a writer can check the quote is still the one it showed.
    _rebuild(db, "quotes", """CREATE TABLE [quotes_rebuilt] (
        [id] INTEGER PRIMARY KEY AUTOINCREMENT,
        [article_id] INTEGER NOT NULL REFERENCES [articles]([id]),
        [start] INTEGER NOT NULL,
        [end] INTEGER NOT NULL,
        [text] TEXT NOT NULL,
        [kind] TEXT NOT NULL,
        [speaker_id] INTEGER REFERENCES [speakers]([id]),
        [cue] TEXT DEFAULT '',
        [cue_start] INTEGER DEFAULT -1,
        [mention_start] INTEGER DEFAULT -1,
        [mention_end] INTEGER DEFAULT -1,
        [confidence] REAL DEFAULT 1.0,
        [status] TEXT NOT NULL DEFAULT 'unreviewed',
        [human] INTEGER DEFAULT 0,
        [note] TEXT DEFAULT '',
        [extractor] TEXT DEFAULT '',
        [updated_at] TEXT,
        [version] INTEGER NOT NULL DEFAULT 1
    )""")
    # Ids the log names may belong to quotes deleted since: none of them is handed out again.
    highest = db.execute("SELECT max(coalesce((SELECT max(id) FROM quotes), 0), "
                         "coalesce((SELECT max(quote_id) FROM corrections), 0))").fetchone()[0]
    db.execute("DELETE FROM sqlite_sequence WHERE name = 'quotes'")
    db.execute("INSERT INTO sqlite_sequence (name, seq) VALUES ('quotes', ?)", [highest])


@migration
def m005_undo_per_reader_session(db: Database) -> None:
    # Undo takes back the changes of one reader (one user, one running app), never another's.
    # A session is that reader; one whose app has ended may be taken up by the same user's
    # next reader, so undo survives a restart.
    db.table("sessions").create(
        {"id": str, "user": str, "host": str, "pid": int, "started_at": str, "ended_at": str},
        pk="id", not_null={"user"},
    )
    db.table("corrections").add_column("session", str)
    db.table("corrections").create_index(["user", "session"])
    # The log before sessions existed: one ended session per user, so each keeps their undo.
    # (The append-only guard steps aside for this one backfill of the new column.)
    guard = db.execute("SELECT sql FROM sqlite_master WHERE name = 'corrections_append_only_update'").fetchone()[0]
    db.execute("DROP TRIGGER corrections_append_only_update")
    for (user,) in db.execute("SELECT DISTINCT user FROM corrections").fetchall():
        session = f"before-sessions:{user}"
        db.table("sessions").insert({"id": session, "user": user, "host": "", "pid": 0, "started_at": "", "ended_at": "migrated"})
        db.execute("UPDATE corrections SET session = ? WHERE user = ?", [session, user])
    db.execute(guard)


@migration
def m006_quote_speakers(db: Database) -> None:
    # A joint statement ("Kimberly-Clark and Solaris Paper emphasised ...") has several
    # speakers, each its own entity, in order. quotes.speaker_id stays the first of them, so
    # older queries and the quote_review view still work. Deleting a quote deletes its rows
    # (a later migration that rebuilds quotes must therefore keep these rows aside first).
    db.execute("""CREATE TABLE [quote_speakers] (
        [quote_id] INTEGER NOT NULL REFERENCES [quotes]([id]) ON DELETE CASCADE,
        [speaker_id] INTEGER NOT NULL REFERENCES [speakers]([id]),
        [position] INTEGER NOT NULL,
        PRIMARY KEY ([quote_id], [speaker_id])
    )""")
    # The speakers list counts quotes per speaker and finds a speaker's quotes by it.
    db.table("quote_speakers").create_index(["speaker_id"])
    # Every quote so far had one speaker; a dangling speaker_id (another tool's row) is left out.
    db.execute("""INSERT INTO quote_speakers (quote_id, speaker_id, position)
                  SELECT q.id, q.speaker_id, 0 FROM quotes q JOIN speakers s ON s.id = q.speaker_id""")


@migration
def m007_quote_sieve_and_evidence(db: Database) -> None:
    # How the extractor attributed each quote: the stage-1 rule's name and the evidence chain
    # from the quote to its speaker (a JSON list of {"sieve", "text", "start", "end"}); quotes
    # stored before, or added by a person, have none.
    db.execute("ALTER TABLE quotes ADD COLUMN [sieve] TEXT DEFAULT ''")
    db.execute("ALTER TABLE quotes ADD COLUMN [evidence] TEXT DEFAULT '[]'")


@migration
def m008_descriptions_scoped_to_their_article(db: Database) -> None:
    # A name ("Dmitry Peskov") is one speaker across the database; a description ("police",
    # "a spokesperson") is a speaker of its own article only: two articles' "police" are
    # usually two different forces. article_id NULL is a name; a name is unique in its scope.
    db.execute("ALTER TABLE speakers ADD COLUMN [article_id] INTEGER REFERENCES [articles]([id])")
    db.execute("DROP INDEX IF EXISTS idx_speakers_name")
    db.execute("CREATE UNIQUE INDEX speakers_name_in_scope ON speakers (name, coalesce(article_id, 0))")
    _move_descriptions_to_their_articles(db)


def _move_descriptions_to_their_articles(db: Database) -> None:
    """The rule for the speakers stored before m008.

    A speaker is a description when every quote of it whose evidence tells how it was
    attributed ends in "description.unnamed"; when none of its quotes has evidence (stored
    before m007, imported, added by a person), when its name starts with a lower-case letter
    ("police", "a spokesperson"). A person's speakers stay global: one a rename, kind or merge
    names, or one an edit or add set as a quote's speaker. Every other description moves to
    its article: used in one, it takes that article_id; used in several, it is split into one
    speaker per article, the quotes, joint-statement rows and candidacies of each article
    re-pointed to its own. The original row stays with the article whose logged quote snapshots
    name it, so undo there finds the quote as logged; one named so in several articles stays global.
    """
    chosen, logged_in = _speakers_in_the_log(db)
    articles, sieves = _speaker_uses(db)
    for speaker_id, name in db.execute("SELECT id, name FROM speakers ORDER BY id").fetchall():
        used_in = articles.get(speaker_id, set())
        logged = logged_in.get(speaker_id, set())
        if speaker_id in chosen or not used_in or len(logged) > 1 or not _is_description(name, sieves.get(speaker_id, [])):
            continue
        home = min(logged or used_in)
        db.execute("UPDATE speakers SET article_id = ? WHERE id = ?", [home, speaker_id])
        for article_id in sorted(used_in - {home}):
            _split_off(db, speaker_id, article_id)


def _is_description(name: str, last_sieves: list[str]) -> bool:
    if last_sieves:
        return all(sieve == "description.unnamed" for sieve in last_sieves)
    return name[:1].islower()


def _speaker_uses(db: Database) -> tuple[dict[int, set[int]], dict[int, list[str]]]:
    """Each speaker's articles (quotes and candidacies), and the last evidence sieve of each of
    its quotes that has evidence."""
    articles: dict[int, set[int]] = {}
    sieves: dict[int, list[str]] = {}
    quotes = db.execute("""SELECT qs.speaker_id, q.article_id, q.evidence FROM quote_speakers qs JOIN quotes q ON q.id = qs.quote_id
                           UNION SELECT speaker_id, article_id, evidence FROM quotes WHERE speaker_id IS NOT NULL""")
    for speaker_id, article_id, evidence in quotes.fetchall():
        articles.setdefault(speaker_id, set()).add(article_id)
        steps = evidence_from_json(evidence)
        if steps:
            sieves.setdefault(speaker_id, []).append(str(steps[-1].get("sieve", "")))
    for speaker_id, article_id in db.execute("SELECT speaker_id, article_id FROM article_speakers").fetchall():
        articles.setdefault(speaker_id, set()).add(article_id)
    return articles, sieves


def _speakers_in_the_log(db: Database) -> tuple[set[int], dict[int, set[int]]]:
    """(speakers a person changed or chose, {speaker: articles whose logged quote snapshots name it})."""
    chosen: set[int] = set()
    logged_in: dict[int, set[int]] = {}
    for action, article_id, before, after in db.execute("SELECT action, article_id, before, after FROM corrections").fetchall():
        states = [_json_state(before), _json_state(after)]
        for state in states:
            changed, named = _logged_speakers(state)
            chosen |= changed
            if article_id is not None:
                for speaker_id in named:
                    logged_in.setdefault(speaker_id, set()).add(article_id)
        if action in ("edit", "add"):  # the speakers a person set on the quote
            chosen |= _logged_speakers(states[1])[1] - _logged_speakers(states[0])[1]
    return chosen, logged_in


def _json_state(value: str | None) -> dict[str, Any]:
    try:
        state = json.loads(value) if value else {}
    except ValueError:
        return {}
    return state if isinstance(state, dict) else {}


def _logged_speakers(state: dict[str, Any]) -> tuple[set[int], set[int]]:
    """(speaker rows a speaker change records, speakers its quote snapshots name) of one logged state:
    a speaker state (rename, kind, merge) holds speaker rows; a quote snapshot speaker ids; a batch quotes."""
    rows: set[Any] = set()
    named: set[Any] = set()
    for snapshot in state.get("quotes", [state]):
        for speaker in snapshot.get("speakers") or []:
            if isinstance(speaker, dict):
                rows.add(speaker.get("id"))
            else:
                named.add(speaker)
        named.add(snapshot.get("speaker_id"))
    rows |= set(state.get("absent_speakers", []))
    # Another tool's log may hold anything: only ids count.
    return {i for i in rows if isinstance(i, int)}, {i for i in named if isinstance(i, int)}


def _split_off(db: Database, speaker_id: int, article_id: int) -> None:
    """Give ``article_id`` its own copy of the description ``speaker_id``, with that article's quotes."""
    db.execute("""INSERT INTO speakers (name, kind, aliases, article_id)
                  SELECT name, kind, aliases, ? FROM speakers WHERE id = ?""", [article_id, speaker_id])
    own = db.execute("SELECT last_insert_rowid()").fetchone()[0]
    in_article = "(SELECT id FROM quotes WHERE article_id = ?)"
    db.execute(f"UPDATE quote_speakers SET speaker_id = ? WHERE speaker_id = ? AND quote_id IN {in_article}",
               [own, speaker_id, article_id])
    db.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ? AND article_id = ?", [own, speaker_id, article_id])
    db.execute("UPDATE article_speakers SET speaker_id = ? WHERE speaker_id = ? AND article_id = ?",
               [own, speaker_id, article_id])


@migration
def m009_learned_speakers(db: Database) -> None:
    # What a person's corrections taught: this mention form ("Saree", "the spokesman") is this
    # speaker. Written in the correction's own transaction and removed by its undo, so the log's
    # row (correction_id) owns it. scope 'global' applies in every article (a name), 'article'
    # only in article_id (a pronoun or description). A merge moves the rows to the speaker kept.
    db.execute("""CREATE TABLE [learned_speakers] (
        [id] INTEGER PRIMARY KEY AUTOINCREMENT,
        [form] TEXT NOT NULL,
        [speaker_id] INTEGER NOT NULL REFERENCES [speakers]([id]) ON DELETE CASCADE,
        [article_id] INTEGER REFERENCES [articles]([id]),
        [scope] TEXT NOT NULL,
        [kind] TEXT NOT NULL DEFAULT '',
        [correction_id] INTEGER NOT NULL REFERENCES [corrections]([id]),
        [made_by] TEXT NOT NULL,
        [made_at] TEXT NOT NULL
    )""")
    db.table("learned_speakers").create_index(["correction_id"])
    db.table("learned_speakers").create_index(["speaker_id"])


@migration
def m010_quote_review_with_offsets_url_and_speakers(db: Database) -> None:
    # What `datasette newsread.db --metadata meta.json` shows and searches (newsread/formats/datasette.py):
    # the offsets, so a row can be found in the text; the article's URL; the first speaker's id, and
    # every speaker's name as a JSON list, so a joint statement is faceted under each of its speakers
    # (a quote another tool wrote without quote_speakers rows lists its quotes.speaker_id speaker).
    # quote_id stays the quotes rowid: Datasette searches the view through quotes_fts by it.
    #
    # corrections.quote_id gets no foreign key, on purpose. The log names quotes that no longer exist
    # (a delete's own row; an accept undone, then replaced by re-extraction), and undo of a delete
    # brings the quote back under the id its log row names. An enforced reference would refuse those
    # deletes and rows; ON DELETE SET NULL would lose the id undo needs, and it is an UPDATE of the log,
    # which the append-only trigger refuses. The log keeps the id as written.
    #
    # Subqueries only: Datasette's array facet puts json_each() before the view in its join, and a
    # column of the view's LEFT JOIN (s.name) then reads as NULL inside json_array().
    speakers = """coalesce(
        (SELECT json_group_array(name) FROM (
             SELECT n.name FROM quote_speakers qs JOIN speakers n ON n.id = qs.speaker_id
             WHERE qs.quote_id = q.id ORDER BY qs.position) HAVING count(*) > 0),
        (SELECT json_array(name) FROM speakers WHERE id = q.speaker_id),
        '[]')"""
    db.execute("DROP VIEW IF EXISTS quote_review")
    db.create_view(
        "quote_review",
        f"""SELECT q.id AS quote_id, a.id AS article_id, a.title AS article, a.source, a.url, a.date,
                  q.[start], q.[end], q.kind, q.text AS quote, q.speaker_id, s.name AS speaker,
                  {speakers} AS speakers, s.kind AS speaker_kind, q.cue,
                  q.status, q.human, q.confidence, q.note
           FROM quotes q JOIN articles a ON a.id = q.article_id LEFT JOIN speakers s ON s.id = q.speaker_id""",
    )


@migration
def m011_library_and_next_unreviewed_indexes(db: Database) -> None:
    # The reader's library is a virtual list over the database (store/library.py). An article's row
    # holds its text, so any scan of the articles table reads the whole file: these narrow copies of
    # what the list filters on, one in the order of each sort, are what listing 100,000 articles reads.
    db.execute("CREATE INDEX articles_library ON articles (id, title, source, date)")
    db.execute("CREATE INDEX articles_library_by_source ON articles (source COLLATE NOCASE, id, title)")
    db.execute("CREATE INDEX articles_library_by_date ON articles (date, id, title, source)")
    # The library filter: any part of the title or the source, in any case, found by trigrams
    # (a filter of one or two characters, too short for trigrams, is looked for in those indexes).
    # Single-quoted content=: Datasette and sqlite-utils take a content="articles" table for the
    # table's own full-text search, which stays articles_fts.
    db.execute("""CREATE VIRTUAL TABLE articles_library_fts USING fts5(
        title, source, content='articles', content_rowid='id', tokenize='trigram')""")
    db.execute("""CREATE TRIGGER articles_library_fts_insert AFTER INSERT ON articles BEGIN
        INSERT INTO articles_library_fts (rowid, title, source) VALUES (new.id, new.title, new.source);
    END""")
    db.execute("""CREATE TRIGGER articles_library_fts_delete AFTER DELETE ON articles BEGIN
        INSERT INTO articles_library_fts (articles_library_fts, rowid, title, source)
        VALUES ('delete', old.id, old.title, old.source);
    END""")
    db.execute("""CREATE TRIGGER articles_library_fts_update AFTER UPDATE OF id, title, source ON articles BEGIN
        INSERT INTO articles_library_fts (articles_library_fts, rowid, title, source)
        VALUES ('delete', old.id, old.title, old.source);
        INSERT INTO articles_library_fts (rowid, title, source) VALUES (new.id, new.title, new.source);
    END""")
    db.execute("INSERT INTO articles_library_fts (articles_library_fts) VALUES ('rebuild')")
    # `n` (the next unreviewed quote in corpus order) seeks here instead of sorting every unreviewed quote.
    db.execute("CREATE INDEX quotes_unreviewed_in_order ON quotes (status, article_id, start)")


if tuple(MIGRATION_NAMES) != SCHEMA:
    raise RuntimeError("store/versions.py SCHEMA must list the migrations of store/schema.py, in order")
