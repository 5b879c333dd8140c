"""Pairing quotation marks into quoted spans, paragraph by paragraph.

Works on characters only (no spaCy), so it is cheap and can never be confused by
tokenisation. Only top-level spans are returned: single marks inside double marks
(and the reverse) belong to the enclosing quote. Apostrophes (don’t, ’90s,
rock ’n’ roll, Fishmongers’ Hall) are told apart from marks by their neighbours.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

# family: "d" double, "s" single, "g" guillemet, "gs" single guillemet
# a mark right after these opens a quote; the colon too: 'Hale (D-Ohio):"I ...', the mark glued to it
_OPEN_PUNCT = "([{<—–-/:"


@dataclass
class MarkSpan:
    start: int  # first character inside the marks
    end: int  # the closing mark's index (exclusive end of the content)
    open_pos: int
    close_pos: int  # -1 when the paragraph ended before a closing mark
    para_start: int
    para_end: int
    continued: bool = False  # opened, not closed, and the next paragraph re-opens it
    continues_prev: bool = False  # this paragraph re-opens a quote left open above

    @property
    def unclosed(self) -> bool:
        return self.close_pos < 0


def _invisible(ch: str) -> bool:
    """Spaces, and the format characters (bidi marks, zero-width spaces and joiners) that text
    pasted from social media carries before a mark: neither opens nor closes anything."""
    return ch.isspace() or unicodedata.category(ch) == "Cf"


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank line, without the invisible characters at its ends; a
    newline always ends a paragraph here."""
    out = []
    pos = 0
    for line in text.split("\n"):
        end = pos + len(line)
        s, e = pos, end
        while s < e and _invisible(text[s]):
            s += 1
        while e > s and _invisible(text[e - 1]):
            e -= 1
        if e > s:
            out.append((s, e))
        pos = end + 1
    return out


def _is_word(ch: str) -> bool:
    return ch.isalnum()


def _opening_context(prev: str) -> bool:
    return prev == "" or prev.isspace() or prev in _OPEN_PUNCT or prev in "\"“„«‘‹'"


def _visible_before(text: str, i: int, s: int) -> str:
    """The character before text[i] in the paragraph from s, past format characters ("" at its
    start); a space stays a space."""
    j = i - 1
    while j >= s and not text[j].isspace() and _invisible(text[j]):
        j -= 1
    return text[j] if j >= s else ""


def _scan(text: str, s: int, e: int) -> tuple[list[tuple[int, int, str]], list[tuple[int, str]]]:
    """Pair marks in text[s:e]. Returns closed (open, close, family) pairs and the unclosed stack."""
    stack: list[tuple[int, str, str]] = []  # (pos, family, char)
    pairs: list[tuple[int, int, str]] = []

    def top(family_prefix: str) -> int:
        for i in range(len(stack) - 1, -1, -1):
            if stack[i][1] == family_prefix:
                return i
        return -1

    def close(idx: int, pos: int) -> None:
        o, fam, _ = stack[idx]
        del stack[idx:]  # marks left open inside are dropped
        pairs.append((o, pos, fam))

    skip_until = -1
    for i in range(s, e):
        if i < skip_until:
            continue
        c = text[i]
        if c not in "\"“”„«»‘’'‹›":
            continue
        prev = _visible_before(text, i, s)
        nxt = text[i + 1] if i + 1 < e else ""
        if c == "'" and text[i : i + 3] == "'" * 3 and prev != "'" and text[i + 3 : i + 4] != "'":
            # three apostrophes: a single and a double mark together (the word 'old-school,'
            # and its closing '' end at once; an opening '' and ' start at once)
            skip_until = i + 3
            js, jd = top("s"), top("d")
            if prev and not prev.isspace() and jd >= 0:
                if js > jd:
                    close(js, i)
                close(top("d"), i + 1)
            elif _opening_context(prev):
                stack.append((i + 1, "d", '"'))
                stack.append((i + 2, "s", "'"))
            continue
        if c == "'" and nxt == "'" and prev != "'" and text[i + 2 : i + 3] != "'":
            # two apostrophes standing for a double mark (''like this,'' he said): the
            # opener is recorded at its second character, the closer at its first
            skip_until = i + 2
            nxt = text[i + 2] if i + 2 < e else ""
            j = top("d")
            if j >= 0 and not (prev.isspace() and _is_word(nxt)):
                close(j, i)
            elif _opening_context(prev) and nxt and not nxt.isspace():
                stack.append((i + 1, "d", '"'))
            elif j >= 0:
                close(j, i)
            continue
        if c == '"':
            j = top("d")
            # after a space and before a word a mark opens, inside any open quote too ('"The
            # "United States" holds no one."' in a pasted post)
            if j >= 0 and not (prev.isspace() and _is_word(nxt)):
                close(j, i)
            elif _opening_context(prev) and nxt and not nxt.isspace():
                stack.append((i, "d", c))
            elif j >= 0:
                close(j, i)
        elif c in "“„":
            j = top("d")
            # „…“ (German style) and a “ misused as a closer after a word
            if j >= 0 and (stack[j][2] == "„" or (not prev.isspace() and prev != "" and not _is_word(nxt))):
                close(j, i)
            else:
                stack.append((i, "d", c))
        elif c == "”":
            j = top("d")
            if j >= 0:
                close(j, i)
            elif _opening_context(prev) and _is_word(nxt):
                stack.append((i, "d", c))  # misused as an opener
        elif c == "«":
            stack.append((i, "g", c))
        elif c == "»":
            j = top("g")
            if j >= 0:
                close(j, i)
        elif c == "‹":
            stack.append((i, "gs", c))
        elif c == "›":
            j = top("gs")
            if j >= 0:
                close(j, i)
        elif c == "‘":
            if _opening_context(prev) and nxt and not nxt.isspace():
                stack.append((i, "s", c))
        else:  # ’ or '
            if _is_word(prev) and _is_word(nxt):
                continue  # don’t, it's
            if nxt.isdigit():
                continue  # ’90s
            j = top("s")
            # a single closer must match a single opener above any open double
            if j >= 0 and j == len(stack) - 1 and prev and not prev.isspace():
                if _is_word(nxt):
                    continue
                close(j, i)
            elif c == "'" and _opening_context(prev) and nxt.isalpha():
                stack.append((i, "s", c))
    return pairs, [(p, f) for p, f, _ in stack]


