"""The newsread database: articles, speakers, quotes and the correction log.

One ``Store`` wraps one sqlite3 connection, which belongs to the thread that
opened it. Every human change is one transaction holding both the change and
its row in the append-only ``corrections`` table, so a change the screen shows
as saved is on disk together with what undo needs.
"""

from __future__ import annotations

import getpass
import json
import os
import sqlite3
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cached_property
from datetime import datetime, timezone
from pathlib import Path

from newsread.model import Article, Extraction, Quote, StoredArticle, StoredQuote

from .connection import BUSY_TIMEOUT_MS, StoreError, explain, open_database

# The quote columns a correction snapshot records and undo restores.
QUOTE_COLUMNS = (
    "id", "article_id", "start", "end", "text", "kind", "speaker_id", "cue", "cue_start",
    "mention_start", "mention_end", "confidence", "status", "human", "note", "extractor", "updated_at",
)
# Log actions that change speakers rather than one quote; their snapshots are speaker states.
SPEAKER_ACTIONS = {"rename_speaker", "merge_speakers"}
EDITABLE = {"start", "end", "kind", "speaker", "speaker_kind", "cue", "cue_start", "note", "mention_start", "mention_end"}

_QUOTE_SELECT = """
SELECT q.*, coalesce(s.name, '') AS speaker, coalesce(s.kind, 'PERSON') AS speaker_kind
FROM quotes q LEFT JOIN speakers s ON s.id = q.speaker_id
"""


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


def default_user() -> str:
    name = os.environ.get("NEWSREAD_USER")
    if name:
        return name
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


@dataclass
class ArticleSummary:
    id: int
    title: str
    source: str
    date: str
    quotes: int
    reviewed: int


@dataclass
class SpeakerSummary:
    id: int
    name: str
    kind: str
    aliases: list[str]
    quotes: int


@dataclass
class Correction:
    id: int
    quote_id: int | None
    article_id: int | None
    action: str
    user: str
    at: str
    before: dict | None
    after: dict | None
    reverts: int | None


@dataclass
class ReextractReport:
    added: int = 0
    replaced: int = 0
    kept_reviewed: int = 0
    # Model quotes not stored because they overlap a quote a person reviewed.
    overlapping: list[Quote] = field(default_factory=list)


def _quote_from_row(row: dict) -> StoredQuote:
    return StoredQuote(
        start=row["start"], end=row["end"], text=row["text"], kind=row["kind"],
        speaker=row["speaker"], speaker_kind=row["speaker_kind"], cue=row["cue"] or "",
        cue_start=row["cue_start"], mention_start=row["mention_start"], mention_end=row["mention_end"],
        confidence=row["confidence"], id=row["id"], article_id=row["article_id"],
        status=row["status"], human=bool(row["human"]), note=row["note"] or "",
    )


def _article_from_row(row: dict) -> StoredArticle:
    return StoredArticle(
        text=row["text"], title=row["title"], source=row["source"], url=row["url"], date=row["date"],
        author=row["author"], path=row["path"], licence=row["licence"], id=row["id"], added_at=row["added_at"],
    )


