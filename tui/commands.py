"""The command palette: every reader action that fits the current state."""

from __future__ import annotations

from functools import partial

from textual.actions import parse
from textual.command import DiscoveryHit, Hit, Hits, Provider

from .bindings import READER_BINDINGS
from .safe_text import visible

# Actions with no key of their own, offered in the palette only.
PALETTE_ONLY = [("Export annotations (JSONL, CSV, spaCy, brat, Prodigy, Label Studio)…", "export"),
                ("Open the article's web page", "open_url")]


class ReaderCommands(Provider):
    def _commands(self) -> list[tuple[str, str, str]]:
        from .help_screen import pretty
        from .reader_screen import ReaderScreen  # the screen imports this module's siblings

        screen = self.screen
        if not isinstance(screen, ReaderScreen):
            return []
        keys: dict[str, list[str]] = {}
        for _node, bindings in screen._binding_chain:
            for key, key_bindings in bindings.key_to_bindings.items():
                for binding in key_bindings:
                    if binding.id:
                        keys.setdefault(binding.id, []).append(key)
        commands = []
        for binding in READER_BINDINGS:
            _, name, params = parse(binding.action)
            if not screen.offered(name, params):
                continue
            title = binding.description
            if name == "pick":
                title = f"Speaker: {visible(screen.candidates[params[0] - 1][0])}"
            commands.append((title, binding.action, pretty(", ".join(keys.get(binding.id or "", [])))))
        commands += [(title, action, "") for title, action in PALETTE_ONLY if screen.offered(action, ())]
        return commands

    async def discover(self) -> Hits:
        for title, action, keys in self._commands():
            yield DiscoveryHit(title, partial(self.screen.run_action, action), help=keys)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for title, action, keys in self._commands():
            score = matcher.match(title)
            if score > 0:
                yield Hit(score, matcher.highlight(title), partial(self.screen.run_action, action), help=keys)
