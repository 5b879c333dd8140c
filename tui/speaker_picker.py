"""Who said it: the article's candidates numbered 1–9, or any name typed."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from .colors import speaker_color
from .safe_text import visible


class SpeakerPicker(ModalScreen[tuple[str, str] | None]):
    """Dismisses with (name, kind); a digit typed into the empty input picks that candidate."""

    BINDINGS = [Binding("escape", "cancel", "Cancel", id="picker.cancel")]

    def __init__(self, quote_text: str, current: str, candidates: list[tuple[str, str]],
                 known: dict[str, str], colors: dict[str, str]) -> None:
        super().__init__()
        self.quote_text = quote_text
        self.current = current
        self.candidates = candidates
        self.known = known  # every speaker name and alias in the database -> kind
        self.name_colors = colors

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="speaker-picker"):
            yield Label(Text("Who said it?", style="bold"), classes="dialog-title")
            text = visible(self.quote_text)
            excerpt = text if len(text) < 160 else text[:157] + "…"
            yield Label(Text(f"“{excerpt}”", style="italic"), id="picker-quote")
            options = []
            for number, (name, kind) in enumerate(self.candidates[:9], 1):
                prompt = Text()
                prompt.append(f"{number} ", style="bold reverse")
                prompt.append(f" {visible(name)}", style=f"bold {self.name_colors.get(name, speaker_color(number - 1))}")
                prompt.append(f"  {visible(kind)}", style="dim")
                if name == self.current:
                    prompt.append("  ← current", style="dim")
                options.append(Option(prompt, id=str(number)))
            if not options:
                options.append(Option(Text("no candidates in this article: type a name", style="dim"), disabled=True))
            yield OptionList(*options, id="picker-candidates")
            yield Input(placeholder="type a name (→ completes, Enter saves)",
                        suggester=SuggestFromList(sorted(visible(n) for n in self.known), case_sensitive=False), id="picker-input")
            yield Label(Text("1–9 pick · type any name · Enter saves · Esc cancels", style="dim"))

    def on_mount(self) -> None:
        self.query_one("#picker-input", Input).focus()

    def _pick(self, number: int) -> None:
        if 1 <= number <= min(len(self.candidates), 9):
            self.dismiss(self.candidates[number - 1])

    def on_input_changed(self, event: Input.Changed) -> None:
        if len(event.value) == 1 and event.value in "123456789":
            self._pick(int(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if not name:
            return
        kinds = {n.casefold(): k for n, k in self.candidates} | {n.casefold(): k for n, k in self.known.items()}
        self.dismiss((name, kinds.get(name.casefold(), "PERSON")))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._pick(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
