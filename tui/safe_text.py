"""Stored text made safe to show in a terminal.

Ingest removes control characters, but a database written by another tool may
still hold ESC/CSI/OSC sequences, C1 controls, BEL, backspace or bidi overrides in
any field. Every widget that shows stored text passes it through ``visible``, which
replaces each such character with a visible placeholder of the same length, so
offsets into the article text stay right: C0 controls and DEL become their Unicode
control pictures (ESC shows as ␛), C1 controls (U+0080–U+009F, e.g. the one-byte
CSI) and the bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069)
become U+FFFD. A tab becomes a space; a newline is kept in article text and becomes
a space in one-line fields. The rules live in ``newsread.text``, shared with the
command line.
"""

from __future__ import annotations

from newsread.text import visible as _visible


def visible(text: str | None, *, newlines: bool = False) -> str:
    """``text`` with every control character shown as a placeholder of the same length."""
    return _visible(text, newlines=newlines)


def has_control(text: str) -> bool:
    """Whether ``text`` holds a character a terminal would act on (newline aside)."""
    return _visible(text, newlines=True) != text
