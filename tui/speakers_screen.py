"""Every speaker with their quote count; open one to see and jump to their quotes."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import Footer, Label, OptionList, Static
from textual.widgets.option_list import Option

from newsread.store import SpeakerSummary, Store, StoreError

from .prompt import TextPrompt
from .safe_text import visible

Jump = tuple[int, int | None]


def speaker_prompt(speaker: SpeakerSummary) -> Text:
    line = Text(no_wrap=True, overflow="ellipsis")
    line.append(f"{speaker.quotes:>5} ", style="bold")
    line.append(visible(speaker.name))
    line.append(f"  {visible(speaker.kind)}", style="dim")
    if speaker.aliases:
        line.append(f"  aka {visible(', '.join(speaker.aliases[:3]))}", style="dim italic")
    return line


class SpeakersScreen(Screen[Jump | None]):
    """Dismisses with (article_id, quote_id) to jump there, or None."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", id="speakers.back"),
        Binding("r", "rename", "Rename", id="speakers.rename"),
        Binding("m", "merge", "Merge into…", id="speakers.merge"),
        Binding("tab", "switch", "Speakers/quotes", show=False, id="speakers.switch"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.speakers: list[SpeakerSummary] = []
        self.shown_id: int | None = None

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="speaker-column"):
                yield Label(Text("Speakers  (quotes · name)", style="bold"), classes="pane-caption")
                yield OptionList(id="speaker-list")
            with Vertical(id="speaker-quotes-column"):
                yield Label(id="speaker-quotes-title", classes="pane-caption")
                yield OptionList(id="speaker-quotes")
        yield Static(id="speakers-status")
        yield Footer()

    def on_mount(self) -> None:
        self.reload()
        self.query_one("#speaker-list", OptionList).focus()

    def reload(self, keep: str | None = None) -> None:
        self.speakers = self.store.speakers()
        speaker_list = self.query_one("#speaker-list", OptionList)
        speaker_list.set_options(Option(speaker_prompt(s), id=str(s.id)) for s in self.speakers)
        if self.speakers:
            names = [s.name for s in self.speakers]
            speaker_list.highlighted = names.index(keep) if keep in names else 0

    @property
    def current(self) -> SpeakerSummary | None:
        index = self.query_one("#speaker-list", OptionList).highlighted
        return self.speakers[index] if index is not None and index < len(self.speakers) else None

    def on_option_list_option_highlighted(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id == "speaker-list":
            self.show_quotes()

    def show_quotes(self) -> None:
        speaker = self.current
        if speaker is None or speaker.id == self.shown_id:
            return
        self.shown_id = speaker.id
        quotes = self.store.speaker_quotes(speaker.id)
        self.query_one("#speaker-quotes-title", Label).update(
            Text(f"{visible(speaker.name)}: {len(quotes)} quotes (Enter jumps)", style="bold"))
        options = []
        for quote, title in quotes:
            line = Text(no_wrap=True, overflow="ellipsis")
            line.append(f"“{visible(quote.text)}”", style="strike dim" if quote.status == "rejected" else "")
            line.append(f"  {visible(title)}", style="dim")
            options.append(Option(line, id=f"{quote.article_id}:{quote.id}"))
        self.query_one("#speaker-quotes", OptionList).set_options(options)

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        if event.option_list.id == "speaker-list":
            self.query_one("#speaker-quotes", OptionList).focus()
        elif event.option.id:
            article_id, quote_id = event.option.id.split(":")
            self.dismiss((int(article_id), int(quote_id)))

    def action_switch(self) -> None:
        target = "#speaker-quotes" if self.focused and self.focused.id == "speaker-list" else "#speaker-list"
        self.query_one(target, OptionList).focus()

    def action_back(self) -> None:
        self.dismiss(None)

    def _status(self, message: str) -> None:
        self.query_one("#speakers-status", Static).update(Text(visible(message)))

    def action_rename(self) -> None:
        speaker = self.current
        if speaker is None:
            return

        def done(name: str | None) -> None:
            if not name or name == speaker.name:
                return
            try:
                self.store.rename_speaker(speaker.id, name)
            except (ValueError, StoreError) as error:
                self._status(f"not renamed: {error}")
                return
            self._status(f"saved ✓ renamed {speaker.name} → {name}")
            self.shown_id = None
            self.reload(keep=name)

        self.app.push_screen(TextPrompt(f"Rename {speaker.name} to:", speaker.name), done)

    def action_merge(self) -> None:
        speaker = self.current
        if speaker is None:
            return
        others = [s.name for s in self.speakers if s.id != speaker.id]

        def done(name: str | None) -> None:
            if not name:
                return
            target = self.store.speaker_by_name(name)
            if target is None:
                self._status(f"no speaker called “{name}” (use r to rename)")
                return
            try:
                moved = self.store.merge_speakers(speaker.id, target.id)
            except StoreError as error:
                self._status(f"not merged: {error}")
                return
            self._status(f"saved ✓ merged {speaker.name} into {name} ({moved} quotes)")
            self.shown_id = None
            self.reload(keep=name)

        self.app.push_screen(TextPrompt(f"Merge {speaker.name} into:", hint="type the speaker to keep (→ completes)",
                                        suggestions=others), done)
