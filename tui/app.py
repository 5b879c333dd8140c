"""The newsread Textual app: wiring only (screens, keymap, first launch)."""

from __future__ import annotations

from pathlib import Path

from textual import on, work
from textual.app import App
from textual.screen import Screen

from newsread.config import Config
from newsread.store import Store, StoreError

from .commands import ReaderCommands
from .first_launch import SamplesLoaded, SamplesProgress, load_samples
from .pending_extraction import PendingProgress, extract_pending
from .reader_screen import ReaderScreen


class NewsreadApp(App[int]):
    CSS_PATH = "newsread.tcss"
    TITLE = "newsread"
    COMMANDS = App.COMMANDS | {ReaderCommands}

    def __init__(self, db_path: Path, config: Config | None = None, store: Store | None = None) -> None:
        """``store``: the database already opened on ``db_path`` (the app closes it), else opened here."""
        super().__init__()
        self.db_path = Path(db_path)
        self.config = config or Config()
        self.store: Store | None = store
        self._first_launch = False

    def get_default_screen(self) -> Screen:
        # The first screen is the app's default screen, composed with the app itself: pushed
        # from on_mount instead, it would be laid out and rendered once inside the app's
        # start-up batch (not shown) and then again, which delays the first frame.
        if self.store is None:
            self.store = Store(self.db_path, user=self.config.user)
        if self.store.first_article_id() is None:  # one seek; count(*) reads every row
            self._first_launch = True
            return super().get_default_screen()  # the loading screen goes on top of it
        return ReaderScreen(self.store)

    def on_mount(self) -> None:
        if self.config.keys:
            self.set_keymap(self.config.keys)
        if self._first_launch:
            from .loading_screen import LoadingScreen  # first launch only

            self.push_screen(LoadingScreen())
            # After the first paint: importing spaCy in the worker holds the GIL for long
            # stretches (C extensions), which would keep the loading screen from ever showing.
            self.call_after_refresh(self.load_samples)
        else:
            self.call_after_refresh(self.extract_pending)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def load_samples(self) -> None:
        load_samples(self.db_path, self.config.user, self.config.pipeline, self.post_message)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def extract_pending(self) -> None:
        extract_pending(self.db_path, self.config.user, self.config.pipeline, self.post_message)

    @on(PendingProgress)
    def pending_progress(self, message: PendingProgress) -> None:
        # The reader picks the new quotes up by itself: it polls for commits by other connections.
        if not isinstance(self.screen, ReaderScreen):
            return
        if message.error:
            self.screen.say(f"could not find quotes: {message.error}", "bold red")
        elif message.done < message.total:
            self.screen.say(f"finding quotes in articles added without them: {message.done}/{message.total}…")
        else:
            self.screen.say(f"found the quotes of {message.total} article(s) added without them")

    @on(SamplesProgress)
    def samples_progress(self, message: SamplesProgress) -> None:
        from .loading_screen import LoadingScreen

        if isinstance(self.screen, LoadingScreen):
            self.screen.show_progress(message.done, message.total, message.step)

    @on(SamplesLoaded)
    def samples_loaded(self, message: SamplesLoaded) -> None:
        self.switch_screen(ReaderScreen(self.store))
        if message.error:
            self.notify(message.error, title="Could not find quotes in the samples", severity="error", timeout=15)

    def on_unmount(self) -> None:
        if self.store is not None:
            self.store.close()

    async def run_action(self, action, default_namespace=None, namespaces=None) -> bool:
        # A database failure inside any key's action is one line in the status bar, and the
        # reader stays usable (the action's own code may not have expected it).
        if isinstance(self.screen, ReaderScreen):
            self.screen.clear_status()
        try:
            return await super().run_action(action, default_namespace, namespaces)
        except StoreError as error:
            if isinstance(self.screen, ReaderScreen):
                self.screen.say(f"✗ {error}", "bold red")
            else:
                self.notify(str(error), title="Database", severity="error")
            return True

    def _fatal_error(self) -> None:
        # Textual's own ending prints a traceback with locals once the terminal is restored;
        # a user gets one line instead, and the traceback goes to the crash log.
        from rich.text import Text

        from .crash import one_line, write_crash_log

        error = self._exception or RuntimeError("unknown error")
        self.bell()
        self._exit_renderables.append(Text(one_line(error, write_crash_log(error))))
        self._close_messages_no_wait()


def run(db_path: Path, config: Config, store: Store | None = None) -> int:
    """Run the reader on the database at ``db_path`` (``store``, when it is open already); the
    process exit code (1 after a crash)."""
    app = NewsreadApp(db_path, config, store)
    app.run()
    return app.return_code or 0
