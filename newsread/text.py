"""Text normalisation applied once, at ingest, so every offset means the same thing.

NFC, ``\\r\\n``/``\\r`` to ``\\n``, and every control character except ``\\n`` and
``\\t`` removed, so no terminal escape sequence in an article can ever reach the
screen. Whole ANSI/OSC sequences are removed, not just their ESC byte, so their
payload does not show up as garbage text either.
"""

from __future__ import annotations

import re
import unicodedata

# CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), other two-byte ESC sequences,
# and the 8-bit C1 forms of CSI/OSC.
_ESCAPE_SEQUENCE = re.compile(
    r"""
    \x1b\[[0-?]*[ -/]*[@-~]            # CSI
  | \x1b\][^\x07\x1b]*(?:\x07|\x1b\\)? # OSC, terminated by BEL or ST (or cut off)
  | \x1b[PX^_][^\x1b]*(?:\x1b\\)?      # DCS, SOS, PM, APC strings
  | \x1b[@-Z\\-_]                      # other Fe escapes
  | \x9b[0-?]*[ -/]*[@-~]              # 8-bit CSI
  | \x9d[^\x07\x9c]*(?:\x07|\x9c)?     # 8-bit OSC
    """,
    re.VERBOSE,
)


def _is_removed(ch: str) -> bool:
    if ch in "\n\t":
        return False
    category = unicodedata.category(ch)
    # Cc: C0/C1 controls. Cs: lone surrogates (cannot be encoded to UTF-8).
    # Co/Cn are kept: private-use and unassigned characters are printable text.
    return category in ("Cc", "Cs")


def normalize(text: str) -> str:
    """Return ``text`` as newsread stores it."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _ESCAPE_SEQUENCE.sub("", text)
    text = "".join(ch for ch in text if not _is_removed(ch))
    return unicodedata.normalize("NFC", text)
