"""Who said it: the article's candidates numbered 1–9, or any name typed.

A typed name nobody in the database has gets a kind, shown beside the input:
guessed from the name (organisation words such as Ministry or Police, or an
acronym, make it ORG; else PERSON), and Tab cycles PERSON → ORG → OTHER.

A joint statement has several speakers: ``+`` starts a selection, shown in the
dialog (and adds the typed name to it, or takes it out again); from then on a
digit toggles its candidate, and Enter saves the whole selection in order.
"""

from __future__ import annotations

from collections.abc import Collection

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.suggester import SuggestFromList
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from newsread.quotes.lexicon import ORG_NAME_WORDS  # plain data: no spaCy

from .colors import speaker_color
from .safe_text import visible

KINDS = ("PERSON", "ORG", "OTHER")


def guess_kind(name: str) -> str:
    """ORG when a word of the name is an organisation word (the extractor's, from the
    lexicon) or an acronym (NATO, BBC), else PERSON."""
    words = [word.strip(".,;:()\"'“”‘’") for word in name.split()]
    # the lexicon's words are bare: "Co." -> "co", "Ministry's" -> "ministry"
    if any(word.casefold().removesuffix("'s").removesuffix("’s") in ORG_NAME_WORDS for word in words):
        return "ORG"
    if any(len(word) >= 2 and word.isupper() and word.isalpha() for word in words):
        return "ORG"
    return "PERSON"


