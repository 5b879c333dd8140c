"""Learning from corrections: a person's fix of who said it, remembered as mention form → speaker.

Four corrections teach (m009, table ``learned_speakers``): setting a quote's speaker (the
quote's mention, or else its old speaker's name, is the new speaker), renaming a speaker
(the old name is it), merging (the source's name and aliases are the target) and fixing a
speaker's kind (its name is that kind). Each lesson is written in the correction's own
transaction and owned by its log row: undo removes it, redo brings it back.

A form that names someone ("Saree") applies in every article; a pronoun or description
("he", "the spokesman", "police"), or any form for a speaker of one article only, applies
only in the article it was learned from. ``apply_learned`` gives later extractions what was
learned: each model quote whose mention (or speaker name) is a learned form gets the
learned speaker, with an "entity.learned" step at the end of its evidence.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace

from newsread.model import Extraction, Quote, Speaker
from newsread.quotes.lexicon import NOT_NAME_FIRST_WORDS

from .base import StoreBase
from .records import Row, evidence_from_json, now

LEARNED_SIEVE = "entity.learned"
# Evidence links from a mention that stands for an entity rather than naming it (quotes/sieves.py ENTITY_SIEVES).
_STANDS_FOR = ("pronoun.", "role.", "group.", "description.")


@dataclass(frozen=True)
class LearnedSpeaker:
    """One lesson as it applies now: the form, and its speaker's current name, kind and scope."""

    form: str
    name: str
    kind: str
    scope: str = "global"  # the speaker's: "article" for a description of one article


def form_key(form: str) -> str:
    """Forms match whatever their case or spacing: "The spokesman" is "the  spokesman"."""
    return " ".join(form.split()).casefold()


def looks_like_name(form: str) -> bool:
    words = form.split()
    return bool(words) and words[0][:1].isupper() and words[0].casefold() not in NOT_NAME_FIRST_WORDS


def apply_learned(extraction: Extraction, text: str, learned: Iterable[LearnedSpeaker]) -> Extraction:
    """``extraction`` of ``text`` as the lessons ``learned`` (newest first: the newest lesson for a
    form wins) say: each quote whose mention form, or else speaker name, is a learned form gets
    the learned speaker and kind, and an "entity.learned" evidence step. A joint statement keeps
    its speakers. The extraction's speakers follow: the learned ones added, those left unused dropped."""
    newest: dict[str, LearnedSpeaker] = {}
    for lesson in learned:
        newest.setdefault(form_key(lesson.form), lesson)
    applied: dict[str, LearnedSpeaker] = {}
    quotes: list[Quote] = []
    for quote in extraction.quotes:
        found = _lesson_for(quote, text, newest)
        if found is None:
            quotes.append(quote)
            continue
        form, lesson = found
        quotes.append(_taught(quote, form, lesson, text))
        applied[lesson.name] = lesson
    if not applied:
        return extraction
    return Extraction(quotes, _speakers_after(extraction.speakers, quotes, applied))


def _mention(quote: Quote, text: str) -> str:
    has_mention = 0 <= quote.mention_start < quote.mention_end <= len(text)
    return text[quote.mention_start:quote.mention_end] if has_mention else ""


def _lesson_for(quote: Quote, text: str, newest: dict[str, LearnedSpeaker]) -> tuple[str, LearnedSpeaker] | None:
    """(the form matched, its lesson) for a quote the lessons change, else None."""
    if len(quote.speaker_names()) > 1:
        return None
    for form in (_mention(quote, text), quote.speaker):
        lesson = newest.get(form_key(form)) if form.strip() else None
        if lesson is not None:
            changes = (lesson.name, lesson.kind) != (quote.speaker, quote.speaker_kind)
            return (form, lesson) if changes else None
    return None


def _taught(quote: Quote, form: str, lesson: LearnedSpeaker, text: str) -> Quote:
    # Offsets only for the mention itself: a step's text is the article's text at its offsets.
    at = (quote.mention_start, quote.mention_end) if form == _mention(quote, text) else (-1, -1)
    step = {"sieve": LEARNED_SIEVE, "text": form, "start": at[0], "end": at[1]}
    return replace(quote, speaker=lesson.name, speakers=[lesson.name], speaker_kind=lesson.kind,
                   evidence=[*quote.evidence, step])


def _speakers_after(speakers: list[Speaker], quotes: list[Quote], applied: dict[str, LearnedSpeaker]) -> list[Speaker]:
    used = {name for quote in quotes for name in quote.speaker_names()}
    kept = [replace(s, kind=applied[s.name].kind, scope=applied[s.name].scope) if s.name in applied else s
            for s in speakers if s.name in used]
    known = {s.name for s in kept}
    return kept + [Speaker(lesson.name, lesson.kind, [], scope=lesson.scope)
                   for lesson in applied.values() if lesson.name not in known]


