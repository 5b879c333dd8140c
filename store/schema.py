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
from .versions import LOWEST_SPEAKERS, MIGRATION_SET, SCHEMA

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


@migration
def m012_search_prefix_indexes(db: Database) -> None:
    # The search dialog takes its last word as a prefix ("minis" finds "minister"). Without a prefix
    # index FTS5 merges the doclist of every term that starts so, which for two or three letters
    # ("th", "the") is most of the index, before it can answer at all. These two prefix indexes make
    # such a query one doclist read lazily; a prefix of four letters or more is left to the merge
    # (few terms share one). The tables keep their names, columns and content tables, so the
    # triggers sqlite-utils made (articles_ai ... quotes_au, m001) and Datasette's search go on
    # working; the rebuild reads every article's and quote's text once.
    for table, columns in (("articles", '"title", "text"'), ("quotes", '"text"')):
        db.execute(f"DROP TABLE IF EXISTS [{table}_fts]")
        db.execute(f"""CREATE VIRTUAL TABLE "{table}_fts" USING FTS5 (
    {columns},
    content="{table}",
    prefix='2 3'
)""")
        db.execute(f"INSERT INTO [{table}_fts] ([{table}_fts]) VALUES ('rebuild')")


# m013's caches are kept by triggers that move a count up or down by one as each row is written: a
# few seeks in an index per row, never a read of an article's quotes, so that storing or replacing the
# k quotes of an article costs O(k log n), not O(k²) (an article of 5 MB can hold tens of thousands).
# Only the article_progress columns that are not counts (its lowest speakers, and with them the
# number of its speakers) are read afresh, from speaker_articles in article order, when a pair comes
# or goes: bounded by the article's distinct speakers.
#
# No statement in these triggers can meet a conflict (each updates first and inserts WHERE NOT
# EXISTS, or deletes before it inserts): SQLite runs a trigger's statements under the conflict policy
# of the statement that fired it, and an INSERT OR REPLACE INTO quote_speakers (a speaker merge,
# store/speakers.py) would turn an INSERT OR IGNORE here into a replace.
#
# A row that INSERT OR REPLACE (or UPDATE OR REPLACE) replaces is deleted without firing the delete
# triggers while recursive_triggers is off (the default, and the store's): a count moved by one would
# go on counting it. So a BEFORE trigger notes the row about to be replaced, in replaced_quotes or
# replaced_quote_speakers, and the insert's (or update's) AFTER trigger counts it out and forgets the
# note; with recursive_triggers on, the delete triggers count it out and forget the note themselves.
# The quote_speakers rows of a replaced quote go by the foreign key's cascade after the quote, their
# article read from the note. A note left behind by an insert that replaced nothing after all (OR
# IGNORE, ON CONFLICT DO NOTHING) is of a row still there: the next write of that row forgets it.
_UNREVIEWED = "(SELECT count(*) FROM quotes q WHERE q.article_id = {a} AND q.status = 'unreviewed')"


def _speakers(lowest: int) -> dict[str, str]:
    """article_progress's speaker columns (how many speakers, and the ``lowest`` lowest speaker ids), each
    with the expression that reads it afresh for the article ``{a}``."""
    return {
        "speakers": "(SELECT count(*) FROM speaker_articles s WHERE s.article_id = {a})",
        **{f"speaker_{n}": f"(SELECT s.speaker_id FROM speaker_articles s WHERE s.article_id = {{a}} "
                           f"ORDER BY s.speaker_id LIMIT 1 OFFSET {n - 1})" for n in range(1, lowest + 1)},
    }


# The characters other than ASCII that FTS5's trigram tokenizer (case_sensitive 0) folds to an ASCII
# letter: KELVIN SIGN to k, LONG S to s. An article whose title or source holds one is marked
# ``folded``: the library filter compares with LIKE (ASCII case only) where it would otherwise read
# many trigram matches, and asks the trigram index about these articles.
_FOLDED = "\u212a\u017f"


def _folds(title: str, source: str) -> str:
    """The SQL expression: 1 when ``title`` or ``source`` (column expressions) holds one of _FOLDED."""
    return "(" + " OR ".join(f"instr({column}, '{char}') > 0" for char in _FOLDED for column in (title, source)) + ")"


