"""The library's article list: two lines per article, read from the database as they come on screen.

A Line API widget over a ``LibraryView`` (store/library.py): it knows how many articles are
listed, reads the rows of a page only when a line of it is drawn, and keeps a few pages, so a
library of 100,000 articles costs what the screen shows (an OptionList measures every prompt
up front).
"""

from __future__ import annotations

from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.cache import LRUCache
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsread.store import ArticleSummary, LibraryView, StoreError

from .safe_text import visible

ROW_HEIGHT = 2
PAGE = 32  # rows read from the database at a time
PAGES_KEPT = 8  # a few screens' worth; a page scrolled far away is read again
LINES_KEPT = 512  # drawn lines kept


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
        self.view: LibraryView | None = None
        self._pages: LRUCache[int, list[ArticleSummary]] = LRUCache(PAGES_KEPT)
        self._lines: LRUCache[int, Strip] = LRUCache(LINES_KEPT)
        self.rows_read = 0  # rows read from the database so far (tests check that the list stays lazy)

    @property
    def row_count(self) -> int:
        return len(self.view) if self.view is not None else 0

    @property
    def rows_kept(self) -> int:
        return sum(len(self._pages.get(page) or ()) for page in list(self._pages.keys()))

    def set_view(self, view: LibraryView) -> None:
        self.view = view
        self.forget_rows()
        self.virtual_size = Size(self.size.width, self.row_count * ROW_HEIGHT)
        self.cursor = min(self.cursor, max(self.row_count - 1, 0))

    def forget_rows(self) -> None:
        """Read every row again when drawn (their quote counts may have changed)."""
        self._pages.clear()
        self._lines.clear()
        self.refresh()

    def refresh_article(self, article_id: int) -> None:
        """Read the article's row again, if it is kept (else it is read when it comes on screen)."""
        for page in list(self._pages.keys()):
            rows = self._pages.get(page) or []
            at = next((i for i, row in enumerate(rows) if row.id == article_id), None)
            if at is not None:
                self._pages.discard(page)
                self._forget(page * PAGE + at)

    def show_article(self, article_id: int) -> None:
        if self.view is not None:
            try:
                self.cursor = self.view.index(article_id)
            except (ValueError, StoreError):
                pass  # not listed (filtered out)

    def row(self, index: int) -> ArticleSummary | None:
        """The summary at ``index``, read with its page if it is not kept."""
        if self.view is None or not 0 <= index < len(self.view):
            return None
        page, at = divmod(index, PAGE)
        rows = self._pages.get(page)
        if rows is None:
            try:
                rows = self.view.rows(page * PAGE, PAGE)
            except StoreError:
                rows = []  # drawn blank; the next reload reads it again
            self.rows_read += len(rows)
            self._pages.set(page, rows)
            if self.virtual_size.height != self.row_count * ROW_HEIGHT:  # the view, written whole, counted a commit since
                self.virtual_size = Size(self.size.width, self.row_count * ROW_HEIGHT)
        return rows[at] if at < len(rows) else None

    def _forget(self, index: int) -> None:
        for line in range(index * ROW_HEIGHT, (index + 1) * ROW_HEIGHT):
            self._lines.discard(line)
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
        self._lines.clear()  # drawn lines carry the old theme's colours

    def on_resize(self, event: events.Resize) -> None:
        self._lines.clear()
        self.virtual_size = Size(self.size.width, self.row_count * ROW_HEIGHT)

    def render_line(self, y: int) -> Strip:
        line = y + round(self.scroll_y)
        width = self.scrollable_content_region.width
        base = self.rich_style
        index, part = divmod(line, ROW_HEIGHT)
        strip = self._lines.get(line)
        if strip is None:
            summary = self.row(index)
            if summary is None:
                return Strip.blank(width, base)
            style = base + self.get_component_rich_style("article-list--cursor") if index == self.cursor else base
            text = self._line_text(summary, part)
            text.truncate(width, overflow="ellipsis", pad=True)
            strip = Strip(text.render(self.app.console)).apply_style(style)
            strip = strip.extend_cell_length(width, style).crop(0, width)
            self._lines.set(line, strip)
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
        if self.row_count:
            self.cursor = max(0, min(self.cursor + step, self.row_count - 1))

    def action_page(self, step: int) -> None:
        self.action_cursor(step * max(self.scrollable_content_region.height // ROW_HEIGHT, 1))

    def action_edge(self, end: int) -> None:
        if self.row_count:
            self.cursor = 0 if end == 0 else self.row_count - 1

    def action_choose(self) -> None:
        summary = self.row(self.cursor)
        if summary is not None:
            self.post_message(self.Chosen(summary.id))

    def on_click(self, event: events.Click) -> None:
        index = (event.y + round(self.scroll_y)) // ROW_HEIGHT
        if 0 <= index < self.row_count:
            self.cursor = index
            self.action_choose()
