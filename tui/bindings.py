"""The reader's key bindings. Every one has an id so ``[keys]`` in the config can remap it."""

from __future__ import annotations

from textual.binding import Binding

READER_BINDINGS = [
    Binding("j", "move(1)", "Next quote", id="quote.next"),
    Binding("k", "move(-1)", "Prev quote", id="quote.prev"),
    Binding("J", "article(1)", "Next article", show=False, id="article.next"),
    Binding("K", "article(-1)", "Prev article", show=False, id="article.prev"),
    Binding("n", "unreviewed(1)", "Next unreviewed", id="unreviewed.next"),
    Binding("p", "unreviewed(-1)", "Prev unreviewed", show=False, id="unreviewed.prev"),
    Binding("a", "accept", "Accept", id="quote.accept"),
    Binding("x", "reject", "Reject", id="quote.reject"),
    Binding("Y", "accept_confident", "Accept all unreviewed at or above a confidence", show=False,
            id="quote.accept_confident"),
    Binding("e,enter", "edit_speaker", "Speaker", id="quote.speaker"),
    *[Binding(str(n), f"pick({n})", f"Speaker candidate {n}", show=False, id=f"quote.pick{n}") for n in range(1, 10)],
    Binding("t", "cycle_kind", "Kind", show=False, id="quote.kind"),
    Binding("c", "edit_cue", "Cue", show=False, id="quote.cue"),
    Binding("N", "edit_note", "Note", show=False, id="quote.note"),
    Binding("[", "span('start', -1)", "Start: one word earlier", show=False, id="span.start_grow"),
    Binding("]", "span('start', 1)", "Start: one word later", show=False, id="span.start_shrink"),
    Binding("{", "span('end', -1)", "End: one word earlier", show=False, id="span.end_shrink"),
    Binding("}", "span('end', 1)", "End: one word later", show=False, id="span.end_grow"),
    Binding("v", "select", "Select text", show=False, id="select.start"),
    Binding("A", "add_quote", "Add selection as quote", show=False, id="quote.add"),
    Binding("D", "delete_quote", "Delete added quote", show=False, id="quote.delete"),
    Binding("u", "undo", "Undo", id="undo"),
    Binding("U,ctrl+r", "redo", "Redo", show=False, id="redo"),
    Binding("o", "cycle_order", "Order", show=False, id="quote.order"),
    Binding("S", "cycle_library_sort", "Library sort", show=False, id="library.sort"),
    Binding("f", "filter_library", "Filter library", show=False, id="library.filter"),
    Binding("L", "toggle_library", "Show or hide the library", show=False, id="library.toggle"),
    Binding("slash", "search", "Search", id="search"),
    Binding("s", "speakers", "Speakers", id="speakers"),
    Binding("R,f5", "refresh_all", "Reload from the database", show=False, id="app.refresh"),
    Binding("question_mark", "help", "Help", id="help"),
    Binding("escape", "back", "Back", show=False, id="back"),
    Binding("q", "quit_reader", "Quit", id="quit"),
]
