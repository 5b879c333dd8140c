"""Text normalisation applied once, at ingest, so every offset means the same thing.

NFC, ``\\r\\n``/``\\r`` to ``\\n``, and every control character except ``\\n`` and
``\\t`` removed, so no terminal escape sequence in an article can ever reach the
screen. Whole ANSI/OSC sequences are removed, not just their ESC byte, so their
payload does not show up as garbage text either.
"""

from __future__ import annotations

import bisect
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


_SURROGATE = re.compile("[\ud800-\udfff]")


def storable(value: str) -> str:
    """``value`` (a file name, an id) encodable as UTF-8: a byte a file name could not decode
    (Python's surrogate escape) as ``\\xNN``, any other lone surrogate as U+FFFD."""
    def shown(match: re.Match) -> str:
        code = ord(match.group())
        return f"\\x{code - 0xDC00:02x}" if 0xDC80 <= code <= 0xDCFF else "\ufffd"

    return _SURROGATE.sub(shown, value)


_PATH_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def stored_path(value: str) -> str:
    """A file name (or URL) as the store keeps it: ``storable``, and every control character
    (a newline too) written as ``\\xNN``, so the path stays one line of plain text."""
    return _PATH_CONTROL.sub(lambda match: f"\\x{ord(match.group()):02x}", storable(value))


# ---- the same normalisation, with where each offset lands ------------------------------

# One pass over the raw text finding everything ``normalize`` drops before NFC: the \r of
# each \r\n, whole escape sequences, and single control characters (a lone \r becomes \n).
_DROPPED = re.compile(
    r"\r(?=\n)|" + _ESCAPE_SEQUENCE.pattern + r"|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]",
    re.VERBOSE,
)
_NON_ASCII_RUN = re.compile(r"[\x00-\x7f]?[^\x00-\x7f]+")


class OffsetMap:
    """Where an offset into a text lands in the text after a change.

    Holds the changed pieces only, ``(old_start, old_end, new_start, new_end)`` in order;
    text between them moved as it was. An offset inside a changed piece goes to the
    piece's new start, or with ``end=True`` to its new end, so a span keeps what it held.
    """

    def __init__(self, pieces: list[tuple[int, int, int, int]]):
        self.pieces = pieces
        self._starts = [piece[0] for piece in pieces]

    def __call__(self, offset: int, *, end: bool = False) -> int:
        index = bisect.bisect_right(self._starts, offset) - 1
        if index < 0:
            return offset
        old_start, old_end, new_start, new_end = self.pieces[index]
        if offset >= old_end:
            return new_end + offset - old_end
        if offset == old_start:
            return new_start
        return new_end if end else new_start

    def then(self, other: OffsetMap) -> OffsetMap | _Composed:
        return _Composed(self, other)


class _Composed:
    def __init__(self, first, second):
        self.first, self.second = first, second

    def __call__(self, offset: int, *, end: bool = False) -> int:
        return self.second(self.first(offset, end=end), end=end)


def normalize_mapped(text: str) -> tuple[str, OffsetMap | _Composed | None]:
    """``normalize(text)`` and the map of offsets into ``text`` to offsets into it
    (None when normalising changes nothing), for annotations made on the raw text.

    Raises ValueError if the pieces do not add up to ``normalize(text)``; that would be a
    bug here, and the caller refuses the record rather than store offsets that are wrong.
    """
    expected = normalize(text)
    if expected == text:
        return text, None
    kept, dropped, position, new = [], [], 0, 0
    for match in _DROPPED.finditer(text):
        start, stop = match.span()
        kept.append(text[position:start])
        new += start - position
        dropped.append((start, stop, new, new))
        position = stop
    kept.append(text[position:])
    stage = "".join(kept).replace("\r", "\n")
    mapping: OffsetMap | _Composed = OffsetMap(dropped)
    composed = unicodedata.normalize("NFC", stage)
    if composed != stage:
        mapping = mapping.then(OffsetMap(_nfc_pieces(stage)))
    if composed != expected:
        raise ValueError("normalised text does not match its offset map")
    return composed, mapping


def _nfc_pieces(text: str) -> list[tuple[int, int, int, int]]:
    """The pieces of ``text`` that NFC changes: each a starter with what composes with it."""
    pieces, shift = [], 0  # shift: new offset minus old offset so far
    for run in _NON_ASCII_RUN.finditer(text):  # an ASCII character never composes with the one before
        segment, base = run.group(), run.start()
        if unicodedata.is_normalized("NFC", segment):
            continue
        start = 0
        for index in range(1, len(segment) + 1):
            if index < len(segment):
                char = segment[index]
                if unicodedata.combining(char):
                    continue
                head = segment[start:index]
                if unicodedata.normalize("NFC", head + char) != unicodedata.normalize("NFC", head) + unicodedata.normalize("NFC", char):
                    continue  # composes with what came before: same piece
            head = segment[start:index]
            composed = unicodedata.normalize("NFC", head)
            if composed != head:
                old = base + start
                pieces.append((old, old + len(head), old + shift, old + shift + len(composed)))
                shift += len(composed) - len(head)
            start = index
    return pieces


# ---- showing text on a terminal -------------------------------------------------------

# Bidi embeddings, overrides and isolates: they reorder what follows on screen (a file
# name that reads "txt.exe" as "exe.txt"), so they are shown, not obeyed.
BIDI_CONTROLS = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
_PICTURES = (
    {code: 0x2400 + code for code in range(0x20)}  # C0 controls: their control pictures (ESC shows as ␛)
    | {0x7F: 0x2421}  # DEL: ␡
    | dict.fromkeys(range(0x80, 0xA0), 0xFFFD)  # C1 controls, e.g. the one-byte CSI
    | dict.fromkeys(map(ord, BIDI_CONTROLS), 0xFFFD)
)


def _table(*, newlines: bool, tabs: bool) -> tuple[dict[int, int], re.Pattern]:
    table = dict(_PICTURES)
    table[0x09] = 0x09 if tabs else ord(" ")
    table[0x0A] = 0x0A if newlines else ord(" ")
    table = {code: shown for code, shown in table.items() if code != shown}
    return table, re.compile("[" + "".join(re.escape(chr(code)) for code in sorted(table)) + "]")


_TABLES = {(newlines, tabs): _table(newlines=newlines, tabs=tabs) for newlines in (False, True) for tabs in (False, True)}


def visible(text: str | None, *, newlines: bool = False, tabs: bool = False) -> str:
    """``text`` with every character a terminal would act on shown as a placeholder of the
    same length, so offsets stay right: C0 controls and DEL as their control pictures, C1
    controls and bidi controls as U+FFFD. A newline (unless ``newlines``) and a tab (unless
    ``tabs``) become a space."""
    if not text:
        return text or ""
    table, pattern = _TABLES[(newlines, tabs)]
    return text.translate(table) if pattern.search(text) else text


def terminal_safe(text: str) -> str:
    """Output for a terminal: lines and tabs kept (a CSV ``\\r\\n`` as a plain line end),
    every other control shown, never obeyed."""
    return visible(text.replace("\r\n", "\n"), newlines=True, tabs=True)
