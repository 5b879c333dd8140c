"""The reading and reviewing screen: library, article, editor, status line.

All store writes happen here, on the app thread, and the status line says
"saved ✓ …" only after the Store call has returned (the change is committed).
"""

from __future__ import annotations

import re
import time
from collections.abc import Sequence
from pathlib import Path

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Input, Static

from newsread.model import QUOTE_KINDS, Quote, StoredArticle, StoredQuote
from newsread.store import LIBRARY_SORTS, CorpusProgress, LibraryView, QuoteChanged, Store, StoreError

from . import colors
from .article_list import ArticleList
from .article_view import ArticleView, StyledSpan
from .bindings import READER_BINDINGS
from .export_task import ExportDone
from .key_bar import KeyBar
from .library_pane import LibraryPane
from .ordering import ORDERS, next_order, order_key, ordered
from .quote_editor import QuoteEditor
from .safe_text import visible
from .text_layout import grow_end, grow_start, shrink_end, shrink_start
from .text_line import TextLine

SORTS = tuple(LIBRARY_SORTS)  # "added", "unreviewed first", "source", "newest": S goes round them
# Below either size the screen is "compact": the library starts hidden (L shows it), the
# legend keeps to one line and the editor is shorter, so the article keeps its room.
COMPACT_WIDTH, COMPACT_HEIGHT = 100, 30
QUOTE_ACTIONS = {"accept", "reject", "edit_speaker", "pick", "cycle_kind", "edit_cue", "edit_note", "span", "delete_quote"}
MARKS = "\"“”‘’«»'"
# A key's message younger than this keeps its place when another program's commit is noted.
FRESH_MESSAGE_SECONDS = 5.0


class ProgressCounted(Message):
    """The corpus progress, counted by a worker on its own connection."""

    def __init__(self, generation: int, progress: CorpusProgress | None, error: str = "") -> None:
        super().__init__()
        self.generation, self.progress, self.error = generation, progress, error


