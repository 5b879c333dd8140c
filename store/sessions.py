"""Reader sessions: whose changes one undo stack holds.

A session is one running reader of one user. It is registered with the first change
it logs; a new reader of that user first continues the user's latest session whose
reader has ended (closed, or its process gone on this host), so undo survives a
restart but never reaches into a reader still running beside it.
"""

from __future__ import annotations

import os
import socket
import uuid

from .base import StoreBase
from .connection import StoreError
from .records import Row, now


def _process_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


class SessionStore(StoreBase):
    """Session methods of ``Store`` (they use its connection helpers)."""

    session_id: str = ""
    _session_open = False

    def _new_session_id(self) -> None:
        self.session_id = uuid.uuid4().hex
        self._session_open = False

    def _ended(self, row: Row) -> bool:
        if row["ended_at"]:
            return True
        return row["host"] == socket.gethostname() and not _process_alive(row["pid"])

    def _latest_ended_session(self) -> str | None:
        rows = self._rows(
            """SELECT s.id, s.host, s.pid, s.ended_at FROM sessions s
               WHERE s.user = ? ORDER BY (SELECT max(c.id) FROM corrections c WHERE c.session = s.id) DESC""",
            [self.user])
        return next((row["id"] for row in rows if self._ended(row)), None)

    def _session_for_writing(self) -> str:
        """This reader's session, registered (or an ended one continued) with its first change.
        Called inside the change's transaction, so two readers cannot take up the same one."""
        if not self._session_open:
            previous = self._latest_ended_session()
            if previous is not None:
                self.session_id = previous
            self.conn.execute(
                "INSERT INTO sessions (id, user, host, pid, started_at, ended_at) VALUES (?, ?, ?, ?, ?, NULL) "
                "ON CONFLICT(id) DO UPDATE SET host = excluded.host, pid = excluded.pid, ended_at = NULL",
                [self.session_id, self.user, socket.gethostname(), os.getpid(), now()])
            self._session_open = True
        return self.session_id

    def _session_for_undo(self) -> str | None:
        """The session whose changes undo walks: this reader's, else the one it will continue."""
        if self._session_open:
            return self.session_id
        return self._latest_ended_session()

    def end_session(self) -> None:
        """Mark this reader's session ended, so the user's next reader continues it."""
        if not self._session_open:
            return
        try:
            with self._transaction():
                self.conn.execute("UPDATE sessions SET ended_at = ? WHERE id = ?", [now(), self.session_id])
        except StoreError:
            pass  # locked or read-only: a session of a gone process counts as ended anyway
        self._session_open = False
