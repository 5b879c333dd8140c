"""A one-line text prompt (cue, note, rename, merge target)."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label

from .safe_text import visible


class TextPrompt(ModalScreen[str | None]):
    """Enter returns the text (possibly empty); Escape returns None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="prompt.cancel")]

    def __init__(self, title: str, value: str = "", *, hint: str = "", suggestions: list[str] | None = None) -> None:
        super().__init__()
        self.title_text = title
        self.value = value
        self.hint = hint
        self.suggestions = suggestions

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Label(Text(visible(self.title_text), style="bold"), classes="dialog-title")
            suggestions = [visible(s) for s in self.suggestions or []]
            suggester = SuggestFromList(suggestions, case_sensitive=False) if suggestions else None
            yield Input(value=visible(self.value), suggester=suggester, id="prompt-input")
            yield Label(Text(self.hint or "Enter saves · Esc cancels", style="dim"))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value.strip())

    def action_cancel(self) -> None:
        self.dismiss(None)
