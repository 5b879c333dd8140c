"""The search dialog: type, see articles and quotes, Enter jumps to one."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from .safe_text import visible
from .search import SearchHit, SearchResults

Jump = tuple[int, int | None]
KEYS = "↑↓ choose · Enter jumps · Esc closes"


def hit_prompt(hit: SearchHit) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    if hit.quote_id is None:
        line.append("article ", style="bold cyan")
        line.append(visible(hit.title), style="bold")
        line.append(f"  {visible(hit.text)}", style="dim")
    else:
        line.append("quote   ", style="bold magenta")
        line.append(f"“{visible(hit.text)}”")
        line.append(f"  — {visible(hit.speaker) or '?'} · {visible(hit.title)}", style="dim")
    return line


class SearchScreen(ModalScreen[Jump | None]):
    BINDINGS = [
        Binding("escape", "cancel", "Close", id="search.cancel"),
        Binding("down", "results", "Results", show=False, id="search.results"),
    ]

    def __init__(self, run_search: Callable[[str], SearchResults], query: str = "") -> None:
        super().__init__()
        self.run_search = run_search
        self.initial = query
        self.hits: list[SearchHit] = []

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="search-dialog"):
            yield Label(Text("Search articles and quotes", style="bold"), classes="dialog-title")
            yield Input(value=self.initial, placeholder="words… (Enter or ↓ to the results)", id="search-input")
            yield OptionList(id="search-results")
            yield Label(Text(KEYS, style="dim"), id="search-count")

    def on_input_changed(self, event: Input.Changed) -> None:
        found = self.run_search(event.value)
        self.hits = found.hits
        # Said when there are hits: ranked best first, or (many matches) newest first.
        self.query_one("#search-count", Label).update(Text(f"{found.order} · {KEYS}" if found.order else KEYS, style="dim"))
        results = self.query_one("#search-results", OptionList)
        results.set_options(Option(hit_prompt(h), id=str(i)) for i, h in enumerate(self.hits))
        if self.hits:
            results.highlighted = 0

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.hits:
            self.dismiss(self._jump(self.hits[self.query_one("#search-results", OptionList).highlighted or 0]))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(self._jump(self.hits[int(event.option.id)]))

    @staticmethod
    def _jump(hit: SearchHit) -> Jump:
        return hit.article_id, hit.quote_id

    def action_results(self) -> None:
        self.query_one("#search-results", OptionList).focus()

    def action_cancel(self) -> None:
        self.dismiss(None)
