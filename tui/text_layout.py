"""Pure text geometry for the article pane: wrapping and word steps.

Kept free of Textual so it is cheap to test and to time. Offsets are ``str``
indices into the article text, like every offset in newsread.
"""

from __future__ import annotations

import re
from bisect import bisect_right

from rich.cells import cell_len

_WORD = re.compile(r"\S+\s*|\s+")
# Characters outside these ranges may be wide or zero-width; inside them one character is one cell
# (Latin letters with accents, typographic quotes and dashes), so a paragraph without others is
# measured by len(), as fast as ASCII.
_NOT_NARROW = re.compile("[^\t\x20-\u02ff\u2010-\u2027\u2030-\u205e\u20a0-\u20bf]")


def _narrow(text: str) -> bool:
    return text.isascii() or not _NOT_NARROW.search(text)


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: one (start, end) per screen line, newlines excluded."""
    width = max(width, 4)
    lines: list[tuple[int, int]] = []
    position = 0
    for paragraph in text.split("\n"):
        end_of_paragraph = position + len(paragraph)
        _lay_out_paragraph(paragraph, position, width, lines)
        position = end_of_paragraph + 1
    return lines


def wrap_chunk(text: str, position: int, width: int, budget: int = 1 << 15) -> tuple[list[tuple[int, int]], int]:
    """Wrap about ``budget`` characters of ``text`` from ``position`` (the start of a line).

    Returns the lines and where the next chunk starts; ``len(text) + 1`` once the
    text is done. Chunk by chunk gives the same lines as ``wrap_offsets``: a
    paragraph longer than the budget is wrapped a prefix at a time, each time
    without the prefix's last (possibly unfinished) line, where the next chunk starts.
    """
    width = max(width, 4)
    budget = max(budget, 8 * width)
    n = len(text)
    limit = position + budget
    lines: list[tuple[int, int]] = []
    while position <= n:
        end_of_paragraph = text.find("\n", position)
        if end_of_paragraph < 0:
            end_of_paragraph = n
        if end_of_paragraph > limit:
            if lines:
                break  # the next chunk starts with this paragraph
            partial: list[tuple[int, int]] = []
            _wrap_paragraph(text[position:limit], position, width, partial)
            if len(partial) > 1:
                partial.pop()
            lines.extend(partial)
            return lines, partial[-1][1]
        paragraph = text[position:end_of_paragraph]
        _lay_out_paragraph(paragraph, position, width, lines)
        position = end_of_paragraph + 1
        if position >= limit:
            break
    return lines, position


def _wrap_paragraph(paragraph: str, base: int, width: int, lines: list[tuple[int, int]]) -> None:
    ascii_only = _narrow(paragraph)
    line_start = 0
    used = 0
    for match in _WORD.finditer(paragraph):
        word = match.group()
        visible = word.rstrip()
        visible_cells = len(visible) if ascii_only else cell_len(visible)
        word_cells = len(word) if ascii_only else cell_len(word)
        if used and used + visible_cells > width:
            lines.append((base + line_start, base + match.start()))
            line_start, used = match.start(), 0
        while visible_cells > width:  # a word longer than the line is cut
            cut = match.start() + width if match.start() >= line_start else line_start + width
            lines.append((base + line_start, base + cut))
            line_start = cut
            visible_cells -= width
            word_cells -= width
        used += word_cells
    lines.append((base + line_start, base + len(paragraph)))


def line_of(line_starts: list[int], offset: int) -> int:
    """The index of the wrapped line holding ``offset``."""
    return max(bisect_right(line_starts, offset) - 1, 0)


def next_word_start(text: str, pos: int) -> int:
    """Start of the word after the one at ``pos`` (or the end of text)."""
    n = len(text)
    while pos < n and not text[pos].isspace():
        pos += 1
    while pos < n and text[pos].isspace():
        pos += 1
    return pos


def prev_word_start(text: str, pos: int) -> int:
    """Start of the word before ``pos``."""
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    return pos


def next_word_end(text: str, pos: int) -> int:
    """End of the next word at or after ``pos``."""
    n = len(text)
    while pos < n and text[pos].isspace():
        pos += 1
    while pos < n and not text[pos].isspace():
        pos += 1
    return pos


def prev_word_end(text: str, pos: int) -> int:
    """End of the word before the one ending at ``pos``."""
    while pos > 0 and not text[pos - 1].isspace():
        pos -= 1
    while pos > 0 and text[pos - 1].isspace():
        pos -= 1
    return pos


def grow_start(text: str, start: int, end: int) -> tuple[int, int]:
    return prev_word_start(text, start), end


def shrink_start(text: str, start: int, end: int) -> tuple[int, int]:
    new = next_word_start(text, start)
    return (new, end) if new < end else (start, end)


def grow_end(text: str, start: int, end: int) -> tuple[int, int]:
    return start, next_word_end(text, end)


def shrink_end(text: str, start: int, end: int) -> tuple[int, int]:
    new = prev_word_end(text, end)
    return (start, new) if new > start else (start, end)


def trim(text: str, start: int, end: int) -> tuple[int, int]:
    """The span without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _lay_out_paragraph(paragraph: str, position: int, width: int, lines: list[tuple[int, int]]) -> None:
    """Append the (start, end) lines of one paragraph that starts at ``position``."""
    if not paragraph:
        lines.append((position, position))
    elif _narrow(paragraph) and len(paragraph) <= width:
        lines.append((position, position + len(paragraph)))
    else:
        _wrap_paragraph(paragraph, position, width, lines)


