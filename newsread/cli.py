"""The ``newsread`` command: argument parsing and one-line error reporting.

Each subcommand lives in ``newsread.commands``; this module only parses, sets
up, and turns every expected failure into one line on stderr and a non-zero
exit, never a traceback.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import NoReturn

from newsread import __version__

EXIT_ERROR = 1
EXIT_USAGE = 2
ARTICLE_HELP = "an article id, a path as added (or its file name), or a case-insensitive title fragment"


class CommandError(Exception):
    """A failure to report as one line, with an exit code."""

    def __init__(self, message: str, code: int = EXIT_ERROR):
        super().__init__(message)
        self.code = code


class StdoutError(CommandError):
    """Writing to stdout failed (a full disk, ``> /dev/full``): reported as ``stdout: <reason>``."""


class Stdout:
    """What the commands print to: stdout, shown safely when it is a terminal.

    On a terminal every control character, C1 control and bidi override in the output
    shows as a visible placeholder (``newsread.text.terminal_safe``); piped or redirected
    the data stays exact. A failed write becomes one ``StdoutError`` line.
    """

    def __init__(self, stream):
        self.stream = stream
        try:
            self.terminal = stream.isatty()
        except (AttributeError, ValueError):
            self.terminal = False

    def write(self, text: str) -> int:
        from newsread.text import terminal_safe

        self._guarded(self.stream.write, terminal_safe(text) if self.terminal else text)
        return len(text)

    def flush(self) -> None:
        self._guarded(self.stream.flush)

    def _guarded(self, call, *args):
        try:
            return call(*args)
        except BrokenPipeError:
            raise  # the reader went away (`| head`): main() exits quietly
        except OSError as error:
            raise StdoutError(f"stdout: {error.strerror or error}") from None

    def __getattr__(self, name: str):
        return getattr(self.stream, name)


def say(message: str) -> None:
    """One line for the person at the terminal, on stderr, with control characters shown."""
    from newsread.text import storable, visible

    print(visible(storable(message)), file=sys.stderr)


class Parser(argparse.ArgumentParser):
    """argparse, with a mistake on the command line told in newsread's one line (exit 2), not a usage block."""

    def error(self, message: str) -> NoReturn:
        say(f"newsread: {' '.join(message.split())} (see: {self.prog} --help)")
        sys.exit(EXIT_USAGE)


