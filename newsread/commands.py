"""The subcommands of ``newsread``, one function each.

Each takes the parsed arguments and returns an exit code; expected failures are
raised as ``CommandError`` (one line) and reported by ``newsread.cli``.
"""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from newsread.cli import CommandError, say
from newsread.config import Config, config_path, database_path, load_config
from newsread.progress import ProgressBar
from newsread.text import storable, stored_path, visible


def _config() -> Config:
    return load_config()


def _db_path(args) -> Path:
    path = database_path(getattr(args, "db", None))
    if storable(str(path)) != str(path):  # SQLite takes the name as UTF-8 text
        raise CommandError(f"{storable(str(path))}: a database file name must be UTF-8 text; rename it or give another", 2)
    return path


def _open_store(args, config: Config | None = None, *, readonly: bool = False):
    from newsread.store import Store

    config = config or _config()
    return Store(_db_path(args), user=config.user, readonly=readonly)


def _damaged_database(command):
    """``command``, with a database file that is damaged, or that another program wrote what newsread
    never writes (text that is not UTF-8, a log entry that is not JSON, a column renamed), told in one
    line naming the file. The store's queries meet such a file in many places (an sqlite3 error while
    stepping through rows, a decode error, a missing column): an error raised inside the store is
    taken for that when it is one of those; any other stays a bug (an internal error)."""
    @functools.wraps(command)
    def run(args) -> int:
        try:
            return command(args)
        except Exception as error:
            reason = _damage(error)
            if reason is None:
                raise
            raise CommandError(f"{_db_path(args)}: {reason}") from None

    return run


def _damage(error: Exception) -> str | None:
    """What ``error``, raised inside the store, says is wrong with the database file; None if it is no such error."""
    import sqlite3

    import newsread.store
    from newsread.store.connection import explain

    store_folder = Path(newsread.store.__file__).parent
    traceback, in_store = error.__traceback__, False
    while traceback is not None:
        in_store = in_store or Path(traceback.tb_frame.f_code.co_filename).parent == store_folder
        traceback = traceback.tb_next
    if not in_store or isinstance(error, (CommandError, newsread.store.StoreError)):
        return None
    why = "damaged, or written by another program?"
    if isinstance(error, UnicodeDecodeError) or (isinstance(error, sqlite3.DatabaseError) and "decode to UTF-8" in str(error)):
        return f"holds text that is not UTF-8 ({why})"
    if isinstance(error, sqlite3.DatabaseError):  # met while stepping through rows
        return explain(error)
    if isinstance(error, json.JSONDecodeError):
        return f"holds data that is not JSON where newsread keeps JSON ({why})"
    if isinstance(error, KeyError):  # a column a row should have: the schema's text changed
        return f"its tables are not as newsread makes them (no column {error}; {why})"
    return None


def _pipeline(args, config: Config) -> str | None:
    return getattr(args, "pipeline", None) or config.pipeline


def _jobs(args) -> int:
    if args.jobs is not None and args.jobs < 1:
        raise CommandError(f"--jobs {args.jobs}: give a number of processes, 1 or more", 2)
    return args.jobs or min(os.cpu_count() or 1, 4)


def _date(value: str | None, option: str) -> str | None:
    """A YYYY-MM-DD date as given, or a one-line error: never a date quietly read as another."""
    import datetime
    import re

    if value is None:
        return None
    try:
        if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
            raise ValueError
        datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option} {value!r}: not a date; give YYYY-MM-DD, e.g. 2019-01-31", 2) from None
    return value


def _load_pipeline(name: str | None):
    from newsread.quotes import PipelineNotFound, load_pipeline

    try:
        return load_pipeline(name)
    except PipelineNotFound as error:
        raise CommandError(str(error)) from None


@_damaged_database
def cmd_read(args) -> int:
    config = _config()
    path = _db_path(args)
    # Open (and migrate) here, so a bad database is one line before any screen; the reader keeps it.
    store = _open_store(args, config)
    from newsread.tui.app import run

    return run(path, config, store)


def cmd_locate(args) -> int:
    print(f"config:   {config_path()}")
    print(f"database: {_db_path(args)}")
    return 0