class SpeakerPicker(ModalScreen[list[tuple[str, str]] | None]):
    """Dismisses with the speakers as [(name, kind), ...]: one, unless ``+`` made a selection.
    A digit typed into the empty input picks that candidate (toggles it, in a selection)."""

    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="picker.cancel"),
        Binding("tab", "cycle_kind", "Kind of a new speaker", show=False, priority=True, id="picker.kind"),
        # Priority: the input would otherwise take "+" as text.
        Binding("plus", "add", "Several speakers", priority=True, id="picker.add"),
    ]

    def __init__(self, quote_text: str, current: str | list[str], candidates: list[tuple[str, str]],
                 known: dict[str, str], colors: dict[str, str], described: Collection[str] = ()) -> None:
        super().__init__()
        # Candidates that are this article's own descriptions ("police" here is not another article's police).
        self.described = set(described)
        self.quote_text = quote_text
        # The quote's speakers: one name (as older callers pass it) or the list.
        self.current = [current] if isinstance(current, str) and current else list(current or [])
        self.candidates = candidates
        self.known = known  # every speaker name and alias in the database -> kind
        self.name_colors = colors
        self.chosen_kind: str | None = None  # set by Tab, for a new name
        self.selection: list[tuple[str, str]] | None = None  # the speakers chosen so far, once + began it

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog", id="speaker-picker"):
            yield Label(Text("Who said it?", style="bold"), classes="dialog-title")
            text = visible(self.quote_text)
            excerpt = text if len(text) < 160 else text[:157] + "…"
            yield Label(Text(f"“{excerpt}”", style="italic"), id="picker-quote")
            options = [Option(self._prompt(number), id=str(number)) for number in range(1, min(len(self.candidates), 9) + 1)]
            if not options:
                options.append(Option(Text("no candidates in this article: type a name", style="dim"), disabled=True))
            yield OptionList(*options, id="picker-candidates")
            with Horizontal(id="picker-row"):
                yield Input(placeholder="type a name (→ completes, Enter saves)",
                            suggester=SuggestFromList(sorted(visible(n) for n in self.known), case_sensitive=False),
                            id="picker-input")
                yield Label(id="picker-kind")
            selection = Label(id="picker-selection")
            selection.display = False  # shown once + begins a selection
            yield selection
            yield Label(Text("1–9 pick · type a name (Tab: its kind) · + several speakers · Enter saves · Esc cancels",
                             style="dim"))

    def on_mount(self) -> None:
        self.query_one("#picker-input", Input).focus()

    def _prompt(self, number: int) -> Text:
        name, kind = self.candidates[number - 1]
        prompt = Text()
        prompt.append(f"{number} ", style="bold reverse")
        if self.selection is not None:
            prompt.append(" ✓" if self._selected(name) else "  ", style="bold")
        prompt.append(f" {visible(name)}", style=f"bold {self.name_colors.get(name, speaker_color(number - 1))}")
        prompt.append(f"  {visible(kind)}", style="dim")
        if name in self.described:
            prompt.append("  this article only", style="dim italic")
        if name in self.current:
            prompt.append("  ← current", style="dim")
        return prompt

    def _pick(self, number: int) -> None:
        if not 1 <= number <= min(len(self.candidates), 9):
            return
        if self.selection is None:
            self.dismiss([self.candidates[number - 1]])
        else:
            self._toggle(self.candidates[number - 1])

    def _selected(self, name: str) -> bool:
        return any(chosen.casefold() == name.casefold() for chosen, _ in self.selection or [])

    def _toggle(self, speaker: tuple[str, str]) -> None:
        """Add a speaker to the selection, or take it out if it is in already."""
        assert self.selection is not None
        if self._selected(speaker[0]):
            self.selection = [s for s in self.selection if s[0].casefold() != speaker[0].casefold()]
        else:
            self.selection.append(speaker)
        self._show_selection()

    def _show_selection(self) -> None:
        for number in range(1, min(len(self.candidates), 9) + 1):
            self.query_one("#picker-candidates", OptionList).replace_option_prompt(str(number), self._prompt(number))
        shown = Text("together: ", style="bold")
        for index, (name, _) in enumerate(self.selection or []):
            if index:
                shown.append(" + ", style="dim")
            shown.append(visible(name), style=f"bold {self.name_colors.get(name, '')}")
        if not self.selection:
            shown.append("none yet", style="dim")
        shown.append("   1–9 or a typed name and + add or remove · Enter saves them", style="dim")
        label = self.query_one("#picker-selection", Label)
        label.update(shown)
        label.display = True

    def action_add(self) -> None:
        if self.selection is None:
            self.selection = []
        field = self.query_one("#picker-input", Input)
        name = field.value.strip()
        if name:
            self._toggle((name, self.kind_for(name)[0]))
            field.value = ""
        else:
            self._show_selection()

    def _known_kind(self, name: str) -> str | None:
        folded = name.casefold()
        for known, kind in (*self.candidates, *self.known.items()):
            if known.casefold() == folded:
                return kind
        return None

    def kind_for(self, name: str) -> tuple[str, bool]:
        """The kind a save of ``name`` would give, and whether the name is new."""
        known = self._known_kind(name)
        if known is not None:
            return known, False
        return self.chosen_kind or guess_kind(name), True

    def _show_kind(self) -> None:
        name = self.query_one("#picker-input", Input).value.strip()
        label = self.query_one("#picker-kind", Label)
        if not name or name in "123456789":
            label.update("")
            return
        kind, new = self.kind_for(name)
        if new:
            label.update(Text.assemble(("new ", "dim"), (kind, "bold"), ("  Tab", "dim")))
        else:
            label.update(Text.assemble(("known ", "dim"), (kind, "dim bold")))

    def on_input_changed(self, event: Input.Changed) -> None:
        if len(event.value) == 1 and event.value in "123456789":
            self._pick(int(event.value))
            if self.selection is not None:  # toggled, not saved: the input is free for the next one
                event.input.value = ""
            return
        if not event.value.strip():
            self.chosen_kind = None
        self._show_kind()

    def action_cycle_kind(self) -> None:
        field = self.query_one("#picker-input", Input)
        name = field.value.strip()
        kind, new = self.kind_for(name) if name else ("", False)
        if not new or self.focused is not field:
            self.focus_next()  # Tab as usual (this binding replaces the screen's)
            return
        self.chosen_kind = KINDS[(KINDS.index(kind) + 1) % len(KINDS)] if kind in KINDS else KINDS[0]
        self._show_kind()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        name = event.value.strip()
        if self.selection is None:
            if name:
                self.dismiss([(name, self.kind_for(name)[0])])
            return
        if name and not self._selected(name):  # the name being typed is one of them too
            self.selection.append((name, self.kind_for(name)[0]))
        if self.selection:
            self.dismiss(list(self.selection))

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self._pick(int(event.option.id))

    def action_cancel(self) -> None:
        self.dismiss(None)
