"""Speaker-level reads and changes the Store does not offer (yet).

Each change runs in one ``store.db.atomic()`` transaction. Rename and merge act
on speakers, not on single quotes, so they are not in the per-quote correction
log and undo does not take them back.
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from newsread.store import Store


@dataclass
class SpeakerQuote:
    id: int
    article_id: int
    title: str
    text: str
    status: str


def speaker_quotes(store: Store, speaker_id: int) -> list[SpeakerQuote]:
    rows = store.db.execute(
        """SELECT q.id, q.article_id, a.title, q.text, q.status FROM quotes q
           JOIN articles a ON a.id = q.article_id WHERE q.speaker_id = ?
           ORDER BY q.article_id, q.start""",
        [speaker_id],
    ).fetchall()
    return [SpeakerQuote(*row) for row in rows]


def known_names(store: Store) -> dict[str, str]:
    """Every speaker name and alias in the database, with the speaker's kind."""
    names: dict[str, str] = {}
    for name, kind, aliases in store.db.execute("SELECT name, kind, aliases FROM speakers").fetchall():
        for alias in json.loads(aliases or "[]"):
            names.setdefault(alias, kind)
        names[name] = kind
    return names


def aliases_of(store: Store, names: list[str]) -> dict[str, list[str]]:
    if not names:
        return {}
    marks = ",".join("?" * len(names))
    rows = store.db.execute(f"SELECT name, aliases FROM speakers WHERE name IN ({marks})", names).fetchall()
    return {name: json.loads(aliases or "[]") for name, aliases in rows}


def speaker_id_by_name(store: Store, name: str) -> int | None:
    row = store.db.execute("SELECT id FROM speakers WHERE name = ?", [name]).fetchone()
    return row[0] if row else None


def rename_speaker(store: Store, speaker_id: int, new_name: str) -> None:
    """Give a speaker a new canonical name; the old one stays as an alias."""
    new_name = new_name.strip()
    if not new_name:
        raise ValueError("a speaker needs a name")
    with store.db.atomic():
        other = speaker_id_by_name(store, new_name)
        if other is not None and other != speaker_id:
            raise ValueError(f"“{new_name}” already exists: merge instead (m)")
        name, aliases = store.db.execute("SELECT name, aliases FROM speakers WHERE id = ?", [speaker_id]).fetchone()
        known = [a for a in json.loads(aliases or "[]") if a != new_name]
        if name not in known and name != new_name:
            known.append(name)
        store.db.execute("UPDATE speakers SET name = ?, aliases = ? WHERE id = ?",
                         [new_name, json.dumps(known, ensure_ascii=False), speaker_id])


def merge_speakers(store: Store, source_id: int, target_id: int) -> int:
    """Move every quote and candidate of ``source`` to ``target``; return the quotes moved."""
    if source_id == target_id:
        return 0
    with store.db.atomic():
        source_name, source_aliases = store.db.execute(
            "SELECT name, aliases FROM speakers WHERE id = ?", [source_id]).fetchone()
        target_aliases = json.loads(store.db.execute(
            "SELECT aliases FROM speakers WHERE id = ?", [target_id]).fetchone()[0] or "[]")
        for alias in [source_name, *json.loads(source_aliases or "[]")]:
            if alias not in target_aliases:
                target_aliases.append(alias)
        moved = store.db.execute("UPDATE quotes SET speaker_id = ? WHERE speaker_id = ?", [target_id, source_id]).rowcount
        store.db.execute(
            """INSERT OR IGNORE INTO article_speakers (article_id, speaker_id, position)
               SELECT article_id, ?, position FROM article_speakers WHERE speaker_id = ?""",
            [target_id, source_id],
        )
        store.db.execute("DELETE FROM article_speakers WHERE speaker_id = ?", [source_id])
        store.db.execute("UPDATE speakers SET aliases = ? WHERE id = ?",
                         [json.dumps(target_aliases, ensure_ascii=False), target_id])
        store.db.execute("DELETE FROM speakers WHERE id = ?", [source_id])
    return moved