@_damaged_database
def cmd_add(args) -> int:
    from newsread.ingest import IngestFailure, read_sources
    from newsread.library import add_article, extract_articles, not_yet_extracted

    config = _config()
    pipeline = _pipeline(args, config)
    jobs = _jobs(args)  # a bad --jobs, like an unknown pipeline, fails before any work
    if not args.no_extract:
        _load_pipeline(pipeline)
    failures: list[IngestFailure] = []
    new_ids: list[int] = []
    duplicate_ids: list[int] = []
    with _open_store(args, config) as store:
        # Each article is stored as soon as it is read: a long batch holds one text at a time.
        feed_pages = _FeedPages()
        with ProgressBar("reading", 0) as bar:
            for done, item in enumerate(read_sources(args.sources, feed_progress=feed_pages), 1):
                feed_pages.end()  # a feed's articles come once its pages are all in
                if isinstance(item, IngestFailure):
                    failures.append(item)
                else:
                    article_id, created = add_article(store, _stored(item))
                    (new_ids if created else duplicate_ids).append(article_id)
                bar.update(done)
            feed_pages.end()
        # A duplicate stored by an add that was stopped before its extraction: extract it now.
        waiting = [] if args.no_extract else [i for i in not_yet_extracted(store, duplicate_ids) if i not in new_ids]
    duplicates = len(duplicate_ids)
    say(f"added {len(new_ids)} article(s)" + (f", skipped {duplicates} duplicate(s)" if duplicates else "")
        + (f" ({len(waiting)} not yet extracted)" if waiting else ""))
    to_extract = new_ids + waiting
    if to_extract and not args.no_extract:
        # The store above is closed: extraction may fork workers, and opens its own connection after.
        with ProgressBar("extracting", len(to_extract)) as bar:
            summary = extract_articles(_db_path(args), to_extract, user=config.user, pipeline=pipeline,
                                       n_process=jobs, progress=bar.update)
        say(f"found {summary.quotes} quote(s) in {summary.articles} article(s)")
    if failures:
        say(f"newsread: {len(failures)} source(s) failed:")
        for failure in failures:
            say(f"  {failure.source}: {failure.reason}")
        return 1
    return 0


class _FeedPages:
    """A progress line on stderr for each feed while its entry pages are fetched (on a terminal)."""

    def __init__(self) -> None:
        self.bar: ProgressBar | None = None

    def __call__(self, feed: str, fetched: int, total: int) -> None:
        if self.bar is None:
            self.bar = ProgressBar(f"fetching the pages of {visible(storable(feed))}", total)
        self.bar.update(fetched, total)

    def end(self) -> None:
        if self.bar is not None:
            self.bar.__exit__(None, None, None)
            self.bar = None


@_damaged_database
def cmd_extract(args) -> int:
    if args.out or args.engine or args.scheduler or args.workers:  # Parquet shards (newsread/scale); the lines below stay as they were
        from newsread.scale.command import cmd_extract_shards

        return cmd_extract_shards(args)
    from contextlib import nullcontext

    from newsread.ingest import IngestFailure, read_sources
    from newsread.quotes import extract

    config = _config()
    nlp = _load_pipeline(_pipeline(args, config))
    failed = 0
    # Only an explicit --db is used, and only read: what its corrections taught applies to the output.
    with _open_store(args, config, readonly=True) if getattr(args, "db", None) else nullcontext() as store:
        for path in args.paths:
            for item in read_sources([path]):
                if isinstance(item, IngestFailure):
                    say(f"newsread: {item.source}: {item.reason}")
                    failed += 1
                    continue
                extraction = extract(item.text, nlp)
                if store is not None:
                    extraction = _with_learned(store, item.text, extraction)
                record = {"path": item.path, "quotes": [q.to_dict() for q in extraction.quotes]}
                print(json.dumps(record, ensure_ascii=False), flush=True)
    return 1 if failed else 0


def _with_learned(store, text: str, extraction):
    """``extraction`` as the database's lessons say; a text the database holds gets its article's too."""
    from newsread.ingest import content_hash

    return store.with_learned(store.find_article_by_hash(content_hash(text)), extraction, text)


@_damaged_database
def cmd_export(args) -> int:
    from newsread.formats import export

    output = Path(args.output) if args.output else None
    since, until = _date(args.since, "--since"), _date(args.until, "--until")
    with _open_store(args, readonly=True) as store:
        records = store.export_records(reviewed_only=args.reviewed, speaker=args.speaker, source=args.source,
                                       since=since, until=until)
        try:
            count = export(args.format, records, output)
        except BrokenPipeError:
            raise  # the reader of stdout went away (`| head`): cli.py exits quietly
        except ValueError as error:  # e.g. a folder format with no -o
            raise CommandError(str(error), 2) from None
        except OSError as error:
            raise CommandError(f"{output}: {error.strerror or error}") from None
    if output is not None:
        say(f"wrote {_exported(args.format, records, count)} to {output}")
    if args.format == "spacy" and output is not None:
        from newsread.formats.docbin import config_path

        config = config_path(output)
        if config is not None:
            say(f"wrote the spancat training config to {config} (python -m spacy train {config})")
    return 0