def _progress_row(article: str, speakers: dict[str, str]) -> str:
    """The statements that write the article_progress row of ``article`` (``new``, in a trigger of articles)
    afresh, with the speaker columns ``speakers`` (``_speakers``)."""
    title, source = f"coalesce({article}.title, '')", f"coalesce({article}.source, '')"
    counts = [_UNREVIEWED, *speakers.values()]
    return (f"DELETE FROM article_progress WHERE article_id = {article}.id;\n"
            f"INSERT INTO article_progress (article_id, unreviewed, {', '.join(speakers)}, title, source, folded) "
            f"VALUES ({article}.id, {', '.join(c.format(a=article + '.id') for c in counts)}, {title}, {source}, "
            f"{_folds(title, source)});")


def _unreviewed(sign: str, quote: str) -> str:
    """The statement that counts the quote ``quote`` (``new`` or ``old``) in (``sign`` "+") or out ("-") of its
    article's unreviewed quotes, if it is one."""
    return (f"UPDATE article_progress SET unreviewed = unreviewed {sign} 1 "
            f"WHERE article_id = {quote}.article_id AND {quote}.status IS 'unreviewed';")


def _article_of(quote: str) -> str:
    """The article of the quote with the id ``quote``; of one being replaced, the article it was in."""
    return (f"coalesce((SELECT article_id FROM quotes WHERE id = {quote}), "
            f"(SELECT article_id FROM replaced_quotes WHERE id = {quote}))")


def _speakers_of(quote: str) -> str:
    return f"SELECT speaker_id FROM quote_speakers WHERE quote_id = {quote}"


def _pairs(sign: str, article: str, speakers: str, only: str = "1") -> str:
    """The statements that count, in speaker_articles, one quote more (``sign`` "+") or fewer ("-") of ``article``
    by each of ``speakers`` (one speaker id, or a SELECT of them): a pair comes with the article's first quote by
    its speaker and goes with the last. Nothing when the condition ``only`` is false."""
    many = speakers.startswith("SELECT")
    which = f"speaker_id IN ({speakers})" if many else f"speaker_id = {speakers}"
    update = f"UPDATE speaker_articles SET quotes = quotes {sign} 1 WHERE article_id = {article} AND {which} AND {only};\n"
    if sign == "-":
        return update + f"DELETE FROM speaker_articles WHERE article_id = {article} AND {which} AND quotes <= 0;"
    speaker, rows = ("n.speaker_id", f" FROM ({speakers}) n") if many else (speakers, "")
    return update + (f"INSERT INTO speaker_articles (speaker_id, article_id, quotes) SELECT {speaker}, {article}, 1{rows} "
                     f"WHERE {only} AND {article} IS NOT NULL AND NOT EXISTS (SELECT 1 FROM speaker_articles s "
                     f"WHERE s.speaker_id = {speaker} AND s.article_id = {article});")


def _noted(row: str) -> str:
    """The condition: the quote_speakers row ``row`` (``new`` or ``old``) is noted as being replaced."""
    return (f"EXISTS (SELECT 1 FROM replaced_quote_speakers r "
            f"WHERE r.quote_id = {row}.quote_id AND r.speaker_id = {row}.speaker_id)")


def _note(row: str) -> str:
    """The statement that notes the quote_speakers row with the key of ``row`` as about to be replaced."""
    return (f"INSERT INTO replaced_quote_speakers (quote_id, speaker_id) SELECT {row}.quote_id, {row}.speaker_id "
            f"WHERE NOT {_noted(row)};")


def _forget(row: str) -> str:
    return f"DELETE FROM replaced_quote_speakers WHERE quote_id = {row}.quote_id AND speaker_id = {row}.speaker_id;"