def build_parser() -> argparse.ArgumentParser:
    from newsread.formats import EXPORT_FORMATS, IMPORT_FORMATS

    parser = Parser(
        prog="newsread",
        description="Read news in the terminal: every quote found, who said it, corrected from the keyboard.",
        epilog="Run without a command to open the reader.",
    )
    parser.add_argument("--version", action="version", version=f"newsread {__version__}")
    parser.add_argument("--db", metavar="PATH", help="the database file (default: NEWSREAD_DB or the user data dir)")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")

    def command(name: str, help: str) -> argparse.ArgumentParser:
        p = sub.add_parser(name, help=help, description=help)
        p.add_argument("--db", metavar="PATH", default=argparse.SUPPRESS, help="the database file")
        return p

    def pipeline_option(p: argparse.ArgumentParser) -> None:
        p.add_argument("--pipeline", metavar="NAME", help="installed spaCy pipeline (default: config, else en_core_web_sm)")

    p = command("read", "open the reader (the default command)")

    p = command("add", "ingest articles (files, folders, URLs, feeds, JSONL) and extract their quotes")
    p.add_argument("sources", nargs="+", metavar="PATH_OR_URL",
                   help=".txt, .md, .html or .jsonl files, folders of them, web pages or RSS/Atom feeds")
    p.add_argument("--no-extract", action="store_true", help="store the articles without extracting quotes")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help="extraction processes (default: one per core, at most 4)")
    pipeline_option(p)

    p = command("extract", "print the quotes in files (with --db, as that database's corrections taught; "
                           "it is only read), or write Parquet shards: --out")
    p.add_argument("paths", nargs="+", metavar="PATH", help="files, folders, .jsonl corpora or .parquet files (a text column)")
    p.add_argument("--format", choices=["jsonl"], default="jsonl", help="the output format (default: jsonl, a line per file)")
    pipeline_option(p)
    # Sharded runs (newsread/scale): Parquet shards in DIR, resumable, on local processes or Dask.
    p.add_argument("--out", metavar="DIR", help="write articles-NNNNN.parquet and quotes-NNNNN.parquet shards to DIR")
    p.add_argument("--engine", choices=["local", "dask"], help="with --out: forked processes here (default) or a Dask cluster")
    p.add_argument("--scheduler", metavar="ADDRESS", help="an existing Dask cluster (tcp://host:8786; implies --engine dask)")
    p.add_argument("--workers", type=int, metavar="N", help="processes, or local Dask workers (default: cores, at most 4)")
    p.add_argument("--shard-size", type=int, default=200, metavar="N", help="articles per shard (default 200)")

    p = command("export", "write annotations in a format NLP tools load")
    p.add_argument("--format", "-f", choices=sorted(EXPORT_FORMATS), default="jsonl", help="the format (default: jsonl)")
    p.add_argument("-o", "--output", metavar="FILE", help="output file (a folder for brat; default: stdout)")
    p.add_argument("--reviewed", action="store_true", help="only quotes a person reviewed")
    p.add_argument("--speaker", metavar="NAME", help="only this speaker's quotes")
    p.add_argument("--source", metavar="NAME", help="only articles from this source")
    p.add_argument("--since", metavar="DATE", help="only articles dated on or after DATE (YYYY-MM-DD)")
    p.add_argument("--until", metavar="DATE", help="only articles dated on or before DATE")

    p = command("import", "import annotated articles: a quote keeps the status it carries (a newsread export), "
                          "any other comes in as accepted; parquet shards come in as unreviewed model output")
    p.add_argument("path", metavar="PATH", help="a file, or a folder of them (brat: a folder, with its metadata.jsonl if any)")
    # parquet is not an annotation format (newsread/scale/importing.py): cmd_import branches on it.
    p.add_argument("--format", "-f", choices=sorted([*IMPORT_FORMATS, "parquet"]), required=True, help="the format of PATH")

    p = command("eval", "score the extractor against gold annotations")
    p.add_argument("gold", nargs="+", metavar="GOLD", help="gold .jsonl files or folders of them")
    p.add_argument("--by-kind", action="store_true", help="also score each kind of quote")
    pipeline_option(p)

    p = command("reextract", "re-run extraction; quotes a person reviewed are never touched")
    p.add_argument("articles", nargs="*", metavar="ARTICLE", help=f"{ARTICLE_HELP} (default: all)")
    p.add_argument("--all-matching", action="store_true",
                   help="take every article a title fragment or file name matches, not only a unique one")
    p.add_argument("--jobs", type=int, default=None, metavar="N", help="extraction processes (default: one per core, at most 4)")
    pipeline_option(p)

    p = command("history", "print the correction log")
    p.add_argument("article", nargs="?", metavar="ARTICLE", help=f"only this article: {ARTICLE_HELP} (default: all)")

    p = command("backup", "copy the database safely, even while the reader runs")
    p.add_argument("target", metavar="FILE", help="the copy to write, in a folder that exists")
    p.add_argument("--force", action="store_true", help="replace FILE if it exists")

    command("locate", "print where the config and database files are")
    return parser


def main(argv: list[str] | None = None) -> int:
    from newsread.config import ConfigError
    from newsread.store import StoreError

    parser = build_parser()
    args = parser.parse_args(argv)
    command = args.command or "read"
    original_stdout = sys.stdout
    try:
        from newsread import commands

        handler = getattr(commands, f"cmd_{command}")
        if command == "read":  # the reader draws on the terminal itself
            return handler(args) or 0
        sys.stdout = Stdout(original_stdout)
        code = handler(args) or 0
        sys.stdout.flush()  # a full disk shows here, not in the interpreter's last flush
        return code
    except StdoutError as error:
        _discard_stdout(original_stdout)
        return _fail(str(error), error.code)
    except CommandError as error:
        return _fail(str(error), error.code)
    except (StoreError, ConfigError) as error:
        return _fail(str(error))
    except KeyboardInterrupt:
        return _fail("interrupted", 130)
    except BrokenPipeError:
        # The reader of our output went away (e.g. `| head`): not an error worth a message.
        _discard_stdout(original_stdout)
        return EXIT_ERROR
    except Exception as error:  # the last guard: one line, the traceback only on request
        if os.environ.get("NEWSREAD_DEBUG"):
            raise
        return _fail(f"internal error: {type(error).__name__}: {error} (set NEWSREAD_DEBUG=1 for details)")
    finally:
        sys.stdout = original_stdout


def _discard_stdout(stream) -> None:
    """Point stdout at devnull, so the interpreter's final flush of what could not be
    written does not print a second complaint."""
    try:
        os.dup2(os.open(os.devnull, os.O_WRONLY), stream.fileno())
    except (OSError, AttributeError, ValueError):
        pass


def _fail(message: str, code: int = EXIT_ERROR) -> int:
    say(f"newsread: {message}")
    return code


if __name__ == "__main__":
    sys.exit(main())
