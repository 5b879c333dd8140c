"""Colours for the article pane, chosen to read on dark and light themes.

Speaker colours are mid-lightness hues: bright enough on a dark background,
dark enough on a light one. Quote tints are per theme brightness.
"""

from __future__ import annotations

from functools import lru_cache

from rich.style import Style

SPEAKER_PALETTE = (
    "#e8743b", "#3f9be0", "#2fa86b", "#d45fa0", "#9a7be0",
    "#c9a227", "#19a9b3", "#e05d5d", "#7fa83a", "#b07a4f",
)

# Background tint per quote kind; kinds also differ by text style so they stay
# distinguishable without colour.
_TINTS = {
    True: {"direct": "#203548", "indirect": "#3a3420", "mixed": "#3b2640"},
    False: {"direct": "#d9e9f7", "indirect": "#f5edcf", "mixed": "#f1dcf2"},
}
_KIND_STYLE = {"direct": Style(), "indirect": Style(italic=True), "mixed": Style(underline=True)}

KIND_MARK = {"direct": "“”", "indirect": "≈", "mixed": "“≈”"}

SELECTED = Style(reverse=True, bold=True)
SELECTION = Style(bgcolor="#d7a000", color="black")
CURSOR = Style(bgcolor="#ff5f00", color="black", bold=True)
CUE = Style(bold=True, underline=True)
REJECTED = Style(strike=True, dim=True)
SEARCH_HIT = Style(bgcolor="#5f5f00")


def speaker_color(index: int) -> str:
    return SPEAKER_PALETTE[index % len(SPEAKER_PALETTE)]


@lru_cache(maxsize=64)
def quote_style(kind: str, dark: bool) -> Style:
    tint = _TINTS[dark].get(kind, _TINTS[dark]["direct"])
    return Style(bgcolor=tint) + _KIND_STYLE.get(kind, Style())


@lru_cache(maxsize=256)
def mention_style(color: str) -> Style:
    return Style(color=color, bold=True)