class ReaderScreen(Screen[None]):
    """The dialogs (search, speakers, picker, prompts, help) are imported when first opened.

    Another program (a second reader, ``newsread extract``) may write to the same
    database: every POLL_SECONDS the screen asks SQLite for ``PRAGMA data_version``,
    which changes only when another connection committed, and then reloads the
    library and the article, keeping the selection. R (or F5) does the same at once.
    """

    BINDINGS = READER_BINDINGS
    POLL_SECONDS = 1.0

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.library_view: LibraryView | None = None  # what the library lists, read as it is shown
        self.library_sort = SORTS[0]
        self.library_filter = ""
        self.order = ORDERS[0]
        self.article: StoredArticle | None = None
        self._quotes: list[StoredQuote] = []
        self._walk: list[StoredQuote] | None = None  # the quotes in j/k order, made when needed
        self._walk_positions: dict[int, int] = {}
        self.candidates: list[tuple[str, str]] = []
        self.speaker_colors: dict[str, str] = {}
        self.selected: StoredQuote | None = None
        # The library is listed after the first screen is up (store/library.py: a temporary
        # table of ids, the rows read as they come on screen); the progress line, a count over
        # every quote of the corpus, in a worker. _progress_generation drops answers overtaken by
        # a newer count; _article_counts are the open article's (quotes, reviewed) as counted.
        self.library_ready = False
        self.progress: CorpusProgress | None = None
        self._progress_generation = 0
        self._progress_pending = False
        self._articles_state: tuple[int, int] | None = None
        self._article_counts = (0, 0)
        self._data_version = -1
        self._reload_pending = False
        self._said_at: float | None = None  # when the status line's message was set
        self._overlap_confirmed: tuple[int, int] | None = None  # a span whose overlap warning was shown
        self.accept_threshold = 0.8  # Y: the last confidence used
        self.compact = False  # a small terminal: one-line legend, shorter editor, library hidden at first
        self._library_shown: bool | None = None  # the person's choice (L), once made
        self._shown_state: tuple = ()

    def compose(self) -> ComposeResult:
        with Horizontal(id="main"):
            yield LibraryPane(id="library")
            with Vertical(id="reading"):
                yield TextLine(id="article-title")
                yield Static(id="legend")
                yield ArticleView(id="article")
                yield TextLine(id="attribution")
                yield QuoteEditor(id="editor")
        yield TextLine(id="status")
        yield KeyBar()

    @property
    def quotes(self) -> list[StoredQuote]:
        return self._quotes

    @quotes.setter
    def quotes(self, quotes: list[StoredQuote]) -> None:
        self._quotes = quotes
        self._walk = None

    @property
    def walk(self) -> list[StoredQuote]:
        """The article's quotes in j/k order (sorted once per change, not per key press)."""
        if self._walk is None:
            self._walk = ordered(self._quotes, self.order)
            self._walk_positions = {quote.id: index for index, quote in enumerate(self._walk)}
        return self._walk

    def position(self, quote: StoredQuote | None) -> int | None:
        """Where ``quote`` is in the walk, or None."""
        if quote is None:
            return None
        self.walk  # noqa: B018  (builds the walk and its positions when stale)
        return self._walk_positions.get(quote.id)

    @property
    def view(self) -> ArticleView:
        return self.query_one(ArticleView)

    @property
    def library(self) -> LibraryPane:
        return self.query_one(LibraryPane)

    @property
    def visible_ids(self) -> Sequence[int]:
        """The ids of the articles the library lists, in its order (each read from the database when asked)."""
        return self.library_view if self.library_view is not None else ()

    @property
    def editor(self) -> QuoteEditor:
        return self.query_one(QuoteEditor)

    def on_mount(self) -> None:
        self.library.show_order(self.library_sort)
        self.library.show_loading()
        # The first screen needs one article, not the library: the last one corrected, else the first.
        last = self.store.last_corrected()
        if not (last and self.open_article(*last, quiet=True)):
            first = self.store.first_article_id()
            if first is not None:
                self.open_article(first)
        self.view.focus()
        self.watch(self.app, "theme", lambda _theme: self._show_legend(), init=False)
        # The progress is counted in a worker beside the first screen; the list is made after it.
        self.count_progress()
        self.call_after_refresh(self.refresh_library)
        self._data_version = self._read_data_version()
        self.set_interval(self.POLL_SECONDS, self._poll_changes)

    # ---- small terminals --------------------------------------------------------

    def on_resize(self, event) -> None:
        compact = event.size.width < COMPACT_WIDTH or event.size.height < COMPACT_HEIGHT
        self.library.display = self._library_shown if self._library_shown is not None else event.size.width >= COMPACT_WIDTH
        if compact != self.compact:
            self.compact = compact
            self.set_class(compact, "-compact")
            self._show_legend()

    def action_toggle_library(self) -> None:
        self._library_shown = not self.library.display
        self.library.display = self._library_shown
        if not self._library_shown and self.focused is not None and self.library in self.focused.ancestors:
            self.view.focus()

    # ---- changes made by other programs ---------------------------------------

    def _read_data_version(self) -> int:
        try:
            return self.store.data_version()
        except StoreError:  # a broken connection: nothing to poll
            return self._data_version

    def _poll_changes(self) -> None:
        version = self._read_data_version()
        if version != self._data_version:
            self._data_version = version
            self._reload_pending = True
        if self._reload_pending and self.app.screen is self and not self.view.selecting:
            # Not under a dialog or in the middle of a text selection; else at a later tick.
            self._reload_pending = False
            try:
                self.reload_from_store(only_if_changed=True)
            except StoreError as error:
                self.say(f"could not reload: {error}", "bold red")

    def _article_state(self, article_id: int) -> tuple:
        """A cheap fingerprint of what the article pane shows: the article row, its quotes, the speakers."""
        return self.store.article_fingerprint(article_id)

    def action_refresh_all(self) -> None:
        self._data_version = self._read_data_version()
        self._reload_pending = False
        self.reload_from_store()
        self.say("reloaded from the database ✓")

    def reload_from_store(self, *, only_if_changed: bool = False) -> None:
        """The library and the open article read again, keeping the article, quote and scroll.

        With ``only_if_changed`` (another program's commit), the article is reopened only if
        something it shows changed: an extraction running elsewhere does not rewrap a long
        article every second.
        """
        self.reload_library(relist=not only_if_changed)
        if only_if_changed and self.article is not None and self._article_state(self.article.id) == self._shown_state:
            return
        if only_if_changed:
            self.say_aside("updated: another program changed the database")
        if self.article is None:
            first = self.store.first_article_id()
            if first is not None:
                self.open_article(first)
            return
        selected = self.selected.id if self.selected else None
        scroll = self.view.scroll_y
        if not self.open_article(self.article.id, selected, quiet=True):
            self.article = None  # it was deleted: show the first one
            self.reload_from_store()
            return
        self.view.scroll_to(y=scroll, animate=False, immediate=True)
        if self.selected is not None:  # the selected quote stays in view, wherever it moved
            self.view.scroll_to_span(self.selected.start, self.selected.end)

    # ---- loading the library ------------------------------------------------

    def reload_library(self, *, relist: bool = True) -> None:
        """List the library again, keeping its current article, and count the progress in a worker.

        With ``relist=False`` (another program's commit) the list is made again only if articles
        were added or removed, so that a long sort is not redone every second; the rows on screen
        are read again either way.
        """
        if relist or not self.library_ready or self._read_articles_state() != self._articles_state:
            self.refresh_library()
        else:
            self.library.forget_rows()
        self.count_progress()

    def _read_articles_state(self) -> tuple[int, int] | None:
        try:
            return self.store.articles_state()
        except StoreError:
            return None

    def count_progress(self) -> None:
        self._progress_generation += 1
        self._progress_pending = True
        self._count_progress(self._progress_generation)

    @work(thread=True, exclusive=True, group="library", exit_on_error=False)
    def _count_progress(self, generation: int) -> None:
        try:
            store = Store(self.store.path, user=self.store.user)  # a connection belongs to its thread
            try:
                progress = store.corpus_progress()
            finally:
                store.close()
        except StoreError as error:
            self.post_message(ProgressCounted(generation, None, str(error)))
        else:
            self.post_message(ProgressCounted(generation, progress))

    @on(ProgressCounted)
    def progress_counted(self, message: ProgressCounted) -> None:
        if message.generation != self._progress_generation:
            return  # overtaken
        self._progress_pending = False
        if message.progress is None:
            self.say(f"could not read the library: {message.error}", "red")
            return
        self.progress = message.progress
        self.refresh_progress()

    def ensure_library(self) -> None:
        """List the library now if it has not been yet (a key pressed before the first listing)."""
        if not self.library_ready:
            self.refresh_library()

    # ---- status ---------------------------------------------------------

    def clear_status(self) -> None:
        """Before each key's action: a message belongs to the action that produced it."""
        self.say("")

    def say(self, message: str, style: str = "") -> None:
        self.query_one("#status", TextLine).update(Text(visible(message), style=style))
        self._said_at = time.monotonic() if message else None

    def say_aside(self, message: str) -> None:
        """A note no key asked for (another program's commit): after the message of the last key
        while that is fresh, so a "saved ✓" stays on screen, else in its place."""
        status = self.query_one("#status", TextLine)
        if self._said_at is None or time.monotonic() - self._said_at > FRESH_MESSAGE_SECONDS:
            self.say(message, "dim")
            return
        shown = status.text.copy()
        if message not in shown.plain:
            status.update(shown.append(f" · {message}", style="dim"))

    def saved(self, message: str) -> None:
        self.say(f"saved ✓ {message}", "bold green")

    def failed(self, message: str) -> None:
        self.say(f"not saved ✗ {message}", "bold red")

    # ---- library ----------------------------------------------------------

    def refresh_library(self) -> None:
        """List what the filter and the sort choose: the database finds them, the rows are read as shown."""
        try:
            self.library_view = self.store.list_library(self.library_filter, self.library_sort)
            self._articles_state = self.store.articles_state()
        except StoreError as error:
            self.say(f"could not read the library: {error}", "red")
            return
        self.library_ready = True
        self.library.show(self.library_view, self.article.id if self.article else None)

    def refresh_progress(self) -> None:
        if self.progress is not None:
            self.library.show_progress(self.progress.reviewed, self.progress.quotes, self.progress.articles)

    @on(LibraryPane.ArticleChosen)
    def chosen(self, event: LibraryPane.ArticleChosen) -> None:
        self.open_article(event.article_id)
        self.view.focus()

    @on(LibraryPane.FilterSubmitted)
    def filter_submitted(self) -> None:
        """Enter in the filter opens the (first) article it lists."""
        self.ensure_library()
        if not self.visible_ids:
            self.say("no article matches the filter — Esc clears it")
            return
        if self.article is None or self.article.id not in self.visible_ids or len(self.visible_ids) > 1:
            self.open_article(self.visible_ids[0])
        self.view.focus()

    @on(LibraryPane.FilterChanged)
    def filtered(self, event: LibraryPane.FilterChanged) -> None:
        self.library_filter = event.query
        self.refresh_library()

    # ---- showing an article -------------------------------------------------

    def open_article(self, article_id: int, quote_id: int | None = None, *, last: bool = False,
                     quiet: bool = False) -> bool:
        try:
            article = self.store.article(article_id)
        except StoreError as error:
            if not quiet:
                self.say(str(error), "red")
            return False
        self.article = article
        self._shown_state = self._article_state(article_id)
        self.quotes = self.store.quotes(article_id)
        self._article_counts = self._counts()
        self.speaker_colors = {}
        mentions, name_styles = self._speakers_of_article()
        self.view.show_article(article.text, self.quotes, mentions, self.speaker_colors, name_styles)
        self.query_one("#attribution", TextLine).update(self._attribution(article))
        self.library.mark_current(article_id)
        walk = self.walk
        chosen = walk[self._walk_positions[quote_id]] if quote_id in self._walk_positions else None
        if chosen is None and walk:
            chosen = walk[-1] if last else walk[0]
        self.select(chosen)
        self._show_legend()
        return True

    def _speakers_of_article(self) -> tuple[list[StyledSpan], dict[str, Style]]:
        """Candidates from the store and a colour for each speaker, keeping the colours already
        given (a speaker keeps its colour when another is added); their mention styles."""
        assert self.article is not None
        self.candidates = self.store.speaker_candidates(self.article.id)
        names = [name for name, _ in self.candidates]
        names += sorted({name for q in self.quotes for name in q.speakers if name not in names})
        for name in names:
            if name not in self.speaker_colors:
                self.speaker_colors[name] = colors.speaker_color(len(self.speaker_colors))
        return self._mentions(names)

    def _refresh_speakers(self) -> None:
        mentions, name_styles = self._speakers_of_article()
        self.view.set_speakers(mentions, name_styles)
        self._refresh_bindings_if_changed()

    def _mentions(self, names: list[str]) -> tuple[list[StyledSpan], dict[str, Style]]:
        """Each speaker's mentions in its colour: the extractor's mention spans, and each name or
        alias with its style (the article pane finds those in the lines it draws)."""
        spans = [
            StyledSpan(q.mention_start, q.mention_end, colors.mention_style(self.speaker_colors[q.speakers[0]]))
            for q in self.quotes
            if q.mention_start >= 0 and q.mention_end > q.mention_start and q.speakers and q.speakers[0] in self.speaker_colors
        ]
        aliases = self.store.aliases_of(names)
        styles: dict[str, Style] = {}
        for name in names:
            style = colors.mention_style(self.speaker_colors[name])
            for form in (name, *aliases.get(name, [])):
                styles.setdefault(form, style)
        return spans, styles

    @staticmethod
    def _attribution(article: StoredArticle) -> Text:
        parts = [visible(p) for p in (article.source, article.date, article.author and f"by {article.author}",
                                      article.licence, article.url) if p]
        return Text(" · ".join(parts), style="dim", no_wrap=True, overflow="ellipsis")

    def _show_legend(self) -> None:
        dark = self.app.current_theme.dark
        # One line on a small screen (cut with …), else wrapped over up to three.
        legend = Text(no_wrap=self.compact, overflow="ellipsis")
        counts: dict[str, int] = {}
        for quote in self.quotes:
            for name in quote.speakers:  # a joint statement counts for each of its speakers
                counts[name] = counts.get(name, 0) + 1
        # Each candidate with the key that picks it (1–9, in reverse video) and, apart, its count.
        for number, (name, _kind) in enumerate(self.candidates[:9], 1):
            color = self.speaker_colors.get(name, "")
            legend.append(f" {number} ", style="reverse")
            legend.append(" ■ ", style=color)
            legend.append(visible(name), style=f"bold {color}")
            legend.append(f" ×{counts.get(name, 0)}  ", style="dim")
        if len(self.candidates) > 9:
            legend.append(f"+{len(self.candidates) - 9} more: e, then type  ", style="dim")
        if not self.candidates:
            legend.append("no speakers yet  ", style="dim")
        legend.append("│ ", style="dim")
        for kind in QUOTE_KINDS:
            legend.append(f" {kind} ", style=colors.quote_style(kind, dark))
            legend.append(" ")
        legend.append(" cue ", style=colors.CUE)
        self.query_one("#legend", Static).update(legend)

    def _show_title(self) -> None:
        if self.article is None:
            return
        walk, at = self.walk, self.position(self.selected)
        position = f"quote {at + 1}/{len(walk)}" if at is not None else f"{len(walk)} quotes"
        title = Text(f"{position} · {self.order} │ ", style="dim", no_wrap=True, overflow="ellipsis")
        title.append(visible(self.article.title) or "(untitled)", style="bold")
        self.query_one("#article-title", TextLine).update(title)

    def select(self, quote: StoredQuote | None, *, scroll: bool = True) -> None:
        self.selected = quote
        self.view.select_quote(quote, scroll=scroll)
        self.editor.speaker_color = self.speaker_colors.get(quote.speakers[0], "") if quote and quote.speakers else ""
        walk, at = self.walk, self.position(quote)
        self.editor.position = f"{at + 1} of {len(walk)}" if at is not None else ""
        self.editor.article_text = self.article.text if self.article is not None else ""
        self.editor.quote = quote
        self._show_title()
        self._refresh_bindings_if_changed()

    def reload_quotes(self, select_id: int | None) -> None:
        """After a change: fresh quotes from the store, restyled, the library row updated; the
        speakers too (a new one is a candidate at once, and its mentions are marked)."""
        assert self.article is not None
        self.quotes = self.store.quotes(self.article.id)
        self.view.set_quotes(self.quotes)
        self._refresh_speakers()
        self._update_summary()
        self.view.selected = None
        self.select(next((q for q in self.quotes if q.id == select_id), None), scroll=True)
        self._show_legend()
        self._shown_state = self._article_state(self.article.id)

    @on(ArticleView.QuoteClicked)
    def clicked(self, event: ArticleView.QuoteClicked) -> None:
        self.select(next((q for q in self.quotes if q.id == event.quote_id), None), scroll=False)

    @on(ArticleView.SelectionChanged)
    def selection_changed(self) -> None:
        span = self.view.selection_span()
        if span != self._overlap_confirmed:
            self._overlap_confirmed = None
        if span:
            self.say(f"selecting {span[1] - span[0]} characters, whole words — h/l w/b e 0/$ ( ) {{ }} ↑↓ extend"
                     " · A adds it as a quote · Esc cancels")
        self._refresh_bindings_if_changed()

    # ---- which actions fit now ---------------------------------------------

    def _refresh_bindings_if_changed(self) -> None:
        # The footer rebuilds itself on refresh_bindings, which costs more than a j/k
        # repaint; so refresh only when the set of possible actions changed.
        state = (self.selected is None, self._is_added(self.selected), self.view.selecting, len(self.candidates))
        if state != getattr(self, "_binding_state", None):
            self._binding_state = state
            self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in QUOTE_ACTIONS and self.selected is None:
            return False
        if action == "pick":
            return int(parameters[0]) <= len(self.candidates)
        if action == "open_url":
            return self.article is not None and self.article.url.startswith(("http://", "https://"))
        if action in ("select", "add_quote"):
            return self.article is not None
        return True

    def offered(self, action: str, parameters: tuple[object, ...]) -> bool:
        """Whether the command palette offers the action now. Narrower than check_action: keys
        like D and A stay live to say why they cannot act, the palette lists only what can."""
        if self.check_action(action, parameters) is not True:
            return False
        if action == "delete_quote":
            return self._is_added(self.selected)
        if action == "add_quote":
            return self.view.selecting
        return True

    def _is_added(self, quote: StoredQuote | None) -> bool:
        if quote is None or not quote.human:
            return False
        try:
            return self.store.added_by_person(quote.id)
        except StoreError:
            return False

    # ---- navigation -------------------------------------------------------

    def action_move(self, step: int) -> None:
        walk, at = self.walk, self.position(self.selected)
        if not walk:
            self.say("no quotes in this article — J/K change article, v selects text to add one")
            return
        index = at + step if at is not None else 0
        if not 0 <= index < len(walk):
            self.say("last quote of the article — J next article, n next unreviewed" if step > 0
                     else "first quote of the article — K previous article")
            return
        self.select(walk[index])

    def action_article(self, step: int) -> None:
        self.ensure_library()
        listed = self.visible_ids
        if not listed:
            return
        try:
            index = listed.index(self.article.id) + step if self.article is not None else 0
        except ValueError:  # the open article is not listed (filtered out)
            index = 0
        if 0 <= index < len(listed):
            self.open_article(listed[index], last=False)
        else:
            self.say("no more articles in the list")

    def action_unreviewed(self, step: int) -> None:
        after = None
        if self.article is not None:
            after = (self.article.id, self.selected.start if self.selected else (-1 if step > 0 else 1 << 62))
        quote = self.store.next_unreviewed(after, backwards=step < 0)
        if quote is None:
            self.say("no more unreviewed quotes in that direction ✓")
            return
        self.go_to(quote.article_id, quote.id)

    def go_to(self, article_id: int, quote_id: int | None) -> None:
        if self.article is not None and self.article.id == article_id:
            self.select(next((q for q in self.quotes if q.id == quote_id), self.selected))
        else:
            self.open_article(article_id, quote_id)

    def _advance(self) -> None:
        """After a decision: the next quote of the article, else the next unreviewed anywhere."""
        walk, at = self.walk, self.position(self.selected)
        if at is not None and at + 1 < len(walk):
            self.select(walk[at + 1])
            return
        assert self.article is not None and self.selected is not None
        quote = self.store.next_unreviewed((self.article.id, self.selected.start))
        if quote is not None and quote.article_id != self.article.id:
            self.open_article(quote.article_id, quote.id)

    # ---- decisions and corrections --------------------------------------------

    def _apply(self, describe: str, change) -> StoredQuote | None:
        """Run one store change; say it is saved only once the call returned."""
        try:
            quote = change()
        except QuoteChanged as error:
            self.reload_after_conflict(str(error))
            return None
        except (StoreError, ValueError) as error:
            self.failed(str(error))
            return None
        if quote is None or not self._replace_quote(quote):
            self.reload_quotes(quote.id if quote is not None else None)
        self.saved(describe)
        return quote

    def reload_after_conflict(self, message: str) -> None:
        """Another program changed what a write was about: show the article as it is now."""
        if self.article is not None:
            selected = self.selected.id if self.selected else None
            if not self.open_article(self.article.id, selected, quiet=True):
                self.article = None
                self.reload_from_store()
        self.reload_library()
        self.failed(f"{message} — the article is reloaded")

    def _replace_quote(self, quote: StoredQuote) -> bool:
        """Show one changed quote without reloading the article's quotes; False if that is not enough
        (a new quote, or the speaker or mention changed, which recolours more than this quote)."""
        index = next((i for i, q in enumerate(self.quotes) if q.id == quote.id), None)
        if index is None:
            return False
        old = self.quotes[index]
        if (old.speaker, old.mention_start, old.mention_end) != (quote.speaker, quote.mention_start, quote.mention_end):
            return False
        quotes = list(self.quotes)
        quotes[index] = quote
        walk = self._walk
        self.quotes = quotes
        if walk is not None and order_key(old, self.order) == order_key(quote, self.order):
            walk = list(walk)  # same place in the j/k order: no need to sort again
            walk[self._walk_positions[quote.id]] = quote
            self._walk = walk
        self.view.replace_quote(old, quote, quotes)
        self._update_summary()
        self.select(quote)  # the legend (speakers and their counts) is unchanged
        self._shown_state = self._article_state(self.article.id)
        return True

    def _counts(self) -> tuple[int, int]:
        """The open article's (quotes, reviewed quotes)."""
        return len(self.quotes), sum(q.status != "unreviewed" for q in self.quotes)

    def _update_summary(self) -> None:
        """After a change to the open article: its library row is read again, the progress moves on."""
        assert self.article is not None
        (quotes, reviewed), (quotes_now, reviewed_now) = self._article_counts, self._counts()
        self._article_counts = quotes_now, reviewed_now
        if self.progress is None or self._progress_pending:
            self.count_progress()  # a count under way may have read the quotes before this change
        else:
            self.progress = CorpusProgress(self.progress.reviewed + reviewed_now - reviewed,
                                           self.progress.quotes + quotes_now - quotes, self.progress.articles)
            self.refresh_progress()
        self.library.update_article(self.article.id)

    def action_accept(self) -> None:
        quote_id, version = self.selected.id, self.selected.version
        if self._apply(f"accepted quote {quote_id}", lambda: self.store.accept(quote_id, version=version)):
            self._advance()

    def action_reject(self) -> None:
        quote_id, version = self.selected.id, self.selected.version
        if self._apply(f"rejected quote {quote_id}", lambda: self.store.reject(quote_id, version=version)):
            self._advance()

    def action_accept_confident(self) -> None:
        from .prompt import TextPrompt

        def done(answer: str | None) -> None:
            if answer is None or self.article is None:
                return
            try:
                threshold = float(answer.replace(",", "."))
            except ValueError:
                self.say(f"not a confidence: {answer!r} (give a number between 0 and 1)", "bold red")
                return
            self.accept_threshold = threshold
            shown = {q.id: q.version for q in self.quotes if q.status == "unreviewed" and q.confidence >= threshold}
            if not shown:
                self.say(f"no unreviewed quote here has confidence ≥ {threshold:.2f}")
                return
            try:
                count = self.store.accept_many(self.article.id, shown)
            except StoreError as error:
                self.failed(str(error))
                return
            self.reload_quotes(self.selected.id if self.selected else None)
            skipped = len(shown) - count
            self.saved(f"accepted {count} quote(s) with confidence ≥ {threshold:.2f}; u takes them back together"
                       + (f" ({skipped} changed meanwhile, left as they are)" if skipped else ""))

        self.app.push_screen(TextPrompt("Accept every unreviewed quote of this article with confidence at least:",
                                        f"{self.accept_threshold:.2f}"), done)

    def set_speaker(self, quote: StoredQuote, name: str | list[tuple[str, str]], kind: str = "") -> None:
        """Give ``quote`` (as the reader showed it) the speaker ``name``, or the speakers [(name, kind), ...]."""
        from newsread.model import joined_name

        speakers = name if isinstance(name, list) else [(name, kind)]
        quote_id, version = quote.id, quote.version
        if ([n for n, _ in speakers], speakers[0][1]) == (quote.speakers, quote.speaker_kind):
            # Picking the speaker(s) it already has confirms the model: an acceptance, not a correction.
            self._apply(f"accepted quote {quote_id} (speaker confirmed)", lambda: self.store.accept(quote_id, version=version))
            return
        if len(speakers) > 1:  # a joint statement
            self._apply(f"speakers of quote {quote_id} are {joined_name([n for n, _ in speakers])}",
                        lambda: self.store.edit(quote_id, speakers=speakers, version=version))
            return
        name, kind = speakers[0]
        self._apply(f"speaker of quote {quote_id} is {name}",
                    lambda: self.store.edit(quote_id, speaker=name, speaker_kind=kind, version=version))

    def action_pick(self, number: int) -> None:
        name, kind = self.candidates[number - 1]
        self.set_speaker(self.selected, name, kind)

    def action_edit_speaker(self) -> None:
        self.open_picker(self.selected)

    def open_picker(self, quote: StoredQuote) -> None:
        from .speaker_picker import SpeakerPicker

        def picked(choice: list[tuple[str, str]] | None) -> None:
            if choice:
                self.set_speaker(quote, choice)

        self.app.push_screen(SpeakerPicker(quote.text, quote.speakers, self.candidates, self.store.known_speaker_names(),
                                           self.speaker_colors, self.store.article_scoped_names(quote.article_id)), picked)

    def action_cycle_kind(self) -> None:
        quote = self.selected
        kind = QUOTE_KINDS[(QUOTE_KINDS.index(quote.kind) + 1) % len(QUOTE_KINDS)] if quote.kind in QUOTE_KINDS else "direct"
        self._apply(f"quote {quote.id} is {kind}", lambda: self.store.edit(quote.id, kind=kind, version=quote.version))

    def action_edit_cue(self) -> None:
        from .prompt import TextPrompt

        quote = self.selected

        def done(cue: str | None) -> None:
            if cue is None or cue == quote.cue:
                return
            cue_start = self._find_cue(quote, cue)
            self._apply(f"cue of quote {quote.id} is “{cue}”",
                        lambda: self.store.edit(quote.id, cue=cue, cue_start=cue_start, version=quote.version))

        self.app.push_screen(TextPrompt(f"Cue (speech verb) of quote {quote.id}:", quote.cue), done)

    def _find_cue(self, quote: StoredQuote, cue: str) -> int:
        """Where the cue is: its occurrence nearest the quote, or -1."""
        if not cue or self.article is None:
            return -1
        text = self.article.text
        window_start = max(0, quote.start - 300)
        found = [m.start() + window_start for m in re.finditer(re.escape(cue), text[window_start:quote.end + 300])]
        if not found:
            return -1
        return min(found, key=lambda at: min(abs(at - quote.start), abs(at - quote.end)))

    def action_edit_note(self) -> None:
        from .prompt import TextPrompt

        quote = self.selected

        def done(note: str | None) -> None:
            if note is not None and note != quote.note:
                self._apply(f"note on quote {quote.id}", lambda: self.store.edit(quote.id, note=note, version=quote.version))

        self.app.push_screen(TextPrompt(f"Note on quote {quote.id}:", quote.note), done)

    def action_span(self, side: str, step: int) -> None:
        quote = self.selected
        text = self.article.text
        adjust = {("start", -1): grow_start, ("start", 1): shrink_start,
                  ("end", -1): shrink_end, ("end", 1): grow_end}[(side, step)]
        start, end = adjust(text, quote.start, quote.end)
        if (start, end) == (quote.start, quote.end):
            self.say("the span cannot change that way")
            return
        self._apply(f"span of quote {quote.id} is now {end - start} characters",
                    lambda: self.store.edit(quote.id, start=start, end=end, version=quote.version))

    def action_select(self) -> None:
        self.view.focus()
        self.view.start_selection()

    def action_add_quote(self) -> None:
        span = self.view.selection_span()
        if span is None or self.article is None:
            self.say("select some text first: move the cursor (h/l w/b e ( ) ↑↓), v, move again, then A")
            return
        start, end = span
        overlapping = [q for q in self.quotes if q.start < end and start < q.end and q.status != "rejected"]
        if overlapping and self._overlap_confirmed != span:
            self._overlap_confirmed = span
            first = overlapping[0]
            self.say(f"the selection overlaps quote {first.id} ({first.kind}, {first.speaker or 'no speaker'})"
                     f"{f' and {len(overlapping) - 1} more' if len(overlapping) > 1 else ''}"
                     " — A again adds it anyway, Esc cancels", "bold yellow")
            return
        self._overlap_confirmed = None
        text = self.article.text
        marked = start > 0 and text[start - 1] in MARKS and end < len(text) and text[end] in MARKS
        self.view.end_selection()
        article_id = self.article.id
        new = Quote(start=start, end=end, text=text[start:end], kind="direct" if marked else "indirect")
        added = self._apply("added a quote", lambda: self.store.add_quote(article_id, new))
        if added is not None:
            self.saved(f"added quote {added.id}")
            self.open_picker(self.selected)

    def action_delete_quote(self) -> None:
        quote = self.selected
        if not self._is_added(quote):
            self.say(f"quote {quote.id} was found by the extractor, so it stays on record: reject it with x instead",
                     "bold yellow")
            return
        walk, index = self.walk, self.position(quote)
        neighbour = walk[index + 1] if index + 1 < len(walk) else (walk[index - 1] if index else None)
        try:
            self.store.delete_quote(quote.id, version=quote.version)
        except QuoteChanged as error:
            self.reload_after_conflict(str(error))
            return
        except StoreError as error:
            self.failed(str(error))
            return
        self.reload_quotes(neighbour.id if neighbour else None)
        self.saved(f"deleted quote {quote.id}")

    def _revert(self, verb: str, step) -> None:
        try:
            correction = step()
        except QuoteChanged as error:
            self.reload_after_conflict(str(error))
            return
        except StoreError as error:
            self.failed(f"cannot {verb}: {error}")
            return
        if correction is None:
            self.say(f"nothing to {verb}")
            return
        if correction.article_id is not None and (self.article is None or self.article.id != correction.article_id):
            self.open_article(correction.article_id, correction.quote_id)
            self.library.update_article(correction.article_id)  # changed while it was not open:
            self.count_progress()  # its row and the progress are read again
        else:
            self.reload_quotes(correction.quote_id)
        if correction.quote_id is None:  # a speaker rename or merge
            self.saved(f"{verb}: {correction.action.replace('_', ' ')}")
        else:
            self.saved(f"{verb}: {correction.action} of quote {correction.quote_id}")

    def action_undo(self) -> None:
        self._revert("undo", self.store.undo)

    def action_redo(self) -> None:
        self._revert("redo", self.store.redo)

    # ---- views and dialogs ---------------------------------------------------

    def action_cycle_order(self) -> None:
        self.order = next_order(self.order)
        self._walk = None
        self.select(self.selected, scroll=False)
        self.say(f"quotes in {self.order} order")

    def action_cycle_library_sort(self) -> None:
        self.library_sort = SORTS[(SORTS.index(self.library_sort) + 1) % len(SORTS)]
        self.library.show_order(self.library_sort)
        self.refresh_library()

    def action_filter_library(self) -> None:
        self.query_one("#library-filter", Input).focus()

    def action_search(self) -> None:
        from .search import search
        from .search_screen import SearchScreen

        def jump(target: tuple[int, int | None] | None) -> None:
            if target:
                self.go_to(*target)
                self.view.focus()

        self.app.push_screen(SearchScreen(lambda words: search(self.store, words)), jump)

    def action_speakers(self) -> None:
        from .speakers_screen import SpeakersScreen

        def back(target: tuple[int, int | None] | None) -> None:
            # Names may have changed: reload what is shown.
            self.reload_library()
            if target:
                if self.library_filter and target[0] not in self.visible_ids:
                    self.clear_library_filter()  # the filter would hide the article jumped to
                self.open_article(*target)
            elif self.article is not None:
                self.open_article(self.article.id, self.selected.id if self.selected else None)
            self.view.focus()

        self.app.push_screen(SpeakersScreen(self.store), back)

    # ---- palette-only actions ---------------------------------------------------

    def action_export(self) -> None:
        """Ask for a format and a path, then export in a worker (the CLI's `newsread export`)."""
        from newsread.formats import EXPORT_FORMATS

        from .export_task import default_output
        from .prompt import TextPrompt

        formats = list(EXPORT_FORMATS)

        def chose_format(fmt: str | None) -> None:
            if not fmt:
                return
            if fmt not in EXPORT_FORMATS:
                self.say(f"unknown format {fmt!r}: one of {', '.join(formats)}", "bold red")
                return

            def chose_path(path: str | None) -> None:
                if path:
                    self.say(f"exporting {fmt} to {path}…")
                    self._export(fmt, Path(path).expanduser())

            self.app.push_screen(TextPrompt(f"Export {fmt} to:", str(default_output(fmt))), chose_path)

        self.app.push_screen(TextPrompt("Export every article and quote as:", formats[0], suggestions=formats,
                                        hint=" · ".join(formats) + "   (Enter goes on · Esc cancels)"), chose_format)

    @work(thread=True, group="export", exit_on_error=False)
    def _export(self, fmt: str, output: Path) -> None:
        from .export_task import export_database

        export_database(self.store.path, fmt, output, self.post_message)

    @on(ExportDone)
    def exported(self, message: ExportDone) -> None:
        if message.error:
            self.say(f"✗ export failed: {message.error}", "bold red")
        else:
            self.say(f"exported {message.count} quote(s) to {message.output} ✓", "bold green")

    def action_open_url(self) -> None:
        url = self.article.url if self.article else ""
        if not url.startswith(("http://", "https://")):
            self.say("this article has no web address")
            return
        self.app.open_url(url)
        self.say(f"opened {visible(url)} in the browser")

    def action_help(self) -> None:
        from .help_screen import HelpScreen, bound_keys

        self.app.push_screen(HelpScreen(bound_keys(self._binding_chain, first=self)))

    def action_back(self) -> None:
        if isinstance(self.focused, Input) and self.focused.id == "library-filter" and self.focused.value:
            self.clear_library_filter()  # Esc in the filter clears it
        if isinstance(self.focused, (Input, ArticleList)):
            self.view.focus()

    def clear_library_filter(self) -> None:
        self.query_one("#library-filter", Input).value = ""
        self.library_filter = ""
        self.refresh_library()

    def action_quit_reader(self) -> None:
        self.app.exit()
