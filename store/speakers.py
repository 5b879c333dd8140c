"""Speakers: canonical names with aliases, per-article candidates, logged rename, kind and merge."""

from __future__ import annotations

import json
import re
from collections.abc import Collection, Iterable

from newsread.model import SPEAKER_KINDS, Quote, StoredQuote

from .base import StoreBase
from .connection import StoreError
from .records import QUOTE_SELECT, Row, SpeakerSummary, quote_from_row


class SpeakerStore(StoreBase):
    """Speaker methods of ``Store`` (they use its connection helpers)."""

    def speaker_id(self, name: str, kind: str = "PERSON", aliases: Iterable[str] = (),
                   article_id: int | None = None) -> int | None:
        """The id of the speaker called ``name`` (or having it as an alias), created if new.

        Without ``article_id``, the global speaker of that name: a name is one entity across the
        database. With it, the description of that article (m008): the article's own, else a global
        speaker of that name a person already gave this article (by a merge, or on a quote kept), else new.
        """
        name = name.strip()
        if not name:
            return None
        if article_id is None:
            rows = self._global_speaker(name)
        else:
            rows = (self._rows("SELECT id, aliases FROM speakers WHERE name = ? AND article_id = ?", [name, article_id])
                    or self._global_speaker_in_article(name, article_id))
        new_aliases = [a for a in aliases if a and a != name]
        if rows:
            speaker_id: int = rows[0]["id"]
            known = json.loads(rows[0]["aliases"] or "[]")
            missing = [a for a in new_aliases if a not in known]
            if missing:
                self._update("speakers", speaker_id, {"aliases": json.dumps(known + missing, ensure_ascii=False)})
            return speaker_id
        return self._insert("speakers", {"name": name, "kind": kind or "PERSON", "article_id": article_id,
                                         "aliases": json.dumps(sorted(set(new_aliases)), ensure_ascii=False)})

    def _global_speaker(self, name: str) -> list[Row]:
        rows = self._rows("SELECT id, aliases FROM speakers WHERE name = ? AND article_id IS NULL", [name])
        return rows or self._rows(
            "SELECT id, aliases FROM speakers WHERE article_id IS NULL AND "
            "EXISTS (SELECT 1 FROM json_each(speakers.aliases) WHERE value = ?) ORDER BY id LIMIT 1",
            [name],
        )

    def _global_speaker_in_article(self, name: str, article_id: int) -> list[Row]:
        return self._rows(
            """SELECT s.id, s.aliases FROM speakers s WHERE s.name = ? AND s.article_id IS NULL
               AND (EXISTS (SELECT 1 FROM article_speakers a WHERE a.speaker_id = s.id AND a.article_id = ?)
                    OR EXISTS (SELECT 1 FROM quote_speakers qs JOIN quotes q ON q.id = qs.quote_id
                               WHERE qs.speaker_id = s.id AND q.article_id = ?))""",
            [name, article_id, article_id],
        )

    def _speaker_in_article(self, article_id: int, name: str, kind: str, aliases: Iterable[str] = (),
                            described: bool = False) -> int | None:
        """The speaker ``name`` means in this article: its description of that name if it has one
        (a person picking "police" in article 7 means article 7's police), else the description
        (``described``) or the global name."""
        if described:
            return self.speaker_id(name, kind, aliases, article_id)
        own = self._rows("SELECT id FROM speakers WHERE name = ? AND article_id = ?", [name.strip(), article_id])
        return own[0]["id"] if own else self.speaker_id(name, kind, aliases)

    def _quote_speaker_ids(self, quote: Quote, article_id: int | None = None, described: Collection[str] = ()) -> list[int]:
        """The entity of every speaker of ``quote``, in order, created if new (with the quote's speaker_kind);
        in ``article_id``, the names in ``described`` are that article's descriptions."""
        return self._speaker_ids([(name, quote.speaker_kind) for name in quote.speaker_names()], article_id, described)

    def _speaker_ids(self, speakers: Iterable[tuple[str, str]], article_id: int | None = None,
                     described: Collection[str] = ()) -> list[int]:
        ids: list[int] = []
        for name, kind in speakers:
            if article_id is None:
                speaker_id = self.speaker_id(name, kind)
            else:
                speaker_id = self._speaker_in_article(article_id, name, kind, described=name in described)
            if speaker_id is not None and speaker_id not in ids:  # two forms of one name are one speaker
                ids.append(speaker_id)
        return ids

    def _write_quote_speakers(self, quote_id: int, speaker_ids: list[int]) -> None:
        """Make ``speaker_ids`` the speakers of the quote, in order; quotes.speaker_id is the first."""
        self.conn.execute("DELETE FROM quote_speakers WHERE quote_id = ?", [quote_id])
        self.conn.executemany("INSERT INTO quote_speakers (quote_id, speaker_id, position) VALUES (?, ?, ?)",
                              [(quote_id, speaker_id, position) for position, speaker_id in enumerate(speaker_ids)])
        self.conn.execute("UPDATE quotes SET speaker_id = ? WHERE id = ?", [speaker_ids[0] if speaker_ids else None, quote_id])

    def speaker_candidates(self, article_id: int) -> list[tuple[str, str]]:
        """(name, kind) of the speakers of this article: the extractor's entities, then any others quoted."""
        rows = self._rows(
            """SELECT s.name, s.kind FROM article_speakers a JOIN speakers s ON s.id = a.speaker_id
               WHERE a.article_id = ? ORDER BY a.position""",
            [article_id],
        )
        names = [(r["name"], r["kind"]) for r in rows]
        for r in self._rows(
            """SELECT DISTINCT s.name, s.kind FROM quotes q JOIN quote_speakers qs ON qs.quote_id = q.id
               JOIN speakers s ON s.id = qs.speaker_id
               WHERE q.article_id = ? ORDER BY q.start, qs.position""",
            [article_id],
        ):
            if (r["name"], r["kind"]) not in names:
                names.append((r["name"], r["kind"]))
        return names

    def article_scoped_names(self, article_id: int) -> set[str]:
        """The names of this article's own descriptions ("police" of this article only)."""
        return {r["name"] for r in self._rows("SELECT name FROM speakers WHERE article_id = ?", [article_id])}

    def speakers(self) -> list[SpeakerSummary]:
        rows = self._rows(
            """SELECT s.id, s.name, s.kind, s.aliases, count(q.id) AS quotes, s.article_id, coalesce(a.title, '') AS title
               FROM speakers s LEFT JOIN quote_speakers qs ON qs.speaker_id = s.id
               LEFT JOIN quotes q ON q.id = qs.quote_id AND q.status != 'rejected'
               LEFT JOIN articles a ON a.id = s.article_id
               GROUP BY s.id ORDER BY quotes DESC, s.name, s.article_id"""
        )
        return [_summary(r) for r in rows]

    def speaker_by_name(self, name: str, article_id: int | None = None) -> SpeakerSummary | None:
        """The global speaker called ``name``, or with ``article_id`` that article's description of that name."""
        rows = self._rows("SELECT id FROM speakers WHERE name = ? AND article_id IS ?", [name.strip(), article_id])
        return self.speaker(rows[0]["id"]) if rows else None

    def find_speaker(self, label: str) -> SpeakerSummary | None:
        """The speaker a person typed: a label as SpeakerSummary.label writes it ("police (article 7)"),
        a global name, or a name only one speaker has."""
        label = label.strip()
        scoped = re.fullmatch(r"(.+) \(article (\d+)\)", label)
        found = self.speaker_by_name(scoped[1], int(scoped[2])) if scoped else None
        if found is None:
            found = self.speaker_by_name(label)
        if found is None:
            rows = self._rows("SELECT id FROM speakers WHERE name = ?", [label])
            found = self.speaker(rows[0]["id"]) if len(rows) == 1 else None
        return found

    def speaker(self, speaker_id: int) -> SpeakerSummary:
        rows = self._rows(
            """SELECT s.id, s.name, s.kind, s.aliases, s.article_id, coalesce(a.title, '') AS title,
                      (SELECT count(*) FROM quote_speakers qs JOIN quotes q ON q.id = qs.quote_id
                       WHERE qs.speaker_id = s.id AND q.status != 'rejected') AS quotes
               FROM speakers s LEFT JOIN articles a ON a.id = s.article_id WHERE s.id = ?""",
            [speaker_id],
        )
        if not rows:
            raise StoreError(f"no speaker with id {speaker_id}")
        return _summary(rows[0])

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
        """Every quote of a speaker across articles (joint statements too), with its article's title."""
        of_speaker = "q.id IN (SELECT quote_id FROM quote_speakers WHERE speaker_id = ?)"
        rows = self._rows(
            QUOTE_SELECT + f" JOIN articles a ON a.id = q.article_id WHERE {of_speaker} ORDER BY q.article_id, q.start",
            [speaker_id],
        )
        titles = {r["id"]: r["title"] for r in self._rows(
            f"SELECT DISTINCT a.id, a.title FROM articles a JOIN quotes q ON q.article_id = a.id WHERE {of_speaker}",
            [speaker_id])}
        return [(quote_from_row(r), titles[r["article_id"]]) for r in rows]

    def rename_speaker(self, speaker_id: int, new_name: str) -> SpeakerSummary:
        """Give a speaker a new canonical name; the old one stays as an alias. Logged and undoable."""
        new_name = new_name.strip()
        if not new_name:
            raise ValueError("a speaker needs a name")
        with self._transaction():
            before = self._speaker_row(speaker_id)
            # A rename keeps the speaker's scope: article 7's "police" renamed is still article 7's.
            other = self.speaker_by_name(new_name, before["article_id"])
            if other is not None and other.id != speaker_id:
                raise ValueError(f"“{new_name}” already exists: merge the two speakers instead")
            aliases = [a for a in json.loads(before["aliases"]) if a != new_name]
            if before["name"] != new_name and before["name"] not in aliases:
                aliases.append(before["name"])
            after = {**before, "name": new_name, "aliases": json.dumps(aliases, ensure_ascii=False)}
            self._write_speaker_state({"speakers": [after]})
            logged = self._log("rename_speaker", None, None, {"speakers": [before]}, {"speakers": [after]})
            self._learn(logged, "rename_speaker", None, {"speakers": [before]}, {"speakers": [after]})
        return self.speaker(speaker_id)

    def set_speaker_kind(self, speaker_id: int, kind: str) -> SpeakerSummary:
        """Say whether a speaker is a PERSON, an ORG or OTHER. Logged and undoable."""
        if kind not in SPEAKER_KINDS:
            raise ValueError(f"unknown speaker kind {kind!r}: use one of {', '.join(SPEAKER_KINDS)}")
        with self._transaction():
            before = self._speaker_row(speaker_id)
            if before["kind"] != kind:  # no log row, so no undo step, for a change that changes nothing
                after = {**before, "kind": kind}
                self._write_speaker_state({"speakers": [after]})
                logged = self._log("speaker_kind", None, None, {"speakers": [before]}, {"speakers": [after]})
                self._learn(logged, "speaker_kind", None, {"speakers": [before]}, {"speakers": [after]})
        return self.speaker(speaker_id)

    def merge_speakers(self, source_id: int, target_id: int) -> int:
        """Fold ``source`` into ``target``: its quotes, candidacies, name and aliases. Logged and undoable.

        Two speakers of different scopes (two articles' "police", or a description and a name)
        become one global speaker: a person said they are one entity across articles.
        Returns the number of quotes moved.
        """
        if source_id == target_id:
            return 0
        with self._transaction():
            source, target = self._speaker_row(source_id), self._speaker_row(target_id)
            moved = [r["id"] for r in self._rows("SELECT id FROM quotes WHERE speaker_id = ?", [source_id])]
            # The source's place among a quote's speakers goes to the target, unless the
            # target is already one of them (a joint statement of the two): then it just goes.
            source_rows = self._rows("SELECT quote_id, speaker_id, position FROM quote_speakers WHERE speaker_id = ?", [source_id])
            with_target = {r["quote_id"] for r in self._rows("SELECT quote_id FROM quote_speakers WHERE speaker_id = ?", [target_id])}
            taken = [[r["quote_id"], target_id, r["position"]] for r in source_rows if r["quote_id"] not in with_target]
            source_in = self._rows("SELECT * FROM article_speakers WHERE speaker_id = ?", [source_id])
            target_in = {r["article_id"] for r in self._rows("SELECT article_id FROM article_speakers WHERE speaker_id = ?", [target_id])}
            added = [{**r, "speaker_id": target_id} for r in source_in if r["article_id"] not in target_in]
            aliases = json.loads(target["aliases"])
            for alias in [source["name"], *json.loads(source["aliases"])]:
                if alias not in aliases and alias != target["name"]:
                    aliases.append(alias)
            merged = {**target, "aliases": json.dumps(aliases, ensure_ascii=False),
                      "article_id": target["article_id"] if source["article_id"] == target["article_id"] else None}
            self._check_merged_name_free(merged, source_id)
            # What corrections taught about the source is about the target now.
            learned = [r["id"] for r in self._rows("SELECT id FROM learned_speakers WHERE speaker_id = ?", [source_id])]
            before = {
                "speakers": [source, target], "quote_speakers": {q: source_id for q in moved},
                "quote_speaker_rows": [[r["quote_id"], r["speaker_id"], r["position"]] for r in source_rows],
                "absent_quote_speaker_rows": [[q, target_id] for q, _, _ in taken],
                "article_speakers": source_in, "absent_article_speakers": [[r["article_id"], target_id] for r in added],
                "learned_speakers": {learned_id: source_id for learned_id in learned},
            }
            after = {
                "speakers": [merged], "quote_speakers": {q: target_id for q in moved},
                "quote_speaker_rows": taken, "absent_quote_speaker_rows": [[r["quote_id"], source_id] for r in source_rows],
                "article_speakers": added,
                "absent_article_speakers": [[r["article_id"], source_id] for r in source_in], "absent_speakers": [source_id],
                "learned_speakers": {learned_id: target_id for learned_id in learned},
            }
            self._write_speaker_state(after)
            logged = self._log("merge_speakers", None, None, before, after)
            self._learn(logged, "merge_speakers", None, before, after)
        return len(set(moved) | {r["quote_id"] for r in source_rows})

    def _check_merged_name_free(self, merged: Row, source_id: int) -> None:
        """A merge that makes the target global needs its name free among the global speakers."""
        if merged["article_id"] is not None:
            return
        other = self.speaker_by_name(merged["name"])
        if other is not None and other.id != merged["id"]:
            into = "merge the other way, into it" if other.id == source_id else "merge into that one instead"
            raise ValueError(f"“{merged['name']}” is a speaker across articles already: {into}")

    def _speaker_row(self, speaker_id: int) -> Row:
        rows = self._rows("SELECT id, name, kind, aliases, article_id FROM speakers WHERE id = ?", [speaker_id])
        if not rows:
            raise StoreError(f"no speaker with id {speaker_id}")
        return {**rows[0], "aliases": rows[0]["aliases"] or "[]"}

    def _write_speaker_state(self, state: Row) -> None:
        """Make speakers, their quotes and candidacies as ``state`` records (see merge_speakers).

        Order matters: speakers exist before anything points at them, and go last.
        """
        for row in state.get("speakers", []):
            # Logged before m008, a speaker row has no article_id: every speaker was global then.
            self.conn.execute(
                "INSERT INTO speakers (id, name, kind, aliases, article_id) VALUES (?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "name = excluded.name, kind = excluded.kind, aliases = excluded.aliases, article_id = excluded.article_id",
                [row["id"], row["name"], row["kind"], row["aliases"], row.get("article_id")],
            )
        for learned_id, speaker_id in state.get("learned_speakers", {}).items():  # keys are strings once logged as JSON
            self.conn.execute("UPDATE learned_speakers SET speaker_id = ? WHERE id = ?", [speaker_id, int(learned_id)])
        # "quote_speakers" maps a quote to its first speaker (quotes.speaker_id); the rows of
        # quote_speakers are in "quote_speaker_rows", absent ones in "absent_quote_speaker_rows".
        for quote_id, speaker_id in state.get("absent_quote_speaker_rows", []):
            self.conn.execute("DELETE FROM quote_speakers WHERE quote_id = ? AND speaker_id = ?", [quote_id, speaker_id])
        self.conn.executemany("INSERT OR REPLACE INTO quote_speakers (quote_id, speaker_id, position) VALUES (?, ?, ?)",
                              [tuple(row) for row in state.get("quote_speaker_rows", [])])
        for quote_id, speaker_id in state.get("quote_speakers", {}).items():
            if "quote_speaker_rows" in state:
                self.conn.execute("UPDATE quotes SET speaker_id = ? WHERE id = ?", [speaker_id, int(quote_id)])
            else:  # a merge logged before joint statements existed: each quote had this one speaker
                self._write_quote_speakers(int(quote_id), [speaker_id])
        for row in state.get("article_speakers", []):
            self.conn.execute(
                "INSERT OR REPLACE INTO article_speakers (article_id, speaker_id, position) VALUES (?, ?, ?)",
                [row["article_id"], row["speaker_id"], row["position"]],
            )
        for article_id, speaker_id in state.get("absent_article_speakers", []):
            self.conn.execute("DELETE FROM article_speakers WHERE article_id = ? AND speaker_id = ?", [article_id, speaker_id])
        for speaker_id in state.get("absent_speakers", []):
            self.conn.execute("DELETE FROM speakers WHERE id = ?", [speaker_id])


def _summary(row: Row) -> SpeakerSummary:
    return SpeakerSummary(row["id"], row["name"], row["kind"], json.loads(row["aliases"] or "[]"), row["quotes"],
                          row["article_id"], row["title"])
