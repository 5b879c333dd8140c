"""README's keys table lists exactly the reader's bindings (tui/bindings.py), and its images exist."""

from __future__ import annotations

import re
from pathlib import Path

from newsread.tui.article_view import ArticleView
from newsread.tui.bindings import READER_BINDINGS

ROOT = Path(__file__).resolve().parent.parent
README = (ROOT / "README.md").read_text(encoding="utf-8")
SHOWN = {"question_mark": "?", "slash": "/", "enter": "Enter", "escape": "Esc", "dollar_sign": "$",
         "left_parenthesis": "(", "right_parenthesis": ")", "left_curly_bracket": "{", "right_curly_bracket": "}"}
# The reader's keys: the screen's, and the article pane's (its text cursor and selection).
BINDINGS = [*READER_BINDINGS, *ArticleView.BINDINGS]


def keys_rows() -> list[tuple[str, str]]:
    section = README.split("## Keys", 1)[1].split("\n## ", 1)[0]
    rows = []
    for line in section.splitlines():
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if len(cells) == 3 and cells[2].startswith("`"):
            rows.append((cells[0], cells[2]))
    return rows


def test_every_binding_is_in_the_readme_with_its_keys():
    rows = keys_rows()
    for binding in BINDINGS:
        if re.fullmatch(r"quote\.pick[2-8]", binding.id):
            continue  # the row for 1-9 names the first and the last
        row = next((keys for keys, ids in rows if f"`{binding.id}`" in ids), None)
        assert row is not None, f"{binding.id} missing from README's keys"
        for key in binding.key.split(","):
            if binding.id.startswith("quote.pick"):
                assert "`1`–`9`" in row
            else:
                assert f"`{SHOWN.get(key, key)}`" in row, (binding.id, key, row)


def test_the_readme_names_no_binding_that_does_not_exist():
    ids = {binding.id for binding in BINDINGS}
    named = {name for _, cell in keys_rows() for name in re.findall(r"`([^`]+)`", cell)}
    assert named <= ids, named - ids


def test_readme_images_exist():
    links = re.findall(r"\]\((screenshots/[^)]+)\)", README)
    assert links and links[0] == "screenshots/article-editor.svg"
    for link in links:
        assert (ROOT / link).is_file(), link
