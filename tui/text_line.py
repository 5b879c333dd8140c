"""A one-line text widget that repaints without a layout pass (unlike Static.update)."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget


class TextLine(Widget):
    DEFAULT_CSS = "TextLine { height: 1; }"

    text: reactive[Text] = reactive(Text, layout=False)

    def update(self, text: Text) -> None:
        self.text = text

    def render(self) -> Text:
        return self.text
