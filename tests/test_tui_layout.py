"""The article pane's text geometry: wrapping chunk by chunk equals wrapping at once."""

from __future__ import annotations

import random

from newsread.tui.text_layout import wrap_chunk, wrap_offsets


def wrap_in_chunks(text: str, width: int, budget: int) -> list[tuple[int, int]]:
    position, lines = 0, []
    while position <= len(text):
        chunk, after = wrap_chunk(text, position, width, budget)
        assert after > position
        lines += chunk
        position = after
    return lines


def test_chunked_wrapping_gives_the_same_lines():
    rng = random.Random(7)
    words = ["a", "bb", "hello", "Übermensch", "x" * 50, "  ", "\n", "\n\n", "word,", "q" * 200, "“quoted”"]
    for _ in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(0, 300)))
        for width in (4, 17, 80):
            for budget in (1, 64, 500, 1 << 15):
                assert wrap_in_chunks(text, width, budget) == wrap_offsets(text, width)


def test_a_long_one_line_text_is_wrapped_a_chunk_at_a_time():
    text = "word " * 200_000  # a megabyte on one line
    lines, after = wrap_chunk(text, 0, 80, 1 << 15)
    assert 0 < after < 40_000
    assert lines[-1][1] == after and all(end - start <= 80 for start, end in lines)