@migration
def m013_library_counts(db: Database) -> None:
    # The library's "unreviewed first" sort and its @speaker filter read these instead of counting
    # every quote (store/library.py). Both tables are caches of what articles, quotes and
    # quote_speakers hold, kept by triggers in every write of every program that writes the file
    # (the reader, the command line, another tool), in the writer's own transaction.
    #
    # speaker_articles: each (speaker, article) where a quote of the article has that speaker (a joint
    # statement counts for each of its speakers), with how many of its quotes do: in speaker order, the
    # ranges a narrow speaker filter reads; in article order, an article's speakers.
    db.execute("""CREATE TABLE speaker_articles (
        speaker_id INTEGER NOT NULL,
        article_id INTEGER NOT NULL,
        quotes INTEGER NOT NULL,
        PRIMARY KEY (speaker_id, article_id)
    ) WITHOUT ROWID""")
    db.execute("CREATE INDEX speaker_articles_by_article ON speaker_articles (article_id, speaker_id)")
    # How many articles quote each speaker (its pairs), so that a filter knows which side is narrower
    # before reading either.
    db.execute("CREATE TABLE speaker_article_counts (speaker_id INTEGER PRIMARY KEY, articles INTEGER NOT NULL)")
    # article_progress: one row per article. Its unreviewed quotes, and its index in the order of the
    # "unreviewed first" sort, holding the title and the source the library filter reads along it
    # (m011's indexes are the other sorts'). How many speakers it quotes and the three lowest of their
    # ids: a speaker filter that matches most speakers leaves out the articles whose every speaker is
    # one of the few others, and those are among the articles whose three lowest are (one index range
    # per other speaker). ``folded``: see _FOLDED.
    db.execute(f"""CREATE TABLE article_progress (
        article_id INTEGER PRIMARY KEY,
        unreviewed INTEGER NOT NULL DEFAULT 0,
        speakers INTEGER NOT NULL DEFAULT 0,
        {", ".join(f"speaker_{n} INTEGER" for n in (1, 2, 3))},
        title TEXT NOT NULL DEFAULT '',
        source TEXT NOT NULL DEFAULT '',
        folded INTEGER NOT NULL DEFAULT 0
    )""")
    db.execute("CREATE INDEX article_progress_unreviewed ON article_progress (unreviewed DESC, article_id, title, source)")
    db.execute("CREATE INDEX article_progress_speakers ON article_progress (speaker_1, speaker_2, speaker_3, speakers)")
    db.execute("CREATE INDEX article_progress_folded ON article_progress (article_id) WHERE folded")
    # The rows an INSERT OR REPLACE is about to replace (see above): empty but for that moment.
    db.execute("CREATE TABLE replaced_quotes (id INTEGER PRIMARY KEY, article_id INTEGER, status TEXT)")
    db.execute("""CREATE TABLE replaced_quote_speakers (
        quote_id INTEGER NOT NULL,
        speaker_id INTEGER NOT NULL,
        PRIMARY KEY (quote_id, speaker_id)
    ) WITHOUT ROWID""")

    # What the database holds now.
    db.execute("""INSERT INTO speaker_articles (speaker_id, article_id, quotes)
                  SELECT qs.speaker_id, q.article_id, count(*) FROM quotes q JOIN quote_speakers qs ON qs.quote_id = q.id
                  GROUP BY qs.speaker_id, q.article_id ORDER BY 1, 2""")
    db.execute("""INSERT INTO speaker_article_counts (speaker_id, articles)
                  SELECT speaker_id, count(*) FROM speaker_articles GROUP BY speaker_id""")
    title, source = "coalesce(a.title, '')", "coalesce(a.source, '')"
    speakers = _speakers(3)
    counts = [_UNREVIEWED, *speakers.values()]
    db.execute(f"""INSERT INTO article_progress (article_id, unreviewed, {', '.join(speakers)}, title, source, folded)
                   SELECT a.id, {', '.join(c.format(a='a.id') for c in counts)}, {title}, {source}, {_folds(title, source)}
                   FROM articles a INDEXED BY articles_library""")

    # Articles: a row each, counted afresh when the article comes (an article whose quotes another tool
    # wrote first, with foreign keys off, is counted right too) or takes another id (which the foreign
    # keys allow only an article no quote is in).
    db.execute("""CREATE TRIGGER article_progress_article_delete AFTER DELETE ON articles BEGIN
        DELETE FROM article_progress WHERE article_id = old.id;
    END""")
    new_title, new_source = "coalesce(new.title, '')", "coalesce(new.source, '')"
    db.execute(f"""CREATE TRIGGER article_progress_article_renamed AFTER UPDATE OF title, source ON articles
        WHEN old.id IS new.id BEGIN
        UPDATE article_progress SET title = {new_title}, source = {new_source}, folded = {_folds(new_title, new_source)}
        WHERE article_id = new.id;
    END""")

    # Quotes: a new quote, a status or an article moves the unreviewed counts by one. A quote's
    # quote_speakers rows go before it does: the foreign key's cascade would delete them after the
    # quote, when their triggers could no longer tell which article they were in.
    db.execute(f"""CREATE TRIGGER article_progress_quote_insert AFTER INSERT ON quotes
        WHEN new.status IS 'unreviewed' BEGIN
        {_unreviewed("+", "new")}
    END""")
    db.execute("""CREATE TRIGGER speaker_articles_quote_delete BEFORE DELETE ON quotes BEGIN
        DELETE FROM quote_speakers WHERE quote_id = old.id;
    END""")
    db.execute(f"""CREATE TRIGGER article_progress_quote_delete AFTER DELETE ON quotes
        WHEN old.status IS 'unreviewed' BEGIN
        {_unreviewed("-", "old")}
    END""")
    db.execute(f"""CREATE TRIGGER article_progress_quote_update AFTER UPDATE OF status, article_id ON quotes
        WHEN (old.status IS 'unreviewed') IS NOT (new.status IS 'unreviewed') OR old.article_id IS NOT new.article_id BEGIN
        {_unreviewed("-", "old")}
        {_unreviewed("+", "new")}
    END""")
    db.execute(f"""CREATE TRIGGER speaker_articles_quote_moved AFTER UPDATE OF article_id ON quotes
        WHEN old.article_id IS NOT new.article_id BEGIN
        {_pairs("+", "new.article_id", _speakers_of("new.id"))}
        {_pairs("-", "old.article_id", _speakers_of("new.id"))}
    END""")
    # A quote replaced (INSERT OR REPLACE, with recursive_triggers off): noted before, counted out after,
    # with its quote_speakers rows, if the foreign keys left them (off), moved to the new row's article.
    noted = "(SELECT article_id FROM replaced_quotes WHERE id = new.id)"
    db.execute("""CREATE TRIGGER replaced_quotes_note BEFORE INSERT ON quotes
        WHEN EXISTS (SELECT 1 FROM quotes WHERE id = new.id) BEGIN
        DELETE FROM replaced_quotes WHERE id = new.id;
        INSERT INTO replaced_quotes (id, article_id, status) SELECT id, article_id, status FROM quotes WHERE id = new.id;
    END""")
    db.execute(f"""CREATE TRIGGER replaced_quotes_counted AFTER INSERT ON quotes
        WHEN EXISTS (SELECT 1 FROM replaced_quotes WHERE id = new.id) BEGIN
        UPDATE article_progress SET unreviewed = unreviewed - 1
        WHERE article_id = (SELECT article_id FROM replaced_quotes WHERE id = new.id AND status IS 'unreviewed');
        {_pairs("+", "new.article_id", _speakers_of("new.id"), f"{noted} IS NOT new.article_id")}
        {_pairs("-", noted, _speakers_of("new.id"), f"{noted} IS NOT new.article_id")}
        DELETE FROM replaced_quotes WHERE id = new.id;
    END""")
    # The note's quote deleted (recursive_triggers on: the replaced row counted out as any deleted
    # one) or updated (an upsert, ON CONFLICT DO UPDATE, replaces nothing) goes with it.
    for event in ("DELETE", "UPDATE"):
        db.execute(f"""CREATE TRIGGER replaced_quotes_{event.lower()} AFTER {event} ON quotes
            WHEN EXISTS (SELECT 1 FROM replaced_quotes WHERE id = old.id) BEGIN
            DELETE FROM replaced_quotes WHERE id = old.id;
        END""")

    # A quote's speakers: each row counts its quote for its (speaker, article) pair; the article is
    # the quote's (still there when its rows go, see above), or the replaced quote's.
    db.execute(f"""CREATE TRIGGER replaced_quote_speakers_note BEFORE INSERT ON quote_speakers
        WHEN EXISTS (SELECT 1 FROM quote_speakers WHERE quote_id = new.quote_id AND speaker_id = new.speaker_id) BEGIN
        {_note("new")}
    END""")
    db.execute(f"""CREATE TRIGGER speaker_articles_insert AFTER INSERT ON quote_speakers BEGIN
        {_pairs("+", _article_of("new.quote_id"), "new.speaker_id", f"NOT {_noted('new')}")}
        {_forget("new")}
    END""")
    db.execute(f"""CREATE TRIGGER speaker_articles_delete AFTER DELETE ON quote_speakers BEGIN
        {_pairs("-", _article_of("old.quote_id"), "old.speaker_id")}
        {_forget("old")}
    END""")
    # A row given another key (UPDATE OR REPLACE may replace the row that had it), or an upsert's update.
    changed = "(old.quote_id IS NOT new.quote_id OR old.speaker_id IS NOT new.speaker_id)"
    db.execute(f"""CREATE TRIGGER replaced_quote_speakers_note_update BEFORE UPDATE OF quote_id, speaker_id ON quote_speakers
        WHEN {changed} AND EXISTS (SELECT 1 FROM quote_speakers WHERE quote_id = new.quote_id AND speaker_id = new.speaker_id) BEGIN
        {_note("new")}
    END""")
    db.execute(f"""CREATE TRIGGER speaker_articles_update AFTER UPDATE ON quote_speakers
        WHEN {changed} OR {_noted("new")} BEGIN
        {_pairs("+", _article_of("new.quote_id"), "new.speaker_id", f"{changed} AND NOT {_noted('new')}")}
        {_pairs("-", _article_of("old.quote_id"), "old.speaker_id", changed)}
        {_forget("old")}
        {_forget("new")}
    END""")
    _speaker_triggers(db, speakers)


