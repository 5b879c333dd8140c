"""The library: the corpus progress line, a filter, and the list of articles."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Static

from newsread.store import LibraryView

from .article_list import ArticleList


def progress_line(reviewed: int, total: int, articles: int, width: int = 12) -> Text:
    filled = round(width * reviewed / total) if total else 0
    line = Text()
    line.append("█" * filled, style="green")
    line.append("░" * (width - filled), style="dim")
    percent = f"{100 * reviewed / total:.0f}%" if total else "—"
    line.append(f" {reviewed}/{total} {percent}\n", style="bold")
    line.append(f"{articles} articles", style="dim")
    return line


class LibraryPane(Vertical):
    """Posts ArticleChosen and FilterChanged; the screen decides what to list."""

    class ArticleChosen(Message):
        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    class FilterChanged(Message):
        def __init__(self, query: str) -> None:
            super().__init__()
            self.query = query

    class FilterSubmitted(Message):
        """Enter in the filter: open what it lists."""

    def compose(self) -> ComposeResult:
        yield Static(id="corpus-progress")
        yield Static(id="library-order", classes="pane-caption")
        yield Input(placeholder="filter: title, source, @speaker", id="library-filter")
        yield ArticleList(id="article-list")

    @property
    def article_list(self) -> ArticleList:
        return self.query_one(ArticleList)

    def show(self, view: LibraryView, current: int | None) -> None:
        self.article_list.set_view(view)
        self.mark_current(current)

    def mark_current(self, article_id: int | None) -> None:
        if article_id is not None:
            self.article_list.show_article(article_id)

    def update_article(self, article_id: int) -> None:
        """The article's quote counts changed: its row is read again."""
        self.article_list.refresh_article(article_id)

    def forget_rows(self) -> None:
        self.article_list.forget_rows()

    def show_progress(self, reviewed: int, total: int, articles: int) -> None:
        self.query_one("#corpus-progress", Static).update(progress_line(reviewed, total, articles))

    def show_loading(self) -> None:
        self.query_one("#corpus-progress", Static).update(Text("reading the library…", style="dim"))

    def show_order(self, order: str) -> None:
        self.query_one("#library-order", Static).update(Text(f"sort: {order}  (S)", style="dim"))

    def on_article_list_chosen(self, event: ArticleList.Chosen) -> None:
        event.stop()
        self.post_message(self.ArticleChosen(event.article_id))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.FilterChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.post_message(self.FilterSubmitted())