class Store:
    def __init__(self, path: Path | str, *, user: str | None = None, readonly: bool = False,
                 busy_timeout_ms: int = BUSY_TIMEOUT_MS):
        self.path = Path(path)
        self.conn = open_database(self.path, readonly=readonly, busy_timeout_ms=busy_timeout_ms)
        self.user = user or default_user()

    def close(self) -> None:
        self.conn.close()

    @cached_property
    def db(self):
        """The connection as a sqlite-utils Database, for callers that want its API.

        Made on first use: importing sqlite-utils (it pulls in numpy) costs the reader's
        start-up a tenth of a second, and the store itself needs plain SQL only.
        """
        from sqlite_utils import Database

        return Database(self.conn)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @contextmanager
    def _transaction(self) -> Iterator[None]:
        """One atomic change; any SQLite failure becomes a one-line StoreError and nothing is written."""
        conn = self.conn
        try:
            if conn.in_transaction:  # nested: a savepoint inside the outer transaction
                conn.execute("SAVEPOINT nested")
                try:
                    yield
                except BaseException:
                    if conn.in_transaction:
                        conn.execute("ROLLBACK TO nested")
                        conn.execute("RELEASE nested")
                    raise
                conn.execute("RELEASE nested")
                return
            # IMMEDIATE takes the write lock up front: a deferred transaction that reads
            # and then writes fails at once (no busy wait) if another writer got in between.
            conn.execute("BEGIN IMMEDIATE")
            try:
                yield
            except BaseException:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise
            conn.execute("COMMIT")
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: {explain(error)}") from None

    def _insert(self, table: str, row: dict) -> int:
        columns = ", ".join(f"[{c}]" for c in row)
        cursor = self.conn.execute(f"INSERT INTO [{table}] ({columns}) VALUES ({', '.join('?' * len(row))})", list(row.values()))
        return cursor.lastrowid

    def _update(self, table: str, row_id: int, changes: dict) -> None:
        assignments = ", ".join(f"[{c}] = ?" for c in changes)
        self.conn.execute(f"UPDATE [{table}] SET {assignments} WHERE id = ?", [*changes.values(), row_id])

    def _rows(self, sql: str, params: Iterable = ()) -> list[dict]:
        try:
            cursor = self.conn.execute(sql, list(params))
        except sqlite3.DatabaseError as error:
            raise StoreError(f"{self.path}: {explain(error)}") from None
        columns = [c[0] for c in cursor.description]
        return [dict(zip(columns, row)) for row in cursor.fetchall()]

    # ---- articles -------------------------------------------------------

    def find_article_by_hash(self, content_hash: str) -> int | None:
        rows = self._rows("SELECT id FROM articles WHERE content_hash = ?", [content_hash])
        return rows[0]["id"] if rows else None

    def add_article(self, article: Article, content_hash: str) -> tuple[int, bool]:
        """Store ``article``; return (id, created). Same content twice is stored once."""
        existing = self.find_article_by_hash(content_hash)
        if existing is not None:
            return existing, False
        with self._transaction():
            article_id = self._insert("articles", {
                "title": article.title, "source": article.source, "url": article.url, "date": article.date,
                "author": article.author, "path": article.path, "licence": article.licence, "text": article.text,
                "content_hash": content_hash, "added_at": now(),
            })
        return article_id, True

    def article(self, article_id: int) -> StoredArticle:
        rows = self._rows("SELECT * FROM articles WHERE id = ?", [article_id])
        if not rows:
            raise StoreError(f"no article with id {article_id}")
        return _article_from_row(rows[0])

    def article_ids(self) -> list[int]:
        return [r["id"] for r in self._rows("SELECT id FROM articles ORDER BY id")]

    def article_summaries(self) -> list[ArticleSummary]:
        rows = self._rows(
            """SELECT a.id, a.title, a.source, a.date,
                      count(q.id) AS quotes, coalesce(sum(q.status != 'unreviewed'), 0) AS reviewed
               FROM articles a LEFT JOIN quotes q ON q.article_id = a.id
               GROUP BY a.id ORDER BY a.id"""
        )
        return [ArticleSummary(**row) for row in rows]

    def articles_needing_extraction(self, extractor: str | None = None) -> list[int]:
        if extractor is None:
            return [r["id"] for r in self._rows("SELECT id FROM articles WHERE extractor = '' ORDER BY id")]
        return [r["id"] for r in self._rows("SELECT id FROM articles WHERE extractor != ? ORDER BY id", [extractor])]

    def count_articles(self) -> int:
        return self.conn.execute("SELECT count(*) FROM articles").fetchone()[0]

    # ---- speakers -------------------------------------------------------

    def speaker_id(self, name: str, kind: str = "PERSON", aliases: Iterable[str] = ()) -> int | None:
        """The id of the speaker called ``name`` (or having it as an alias), created if new."""
        name = name.strip()
        if not name:
            return None
        rows = self._rows("SELECT id, aliases FROM speakers WHERE name = ?", [name])
        if not rows:
            rows = self._rows(
                "SELECT id, aliases FROM speakers WHERE EXISTS (SELECT 1 FROM json_each(speakers.aliases) WHERE value = ?) ORDER BY id LIMIT 1",
                [name],
            )
        new_aliases = [a for a in aliases if a and a != name]
        if rows:
            speaker = rows[0]
            known = json.loads(speaker["aliases"] or "[]")
            missing = [a for a in new_aliases if a not in known]
            if missing:
                self._update("speakers", speaker["id"], {"aliases": json.dumps(known + missing, ensure_ascii=False)})
            return speaker["id"]
        return self._insert("speakers", {"name": name, "kind": kind or "PERSON",
                                         "aliases": json.dumps(sorted(set(new_aliases)), ensure_ascii=False)})

    def speaker_candidates(self, article_id: int) -> list[tuple[str, str]]:
        """(name, kind) of the speakers of this article: the extractor's entities, then any others quoted."""
        rows = self._rows(
            """SELECT s.name, s.kind FROM article_speakers a JOIN speakers s ON s.id = a.speaker_id
               WHERE a.article_id = ? ORDER BY a.position""",
            [article_id],
        )
        names = [(r["name"], r["kind"]) for r in rows]
        for r in self._rows(
            """SELECT DISTINCT s.name, s.kind FROM quotes q JOIN speakers s ON s.id = q.speaker_id
               WHERE q.article_id = ? ORDER BY q.start""",
            [article_id],
        ):
            if (r["name"], r["kind"]) not in names:
                names.append((r["name"], r["kind"]))
        return names

    def speakers(self) -> list[SpeakerSummary]:
        rows = self._rows(
            """SELECT s.id, s.name, s.kind, s.aliases, count(q.id) AS quotes
               FROM speakers s LEFT JOIN quotes q ON q.speaker_id = s.id AND q.status != 'rejected'
               GROUP BY s.id ORDER BY quotes DESC, s.name"""
        )
        return [SpeakerSummary(r["id"], r["name"], r["kind"], json.loads(r["aliases"] or "[]"), r["quotes"]) for r in rows]

    def speaker_by_name(self, name: str) -> SpeakerSummary | None:
        rows = self._rows("SELECT id FROM speakers WHERE name = ?", [name.strip()])
        return self.speaker(rows[0]["id"]) if rows else None

    def speaker(self, speaker_id: int) -> SpeakerSummary:
        rows = self._rows(
            """SELECT s.id, s.name, s.kind, s.aliases,
                      (SELECT count(*) FROM quotes q WHERE q.speaker_id = s.id AND q.status != 'rejected') AS quotes
               FROM speakers s WHERE s.id = ?""",
            [speaker_id],
        )
        if not rows:
            raise StoreError(f"no speaker with id {speaker_id}")
        r = rows[0]
        return SpeakerSummary(r["id"], r["name"], r["kind"], json.loads(r["aliases"] or "[]"), r["quotes"])

    def known_speaker_names(self) -> dict[str, str]:
        """Every speaker name and alias in the database, with the speaker's kind (names win over aliases)."""
        names: dict[str, str] = {}
        for row in self._rows("SELECT name, kind, aliases FROM speakers"):
            for alias in json.loads(row["aliases"] or "[]"):
                names.setdefault(alias, row["kind"])
        for row in self._rows("SELECT name, kind FROM speakers"):
            names[row["name"]] = row["kind"]
        return names

    def aliases_of(self, names: list[str]) -> dict[str, list[str]]:
        if not names:
            return {}
        marks = ",".join("?" * len(names))
        rows = self._rows(f"SELECT name, aliases FROM speakers WHERE name IN ({marks})", names)
        return {r["name"]: json.loads(r["aliases"] or "[]") for r in rows}

    def speaker_quotes(self, speaker_id: int) -> list[tuple[StoredQuote, str]]:
        """Every quote of a speaker across articles, with its article's title."""
        rows = self._rows(
            _QUOTE_SELECT + " JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = ? ORDER BY q.article_id, q.start",
            [speaker_id],
        )
        titles = {r["id"]: r["title"] for r in self._rows(
            "SELECT DISTINCT a.id, a.title FROM articles a JOIN quotes q ON q.article_id = a.id WHERE q.speaker_id = ?",
            [speaker_id])}
        return [(_quote_from_row(r), titles[r["article_id"]]) for r in rows]

    def rename_speaker(self, speaker_id: int, new_name: str) -> SpeakerSummary:
        """Give a speaker a new canonical name; the old one stays as an alias. Logged and undoable."""
        new_name = new_name.strip()
        if not new_name:
            raise ValueError("a speaker needs a name")
        with self._transaction():
            other = self.speaker_by_name(new_name)
            if other is not None and other.id != speaker_id:
                raise ValueError(f"“{new_name}” already exists: merge the two speakers instead")
            before = self._speaker_row(speaker_id)
            aliases = [a for a in json.loads(before["aliases"]) if a != new_name]
            if before["name"] != new_name and before["name"] not in aliases:
                aliases.append(before["name"])
            after = {**before, "name": new_name, "aliases": json.dumps(aliases, ensure_ascii=False)}
            self._write_speaker_state({"speakers": [after]})
            self._log("rename_speaker", None, None, {"speakers": [before]}, {"speakers": [after]})
        return self.speaker(speaker_id)

    def merge_speakers(self, source_id: int, target_id: int) -> int:
        """Fold ``source`` into ``target``: its quotes, candidacies, name and aliases. Logged and undoable.

        Returns the number of quotes moved.
        """
        if source_id == target_id:
            return 0
        with self._transaction():
            source, target = self._speaker_row(source_id), self._speaker_row(target_id)
            moved = [r["id"] for r in self._rows("SELECT id FROM quotes WHERE speaker_id = ?", [source_id])]
            source_in = self._rows("SELECT * FROM article_speakers WHERE speaker_id = ?", [source_id])
            target_in = {r["article_id"] for r in self._rows("SELECT article_id FROM article_speakers WHERE speaker_id = ?", [target_id])}
            added = [{**r, "speaker_id": target_id} for r in source_in if r["article_id"] not in target_in]
            aliases = json.loads(target["aliases"])
            for alias in [source["name"], *json.loads(source["aliases"])]:
                if alias not in aliases and alias != target["name"]:
                    aliases.append(alias)
            merged = {**target, "aliases": json.dumps(aliases, ensure_ascii=False)}
            before = {
                "speakers": [source, target], "quote_speakers": {q: source_id for q in moved},
                "article_speakers": source_in, "absent_article_speakers": [[r["article_id"], target_id] for r in added],
            }
            after = {
                "speakers": [merged], "quote_speakers": {q: target_id for q in moved}, "article_speakers": added,
                "absent_article_speakers": [[r["article_id"], source_id] for r in source_in], "absent_speakers": [source_id],
            }
            self._write_speaker_state(after)
            self._log("merge_speakers", None, None, before, after)
        return len(moved)

    def _speaker_row(self, speaker_id: int) -> dict:
        rows = self._rows("SELECT id, name, kind, aliases FROM speakers WHERE id = ?", [speaker_id])
        if not rows:
            raise StoreError(f"no speaker with id {speaker_id}")
        return {**rows[0], "aliases": rows[0]["aliases"] or "[]"}

    def _write_speaker_state(self, state: dict) -> None:
        """Make speakers, their quotes and candidacies as ``state`` records (see merge_speakers).

        Order matters: speakers exist before anything points at them, and go last.
        """
        for row in state.get("speakers", []):
            self.conn.execute(
                "INSERT INTO speakers (id, name, kind, aliases) VALUES (?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "name = excluded.name, kind = excluded.kind, aliases = excluded.aliases",
                [row["id"], row["name"], row["kind"], row["aliases"]],
            )
        for quote_id, speaker_id in state.get("quote_speakers", {}).items():
            self.conn.execute("UPDATE quotes SET speaker_id = ? WHERE id = ?", [speaker_id, int(quote_id)])
        for row in state.get("article_speakers", []):
            self.conn.execute(
                "INSERT OR REPLACE INTO article_speakers (article_id, speaker_id, position) VALUES (?, ?, ?)",
                [row["article_id"], row["speaker_id"], row["position"]],
            )
        for article_id, speaker_id in state.get("absent_article_speakers", []):
            self.conn.execute("DELETE FROM article_speakers WHERE article_id = ? AND speaker_id = ?", [article_id, speaker_id])
        for speaker_id in state.get("absent_speakers", []):
            self.conn.execute("DELETE FROM speakers WHERE id = ?", [speaker_id])

    # ---- quotes: reading ------------------------------------------------

    def quotes(self, article_id: int) -> list[StoredQuote]:
        rows = self._rows(_QUOTE_SELECT + " WHERE q.article_id = ? ORDER BY q.start, q.id", [article_id])
        return [_quote_from_row(r) for r in rows]

    def quote(self, quote_id: int) -> StoredQuote:
        rows = self._rows(_QUOTE_SELECT + " WHERE q.id = ?", [quote_id])
        if not rows:
            raise StoreError(f"no quote with id {quote_id}")
        return _quote_from_row(rows[0])

    def next_unreviewed(self, after: tuple[int, int] | None = None, *, backwards: bool = False) -> StoredQuote | None:
        """The next (or previous) unreviewed quote in corpus order after (article_id, start)."""
        article_id, start = after or ((-1, -1) if not backwards else (1 << 62, 1 << 62))
        if backwards:
            where, order = "(q.article_id < ? OR (q.article_id = ? AND q.start < ?))", "DESC"
        else:
            where, order = "(q.article_id > ? OR (q.article_id = ? AND q.start > ?))", "ASC"
        rows = self._rows(
            _QUOTE_SELECT + f" WHERE q.status = 'unreviewed' AND {where} ORDER BY q.article_id {order}, q.start {order} LIMIT 1",
            [article_id, article_id, start],
        )
        return _quote_from_row(rows[0]) if rows else None

    def export_records(self, *, reviewed_only: bool = False, speaker: str | None = None,
                       source: str | None = None, since: str | None = None,
                       until: str | None = None) -> Iterator[tuple[StoredArticle, list[StoredQuote]]]:
        """Articles with their quotes, filtered for export. Rejected quotes are kept (status says so)."""
        where, params = ["1"], []
        if source:
            where.append("source = ?")
            params.append(source)
        if since:
            where.append("date >= ?")
            params.append(since)
        if until:
            where.append("date <= ?")
            params.append(until)
        for row in self._rows(f"SELECT * FROM articles WHERE {' AND '.join(where)} ORDER BY id", params):
            quotes = self.quotes(row["id"])
            if reviewed_only:
                quotes = [q for q in quotes if q.status != "unreviewed"]
            if speaker:
                quotes = [q for q in quotes if q.speaker == speaker]
            if quotes or not (reviewed_only or speaker):
                yield _article_from_row(row), quotes

    # ---- quotes: model output --------------------------------------------

    def store_extraction(self, article_id: int, extraction: Extraction, extractor: str) -> ReextractReport:
        """Replace the article's unreviewed model quotes with ``extraction``.

        Quotes a person reviewed, added or changed are never touched; a new model
        quote overlapping one of them is left out and listed in the report.
        """
        report = ReextractReport()
        with self._transaction():
            kept = [q for q in self.quotes(article_id) if q.status != "unreviewed" or q.human]
            report.kept_reviewed = len(kept)
            report.replaced = self.conn.execute(
                "DELETE FROM quotes WHERE article_id = ? AND status = 'unreviewed' AND human = 0", [article_id]
            ).rowcount
            self.conn.execute("DELETE FROM article_speakers WHERE article_id = ?", [article_id])
            for position, speaker in enumerate(extraction.speakers):
                speaker_id = self.speaker_id(speaker.name, speaker.kind, speaker.aliases)
                if speaker_id is not None:
                    self.conn.execute(
                        "INSERT OR IGNORE INTO article_speakers (article_id, speaker_id, position) VALUES (?, ?, ?)",
                        [article_id, speaker_id, position],
                    )
            stamp = now()
            for quote in extraction.quotes:
                if any(quote.span.overlaps(k.span) for k in kept):
                    report.overlapping.append(quote)
                    continue
                row = self._quote_row(article_id, quote)
                row.update(status="unreviewed", human=0, extractor=extractor, updated_at=stamp)
                self._insert("quotes", row)
                report.added += 1
            self._update("articles", article_id, {"extractor": extractor, "extracted_at": stamp})
        return report

    def import_quotes(self, article_id: int, quotes: Iterable[Quote]) -> int:
        """Store annotations made elsewhere. They are human work: status and origin are kept
        when the quote carries them (a StoredQuote), else it counts as accepted."""
        count = 0
        with self._transaction():
            for quote in quotes:
                row = self._quote_row(article_id, quote)
                row.update(
                    status=getattr(quote, "status", "accepted"), human=int(getattr(quote, "human", True)),
                    note=getattr(quote, "note", ""), extractor="import", updated_at=now(),
                )
                self._insert("quotes", row)
                count += 1
        return count

    def _quote_row(self, article_id: int, quote: Quote) -> dict:
        return {
            "article_id": article_id, "start": quote.start, "end": quote.end, "text": quote.text,
            "kind": quote.kind, "speaker_id": self.speaker_id(quote.speaker, quote.speaker_kind),
            "cue": quote.cue, "cue_start": quote.cue_start, "mention_start": quote.mention_start,
            "mention_end": quote.mention_end, "confidence": quote.confidence,
        }

    # ---- quotes: human corrections ---------------------------------------

    def _snapshot(self, quote_id: int) -> dict | None:
        rows = self._rows("SELECT * FROM quotes WHERE id = ?", [quote_id])
        if not rows:
            return None
        snap = {k: rows[0][k] for k in QUOTE_COLUMNS}
        # The name makes the log readable without joins; undo restores speaker_id.
        names = self._rows("SELECT name, kind FROM speakers WHERE id = ?", [snap["speaker_id"]])
        snap["speaker"] = names[0]["name"] if names else ""
        snap["speaker_kind"] = names[0]["kind"] if names else ""
        return snap

    def _log(self, action: str, quote_id: int | None, article_id: int | None, before: dict | None, after: dict | None,
             reverts: int | None = None) -> int:
        return self._insert("corrections", {
            "quote_id": quote_id, "article_id": article_id, "action": action, "user": self.user, "at": now(),
            "before": json.dumps(before, ensure_ascii=False) if before is not None else None,
            "after": json.dumps(after, ensure_ascii=False) if after is not None else None,
            "reverts": reverts,
        })

    def _write_quote(self, snapshot: dict | None, quote_id: int) -> None:
        """Make the stored quote ``quote_id`` equal ``snapshot`` (None: absent)."""
        if snapshot is None:
            self.conn.execute("DELETE FROM quotes WHERE id = ?", [quote_id])
            return
        row = {k: snapshot[k] for k in QUOTE_COLUMNS}
        columns = ", ".join(f"[{c}]" for c in row)
        updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in row if c != "id")
        self.conn.execute(
            f"INSERT INTO quotes ({columns}) VALUES ({', '.join('?' * len(row))}) ON CONFLICT(id) DO UPDATE SET {updates}",
            list(row.values()),
        )

    def _change(self, action: str, quote_id: int, changes: dict) -> StoredQuote:
        with self._transaction():
            before = self._snapshot(quote_id)
            if before is None:
                raise StoreError(f"no quote with id {quote_id}")
            after = dict(before)
            after.update(changes)
            after["updated_at"] = now()
            self._write_quote(after, quote_id)
            self._log(action, quote_id, before["article_id"], before, self._snapshot(quote_id))
        return self.quote(quote_id)

    def accept(self, quote_id: int) -> StoredQuote:
        return self._change("accept", quote_id, {"status": "accepted"})

    def reject(self, quote_id: int) -> StoredQuote:
        return self._change("reject", quote_id, {"status": "rejected"})

    def set_status(self, quote_id: int, status: str) -> StoredQuote:
        return self._change("status", quote_id, {"status": status})

    def edit(self, quote_id: int, **fields) -> StoredQuote:
        """Change any of EDITABLE; the quote becomes 'corrected' and human-made."""
        unknown = set(fields) - EDITABLE
        if unknown:
            raise ValueError(f"cannot edit {sorted(unknown)}")
        current = self.quote(quote_id)
        changes: dict = {k: v for k, v in fields.items() if k not in ("speaker", "speaker_kind")}
        if "start" in fields or "end" in fields:
            text = self.article(current.article_id).text
            start, end = fields.get("start", current.start), fields.get("end", current.end)
            if not 0 <= start < end <= len(text):
                raise ValueError(f"span [{start}, {end}) is outside the article")
            changes["text"] = text[start:end]
        changes.update(status="corrected", human=1)
        with self._transaction():  # a new speaker row commits with the change, or not at all
            if "speaker" in fields:
                kind = fields.get("speaker_kind") or current.speaker_kind
                changes["speaker_id"] = self.speaker_id(fields["speaker"], kind)
            return self._change("edit", quote_id, changes)

    def add_quote(self, article_id: int, quote: Quote) -> StoredQuote:
        """A quote the model missed, added by a person."""
        text = self.article(article_id).text
        if not 0 <= quote.start < quote.end <= len(text):
            raise ValueError(f"span [{quote.start}, {quote.end}) is outside the article")
        with self._transaction():
            row = self._quote_row(article_id, quote)
            row.update(text=text[quote.start:quote.end], status="corrected", human=1, extractor="", updated_at=now())
            quote_id = self._insert("quotes", row)
            self._log("add", quote_id, article_id, None, self._snapshot(quote_id))
        return self.quote(quote_id)

    def delete_quote(self, quote_id: int) -> None:
        with self._transaction():
            before = self._snapshot(quote_id)
            if before is None:
                raise StoreError(f"no quote with id {quote_id}")
            self._write_quote(None, quote_id)
            self._log("delete", quote_id, before["article_id"], before, None)

    # ---- undo and redo ---------------------------------------------------

    def _stacks(self) -> tuple[list[int], list[int]]:
        """(done, undone) correction ids, derived from the whole log."""
        done: list[int] = []
        undone: list[int] = []
        for row in self._rows("SELECT id, action, reverts FROM corrections ORDER BY id"):
            if row["action"] == "undo":
                if row["reverts"] in done:
                    done.remove(row["reverts"])
                    undone.append(row["reverts"])
            elif row["action"] == "redo":
                if row["reverts"] in undone:
                    undone.remove(row["reverts"])
                    done.append(row["reverts"])
            else:
                done.append(row["id"])
                undone.clear()
        return done, undone

    def _revert(self, action: str, target_id: int, use: str) -> Correction:
        target = self.correction(target_id)
        state = target.before if use == "before" else target.after
        with self._transaction():
            if target.action in SPEAKER_ACTIONS:
                replaced = target.after if use == "before" else target.before
                self._write_speaker_state(state)
                self._log(action, None, None, replaced, state, reverts=target_id)
            else:
                before = self._snapshot(target.quote_id)
                self._write_quote(state, target.quote_id)
                self._log(action, target.quote_id, target.article_id, before, self._snapshot(target.quote_id), reverts=target_id)
        return target

    def undo(self) -> Correction | None:
        """Take back the latest change still in force; None when there is nothing to undo."""
        with self._transaction():
            done, _ = self._stacks()
            return self._revert("undo", done[-1], "before") if done else None

    def redo(self) -> Correction | None:
        with self._transaction():
            _, undone = self._stacks()
            return self._revert("redo", undone[-1], "after") if undone else None

    def can_undo(self) -> bool:
        return bool(self._stacks()[0])

    def correction(self, correction_id: int) -> Correction:
        rows = self._rows("SELECT * FROM corrections WHERE id = ?", [correction_id])
        if not rows:
            raise StoreError(f"no correction with id {correction_id}")
        return self._correction_from_row(rows[0])

    @staticmethod
    def _correction_from_row(row: dict) -> Correction:
        return Correction(
            id=row["id"], quote_id=row["quote_id"], article_id=row["article_id"], action=row["action"],
            user=row["user"], at=row["at"],
            before=json.loads(row["before"]) if row["before"] else None,
            after=json.loads(row["after"]) if row["after"] else None,
            reverts=row["reverts"],
        )

    def history(self, article_id: int | None = None) -> list[Correction]:
        if article_id is None:
            rows = self._rows("SELECT * FROM corrections ORDER BY id")
        else:
            rows = self._rows("SELECT * FROM corrections WHERE article_id = ? ORDER BY id", [article_id])
        return [self._correction_from_row(r) for r in rows]

    # ---- maintenance -----------------------------------------------------

    def backup(self, target: Path | str) -> None:
        """Copy the database with SQLite's online backup: safe while others write."""
        target = Path(target)
        tmp = target.with_name(target.name + ".partial")
        destination = sqlite3.connect(tmp)
        try:
            self.conn.backup(destination)
        finally:
            destination.close()
        os.replace(tmp, target)