@_damaged_database
def cmd_import(args) -> int:
    # A database this import creates is removed again if the import fails.
    with _removed_on_failure(_db_path(args)):
        if args.format == "parquet":  # shards hold model output, not annotations: see newsread/scale/importing.py
            from newsread.scale.command import cmd_import_parquet

            return cmd_import_parquet(args)
        return _import_annotations(args)


def _import_annotations(args) -> int:
    from newsread.formats import read_annotations
    from newsread.ingest.brat_metadata import with_brat_metadata
    from newsread.library import import_annotated

    path = Path(args.path)
    if not path.exists():
        raise CommandError(f"{path}: no such file or folder")
    refused: list[str] = []

    def refuse(error: ValueError) -> None:  # one bad record: its line now, the rest still imported
        refused.append(str(error))
        say(f"newsread: {error}")

    with _open_store(args) as store:
        try:
            records = read_annotations(args.format, path, refused=refuse)
            if args.format == "brat":  # titles, dates, sources and ids from the folder's metadata.jsonl
                records = with_brat_metadata(records)
            articles, quotes, duplicates = import_annotated(store, ((_stored(a), q) for a, q in records))
        except ValueError as error:  # the format's message names the file and line
            raise CommandError(str(error)) from None
    summary = f"imported {articles} article(s) with {quotes} quote(s)" + (f", skipped {duplicates} already present" if duplicates else "")
    if not refused:
        print(summary, file=sys.stderr)
        return 0
    summary += f", {len(refused)} record(s) refused"
    if not articles:  # nothing came in: a database made for this import is removed again
        raise CommandError(summary)
    say(f"newsread: {summary}")
    return 1


def _stored(article):
    """``article`` with its path as the store keeps paths (``newsread.text.stored_path``)."""
    article.path = stored_path(article.path)
    return article


@contextmanager
def _removed_on_failure(database: Path) -> Iterator[None]:
    """Run a command that may create ``database``; if it did and then fails, remove the file (and
    its -wal, -shm and the folders made for it). A database that existed keeps what was written."""
    if database.exists():
        yield
        return
    made_folders = [folder for folder in database.parents if not folder.exists()]  # innermost first
    try:
        yield
    except BaseException:
        for suffix in ("", "-wal", "-shm", "-journal"):
            Path(f"{database}{suffix}").unlink(missing_ok=True)
        for folder in made_folders:
            try:
                folder.rmdir()
            except OSError:
                break  # not empty: something else lives there now
        raise


def _exported(fmt: str, records, quotes: int) -> str:
    """What an export wrote, counted as its format counts: quotes for one line per quote, else articles."""
    if fmt == "datasette-metadata":
        return "the Datasette metadata"
    if fmt in ("jsonl", "csv"):
        return f"{quotes} quote(s)"
    return f"{records.articles} article(s) ({quotes} quotes)"


def cmd_eval(args) -> int:
    from newsread.evaluate import evaluate_articles, format_report, load_gold

    for gold in args.gold:
        if not Path(gold).exists():
            raise CommandError(f"{gold}: no such file or folder")
    refused: list[ValueError] = []  # every bad record named, before any work; then nothing is scored
    articles = [article for gold in args.gold for article in load_gold(Path(gold), refused=refused.append)]
    for error in refused:
        say(f"newsread: {error}")
    if refused:
        raise CommandError(f"{len(refused)} gold record(s) cannot be read; nothing scored", 2)
    if not articles:
        raise CommandError(f"{', '.join(args.gold)}: no gold articles (.jsonl lines with a text)", 2)
    nlp = _load_pipeline(_pipeline(args, _config()))
    print(format_report(evaluate_articles(articles, nlp), by_kind=args.by_kind))
    return 0


def _resolve_article(store, reference: str, *, all_matching: bool = False, hint: str = "give an id") -> list[int]:
    """The ids ``reference`` names (an id, a path, a title fragment); a one-line error unless exactly one,
    or, with ``all_matching``, at least one."""
    matches = store.find_articles(stored_path(reference))  # as paths are stored: a byte that is not UTF-8 as \xNN
    quoted = json.dumps(reference, ensure_ascii=False)
    if not matches:
        if reference.strip().isdecimal():
            raise CommandError(f"no article with id {int(reference)}")
        raise CommandError(f"no article matches {quoted} (by id, path, file name or title)")
    if len(matches) > 1 and not all_matching:
        shown = ", ".join(f"{i}: {_short(title)}" for i, title in matches[:3])
        more = ", ..." if len(matches) > 3 else ""
        raise CommandError(f"{quoted} matches {len(matches)} articles ({shown}{more}); {hint}")
    return [i for i, _ in matches]


def _short(title: str, width: int = 40) -> str:
    title = " ".join(title.split())  # one line, whatever the title holds
    return title if len(title) <= width else title[:width - 1].rstrip() + "…"


