"""The editor pane: every field of the selected quote, read at a glance."""

from __future__ import annotations

import bisect
import re

from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from newsread.model import StoredQuote

from .colors import KIND_MARK
from .safe_text import visible

STATUS_MARK = {"unreviewed": "○ unreviewed", "accepted": "✓ accepted", "corrected": "✎ corrected", "rejected": "✗ rejected"}
_PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n\s*")  # a blank line (or several) between paragraphs
_SHORT = 32  # characters of a step's text shown before an ellipsis (a quote the speaker came from)


def paragraph_starts(text: str) -> list[int]:
    """Where each blank-line-separated paragraph begins: ¶N starts at starts[N - 1]."""
    return [0] + [m.end() for m in _PARAGRAPH_BREAK.finditer(text)]


def _short(text: str) -> str:
    text = " ".join(text.split())
    return text if len(text) <= _SHORT else text[: _SHORT - 1].rstrip() + "…"


def why_line(quote: StoredQuote, starts: list[int]) -> str:
    """The evidence chain on one line: 'cue.subject: he → Peskov ¶5 → Dmitry Peskov'. A step in
    another paragraph than the quote says which (¶N, with ``starts`` from paragraph_starts); the
    last step is the speaker's canonical name; a step repeating the one before is left out."""
    steps = [s for s in quote.evidence if isinstance(s, dict)]
    if not steps:
        return ""
    # A person's earlier correction decided (store/learned.py): its form is the mention, so say whom it made it.
    learned = steps[-1].get("sieve") == "entity.learned"
    if learned:
        steps = steps[:-1]

    def paragraph(offset: int) -> int:
        return bisect.bisect_right(starts, offset) if starts else 0

    home = paragraph(quote.start)
    parts: list[str] = []
    shown = None
    for index, step in enumerate(steps):
        text = _short(str(step.get("text", "")))
        if index and text == shown:
            continue
        shown = text
        start = step.get("start", -1)
        if index < len(steps) - 1 and isinstance(start, int) and start >= 0 and paragraph(start) != home:
            text += f" ¶{paragraph(start)}"
        parts.append(f"{step.get('sieve', '')}: {text}" if index == 0 else text)
    if learned:
        parts.append(f"learned: {_short(quote.speaker)}")
    return " → ".join(parts)


class QuoteEditor(Static):
    """Shows the selected quote; the reader screen sets ``quote`` and ``speaker_color``."""

    quote: reactive[StoredQuote | None] = reactive(None, always_update=True)
    speaker_color: reactive[str] = reactive("")
    position: reactive[str] = reactive("")
    # The article's text, for the paragraph numbers of the evidence chain (set by the reader
    # screen before ``quote``); its paragraph starts are computed once per article.
    article_text: str = ""
    _starts_of: tuple[str | None, list[int]] = (None, [])

    def _paragraph_starts(self) -> list[int]:
        text = self.article_text
        if self._starts_of[0] is not text:
            self._starts_of = (text, paragraph_starts(text) if text else [])
        return self._starts_of[1]

    def render(self):
        quote = self.quote
        if quote is None:
            return Text("No quote selected — j/k move between quotes, v selects text to add one.", style="dim")
        grid = Table.grid(padding=(0, 1), expand=True)
        grid.add_column(style="bold", no_wrap=True, width=8)
        grid.add_column(ratio=1)
        if len(quote.speakers) > 1:  # a joint statement: every speaker, in order
            speaker = Text()
            for index, name in enumerate(quote.speakers):
                speaker.append(" + " if index else "", style="dim")
                speaker.append(visible(name), style=f"bold {self.speaker_color}")
            speaker.append(f"  {visible(quote.speaker_kind)} · joint statement", style="dim")
            grid.add_row("Speakers", speaker)
        else:
            speaker = Text(visible(quote.speaker) or "(unknown)", style=f"bold {self.speaker_color}" if quote.speaker else "dim")
            speaker.append(f"  {visible(quote.speaker_kind)}", style="dim")
            grid.add_row("Speaker", speaker)
        details = Text()
        details.append(f"{KIND_MARK.get(quote.kind, '')} {visible(quote.kind)}", style="bold")
        details.append("   cue ", style="dim")
        details.append(visible(quote.cue) or "—", style="underline" if quote.cue else "dim")
        details.append("   confidence ", style="dim")
        details.append(f"{quote.confidence:.2f}", style="red" if quote.confidence < 0.5 else "")
        grid.add_row("Kind", details)
        status = Text(STATUS_MARK.get(quote.status, visible(quote.status)))
        status.stylize({"accepted": "green", "rejected": "red", "corrected": "yellow"}.get(quote.status, "dim"))
        if quote.human:
            status.append("  (human)", style="dim")
        status.append(f"   #{quote.id}  {self.position}", style="dim")
        grid.add_row("Status", status)
        if quote.note:
            grid.add_row("Note", Text(visible(quote.note), style="italic", no_wrap=True, overflow="ellipsis"))
        why = why_line(quote, self._paragraph_starts()) if quote.evidence else ""
        if why:  # the extractor's reasons; dim once a person has changed the quote
            grid.add_row("Why", Text(visible(why), style="dim" if quote.human else "", no_wrap=True, overflow="ellipsis"))
        # Last, so a long quote is what gets cut when the pane is short.
        grid.add_row("Quote", Text(visible(quote.text)))
        return grid
