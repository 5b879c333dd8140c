"""The library: the corpus progress line, a filter, and the list of articles."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, OptionList, Static
from textual.widgets.option_list import Option

from newsread.store import ArticleSummary


TITLE_WIDTH = 34


def article_prompt(summary: ArticleSummary) -> Text:
    name = summary.title or "(untitled)"
    # Option lists wrap their prompts, so long titles are cut here to keep two lines per article.
    title = Text(name if len(name) <= TITLE_WIDTH else name[: TITLE_WIDTH - 1] + "…")
    done = summary.reviewed >= summary.quotes > 0
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{summary.reviewed}/{summary.quotes}", style="green" if done else "bold")
    line.append(f"  {summary.source}  {summary.date}", style="dim")
    prompt = Text("\n").join([title, line])
    prompt.no_wrap = True
    prompt.overflow = "ellipsis"
    return prompt


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

    def compose(self) -> ComposeResult:
        yield Static(id="corpus-progress")
        yield Static(id="library-order", classes="pane-caption")
        yield Input(placeholder="filter: title, source, @speaker", id="library-filter")
        yield OptionList(id="article-list")

    @property
    def option_list(self) -> OptionList:
        return self.query_one("#article-list", OptionList)

    def show(self, summaries: list[ArticleSummary], current: int | None) -> None:
        options = self.option_list
        options.set_options(Option(article_prompt(s), id=str(s.id)) for s in summaries)
        self.mark_current(current)

    def mark_current(self, article_id: int | None) -> None:
        if article_id is None:
            return
        try:
            self.option_list.highlighted = self.option_list.get_option_index(str(article_id))
        except Exception:  # the article is filtered out
            pass

    def update_article(self, summary: ArticleSummary) -> None:
        try:
            self.option_list.replace_option_prompt(str(summary.id), article_prompt(summary))
        except Exception:  # filtered out
            pass

    def show_progress(self, reviewed: int, total: int, articles: int) -> None:
        self.query_one("#corpus-progress", Static).update(progress_line(reviewed, total, articles))

    def show_order(self, order: str) -> None:
        self.query_one("#library-order", Static).update(Text(f"sort: {order}  (S)", style="dim"))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id is not None:
            self.post_message(self.ArticleChosen(int(event.option.id)))

    def on_input_changed(self, event: Input.Changed) -> None:
        event.stop()
        self.post_message(self.FilterChanged(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.option_list.focus()