@_damaged_database
def cmd_reextract(args) -> int:
    from newsread.library import extract_articles

    config = _config()
    jobs = _jobs(args)
    with _open_store(args, config) as store:
        ids = store.article_ids()
        if args.articles:
            hint = "give an id, or add --all-matching"
            resolved = [i for ref in args.articles for i in _resolve_article(store, ref, all_matching=args.all_matching, hint=hint)]
            ids = list(dict.fromkeys(resolved))  # an article named twice is re-extracted once
    _load_pipeline(_pipeline(args, config))
    with ProgressBar("re-extracting", len(ids)) as bar:
        summary = extract_articles(_db_path(args), ids, user=config.user, pipeline=_pipeline(args, config),
                                   n_process=jobs, progress=bar.update)
    print(f"re-extracted {summary.articles} article(s): {summary.quotes} model quote(s) stored, "
          f"{summary.kept_reviewed} reviewed quote(s) kept", file=sys.stderr)
    if summary.reports:
        with _open_store(args, config, readonly=True) as store:
            for article_id, report in summary.reports.items():
                for line in _overlap_lines(store, article_id, report.overlapping):
                    say(line)
    return 0


def _overlap_lines(store, article_id: int, overlapping) -> list[str]:
    """One line per model quote left out for a reviewed one: the article by id and title, both quotes' words."""
    reviewed = [q for q in store.quotes(article_id) if q.status != "unreviewed" or q.human]
    article = f"article {article_id} {_quoted(store.article(article_id).title)}"
    lines = []
    for quote in overlapping:
        kept = next((k for k in reviewed if quote.span.overlaps(k.span)), None)
        which = f"reviewed quote {kept.id} {_quoted(kept.text)}" if kept else "a reviewed quote"
        lines.append(f"  {article}: new model quote [{quote.start}, {quote.end}) {_quoted(quote.text)} "
                     f"overlaps {which}; kept the reviewed one")
    return lines


def _quoted(text: str) -> str:
    return json.dumps(_short(text), ensure_ascii=False)


@_damaged_database
def cmd_history(args) -> int:
    with _open_store(args, readonly=True) as store:
        article_id = None if args.article is None else _resolve_article(store, args.article)[0]
        for entry in store.history(article_id):
            print(_describe_correction(entry))
    return 0


def _speaker_names(state: dict | None, with_kind: bool = False) -> str:
    speakers = (state or {}).get("speakers", [])
    return " + ".join(f"{s['name']} ({s['kind']})" if with_kind else s["name"] for s in speakers)


def _describe_correction(entry) -> str:
    head = f"#{entry.id}  {entry.at}  {entry.user}  "
    what = entry.action if entry.reverts is None else f"{entry.action} of #{entry.reverts}"
    if entry.action == "undo_refused":
        return head + f"{what:<12} nothing changed: the quote had been changed by someone else since"
    batch = (entry.before or entry.after or {}).get("quotes")
    if batch is not None:  # several quotes in one step (accept_many, its undo and redo)
        statuses = sorted({(b["status"], a["status"]) for b, a in zip(entry.before["quotes"], entry.after["quotes"])})
        change = ", ".join(f"status: {b!r} → {a!r}" for b, a in statuses)
        return head + f"{what:<12} article {entry.article_id}  {len(batch)} quote(s)  {change}"
    if entry.quote_id is None:  # a speaker rename, kind or merge: name the speakers before and after
        # Same names before and after: a change of kind, so show the kinds.
        with_kind = _speaker_names(entry.before) == _speaker_names(entry.after)
        before, after = _speaker_names(entry.before, with_kind), _speaker_names(entry.after, with_kind)
        return head + f"{what:<12} speakers  {before!r} → {after!r}"
    target = f"article {entry.article_id} quote {entry.quote_id}"
    changes = []
    before, after = entry.before or {}, entry.after or {}
    for key in ("status", "speaker", "kind", "cue", "start", "end", "note"):
        if before.get(key) != after.get(key):
            changes.append(f"{key}: {before.get(key, '∅')!r} → {after.get(key, '∅')!r}")
    return head + f"{what:<12} {target}  " + "; ".join(changes)


@_damaged_database
def cmd_backup(args) -> int:
    target = Path(args.target)
    if target.exists() and target.is_dir():
        raise CommandError(f"{target}: is a folder; give a file name")
    if not target.parent.is_dir():
        raise CommandError(f"{target.parent}: no such folder")
    if target.exists() and not args.force:
        raise CommandError(f"{target}: already exists; give another name, or --force to replace it")
    with _open_store(args, readonly=True) as store:
        try:
            store.backup(target)
        except OSError as error:
            raise CommandError(f"{target}: {error.strerror or error}") from None
    say(f"backed up to {target}")
    return 0
