"""The library's article list: two lines per article, rendered lazily.

A Line API widget, so a library of 10,000 articles costs nothing until a row is
on screen (an OptionList measures every prompt up front).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsread.store import ArticleSummary

from .safe_text import visible

ROW_HEIGHT = 2


class ArticleList(ScrollView, can_focus=True):
    COMPONENT_CLASSES = {"article-list--cursor"}
    DEFAULT_CSS = """
    ArticleList { overflow-x: hidden; }
    ArticleList > .article-list--cursor { background: $block-cursor-blurred-background; }
    ArticleList:focus > .article-list--cursor { background: $block-cursor-background; color: $block-cursor-foreground; }
    """
    BINDINGS = [
        Binding("up", "cursor(-1)", "Up", show=False, id="library.up"),
        Binding("down", "cursor(1)", "Down", show=False, id="library.down"),
        Binding("pageup", "page(-1)", "Page up", show=False, id="library.page_up"),
        Binding("pagedown", "page(1)", "Page down", show=False, id="library.page_down"),
        Binding("home", "edge(0)", "First", show=False, id="library.first"),
        Binding("end", "edge(-1)", "Last", show=False, id="library.last"),
        Binding("enter", "choose", "Open article", show=False, id="library.open"),
    ]

    cursor: reactive[int] = reactive(0)

    class Chosen(Message):
        def __init__(self, article_id: int) -> None:
            super().__init__()
            self.article_id = article_id

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.rows: list[ArticleSummary] = []
        self._index: dict[int, int] = {}
        self._cache: dict[int, Strip] = {}

    def set_rows(self, rows: list[ArticleSummary]) -> None:
        self.rows = rows
        self._index = {summary.id: i for i, summary in enumerate(rows)}
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(rows) * ROW_HEIGHT)
        self.cursor = min(self.cursor, max(len(rows) - 1, 0))
        self.refresh()

    def update_row(self, summary: ArticleSummary) -> None:
        index = self._index.get(summary.id)
        if index is not None:
            self.rows[index] = summary
            self._forget(index)

    def show_article(self, article_id: int) -> None:
        index = self._index.get(article_id)
        if index is not None:
            self.cursor = index

    def _forget(self, index: int) -> None:
        for line in range(index * ROW_HEIGHT, (index + 1) * ROW_HEIGHT):
            self._cache.pop(line, None)
        self.refresh()

    def watch_cursor(self, old: int, new: int) -> None:
        self._forget(old)
        self._forget(new)
        top, height = round(self.scroll_y), self.scrollable_content_region.height
        first, last = new * ROW_HEIGHT, new * ROW_HEIGHT + ROW_HEIGHT - 1
        if height and first < top:
            self.scroll_to(y=first, animate=False)
        elif height and last >= top + height:
            self.scroll_to(y=last - height + 1, animate=False)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._cache.clear()  # cached lines carry the old theme's colours

    def on_resize(self, event: events.Resize) -> None:
        self._cache.clear()
        self.virtual_size = Size(self.size.width, len(self.rows) * ROW_HEIGHT)

    def render_line(self, y: int) -> Strip:
        line = y + round(self.scroll_y)
        width = self.scrollable_content_region.width
        base = self.rich_style
        index, part = divmod(line, ROW_HEIGHT)
        if index >= len(self.rows):
            return Strip.blank(width, base)
        strip = self._cache.get(line)
        if strip is None:
            style = base + self.get_component_rich_style("article-list--cursor") if index == self.cursor else base
            text = self._line_text(self.rows[index], part)
            text.truncate(width, overflow="ellipsis", pad=True)
            strip = Strip(text.render(self.app.console)).apply_style(style)
            strip = strip.extend_cell_length(width, style).crop(0, width)
            self._cache[line] = strip
        return strip

    @staticmethod
    def _line_text(summary: ArticleSummary, part: int) -> Text:
        if part == 0:
            return Text(" " + (visible(summary.title) or "(untitled)"), no_wrap=True)
        done = summary.reviewed >= summary.quotes > 0
        text = Text(" ", no_wrap=True)
        text.append(f"#{summary.id} ", style=Style(dim=True))  # the id the CLI's history and reextract take
        text.append(f"{summary.reviewed}/{summary.quotes}", style=Style(color="green" if done else None, bold=True))
        text.append(f"  {visible(summary.source)}  {visible(summary.date)}", style=Style(dim=True))
        return text

    def action_cursor(self, step: int) -> None:
        if self.rows:
            self.cursor = max(0, min(self.cursor + step, len(self.rows) - 1))

    def action_page(self, step: int) -> None:
        self.action_cursor(step * max(self.scrollable_content_region.height // ROW_HEIGHT, 1))

    def action_edge(self, end: int) -> None:
        if self.rows:
            self.cursor = 0 if end == 0 else len(self.rows) - 1

    def action_choose(self) -> None:
        if self.rows:
            self.post_message(self.Chosen(self.rows[self.cursor].id))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + round(self.scroll_y)) // ROW_HEIGHT
        if 0 <= index < len(self.rows):
            self.cursor = index
            self.action_choose()
