"""Human corrections: every change one transaction with its append-only log row; undo and redo.

Two guards keep several readers from writing over each other. A change may name the
``version`` of the quote the reader showed: if the stored quote is newer (or gone), the
change is refused with ``QuoteChanged`` and nothing is written. Undo and redo walk the
changes of one session only (one user's running reader, continued by that user's next
reader once it has ended), and refuse to take back a change someone else built on.
"""

from __future__ import annotations

import json
from typing import Any

from newsread.model import Quote, StoredQuote, joined_name

from .connection import QuoteChanged, StoreError
from .records import Correction, Row, now
from .sessions import SessionStore

# The quote columns a correction snapshot records and undo restores.
QUOTE_COLUMNS = (
    "id", "article_id", "start", "end", "text", "kind", "speaker_id", "cue", "cue_start",
    "mention_start", "mention_end", "confidence", "status", "human", "note", "extractor", "updated_at", "version",
    "sieve", "evidence",
)
# Columns added after the log began, with the value a quote logged before them had (m007).
_ADDED_COLUMNS = {"sieve": "", "evidence": "[]"}
# Log actions that change speakers rather than one quote; their snapshots are speaker states.
SPEAKER_ACTIONS = {"rename_speaker", "speaker_kind", "merge_speakers"}
# Log actions that change several quotes in one step (undone together); snapshots are {"quotes": [...]}.
BATCH_ACTIONS = {"accept_many"}
# What a snapshot holds beyond the quote's content: bookkeeping, and names derived from speaker ids.
_NOT_CONTENT = {"version", "updated_at", "speaker", "speaker_kind"}


def _content(snapshot: Row | None) -> Row | None:
    if snapshot is None:
        return None
    content = {k: v for k, v in snapshot.items() if k not in _NOT_CONTENT}
    # Logged before joint statements (m006): the one speaker_id is the list of speakers.
    content.setdefault("speakers", [snapshot["speaker_id"]] if snapshot.get("speaker_id") is not None else [])
    for column, value in _ADDED_COLUMNS.items():
        content.setdefault(column, value)
    return content


# An undo that was refused because someone changed the quote since: it leaves the
# undo stack (the next undo goes further back) and changes nothing.
REFUSED = "undo_refused"
EDITABLE = {"start", "end", "kind", "speaker", "speaker_kind", "speakers", "cue", "cue_start", "note", "mention_start",
            "mention_end"}


