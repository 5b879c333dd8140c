"""Soft line breaks in hard-wrapped text: a plain-text article wrapped at a fixed width (a wire
story saved from an email, a .txt or Markdown file filled to 72 columns) breaks its sentences
at line ends, while the extractor reads every newline as the end of a paragraph. The parser
reads such a break as a space instead (same length, so every offset holds); the article's
text itself is never changed.

A text counts as wrapped when most of its line breaks between two lines of text come after a
filled line that stops mid-sentence; then a break after a filled line is soft unless the next
line opens a block of its own (a list item, a dash line). A short line always ends where it
ends (a headline, a byline, a paragraph's last line), and so does a line followed by a blank one.
In text that is not wrapped, a break between a lower-case word (or a comma) and a line going on
in lower case is a stray one a paste left inside a sentence, and soft too.
"""

from __future__ import annotations

import re

# Wrapped text is filled to at most this many characters a line (72 and 80 are usual).
MAX_WRAP_WIDTH = 120
# A line is filled when it reaches this share of the text's wrap width.
FILLED_SHARE = 0.7
# A text is wrapped when this share of its breaks between lines of text follow a filled line
# that stops mid-sentence, and it has at least MIN_BREAKS such breaks.
WRAPPED_SHARE = 0.5
MIN_BREAKS = 3

_ENDS_SENTENCE = re.compile(r"[.!?…:;]\W*$")
_GOES_ON = re.compile(r"[a-z,]$")
_CONTINUES = re.compile(r"[a-z]")
_OPENS_BLOCK = re.compile(r"\s*(?:[-–—―*•>]|\d+[.)]\s)")


def _width(lengths: list[int]) -> int:
    """The wrap width: the length most lines stay within (the 90th percentile), so one long
    line (a URL) does not set it."""
    ordered = sorted(lengths)
    return ordered[min(len(ordered) - 1, int(len(ordered) * 0.9))]


def soft_breaks(text: str) -> list[int]:
    """The offsets of the newlines in ``text`` that only wrap a line (none unless it is wrapped)."""
    lines = text.split("\n")
    lengths = [len(line.rstrip()) for line in lines if line.strip()]
    if len(lengths) <= MIN_BREAKS:
        return _stray_breaks(lines)
    width = _width(lengths)
    if width > MAX_WRAP_WIDTH:
        return _stray_breaks(lines)
    filled = FILLED_SHARE * width
    candidates, mid_sentence, between_text = [], 0, 0
    pos = 0
    for line, nxt in zip(lines, lines[1:]):
        pos += len(line)  # the newline after ``line``
        if line.strip() and nxt.strip():
            between_text += 1
            body = line.rstrip()
            if len(body) >= filled and not _OPENS_BLOCK.match(nxt):
                candidates.append(pos)
                mid_sentence += not _ENDS_SENTENCE.search(body)
        pos += 1
    if mid_sentence < MIN_BREAKS or mid_sentence < WRAPPED_SHARE * between_text:
        return _stray_breaks(lines)
    return candidates


def _stray_breaks(lines: list[str]) -> list[int]:
    """In text that is not wrapped, the breaks a paste left inside a sentence: a line that
    ends in a lower-case word or a comma, followed by one that goes on in lower case
    ('... lets them plan their' / 'weeks around the tides.')."""
    out, pos = [], 0
    for line, nxt in zip(lines, lines[1:]):
        pos += len(line)
        if _GOES_ON.search(line) and _CONTINUES.match(nxt):
            out.append(pos)
        pos += 1
    return out


def unwrapped(text: str) -> str:
    """``text`` with its soft line breaks read as spaces (the same length)."""
    breaks = soft_breaks(text)
    if not breaks:
        return text
    chars = list(text)
    for i in breaks:
        chars[i] = " "
    return "".join(chars)