def _speaker_triggers(db: Database, speakers: dict[str, str]) -> None:
    """The triggers that write article_progress's speaker columns ``speakers`` (``_speakers``): an
    article's row afresh when it comes or takes another id; its speakers, and its speaker's count (by
    one: a pair is inserted only when new, and never replaced), when a pair of speaker_articles comes or goes."""
    db.execute(f"""CREATE TRIGGER article_progress_article_insert AFTER INSERT ON articles BEGIN
        {_progress_row("new", speakers)}
    END""")
    db.execute(f"""CREATE TRIGGER article_progress_article_renumbered AFTER UPDATE OF id ON articles
        WHEN old.id IS NOT new.id BEGIN
        DELETE FROM article_progress WHERE article_id = old.id;
        {_progress_row("new", speakers)}
    END""")
    columns = ", ".join(f"{name} = {count.format(a='article_progress.article_id')}" for name, count in speakers.items())
    db.execute(f"""CREATE TRIGGER article_progress_speakers_insert AFTER INSERT ON speaker_articles BEGIN
        UPDATE article_progress SET {columns} WHERE article_id = new.article_id;
        UPDATE speaker_article_counts SET articles = articles + 1 WHERE speaker_id = new.speaker_id;
        INSERT INTO speaker_article_counts (speaker_id, articles) SELECT new.speaker_id, 1
        WHERE NOT EXISTS (SELECT 1 FROM speaker_article_counts WHERE speaker_id = new.speaker_id);
    END""")
    db.execute(f"""CREATE TRIGGER article_progress_speakers_delete AFTER DELETE ON speaker_articles BEGIN
        UPDATE article_progress SET {columns} WHERE article_id = old.article_id;
        UPDATE speaker_article_counts SET articles = articles - 1 WHERE speaker_id = old.speaker_id;
    END""")


