"""First launch: the bundled samples are loaded and their quotes extracted."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Center, Middle
from textual.screen import Screen
from textual.widgets import Label, ProgressBar


class LoadingScreen(Screen[None]):
    def compose(self) -> ComposeResult:
        with Middle(), Center():
            yield Label(Text("newsread — first launch", style="bold"))
            yield Label(Text("Loading the bundled sample articles and finding their quotes…"), id="loading-step")
            yield ProgressBar(id="loading-progress", show_eta=False)

    def show_progress(self, done: int, total: int, step: str) -> None:
        self.query_one("#loading-progress", ProgressBar).update(total=total, progress=done)
        self.query_one("#loading-step", Label).update(Text(step))