# A word for selection snapping: letters and digits, joined by inner apostrophes or hyphens
# ("don't", "well-known"), so a selection never cuts one in half.
_SNAP_WORD = re.compile(r"\w+(?:['’\-]\w+)*")
# A sentence ends at . ! ? (with any closing marks after it) followed by white space.
_SENTENCE_END = re.compile(r"[.!?…]+[\"”’'»)\]]*\s+|\n+")


def word_end(text: str, pos: int) -> int:
    """The last character of the word after ``pos`` (vim's ``e``): at least one step on."""
    n = len(text)
    pos += 1
    while pos < n and text[pos].isspace():
        pos += 1
    while pos + 1 < n and not text[pos + 1].isspace():
        pos += 1
    return min(pos, max(n - 1, 0))


def next_sentence_start(text: str, pos: int) -> int:
    match = _SENTENCE_END.search(text, pos)
    return match.end() if match and match.end() < len(text) else max(len(text) - 1, 0)


def prev_sentence_start(text: str, pos: int) -> int:
    """The start of the sentence holding ``pos``; from a sentence's start, the one before."""
    starts = [0] + [m.end() for m in _SENTENCE_END.finditer(text, 0, pos)]
    starts = [s for s in starts if s < pos]
    return starts[-1] if starts else 0


def next_paragraph_start(text: str, pos: int) -> int:
    at = text.find("\n", pos)
    while 0 <= at < len(text) and text[at] == "\n":
        at += 1
    return at if 0 <= at < len(text) else max(len(text) - 1, 0)


def prev_paragraph_start(text: str, pos: int) -> int:
    at = pos
    while at > 0 and text[at - 1] == "\n":  # from a paragraph's start, go to the one before
        at -= 1
    start = text.rfind("\n", 0, at)
    if start + 1 == pos and pos > 0:
        return prev_paragraph_start(text, start)
    return start + 1


def snap_to_words(text: str, start: int, end: int) -> tuple[int, int]:
    """The span grown so that it starts and ends on word boundaries."""
    window_start = max(start - 64, 0)
    for match in _SNAP_WORD.finditer(text, window_start, min(start + 64, len(text))):
        if match.start() < start < match.end():
            start = match.start()
            break
    for match in _SNAP_WORD.finditer(text, max(end - 64, 0), min(end + 64, len(text))):
        if match.start() < end < match.end():
            end = match.end()
            break
    return start, end
