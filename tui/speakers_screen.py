"""Every speaker with their quote count; open one to see and jump to their quotes.

``/`` filters the list by name or alias (case and accents ignored); Esc clears the
filter before it leaves the screen.
"""

from __future__ import annotations

import unicodedata

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.css.styles import RulesMap
from textual.screen import Screen
from textual.strip import Strip
from textual.style import Style
from textual.visual import RenderOptions, Visual
from textual.widgets import Footer, Input, Label, OptionList, Static
from textual.widgets.option_list import Option

from newsread.model import SPEAKER_KINDS
from newsread.store import SpeakerSummary, Store, StoreError

from .prompt import TextPrompt
from .safe_text import visible

Jump = tuple[int, int | None]


def folded(text: str) -> str:
    """``text`` without case or accents, so "gdansk" finds "Gdańsk"."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def matches(speaker: SpeakerSummary, words: str) -> bool:
    wanted = folded(words.strip())
    return any(wanted in folded(name) for name in [speaker.name, *speaker.aliases])


class SpeakerRow(Visual):
    """A speaker's quote count, and beside it the name, kind and every alias, wrapped in a column of their own.

    (A Rich table does the same, but measuring thousands of them made the screen slow to open.)
    """

    GUTTER = 6  # the count, right-aligned in five cells, and a space

    def __init__(self, speaker: SpeakerSummary) -> None:
        self.count = Content.styled(f"{speaker.quotes:>5} ", "bold")
        body = Content(visible(speaker.name)) + Content.styled(f"  {visible(speaker.kind)}", "dim")
        if speaker.article_id is not None:  # a description, of this article only: told apart from others of its name
            body += Content.styled(f"  article {speaker.article_id}: {visible(speaker.article_title)}", "dim")
        if speaker.aliases:
            body += Content.styled(f"\naka {visible(', '.join(speaker.aliases))}", "dim italic")
        self.body = body

    def get_optimal_width(self, rules: RulesMap, container_width: int) -> int:
        return self.GUTTER + self.body.get_optimal_width(rules, container_width - self.GUTTER)

    def get_minimal_width(self, rules: RulesMap) -> int:
        return self.GUTTER + self.body.get_minimal_width(rules)

    def get_height(self, rules: RulesMap, width: int) -> int:
        return self.body.get_height(rules, width - self.GUTTER)

    def render_strips(self, width: int, height: int | None, style: Style, options: RenderOptions) -> list[Strip]:
        body = self.body.render_strips(width - self.GUTTER, height, style, options)
        count = self.count.render_strips(self.GUTTER, 1, style, options)[0].crop_extend(0, self.GUTTER, style.rich_style)
        blank = Strip.blank(self.GUTTER, style.rich_style)
        return [Strip.join([count if y == 0 else blank, line]) for y, line in enumerate(body)]


def next_kind(kind: str) -> str:
    return SPEAKER_KINDS[(SPEAKER_KINDS.index(kind) + 1) % len(SPEAKER_KINDS)] if kind in SPEAKER_KINDS else SPEAKER_KINDS[0]


class SpeakersScreen(Screen[Jump | None]):
    """Dismisses with (article_id, quote_id) to jump there, or None."""

    BINDINGS = [
        Binding("escape,q", "back", "Back", id="speakers.back"),
        Binding("slash", "filter", "Filter", id="speakers.filter"),
        Binding("r", "rename", "Rename", id="speakers.rename"),
        Binding("m", "merge", "Merge into…", id="speakers.merge"),
        Binding("t", "cycle_kind", "Kind", id="speakers.kind"),
        Binding("tab", "switch", "Speakers/quotes", show=False, id="speakers.switch"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store
        self.all_speakers: list[SpeakerSummary] = []
        self.speakers: list[SpeakerSummary] = []  # those the filter lets through, as listed
        self.shown_id: int | None = None

    def compose(self) -> ComposeResult:
        with Horizontal():
            with Vertical(id="speaker-column"):
                yield Label(Text("Speakers  (quotes · name)", style="bold"), classes="pane-caption")
                yield Input(placeholder="/ filter by name or alias", id="speaker-filter", compact=True)
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
        self.all_speakers = self.store.speakers()
        self.show_matching(keep)

    def show_matching(self, keep: str | None = None) -> None:
        """List the speakers the filter lets through, highlighting ``keep`` (a label) if it is one of them."""
        words = self.query_one("#speaker-filter", Input).value
        self.speakers = [s for s in self.all_speakers if matches(s, words)]
        speaker_list = self.query_one("#speaker-list", OptionList)
        if not self.speakers:
            speaker_list.set_options([Option(Text(f"no speaker matches “{visible(words)}”", style="italic"),
                                             disabled=True)])
            self.shown_id = None
            self.query_one("#speaker-quotes-title", Label).update("")
            self.query_one("#speaker-quotes", OptionList).clear_options()
            return
        speaker_list.set_options(Option(SpeakerRow(s), id=str(s.id)) for s in self.speakers)
        labels = [s.label for s in self.speakers]
        speaker_list.highlighted = labels.index(keep) if keep in labels else 0

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "speaker-filter":
            self.show_matching(keep=self.current.label if self.current else None)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        if event.input.id == "speaker-filter":
            speaker_list = self.query_one("#speaker-list", OptionList)
            if self.speakers:
                speaker_list.highlighted = 0
            speaker_list.focus()

    def action_filter(self) -> None:
        self.query_one("#speaker-filter", Input).focus()

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
        speaker_filter = self.query_one("#speaker-filter", Input)
        if speaker_filter.value or speaker_filter.has_focus:
            # Esc first clears the filter (the list follows on Input.Changed); the next one leaves.
            speaker_filter.value = ""
            self.query_one("#speaker-list", OptionList).focus()
            return
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
                renamed = self.store.rename_speaker(speaker.id, name)
            except (ValueError, StoreError) as error:
                self._status(f"not renamed: {error}")
                return
            self._status(f"saved ✓ renamed {speaker.name} → {name}")
            self.shown_id = None
            self.reload(keep=renamed.label)

        self.app.push_screen(TextPrompt(f"Rename {speaker.name} to:", speaker.name), done)

    def action_merge(self) -> None:
        speaker = self.current
        if speaker is None:
            return
        others = [s.label for s in self.all_speakers if s.id != speaker.id]

        def done(name: str | None) -> None:
            if not name:
                return
            target = self.store.find_speaker(name)  # "police (article 7)" names one article's police
            if target is None:
                self._status(f"no speaker called “{name}” (use r to rename)")
                return
            try:
                moved = self.store.merge_speakers(speaker.id, target.id)
            except (ValueError, StoreError) as error:
                self._status(f"not merged: {error}")
                return
            self._status(f"saved ✓ merged {speaker.label} into {name} ({moved} quotes)")
            self.shown_id = None
            self.reload(keep=self.store.speaker(target.id).label)

        self.app.push_screen(TextPrompt(f"Merge {speaker.label} into:", hint="type the speaker to keep (→ completes)",
                                        suggestions=others), done)

    def action_cycle_kind(self) -> None:
        speaker = self.current
        if speaker is None:
            return
        kind = next_kind(speaker.kind)
        try:
            self.store.set_speaker_kind(speaker.id, kind)
        except (ValueError, StoreError) as error:
            self._status(f"kind not changed: {error}")
            return
        self._status(f"saved ✓ {speaker.name} is now {kind} (was {speaker.kind})")
        self.reload(keep=speaker.label)