def _other_form(text: str, outer: int, inner: int, outer_family: str, inner_family: str) -> bool:
    """The mark at ``inner`` (after ``outer``) is of another form than the one at ``outer`` (single inside
    double, curly inside straight), so a pair it opens can sit inside that quote."""
    if inner_family != outer_family:
        return True
    straight = ("\"", "'")
    return (text[outer] in straight) != (text[inner] in straight)


def _at_start(text: str, pos: int, para_start: int) -> bool:
    """The mark at ``pos`` opens its paragraph; a doubled apostrophe (''like this'') is recorded at
    its second character."""
    return pos == para_start or pos == para_start + 1 and text[para_start : para_start + 2] == "''"


def _opens_sentence(text: str, pos: int, para_start: int) -> bool:
    """The mark at ``pos`` starts a sentence: only a sentence's end (its stop and any closing mark) stands
    before it in the paragraph ('..., said Baron. “His ...'), never a word ('called it “a ...')."""
    before = text[para_start:pos].rstrip().rstrip("\"”’'»)")
    return before[-1:] in (".", "!", "?")


def _left_open(text: str, m: MarkSpan) -> bool:
    """A quote whose closing mark was never typed, kept to the end of its paragraph: one that opens
    the paragraph (a quote paragraph) or a sentence in it ('..., said Baron. “His candidacy ...').
    An unclosed mark inside a sentence ('called it “a disgrace. Then ...') is no quote."""
    return _at_start(text, m.open_pos, m.para_start) or _opens_sentence(text, m.open_pos, m.para_start)


def find_marks(text: str) -> list[MarkSpan]:
    """Top-level quoted spans of the text, sorted, never overlapping."""
    paras = paragraphs(text)

    spans: list[MarkSpan] = []
    pending_open: MarkSpan | None = None  # an unclosed quote at the end of the previous paragraph
    for ps, pe in paras:
        pairs, unclosed = _scan(text, ps, pe)
        # keep top-level pairs only
        pairs.sort()
        top_pairs: list[tuple[int, int, str]] = []
        for o, c, fam in pairs:
            if top_pairs and o < top_pairs[-1][1]:
                continue  # nested inside the previous top-level pair
            if c - o <= 1:
                continue  # empty ""
            top_pairs.append((o, c, fam))
        first_mark = top_pairs[0][0] if top_pairs else None
        # an unclosed opener that is not inside any closed pair
        open_ended = None
        for o, fam in unclosed:
            if not any(a < o < b for a, b, _ in top_pairs) and all(o > b for a, b, _ in top_pairs):
                open_ended = (o, fam)
                break
        if (open_ended is None and unclosed and unclosed[0][1] in ("d", "g")  # never a stray apostrophe ('t Veld)
                and not any(a < unclosed[0][0] < b for a, b, _ in top_pairs)):
            o, fam = unclosed[0]
            inside = [p for p in top_pairs if p[0] > o]
            if all(_other_form(text, o, a, fam, f) for a, _, f in inside):
                # a quote left open at the paragraph's end, holding quotes of its own in the other
                # form ('stated: "The DOJ isn’t about “Equal Justice” anymore.' then '"The latest ...')
                open_ended, top_pairs = (o, fam), [p for p in top_pairs if p[0] < o]
        # did this paragraph re-open a quote left open above?
        if pending_open is not None:
            opens_here = (first_mark is not None and _at_start(text, first_mark, ps)) or (
                open_ended is not None and _at_start(text, open_ended[0], ps))
            if opens_here:
                pending_open.continued = True
                spans.append(pending_open)
            elif _left_open(text, pending_open):
                spans.append(pending_open)
            pending_open = None
        reopened = spans[-1].continued if spans else False
        for o, c, _family in top_pairs:
            spans.append(MarkSpan(o + 1, c, o, c, ps, pe, continues_prev=reopened and _at_start(text, o, ps)))
        if open_ended is not None:
            o = open_ended[0]
            content_end = pe
            if content_end - (o + 1) > 0:
                cand = MarkSpan(o + 1, content_end, o, -1, ps, pe, continues_prev=reopened and _at_start(text, o, ps))
                if _at_start(text, o, ps):
                    # opener at paragraph start: a quote paragraph; kept if continued below,
                    # or on its own when the mark was simply never closed
                    pending_open = cand
                    cand.continued = False
                else:
                    pending_open = cand
    if pending_open is not None and _left_open(text, pending_open):
        spans.append(pending_open)
    spans.sort(key=lambda m: m.start)
    out: list[MarkSpan] = []
    for m in spans:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out
