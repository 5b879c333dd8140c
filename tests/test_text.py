"""Ingest normalisation: what the store keeps and the screen shows."""

from newsread.text import normalize


def test_newlines_and_nfc():
    assert normalize("a\r\nb\rc") == "a\nb\nc"
    decomposed = "Erdog\u0306an"  # g + combining breve
    assert normalize(decomposed) == "Erdo\u011fan"
    assert len(normalize(decomposed)) == 7


def test_terminal_escape_sequences_are_removed_whole():
    text = "Safe \x1b[31mred\x1b[0m text \x1b]52;c;ZXZpbA==\x07 and \x1b]0;title\x1b\\ end \x9b2J."
    assert normalize(text) == "Safe red text  and  end ."


def test_other_control_characters_removed_but_tabs_and_newlines_kept():
    assert normalize("a\x00b\x07c\td\ne\x7f\x85f") == "abc\td\nef"


def test_lone_surrogates_removed():
    assert normalize("ok\ud800ok") == "okok"


def test_printable_unicode_kept():
    text = "“Quote” « guillemets » — dash, thin\u2009space, joiner\u200d, emoji 🙂"
    assert normalize(text) == text
