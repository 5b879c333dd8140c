"""The article pane: the text with every quote, speaker mention and cue marked.

A Line API widget. The text is wrapped into line offsets lazily: only as far as
the screen (or a selected quote) needs at once, the rest a chunk at a time between
other events, so a 5 MB article opens as fast as a short one. Styled spans are kept
sorted by start and found per line by bisection; each visible line is rendered on
demand and cached. Moving the selection invalidates only the lines of the old and
new selected spans, so j/k repaints a handful of lines whatever the article's
length. Article text is always a ``rich.text.Text``, never markup.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from typing import NamedTuple

from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from newsread.model import StoredQuote
from newsread.quotes.line_wrap import unwrapped

from . import colors
from .safe_text import visible
from .text_layout import (
    line_of,
    next_paragraph_start,
    next_sentence_start,
    next_word_start,
    prev_paragraph_start,
    prev_sentence_start,
    prev_word_start,
    snap_to_words,
    trim,
    word_end,
    wrap_chunk,
)

GUTTER = 1  # one blank column so text does not touch the border
CHUNK = 1 << 15  # characters wrapped per step in the background


class StyledSpan(NamedTuple):  # a tuple: tens of thousands are made for a long article
    start: int
    end: int
    style: Style
    layer: int = 1  # drawn in order of layer: quotes 0, speaker mentions 1, cues 2


class ArticleView(ScrollView, can_focus=True):
    """Shows one article; posts QuoteClicked and SelectionChanged upwards."""

    # The text cursor moves freely; ``v`` anchors a selection at it. ``e`` and ``{``/``}`` are
    # motions only while selecting (as in vim's visual mode); otherwise the reader's own keys.
    BINDINGS = [
        Binding("h,left", "cursor(-1)", "Cursor left", show=False, id="cursor.left"),
        Binding("l,right", "cursor(1)", "Cursor right", show=False, id="cursor.right"),
        Binding("w", "word(1)", "Cursor to next word", show=False, id="cursor.word_next"),
        Binding("b", "word(-1)", "Cursor to previous word", show=False, id="cursor.word_prev"),
        Binding("e", "word_end", "Cursor to word end (selecting)", show=False, id="cursor.word_end"),
        Binding("0,home", "line_edge(-1)", "Cursor to line start", show=False, id="cursor.line_start"),
        Binding("dollar_sign,end", "line_edge(1)", "Cursor to line end", show=False, id="cursor.line_end"),
        Binding("left_parenthesis", "sentence(-1)", "Cursor to sentence start", show=False, id="cursor.sentence_prev"),
        Binding("right_parenthesis", "sentence(1)", "Cursor to next sentence", show=False, id="cursor.sentence_next"),
        Binding("ctrl+up", "paragraph(-1)", "Cursor to paragraph start", show=False, id="cursor.paragraph_prev"),
        Binding("ctrl+down", "paragraph(1)", "Cursor to next paragraph", show=False, id="cursor.paragraph_next"),
        Binding("left_curly_bracket", "selecting_paragraph(-1)", "Cursor to paragraph start (selecting)", show=False,
                id="select.paragraph_prev"),
        Binding("right_curly_bracket", "selecting_paragraph(1)", "Cursor to next paragraph (selecting)", show=False,
                id="select.paragraph_next"),
        Binding("down", "line(1)", "Cursor down", show=False, id="cursor.down"),
        Binding("up", "line(-1)", "Cursor up", show=False, id="cursor.up"),
        Binding("g", "edge(-1)", "Top of the article", show=False, id="cursor.top"),
        Binding("G", "edge(1)", "Bottom of the article", show=False, id="cursor.bottom"),
        Binding("escape", "cancel_selection", "Cancel selection", show=False, id="select.cancel"),
    ]

    selecting: reactive[bool] = reactive(False)

    class QuoteClicked(Message):
        def __init__(self, quote_id: int) -> None:
            super().__init__()
            self.quote_id = quote_id

    class SelectionChanged(Message):
        """The keyboard or mouse selection moved (or ended)."""

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._text = ""
        self._quotes: list[StoredQuote] = []
        self._mentions: list[StyledSpan] = []
        self._names: re.Pattern[str] | None = None  # every speaker's name and aliases, found per line
        self._name_styles: dict[str, Style] = {}
        self._longest_name = 0
        self._lines: list[tuple[int, int]] = [(0, 0)]
        self._line_starts: list[int] = [0]
        self._wrapped_to = 1  # where wrapping goes on; len(text) + 1 when done
        self._wrap_scheduled = False
        self._spans: list[StyledSpan] = []  # sorted by start
        self._span_starts: list[int] = []
        self._longest_span = 0
        self._cache: dict[int, Strip] = {}
        self._wrap_width = 0
        self.selected: StoredQuote | None = None
        self.anchor = 0
        self.cursor = 0
        self._dragging = False

    # ---- content --------------------------------------------------------

    def show_article(self, text: str, quotes: list[StoredQuote], mentions: list[StyledSpan],
                     speaker_colors: dict[str, str], name_styles: dict[str, Style] | None = None) -> None:
        """``mentions`` are fixed spans; ``name_styles`` maps each name form to its style, found
        (as a whole word) only in the lines drawn, so a long article costs no scan up front."""
        # same length: the offsets hold; a hard-wrapped text reflows to the pane (its soft
        # line breaks shown as spaces, as the extractor reads them)
        self._text = visible(unwrapped(text), newlines=True)
        self._set_names(mentions, name_styles or {})
        self._speaker_colors = speaker_colors
        self.selected = None
        self.selecting = False
        self._wrap_width = 0
        self._lines, self._line_starts, self._wrapped_to = [(0, 0)], [0], 0
        self.set_quotes(quotes)
        self.scroll_to(0, 0, animate=False, immediate=True)

    def _set_names(self, mentions: list[StyledSpan], name_styles: dict[str, Style]) -> None:
        self._mentions = mentions
        forms = sorted((form for form in name_styles if len(form) >= 3), key=len, reverse=True)
        self._name_styles = {form: name_styles[form] for form in forms}
        self._names = re.compile(r"\b(?:" + "|".join(map(re.escape, forms)) + r")\b") if forms else None
        self._longest_name = len(forms[0]) if forms else 0

    def set_speakers(self, mentions: list[StyledSpan], name_styles: dict[str, Style]) -> None:
        """New speaker marks (a speaker was changed or added): restyle without rewrapping."""
        self._set_names(mentions, name_styles)
        self._restyle()

    def set_quotes(self, quotes: list[StoredQuote]) -> None:
        """New quote data (after an edit): restyle without rewrapping."""
        self._quotes = quotes
        self._rewrap(force=False)
        self._restyle()

    @property
    def text(self) -> str:
        return self._text

    def _rewrap(self, force: bool = True) -> None:
        """Start wrapping again (new text or width); the lines come as they are needed."""
        if self.scrollable_content_region.width <= 0:
            return  # not laid out yet: on_resize wraps
        width = max(self.scrollable_content_region.width - GUTTER - 1, 20)
        if not force and width == self._wrap_width:
            return
        self._wrap_width = width
        self._lines, self._line_starts, self._wrapped_to = [], [], 0
        self._cache.clear()
        self._wrap_until(line=round(self.scroll_y) + max(self.size.height, 1))
        self.refresh()

    @property
    def wrapped(self) -> bool:
        """Whether the whole text is wrapped (it is, in the background, soon after opening)."""
        return self._wrapped_to > len(self._text)

    def _wrap_step(self) -> None:
        lines, self._wrapped_to = wrap_chunk(self._text, self._wrapped_to, self._wrap_width, CHUNK)
        self._lines.extend(lines)
        self._line_starts.extend(start for start, _ in lines)

    def _wrap_until(self, *, offset: int = -1, line: int = -1) -> None:
        """Wrap at least through text ``offset`` and screen ``line``; the rest later."""
        if not self._wrap_width:
            return
        while not self.wrapped and (self._wrapped_to <= offset or len(self._lines) <= line):
            self._wrap_step()
        self._update_virtual_size()
        if not self.wrapped and not self._wrap_scheduled:
            self._wrap_scheduled = True
            self.call_after_refresh(self._wrap_background)  # after the lines on screen are painted

    def _wrap_background(self) -> None:
        """One chunk, then yield to pending events (keys first) before the next."""
        self._wrap_scheduled = False
        if not self.wrapped and self._wrap_width:
            self._wrap_step()
            self._update_virtual_size()
            if not self.wrapped:
                self._wrap_scheduled = True
                self.set_timer(0.001, self._wrap_background)

    def _update_virtual_size(self) -> None:
        count = len(self._lines)
        if not self.wrapped and count:
            # Lines to come, estimated from the characters per line so far.
            done = max(self._wrapped_to, 1)
            count += round((len(self._text) - done) * count / done) + 1
        self.virtual_size = Size(self._wrap_width + GUTTER, max(count, 1))

    def _line_of(self, offset: int) -> int:
        self._wrap_until(offset=offset)
        return line_of(self._line_starts, offset)

    @staticmethod
    def _spans_of(quote: StoredQuote, dark: bool) -> list[StyledSpan]:
        """The quote's own spans: its tint (by kind and status) and its cue."""
        style = colors.quote_style(quote.kind, dark)
        if quote.status == "rejected":
            style += colors.REJECTED
        spans = [StyledSpan(quote.start, quote.end, style, 0)]
        if quote.cue_start >= 0 and quote.cue:
            spans.append(StyledSpan(quote.cue_start, quote.cue_start + len(quote.cue), colors.CUE, 2))
        return spans

    def _restyle(self) -> None:
        dark = self.app.current_theme.dark if self.is_mounted else True
        spans: list[StyledSpan] = list(self._mentions)
        for quote in self._quotes:
            spans.extend(self._spans_of(quote, dark))
        spans = sorted((span for span in spans if span.end > span.start), key=lambda span: span.start)
        self._spans = spans
        self._span_starts = [span.start for span in spans]
        self._longest_span = max((span.end - span.start for span in spans), default=0)
        self._cache.clear()
        self.refresh()

    def replace_quote(self, old: StoredQuote, new: StoredQuote, quotes: list[StoredQuote]) -> None:
        """One quote changed (status, kind, cue, span): swap its spans, repaint its lines only.

        On a long article this is what keeps accept and reject quick: no restyle of
        every quote."""
        dark = self.app.current_theme.dark if self.is_mounted else True
        self._quotes = quotes
        for span in self._spans_of(old, dark):
            at = bisect_left(self._span_starts, span.start)
            while at < len(self._spans) and self._span_starts[at] == span.start:
                if self._spans[at] == span:
                    del self._spans[at], self._span_starts[at]
                    break
                at += 1
        for span in self._spans_of(new, dark):
            if span.end > span.start:
                at = bisect_right(self._span_starts, span.start)
                self._spans.insert(at, span)
                self._span_starts.insert(at, span.start)
                self._longest_span = max(self._longest_span, span.end - span.start)
        for quote in (old, new):
            self._invalidate(quote.start, quote.end)
            if quote.cue_start >= 0 and quote.cue:
                self._invalidate(quote.cue_start, quote.cue_start + len(quote.cue))

    def _spans_over(self, start: int, end: int) -> list[StyledSpan]:
        """The styled spans overlapping [start, end), in order of start."""
        first = bisect_left(self._span_starts, start - self._longest_span)
        last = bisect_left(self._span_starts, end)
        return [span for span in self._spans[first:last] if span.end > start]

    def on_resize(self, event: events.Resize) -> None:
        self._rewrap(force=False)
        if self.selected:
            self.scroll_to_span(self.selected.start, self.selected.end)

    # ---- selection of a quote ---------------------------------------------

    def select_quote(self, quote: StoredQuote | None, *, scroll: bool = True) -> None:
        old = self.selected
        self.selected = quote
        if old is not None:
            self._invalidate(old.start, old.end)
        if quote is not None:
            self._invalidate(quote.start, quote.end)
            if not self.selecting:  # the text cursor follows the chosen quote
                self._invalidate(self.cursor, self.cursor + 1)
                self.cursor = self.anchor = quote.start
            if scroll:
                self.scroll_to_span(quote.start, quote.end)

    def scroll_to_span(self, start: int, end: int) -> None:
        """Bring the span into view, with context above it, if it is not already."""
        if not self._wrap_width:
            return  # on_resize scrolls once the text is wrapped
        first = self._line_of(start)
        last = self._line_of(max(end - 1, start))
        height = self.scrollable_content_region.height
        top = round(self.scroll_y)
        if height <= 0 or (first >= top and last < top + height):
            return
        target = first - max(height // 4, 1) if last - first < height else first
        self.scroll_to(y=max(target, 0), animate=False, immediate=True)

    def _invalidate(self, start: int, end: int) -> None:
        if not self._wrap_width:
            return
        first = self._line_of(start)
        last = self._line_of(max(end - 1, start))
        for index in range(first, last + 1):
            self._cache.pop(index, None)
        top = round(self.scroll_y)
        self.refresh(Region(0, first - top, self.size.width, last - first + 1))

    # ---- rendering -------------------------------------------------------

    def render_line(self, y: int) -> Strip:
        index = y + round(self.scroll_y)
        width = self.scrollable_content_region.width
        base = self.rich_style
        if index >= len(self._lines) and not self.wrapped:
            self._wrap_until(line=index + self.size.height)
        if index >= len(self._lines) or not self._text:
            return Strip.blank(width, base)
        strip = self._cache.get(index)
        if strip is None:
            strip = self._render_text_line(index, width, base)
            self._cache[index] = strip
        return strip

    def _render_text_line(self, index: int, width: int, base: Style) -> Strip:
        start, end = self._lines[index]
        text = Text(self._text[start:end], end="", no_wrap=True)
        overlays = self._spans_over(start, end)
        if self._names is not None:
            # Names near this line, so one running over the line break is found too.
            margin = self._longest_name
            for match in self._names.finditer(self._text, max(start - margin, 0), end + margin + 1):
                if match.end() > start and match.start() < end:
                    overlays.append(StyledSpan(match.start(), match.end(), self._name_styles[match.group()]))
        overlays.sort(key=lambda span: span.layer)  # stable: by start within a layer
        if self.selected is not None:
            overlays.append(StyledSpan(self.selected.start, self.selected.end, colors.SELECTED))
        if self.selecting:
            low, high = self.selection_bounds()
            overlays.append(StyledSpan(low, high, colors.SELECTION))
        if self.selecting or self.has_focus:
            overlays.append(StyledSpan(self.cursor, self.cursor + 1, colors.CURSOR))
        for span in overlays:
            a, b = max(span.start, start), min(span.end, end)
            if a < b:
                text.stylize(span.style, a - start, b - start)
        segments = [Segment(" " * GUTTER, base), *Segment.apply_style(text.render(self.app.console), base)]
        return Strip(segments).crop(0, width).extend_cell_length(width, base)

    def notify_style_update(self) -> None:
        # A theme change (dark/light) alters the quote tints.
        super().notify_style_update()
        self._cache.clear()  # cached lines carry the old background
        dark = self.app.current_theme.dark
        if self._text and dark != getattr(self, "_styled_dark", dark):
            self._restyle()
        self._styled_dark = dark

    # ---- keyboard and mouse selection --------------------------------------

    def start_selection(self) -> None:
        """Enter selection mode, anchored at the text cursor (kept in view)."""
        self._wrap_until(line=round(self.scroll_y))
        if self._lines and not self._cursor_in_view():
            top = min(round(self.scroll_y), len(self._lines) - 1)
            self.cursor = self._lines[top][0]
        self.anchor = self.cursor
        self.selecting = True
        self._selection_moved(self.cursor, self.cursor)

    def _cursor_in_view(self) -> bool:
        line = self._line_of(self.cursor)
        top = round(self.scroll_y)
        return top <= line < top + max(self.scrollable_content_region.height, 1)

    def selection_bounds(self) -> tuple[int, int]:
        """[start, end) from anchor to cursor (both characters included), grown to whole words."""
        low, high = sorted((self.anchor, self.cursor))
        return snap_to_words(self._text, low, min(high + 1, len(self._text)))

    def selection_span(self) -> tuple[int, int] | None:
        """The selected text's span, whole words without surrounding spaces; None when empty."""
        if not self.selecting:
            return None
        start, end = trim(self._text, *self.selection_bounds())
        return (start, end) if start < end else None

    def _move_cursor(self, position: int) -> None:
        old = self.cursor
        self.cursor = max(0, min(position, max(len(self._text) - 1, 0)))
        self._selection_moved(old, self.cursor)

    def _selection_moved(self, old: int, new: int) -> None:
        low = min(self.anchor, old, new)
        high = max(self.anchor, old, new) + 1
        if self.selecting:  # snapping to words may reach past the cursor
            start, end = self.selection_bounds()
            low, high = min(low, start), max(high, end)
        self._invalidate(low, high)
        self.scroll_to_span(new, new + 1)
        self.post_message(self.SelectionChanged())

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("word_end", "selecting_paragraph", "cancel_selection"):
            return self.selecting  # else the key goes on to the reader (e: speaker, {}: span end)
        return True

    def on_focus(self) -> None:
        self._invalidate(self.cursor, self.cursor + 1)

    def on_blur(self) -> None:
        self._invalidate(self.cursor, self.cursor + 1)

    def action_cursor(self, step: int) -> None:
        self._move_cursor(self.cursor + step)

    def action_word(self, step: int) -> None:
        if step > 0:
            self._move_cursor(next_word_start(self._text, self.cursor))
        else:
            self._move_cursor(prev_word_start(self._text, self.cursor))

    def action_word_end(self) -> None:
        self._move_cursor(word_end(self._text, self.cursor))

    def action_sentence(self, step: int) -> None:
        mover = next_sentence_start if step > 0 else prev_sentence_start
        self._move_cursor(mover(self._text, self.cursor))

    def action_paragraph(self, step: int) -> None:
        mover = next_paragraph_start if step > 0 else prev_paragraph_start
        self._move_cursor(mover(self._text, self.cursor))

    def action_selecting_paragraph(self, step: int) -> None:
        self.action_paragraph(step)

    def action_line_edge(self, side: int) -> None:
        start, end = self._lines[self._line_of(self.cursor)]
        self._move_cursor(max(end - 1, start) if side > 0 else start)

    def action_edge(self, side: int) -> None:
        if side > 0:
            self._wrap_until(offset=len(self._text))
        self._move_cursor(len(self._text) if side > 0 else 0)

    def action_line(self, step: int) -> None:
        index = self._line_of(self.cursor)
        self._wrap_until(line=index + 1)
        target = max(0, min(index + step, len(self._lines) - 1))
        column = self.cursor - self._lines[index][0]
        start, end = self._lines[target]
        self._move_cursor(min(start + column, max(end - 1, start)))

    def action_cancel_selection(self) -> None:
        self.end_selection()

    def end_selection(self) -> None:
        if not self.selecting:
            return
        low, high = sorted((self.anchor, self.cursor))
        self.selecting = False
        self._invalidate(low, high + 1)
        self.post_message(self.SelectionChanged())

    def offset_at(self, x: int, y: int) -> int | None:
        """The text offset under the screen cell (x, y) of this widget."""
        index = y + round(self.scroll_y)
        self._wrap_until(line=index)
        if not 0 <= index < len(self._lines):
            return None
        start, end = self._lines[index]
        column = x - GUTTER
        position = start
        used = 0
        for char in self._text[start:end]:
            used += Text(char).cell_len
            if used > column:
                break
            position += 1
        return min(position, end)

    def quote_at(self, offset: int) -> StoredQuote | None:
        for quote in self._quotes:
            if quote.start <= offset < quote.end:
                return quote
        return None

    def on_mouse_down(self, event: events.MouseDown) -> None:
        offset = self.offset_at(event.x, event.y)
        if offset is None:
            return
        self.focus()
        if self.selecting:
            self.end_selection()
        self._dragging = True
        self.anchor = self.cursor = offset
        self.capture_mouse()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        if not self._dragging:
            return
        offset = self.offset_at(event.x, event.y)
        if offset is None or offset == self.cursor:
            return
        if not self.selecting:
            self.selecting = True
        self._move_cursor(offset)

    def on_mouse_up(self, event: events.MouseUp) -> None:
        if not self._dragging:
            return
        self._dragging = False
        self.release_mouse()
        if not self.selecting:  # a click, not a drag: select the quote under it
            quote = self.quote_at(self.cursor)
            if quote is not None:
                self.post_message(self.QuoteClicked(quote.id))
