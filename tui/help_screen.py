"""Every key as currently bound (read from the live bindings, so remaps show)."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static


def bound_keys(chain, first=None) -> list[tuple[str, str, str]]:
    """(keys, description, id) per binding id, from a screen's binding chain (keymap applied).

    The bindings of ``first`` (the screen) are listed before those of widgets and the app.
    """
    rows: dict[str, tuple[list[str], str]] = {}
    order: list[str] = []
    for _node, bindings in sorted(chain, key=lambda pair: pair[0] is not first):
        for key, key_bindings in bindings.key_to_bindings.items():
            for binding in key_bindings:
                ident = binding.id or binding.action
                if ident not in rows:
                    rows[ident] = ([], binding.description)
                    order.append(ident)
                display = binding.key_display or key
                if display not in rows[ident][0]:
                    rows[ident][0].append(display)
    return [(", ".join(rows[i][0]), rows[i][1] or i, i) for i in order]


_PRETTY = {"question_mark": "?", "slash": "/", "left_square_bracket": "[", "right_square_bracket": "]",
           "left_curly_bracket": "{", "right_curly_bracket": "}"}


def pretty(keys: str) -> str:
    return ", ".join(_PRETTY.get(k, k) for k in keys.split(", "))


class HelpScreen(ModalScreen[None]):
    BINDINGS = [Binding("escape,q,question_mark", "close", "Close", id="help.close")]

    def __init__(self, rows: list[tuple[str, str, str]]) -> None:
        super().__init__()
        self.rows = rows

    def compose(self) -> ComposeResult:
        table = Table(title=Text("newsread keys, as bound now (remap them in [keys] of the config)"),
                      expand=True, box=None, title_style="bold")
        table.add_column("keys", style="bold cyan", no_wrap=True)
        table.add_column("action")
        table.add_column(Text("id for [keys]"), style="dim")
        for keys, description, ident in self.rows:
            table.add_row(Text(pretty(keys)), Text(description), Text(ident))
        with VerticalScroll(classes="dialog", id="help-dialog"):
            yield Static(table)
            yield Static(Text("ctrl+p opens the command palette · Esc closes", style="dim"))

    def action_close(self) -> None:
        self.dismiss(None)
