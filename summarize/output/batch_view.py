"""What `summarize batch` shows: a progress bar and a summary table for people, JSON for programs.

- Progress bar (rate, ETA) on standard error, only when it is a terminal and --quiet is not given.
- The final summary: a table on standard output when it is a terminal, otherwise one line of JSON
  (``BatchSummary.to_dict()``), so ``summarize batch DIR | jq`` works.
- Failures: one ``FAILED path: reason`` line each on standard error as they happen, always (so
  ``batch DIR 2>err.log`` logs them in a terminal too; above the progress bar when there is one), and
  in the final table. --verbose adds an ``ok`` line per report. Files not read (a symlink out of DIR):
  one ``SKIPPED path: reason`` line each at the start.
- --quiet: no progress, no table, no JSON; only the failure lines.
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any, TextIO

from ..batch.records import printable
from ..batch.summary import BatchSummary, ProgressEvent

MAX_FAILURES_SHOWN = 20


def is_terminal(stream: TextIO) -> bool:
    return stream.isatty() and os.environ.get("TERM") != "dumb"


class BatchView:
    """A progress callback for batch() plus the final summary, chosen by where the output goes."""

    def __init__(self, *, quiet: bool = False, verbose: bool = False, stdout: TextIO | None = None,
                 stderr: TextIO | None = None):
        self.quiet, self.verbose = quiet, verbose
        self.stdout = stdout or sys.stdout
        self.stderr = stderr or sys.stderr
        self.table_on_stdout = is_terminal(self.stdout)
        self.bar_on_stderr = is_terminal(self.stderr) and not quiet
        self._progress: Any = None
        self._task: Any = None

    # -- progress -------------------------------------------------------------------------------

    def __call__(self, event: ProgressEvent) -> None:
        if event.kind == "start":
            self._start(event)
        elif event.kind == "report" and event.record is not None:
            self._report(event.record)
        elif event.kind == "stopping" and not self.quiet:
            self._line("stopping after the reports in progress (Ctrl-C again to stop at once; "
                       "a re-run finishes the rest)")
        elif event.kind == "end":
            self.close()

    def _start(self, event: ProgressEvent) -> None:
        if event.summary is not None and not self.quiet:
            for failure in event.summary.refused:
                self._line(f"SKIPPED {failure.path}: {failure.error}")
        if self.bar_on_stderr and event.total:
            self._progress = make_progress(self._stderr_console())
            self._progress.start()
            label = "Summarizing" + (f" ({event.skipped} up to date)" if event.skipped else "")
            self._task = self._progress.add_task(label, total=event.total)
        elif self.verbose and event.skipped:
            self._line(f"skipped {event.skipped} up-to-date report(s)")

    def _report(self, record: dict[str, Any]) -> None:
        if self._progress is not None:
            self._progress.advance(self._task)
        failed = record["status"] != "ok"
        # A failure is an error: always reported on standard error as it happens, for logs.
        if (self.verbose and not self.quiet) or failed:
            status = "ok" if not failed else "FAILED"
            elapsed = record.get("elapsed_ms")
            detail = f": {record.get('error')}" if failed else f" ({elapsed:.0f} ms)" if elapsed else ""
            self._line(f"{status} {printable(record['path'])}{detail}")

    def _line(self, text: str) -> None:
        if self._progress is not None:  # print above the bar, which stays at the bottom
            self._progress.console.print(text, markup=False, highlight=False)
        else:
            print(text, file=self.stderr, flush=True)

    def close(self) -> None:
        if self._progress is not None:
            self._progress.stop()
            self._progress = None

    def _stderr_console(self):
        from rich.console import Console

        return Console(file=self.stderr)

    # -- final summary --------------------------------------------------------------------------

    def show_summary(self, summary: BatchSummary) -> None:
        self.close()
        if self.quiet:
            return
        if self.table_on_stdout:
            from rich.console import Console

            Console(file=self.stdout).print(summary_renderable(summary, verbose=self.verbose))
        else:
            self.stdout.write(json.dumps(summary.to_dict(), ensure_ascii=False) + "\n")
            self.stdout.flush()


def make_progress(console):
    from rich.progress import (
        BarColumn,
        MofNCompleteColumn,
        Progress,
        ProgressColumn,
        SpinnerColumn,
        TaskProgressColumn,
        TextColumn,
        TimeElapsedColumn,
        TimeRemainingColumn,
    )
    from rich.text import Text

    class RateColumn(ProgressColumn):
        def render(self, task) -> Text:
            speed = task.finished_speed or task.speed
            return Text("  -  reports/s" if speed is None else f"{speed:5.1f} reports/s", style="cyan")

    return Progress(
        SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(),
        TaskProgressColumn(), RateColumn(), TimeElapsedColumn(), TextColumn("ETA"), TimeRemainingColumn(),
        console=console, transient=False, speed_estimate_period=10,
    )


def summary_renderable(summary: BatchSummary, verbose: bool = False):
    from rich.console import Group
    from rich.table import Table
    from rich.text import Text

    title = "Batch interrupted" if summary.interrupted else "Batch summary"
    table = Table(title=title, show_header=False, title_justify="left")
    table.add_column(style="bold")
    table.add_column(justify="right")
    table.add_row("processed", str(summary.processed))
    table.add_row("skipped", f"{summary.skipped} (up to date)")
    table.add_row("failed", f"[red]{summary.failed}[/]" if summary.failed else "0")
    if summary.refused:
        table.add_row("not read", f"{len(summary.refused)} (symlinks out of the input folder; see the index)")
    table.add_row("time", f"{summary.elapsed_s:.1f} s")
    table.add_row("reports/s", f"{summary.rate:.1f}")
    table.add_row("jobs", str(summary.jobs))
    table.add_row("output", Text(summary.out_dir))
    parts: list[Any] = [table]
    if summary.interrupted:
        parts.append(Text("Interrupted: run the same command again to finish the rest.", style="yellow"))
    if summary.failures:
        shown = summary.failures if verbose else summary.failures[:MAX_FAILURES_SHOWN]
        failures = Table(title=f"Failed reports ({summary.failed})", title_justify="left")
        failures.add_column("path", overflow="fold")
        failures.add_column("reason", overflow="fold")
        for failure in shown:
            failures.add_row(Text(failure.path), Text(failure.error))
        parts.append(failures)
        if len(shown) < len(summary.failures):
            rest = len(summary.failures) - len(shown)
            parts.append(Text(f"... and {rest} more: see {summary.index_csv or 'index.csv'} (status 'failed')"))
    return Group(*parts)