class CorrectionStore(SessionStore):
    """Correction methods of ``Store`` (they use its connection, quote and speaker methods)."""

    # The change an undo or redo just refused to take back, logged once its transaction is over.
    _refused: int | None = None

    def _snapshot(self, quote_id: int) -> Row | None:
        rows = self._rows("SELECT * FROM quotes WHERE id = ?", [quote_id])
        if not rows:
            return None
        snap = {k: rows[0][k] for k in QUOTE_COLUMNS}
        # Undo restores "speakers" (ids, in order); the names make the log readable without joins.
        speakers = self._rows("SELECT s.id, s.name, s.kind FROM quote_speakers qs JOIN speakers s ON s.id = qs.speaker_id "
                              "WHERE qs.quote_id = ? ORDER BY qs.position", [quote_id])
        if not speakers:  # a quote another tool wrote without quote_speakers rows
            speakers = self._rows("SELECT id, name, kind FROM speakers WHERE id = ?", [snap["speaker_id"]])
        snap["speakers"] = [r["id"] for r in speakers]
        snap["speaker"] = joined_name([r["name"] for r in speakers])
        snap["speaker_kind"] = speakers[0]["kind"] if speakers else ""
        return snap

    def _log(self, action: str, quote_id: int | None, article_id: int | None, before: Row | None, after: Row | None,
             reverts: int | None = None) -> int:
        return self._insert("corrections", {
            "quote_id": quote_id, "article_id": article_id, "action": action, "user": self.user, "at": now(),
            "before": json.dumps(before, ensure_ascii=False) if before is not None else None,
            "after": json.dumps(after, ensure_ascii=False) if after is not None else None,
            "reverts": reverts, "session": self._session_for_writing(),
        })

    def _current(self, quote_id: int, version: int | None) -> Row:
        """The quote's snapshot, if it is still the one the writer saw (``version``, when given)."""
        snapshot = self._snapshot(quote_id)
        if snapshot is None:
            if version is None:
                raise StoreError(f"no quote with id {quote_id}")
            raise QuoteChanged(f"quote {quote_id} was removed by another program; nothing saved")
        if version is not None and snapshot["version"] != version:
            raise QuoteChanged(f"quote {quote_id} was changed {self._changed_by(quote_id)}; nothing saved")
        return snapshot

    def _changed_by(self, quote_id: int) -> str:
        rows = self._rows("SELECT user, session FROM corrections WHERE quote_id = ? ORDER BY id DESC LIMIT 1", [quote_id])
        if rows and rows[0]["session"] != self.session_id:
            return f"meanwhile by {rows[0]['user']}"
        return "meanwhile by another program"

    def _write_quote(self, snapshot: Row | None, quote_id: int) -> None:
        """Make the stored quote ``quote_id`` equal ``snapshot`` (None: absent)."""
        if snapshot is None:
            self.conn.execute("DELETE FROM quotes WHERE id = ?", [quote_id])
            return
        row = {k: snapshot.get(k, _ADDED_COLUMNS.get(k)) for k in QUOTE_COLUMNS}
        speakers = snapshot.get("speakers")
        if speakers is None:  # logged before joint statements existed: one speaker, speaker_id
            speakers = [row["speaker_id"]] if row["speaker_id"] is not None else []
        row["speaker_id"] = speakers[0] if speakers else None
        stored = self._rows("SELECT version FROM quotes WHERE id = ?", [quote_id])
        # Every write is a new version, a restored old state too.
        row["version"] = max(stored[0]["version"] if stored else 0, snapshot.get("version") or 0) + 1
        columns = ", ".join(f"[{c}]" for c in row)
        updates = ", ".join(f"[{c}] = excluded.[{c}]" for c in row if c != "id")
        self.conn.execute(
            f"INSERT INTO quotes ({columns}) VALUES ({', '.join('?' * len(row))}) ON CONFLICT(id) DO UPDATE SET {updates}",
            list(row.values()),
        )
        self._write_quote_speakers(quote_id, speakers)

    def _change(self, action: str, quote_id: int, changes: Row, version: int | None = None) -> StoredQuote:
        with self._transaction():
            before = self._current(quote_id, version)
            after = dict(before)
            after.update(changes)
            after["updated_at"] = now()
            self._write_quote(after, quote_id)
            logged_after = self._snapshot(quote_id)
            logged = self._log(action, quote_id, before["article_id"], before, logged_after)
            self._learn(logged, action, before["article_id"], before, logged_after)
        return self.quote(quote_id)

    def accept(self, quote_id: int, *, version: int | None = None) -> StoredQuote:
        return self._change("accept", quote_id, {"status": "accepted"}, version)

    def reject(self, quote_id: int, *, version: int | None = None) -> StoredQuote:
        return self._change("reject", quote_id, {"status": "rejected"}, version)

    def set_status(self, quote_id: int, status: str, *, version: int | None = None) -> StoredQuote:
        return self._change("status", quote_id, {"status": status}, version)

    def edit(self, quote_id: int, *, version: int | None = None, **fields: Any) -> StoredQuote:
        """Change any of EDITABLE; the quote becomes 'corrected' and human-made.

        ``speaker`` (with ``speaker_kind``) gives it one speaker; ``speakers=[(name, kind), ...]``
        gives it several (a joint statement), in order; a kind of None keeps the quote's kind.
        """
        unknown = set(fields) - EDITABLE
        if unknown:
            raise ValueError(f"cannot edit {sorted(unknown)}")
        if "speakers" in fields and "speaker" in fields:
            raise ValueError("give speaker or speakers, not both")
        current = self._current(quote_id, version)  # checked again inside the change's transaction
        changes: Row = {k: v for k, v in fields.items() if k not in ("speaker", "speaker_kind", "speakers")}
        if "start" in fields or "end" in fields:
            text = self.article(current["article_id"]).text
            start = fields["start"] if "start" in fields else current["start"]
            end = fields["end"] if "end" in fields else current["end"]
            if not 0 <= start < end <= len(text):
                raise ValueError(f"span [{start}, {end}) is outside the article")
            changes["text"] = text[start:end]
        changes.update(status="corrected", human=1)
        with self._transaction():  # a new speaker row commits with the change, or not at all
            # A name a person picks means this article's description of it, if it has one, else the global speaker.
            article_id = current["article_id"]
            if "speaker" in fields:
                kind = fields.get("speaker_kind") or current["speaker_kind"] or "PERSON"
                changes["speakers"] = self._speaker_ids([(fields["speaker"], kind)], article_id)
            if "speakers" in fields:
                kind = current["speaker_kind"] or "PERSON"
                changes["speakers"] = self._speaker_ids(((name, given or kind) for name, given in fields["speakers"]), article_id)
            return self._change("edit", quote_id, changes, version)

    def add_quote(self, article_id: int, quote: Quote) -> StoredQuote:
        """A quote the model missed, added by a person."""
        text = self.article(article_id).text
        if not 0 <= quote.start < quote.end <= len(text):
            raise ValueError(f"span [{quote.start}, {quote.end}) is outside the article")
        with self._transaction():
            quote_id = self._insert_quote(article_id, quote, text=text[quote.start:quote.end], status="corrected", human=1,
                                          extractor="", updated_at=now())
            self._log("add", quote_id, article_id, None, self._snapshot(quote_id))
        return self.quote(quote_id)

    def delete_quote(self, quote_id: int, *, version: int | None = None) -> None:
        with self._transaction():
            before = self._current(quote_id, version)
            self._write_quote(None, quote_id)
            self._log("delete", quote_id, before["article_id"], before, None)

    def accept_many(self, article_id: int, shown: dict[int, int]) -> int:
        """Accept the article's quotes ``shown`` ({quote id: version seen}) in one step, undone as one.

        Quotes changed or removed since they were shown, or no longer unreviewed, are left out.
        Returns how many were accepted."""
        with self._transaction():
            before = [snapshot for quote_id, version in shown.items()
                      if (snapshot := self._snapshot(quote_id)) is not None and snapshot["version"] == version
                      and snapshot["article_id"] == article_id and snapshot["status"] == "unreviewed"]
            if not before:
                return 0
            stamp = now()
            for snapshot in before:
                self._write_quote({**snapshot, "status": "accepted", "updated_at": stamp}, snapshot["id"])
            after = [self._snapshot(snapshot["id"]) for snapshot in before]
            self._log("accept_many", None, article_id, {"quotes": before}, {"quotes": after})
        return len(before)

    # ---- undo and redo ---------------------------------------------------

    def _stacks(self) -> tuple[list[int], list[int]]:
        """(done, undone) correction ids of this session."""
        done: list[int] = []
        undone: list[int] = []
        session = self._session_for_undo()
        if session is None:
            return done, undone
        for row in self._rows("SELECT id, action, reverts FROM corrections WHERE session = ? ORDER BY id", [session]):
            if row["action"] == REFUSED:
                for stack in (done, undone):
                    if row["reverts"] in stack:
                        stack.remove(row["reverts"])
            elif row["action"] == "undo":
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
        replaced = target.after if use == "before" else target.before
        with self._transaction():
            if target.action in SPEAKER_ACTIONS:
                assert state is not None  # speaker and batch changes log both states
                self._check_speakers_unchanged(action, target, replaced)
                self._write_speaker_state(state)
                self._log(action, None, None, replaced, state, reverts=target_id)
            elif target.action in BATCH_ACTIONS:
                assert state is not None and replaced is not None
                ids = [q["id"] for q in (state or replaced)["quotes"]]
                current = [self._snapshot(quote_id) for quote_id in ids]
                for quote_id, now_, left in zip(ids, current, replaced["quotes"]):
                    self._check_quote_unchanged(action, target, quote_id, now_, left)
                for quote_id, snapshot in zip(ids, state["quotes"]):
                    self._write_quote(snapshot, quote_id)
                self._log(action, None, target.article_id, {"quotes": current},
                          {"quotes": [self._snapshot(quote_id) for quote_id in ids]}, reverts=target_id)
            else:
                quote_id = target.quote_id
                assert quote_id is not None  # every other change is to one quote, which it names
                before = self._snapshot(quote_id)
                self._check_quote_unchanged(action, target, quote_id, before, replaced)
                self._write_quote(state, quote_id)
                self._log(action, quote_id, target.article_id, before, self._snapshot(quote_id), reverts=target_id)
            # What the change taught goes with it, and comes back with its redo.
            if action == "undo":
                self._forget(target_id)
            else:
                self._learn(target_id, target.action, target.article_id, target.before, target.after)
        return target

    def _check_quote_unchanged(self, action: str, target: Correction, quote_id: int,
                               current: Row | None, left: Row | None) -> None:
        """The quote must still be as the change being taken back left it, else undo would take back
        someone else's work. Compared by content: versions and times move with every write."""
        if _content(current) != _content(left):
            raise self._refuse(action, target, f"quote {quote_id} was {'removed' if current is None else 'changed'} "
                                               f"{self._changed_by(quote_id)}")

    def _check_speakers_unchanged(self, action: str, target: Correction, replaced: Row | None) -> None:
        for row in (replaced or {}).get("speakers", []):
            rows = self._rows("SELECT id, name, kind, aliases, article_id FROM speakers WHERE id = ?", [row["id"]])
            logged = {"article_id": None, **row}  # logged before m008: every speaker was global
            if not rows or {**rows[0], "aliases": rows[0]["aliases"] or "[]"} != logged:
                raise self._refuse(action, target, f"speaker “{row['name']}” was changed meanwhile by another reader")

    def _refuse(self, action: str, target: Correction, why: str) -> StoreError:
        # Logged (in its own transaction, after the caller's rolls back) so the next undo goes further back.
        self._refused = target.id
        if action == "undo":
            return QuoteChanged(f"not undone: {why}; undo again for your change before it")
        return QuoteChanged(f"not redone: {why}")

    def _log_refusal(self) -> None:
        refused, self._refused = self._refused, None
        if refused is not None:
            target = self.correction(refused)
            with self._transaction():
                self._log(REFUSED, target.quote_id, target.article_id, None, None, reverts=refused)

    def undo(self) -> Correction | None:
        """Take back this session's latest change still in force; None when there is nothing to undo."""
        return self._step_back_or_forth("undo")

    def redo(self) -> Correction | None:
        return self._step_back_or_forth("redo")

    def _step_back_or_forth(self, action: str) -> Correction | None:
        try:
            with self._transaction():
                self._session_for_writing()
                done, undone = self._stacks()
                stack, use = (done, "before") if action == "undo" else (undone, "after")
                return self._revert(action, stack[-1], use) if stack else None
        finally:
            self._log_refusal()

    def can_undo(self) -> bool:
        return bool(self._stacks()[0])

    def correction(self, correction_id: int) -> Correction:
        rows = self._rows("SELECT * FROM corrections WHERE id = ?", [correction_id])
        if not rows:
            raise StoreError(f"no correction with id {correction_id}")
        return self._correction_from_row(rows[0])

    @staticmethod
    def _correction_from_row(row: Row) -> Correction:
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
