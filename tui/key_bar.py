"""A one-line key bar in place of Textual's Footer.

The Footer mounts one widget per key and recomposes all of them whenever the
screen's bindings change (focus moves, a quote is selected…): at start-up that is
a good share of the time to the first screen. This bar renders the same hints as
one line of text, repaints without a layout pass, and maps a click on a key to
that key press.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.widget import Widget


class KeyBar(Widget):
    COMPONENT_CLASSES = {"key-bar--key", "key-bar--description", "key-bar--disabled"}
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: 1;
        background: $footer-background;
        color: $footer-foreground;
    }
    KeyBar > .key-bar--key {
        color: $footer-key-foreground;
        background: $footer-key-background;
        text-style: bold;
    }
    KeyBar > .key-bar--description {
        color: $footer-description-foreground;
    }
    KeyBar > .key-bar--disabled {
        text-style: dim;
    }
    """

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self._targets: list[tuple[int, int, str, bool]] = []  # (x0, x1, key, enabled)

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self.refresh()

    def _hints(self) -> tuple[list[tuple[str, str, str, bool]], tuple[str, str, str, bool] | None]:
        """(key, key display, description, enabled) for each shown binding, and the palette's."""
        active = self.screen.active_bindings
        seen: set[str] = set()
        hints = []
        for _node, binding, enabled, _tooltip in active.values():
            if not binding.show or binding.action in seen:
                continue
            seen.add(binding.action)
            hints.append((binding.key, self.app.get_key_display(binding), binding.description, enabled))
        palette = None
        if self.app.ENABLE_COMMAND_PALETTE and self.app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[self.app.COMMAND_PALETTE_BINDING]
            palette = (binding.key, self.app.get_key_display(binding), binding.description, enabled)
        return hints, palette

    def render(self) -> Text:
        key_style = self.get_component_rich_style("key-bar--key")
        description_style = self.get_component_rich_style("key-bar--description")
        disabled = self.get_component_rich_style("key-bar--disabled")
        hints, palette = self._hints()
        line = Text(no_wrap=True, overflow="crop", end="")
        targets = []

        def add(hint: tuple[str, str, str, bool]) -> None:
            key, display, description, enabled = hint
            begin = line.cell_len
            line.append(f" {display} ", key_style + (disabled if not enabled else None))
            line.append(f"{description} ", description_style + (disabled if not enabled else None))
            targets.append((begin, line.cell_len, key, enabled))

        for hint in hints:
            add(hint)
        if palette is not None:  # on the right, like the Footer's; keys that do not fit are cut
            room = self.size.width - len(f" {palette[1]} {palette[2]} ")
            if room > 0:
                line.truncate(room, pad=True)
                targets = [(begin, min(end, room), key, enabled) for begin, end, key, enabled in targets if begin < room]
                add(palette)
        self._targets = targets
        return line

    def on_click(self, event: events.Click) -> None:
        for begin, end, key, enabled in self._targets:
            if begin <= event.x < end:
                if enabled:
                    self.app.simulate_key(key)
                else:
                    self.app.bell()
                return