@migration
def m014_six_lowest_speakers(db: Database) -> None:
    # A speaker filter matching most speakers reads speaker_articles only for the articles whose every
    # speaker article_progress holds is one of the few others and that quote more speakers than it
    # holds (store/library.py): with three, the most of 100,000 articles of six or so speakers each;
    # with six, a few thousand. Each pair that comes or goes reads at most six rows more.
    speakers, before = _speakers(LOWEST_SPEAKERS), _speakers(3)
    added = [name for name in speakers if name not in before]
    for name in added:
        db.execute(f"ALTER TABLE article_progress ADD COLUMN {name} INTEGER")
    db.execute(f"UPDATE article_progress SET {', '.join(f'{n} = ' + speakers[n].format(a='article_progress.article_id') for n in added)} "
               "WHERE speakers > 3")
    db.execute("DROP INDEX article_progress_speakers")
    db.execute(f"CREATE INDEX article_progress_speakers ON article_progress ({', '.join(n for n in speakers if n != 'speakers')}, speakers)")
    for trigger in ("article_progress_article_insert", "article_progress_article_renumbered",
                    "article_progress_speakers_insert", "article_progress_speakers_delete"):
        db.execute(f"DROP TRIGGER {trigger}")
    _speaker_triggers(db, speakers)


if tuple(MIGRATION_NAMES) != SCHEMA:
    raise RuntimeError("store/versions.py SCHEMA must list the migrations of store/schema.py, in order")
