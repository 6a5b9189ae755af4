"""summarize batch DIR: every report in a directory, in parallel, resumably (docs/batch.md)."""

from __future__ import annotations

import argparse
import contextlib
import signal
import threading
from collections.abc import Iterator

from .common import add_engine_options, settings_from_args

EXAMPLES = """\
  summarize batch reports/                      # -> reports-summaries/ beside reports/
  summarize batch reports/ --out summaries/ --jobs 2
  summarize batch reports/ --glob '*.txt' --glob '2024/**/*.htm*' --format json
  summarize batch reports/ --force               # redo everything, even up-to-date reports
  summarize batch reports/ | jq .failed          # piped: one line of JSON instead of the table
  summarize batch reports/ --quiet && echo all good
  summarize batch reports/ --out summaries/ --ray          # on a Ray runtime (pip install 'summarize[ray]')
  summarize batch reports/ --out summaries/ --ray auto     # on the Ray cluster this machine belongs to

exit status: 0 all reports summarized (or already up to date), 1 some failed (see OUT/index.csv),
2 usage error (missing DIR, DIR is a file, bad option), 130 interrupted (a re-run finishes the rest).
"""

FORMAT_CHOICES = {"json": ("json",), "md": ("md",), "both": ("json", "md")}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("dir", metavar="DIR", help="directory of reports, searched recursively")
    group = parser.add_argument_group("batch")
    group.add_argument("--out", metavar="OUT",
                       help="output directory (default: DIR-summaries beside DIR; never inside DIR "
                            "unless you name a folder there)")
    group.add_argument("--glob", action="append", metavar="PATTERN",
                       help="which files are reports, matched case-insensitively against the file name "
                            "(or the relative path when it has a /); repeatable (default: *.txt and *.htm*)")
    group.add_argument("-j", "--jobs", type=int, metavar="N",
                       help="worker processes (default: the CPU count for the rules engine, 1 for a "
                            "model engine)")
    group.add_argument("--format", choices=tuple(FORMAT_CHOICES), default="both",
                       help="per-report outputs: OUT/<path>.json (full result), OUT/<path>.md "
                            "(readable summary) or both (default)")
    group.add_argument("--ray", nargs="?", const="local", metavar="ADDRESS",
                       help="run on Ray (needs summarize[ray]): without ADDRESS on a Ray runtime started "
                            "on this machine; with one ('auto', HOST:PORT, ray://HOST:PORT) on that "
                            "cluster; 'off' for local processes. Put it after DIR (docs/scale.md)")
    group.add_argument("--no-db", dest="database", action="store_false",
                       help="do not write OUT/summaries.db (the SQLite database of reports, officials and "
                            "people; docs/database.md)")
    group.add_argument("--follow-external-symlinks", action="store_true",
                       help="also read files that are symlinks to a target outside DIR (by default they "
                            "are listed as skipped: an archive can carry x.txt -> /etc/passwd)")
    group.add_argument("--timeout-per-report", type=float, metavar="SECONDS",
                       help="fail a report that takes longer than this and go on (default: 10 s plus 5 s "
                            "per 100 KB of input for the rules engine, 120 s plus 60 s per 100 KB for a "
                            "model engine; 0: no limit)")
    group.add_argument("--force", action="store_true",
                       help="summarize every report again, even those whose outputs are up to date")
    group.add_argument("-q", "--quiet", action="store_true",
                       help="no progress bar and no summary; only failed reports, on standard error")
    group.add_argument("-v", "--verbose", action="store_true",
                       help="a line per report, and every failure in the summary table")
    add_engine_options(parser)


def run(args: argparse.Namespace) -> int:
    from ..batch import BatchInterrupted, batch
    from ..output.batch_view import BatchView

    settings = settings_from_args(args)
    view = BatchView(quiet=args.quiet, verbose=args.verbose)
    try:
        with _sigterm_as_interrupt():
            summary = batch(args.dir, args.out, settings=settings, jobs=args.jobs, globs=args.glob,
                            force=args.force, formats=FORMAT_CHOICES[args.format], progress=view,
                            ray=args.ray, database=args.database,
                            follow_external_symlinks=args.follow_external_symlinks,
                            timeout_per_report=args.timeout_per_report)
    except BatchInterrupted as stop:
        view.show_summary(stop.summary)
        return 130
    finally:
        view.close()
    view.show_summary(summary)
    return summary.exit_code


@contextlib.contextmanager
def _sigterm_as_interrupt() -> Iterator[None]:
    """SIGTERM (kill, a CI timeout) stops the batch as cleanly as Ctrl-C does."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return

    def interrupt(signum, frame):
        # Whatever Ctrl-C does at this moment (batch() makes the first one stop gently).
        handler = signal.getsignal(signal.SIGINT)
        if callable(handler):
            handler(signal.SIGINT, frame)
        else:
            raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, interrupt)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)
