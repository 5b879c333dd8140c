"""The editor pane: every field of the selected quote, read at a glance."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.reactive import reactive
from textual.widgets import Static

from newsread.model import StoredQuote

from .colors import KIND_MARK
from .safe_text import visible

STATUS_MARK = {"unreviewed": "○ unreviewed", "accepted": "✓ accepted", "corrected": "✎ corrected", "rejected": "✗ rejected"}


class QuoteEditor(Static):
    """Shows the selected quote; the reader screen sets ``quote`` and ``speaker_color``."""

    quote: reactive[StoredQuote | None] = reactive(None, always_update=True)
    speaker_color: reactive[str] = reactive("")
    position: reactive[str] = reactive("")

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
        # Last, so a long quote is what gets cut when the pane is short.
        grid.add_row("Quote", Text(visible(quote.text)))
        return grid
