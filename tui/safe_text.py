"""Stored text made safe to show in a terminal.

Ingest removes control characters, but a database written by another tool may
still hold ESC/CSI/OSC sequences, C1 controls, BEL or backspace in any field. Every
widget that shows stored text passes it through ``visible``, which replaces each
control character with a visible placeholder of the same length, so offsets into
the article text stay right: C0 controls and DEL become their Unicode control
pictures (ESC shows as ␛), C1 controls (U+0080–U+009F, e.g. the one-byte CSI) become
U+FFFD. A tab becomes a space; a newline is kept in article text and becomes a
space in one-line fields.
"""

from __future__ import annotations

import re

_PICTURES = {code: 0x2400 + code for code in range(0x20)} | {0x7F: 0x2421} | {code: 0xFFFD for code in range(0x80, 0xA0)}
_PICTURES[0x09] = ord(" ")
_KEEP_NEWLINES = dict(_PICTURES)
del _KEEP_NEWLINES[0x0A]
_ONE_LINE = dict(_PICTURES)
_ONE_LINE[0x0A] = ord(" ")
_CONTROL = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f]")
_CONTROL_OR_NEWLINE = re.compile("[\x00-\x1f\x7f-\x9f]")


def visible(text: str | None, *, newlines: bool = False) -> str:
    """``text`` with every control character shown as a placeholder of the same length."""
    if not text:
        return text or ""
    if newlines:
        return text.translate(_KEEP_NEWLINES) if _CONTROL.search(text) else text
    return text.translate(_ONE_LINE) if _CONTROL_OR_NEWLINE.search(text) else text


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character a terminal would act on (newline aside)."""
    return bool(_CONTROL.search(text))