@dataclass(frozen=True)
class _Lesson:
    """What one correction teaches before its scope is decided."""

    form: str
    speaker_id: int
    article_id: int | None  # where it was learned: the quote's article, or the speaker's for a speaker change
    stands_for: bool  # the form was a pronoun or description of the entity, whatever it looks like


class LearnedStore(StoreBase):
    """Learning methods of ``Store`` (the correction methods call ``_learn`` and ``_forget``)."""

    def learned_for(self, article_id: int | None) -> list[LearnedSpeaker]:
        """The lessons that apply in ``article_id`` (None: an article not in the database), newest first."""
        rows = self._rows(
            """SELECT l.form, s.name, s.kind, s.article_id FROM learned_speakers l JOIN speakers s ON s.id = l.speaker_id
               WHERE (l.scope = 'global' OR l.article_id = ?) AND (s.article_id IS NULL OR s.article_id = ?)
               ORDER BY l.id DESC""",
            [article_id, article_id],
        )
        return [LearnedSpeaker(r["form"], r["name"], r["kind"], "global" if r["article_id"] is None else "article")
                for r in rows]

    def with_learned(self, article_id: int | None, extraction: Extraction, text: str | None = None) -> Extraction:
        """``extraction`` of the article ``article_id`` (its text, or ``text``) with what corrections taught."""
        learned = self.learned_for(article_id)
        if not learned or not extraction.quotes:
            return extraction
        if text is None:
            assert article_id is not None, "give the text of an article not in the database"
            text = self.article(article_id).text
        return apply_learned(extraction, text, learned)

    def _learn(self, correction_id: int, action: str, article_id: int | None, before: Row | None,
               after: Row | None) -> None:
        """Remember what the logged correction ``correction_id`` teaches; most teach nothing."""
        if before is None or after is None:
            return
        if action == "edit" and article_id is not None:
            lessons = self._set_speaker_lessons(article_id, before, after)
        elif action in ("rename_speaker", "speaker_kind"):
            lessons = _speaker_lessons([before["speakers"][0]["name"]], before["speakers"][0], after["speakers"][0])
        elif action == "merge_speakers":
            source = before["speakers"][0]
            forms = [source["name"], *json.loads(source["aliases"] or "[]")]
            lessons = _speaker_lessons(forms, source, after["speakers"][0])
        else:
            return
        for lesson in lessons:
            self._remember(correction_id, lesson)

    def _set_speaker_lessons(self, article_id: int, before: Row, after: Row) -> list[_Lesson]:
        """A quote given one new speaker: its mention form (or else its old speaker's name) is that speaker."""
        old, new = before.get("speakers") or [], after.get("speakers") or []
        if len(new) != 1 or new == old:
            return []
        text = self.article(article_id).text
        start, end = before.get("mention_start", -1), before.get("mention_end", -1)
        form = text[start:end] if 0 <= start < end <= len(text) else (before.get("speaker", "") if len(old) == 1 else "")
        if not form.strip():
            return []
        links = [str(step.get("sieve", "")) for step in evidence_from_json(before.get("evidence"))[1:]]
        old_is_description = bool(old) and bool(self._rows(
            "SELECT 1 FROM speakers WHERE id = ? AND article_id IS NOT NULL", [old[0]]))
        stands_for = old_is_description or any(link.startswith(_STANDS_FOR) for link in links)
        return [_Lesson(form, new[0], article_id, stands_for)]

    def _remember(self, correction_id: int, lesson: _Lesson) -> None:
        """Store one lesson, with its scope: an article's own speaker, a pronoun or a description is
        learned for its article only (and not at all when there is no article); a name everywhere."""
        rows = self._rows("SELECT kind, article_id FROM speakers WHERE id = ?", [lesson.speaker_id])
        if not rows:
            return
        speaker = rows[0]
        form = " ".join(lesson.form.split())
        if speaker["article_id"] is not None:
            scope, article_id = "article", speaker["article_id"]
        elif looks_like_name(form) and not lesson.stands_for:
            scope, article_id = "global", lesson.article_id
        elif lesson.article_id is not None:
            scope, article_id = "article", lesson.article_id
        else:
            return
        self._insert("learned_speakers", {
            "form": form, "speaker_id": lesson.speaker_id, "article_id": article_id, "scope": scope,
            "kind": speaker["kind"], "correction_id": correction_id, "made_by": self.user, "made_at": now(),
        })

    def _forget(self, correction_id: int) -> None:
        """Take back what the correction taught (it is being undone)."""
        self.conn.execute("DELETE FROM learned_speakers WHERE correction_id = ?", [correction_id])


def _speaker_lessons(forms: list[str], source: Row, target: Row) -> list[_Lesson]:
    """A rename, kind fix or merge: the source's forms are the target. A description's forms
    (a speaker of one article) stand for it only in that article."""
    article_id = source.get("article_id")  # logged before m008: none, every speaker was global
    return [_Lesson(form, target["id"], article_id, article_id is not None) for form in forms if form.strip()]
