"""Human corrections: every change one transaction with its append-only log row; undo and redo."""

from __future__ import annotations

import json

from newsread.model import Quote, StoredQuote

from .connection import StoreError
from .records import Correction, now

# The quote columns a correction snapshot records and undo restores.
QUOTE_COLUMNS = (
    "id", "article_id", "start", "end", "text", "kind", "speaker_id", "cue", "cue_start",
    "mention_start", "mention_end", "confidence", "status", "human", "note", "extractor", "updated_at",
)
# Log actions that change speakers rather than one quote; their snapshots are speaker states.
SPEAKER_ACTIONS = {"rename_speaker", "merge_speakers"}
EDITABLE = {"start", "end", "kind", "speaker", "speaker_kind", "cue", "cue_start", "note", "mention_start", "mention_end"}


class CorrectionStore:
    """Correction methods of ``Store`` (they use its connection, quote and speaker methods)."""

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
