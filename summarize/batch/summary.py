"""What a batch reports back: the summary of a run, the progress events, the Ctrl-C exception."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import asdict, dataclass, field
from typing import Any

from ..errors import EXIT_FAILED, EXIT_OK
from .records import printable


@dataclass
class Failure:
    path: str  # relative to the input directory
    error: str


@dataclass
class BatchSummary:
    input_dir: str
    out_dir: str
    total: int = 0  # reports found
    processed: int = 0  # summarized in this run
    skipped: int = 0  # already up to date
    failed: int = 0
    failures: list[Failure] = field(default_factory=list)
    jobs: int = 1
    interrupted: bool = False
    elapsed_s: float = 0.0  # the whole run
    process_s: float = 0.0  # summarizing only (what the rate is measured over)
    timings_s: dict[str, float] = field(default_factory=dict)  # discover, plan, warm_up, process, index
    index_jsonl: str | None = None
    index_csv: str | None = None
    database: str | None = None  # OUT/summaries.db (docs/database.md); None with database=False
    # Files found but not read, with the reason (a symlink out of DIR): status "skipped" in the index.
    refused: list[Failure] = field(default_factory=list)

    @property
    def rate(self) -> float:
        """Reports summarized (or failed) per second of processing; 0 when nothing was done."""
        done = self.processed + self.failed
        return done / self.process_s if done and self.process_s > 0 else 0.0

    @property
    def exit_code(self) -> int:
        return EXIT_FAILED if self.failed else EXIT_OK

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["rate"] = round(self.rate, 2)
        data["elapsed_s"] = round(self.elapsed_s, 3)
        data["process_s"] = round(self.process_s, 3)
        data["timings_s"] = {k: round(v, 3) for k, v in self.timings_s.items()}
        data["exit_code"] = self.exit_code
        return data


@dataclass
class ProgressEvent:
    """What a ``progress`` callback receives.

    kind: "start" once (``total`` = reports to summarize this run, ``skipped`` = up to date ones),
    "report" after each report (``record`` = its index record, ``done`` = reports finished so far),
    "stopping" when a first Ctrl-C asks the batch to stop after the reports in progress,
    "end" once (``summary`` is set; on "start" too, where ``summary.refused`` lists the files not read).
    """

    kind: str
    total: int
    done: int = 0
    skipped: int = 0
    record: dict[str, Any] | None = None
    summary: BatchSummary | None = None


ProgressCallback = Callable[[ProgressEvent], None]


class BatchInterrupted(KeyboardInterrupt):
    """Ctrl-C (or SIGTERM in the CLI) stopped the batch; the index was still written. ``.summary`` says how far it got."""

    def __init__(self, summary: BatchSummary):
        super().__init__("batch interrupted")
        self.summary = summary


class Tally:
    """Counts finished reports into the summary and the records, and tells the progress callback."""

    def __init__(self, summary: BatchSummary, records: dict[str, dict[str, Any]], todo: int,
                 progress: ProgressCallback | None):
        self.summary, self.records, self.todo, self.progress = summary, records, todo, progress

    def finished(self, record: dict[str, Any]) -> None:
        summary = self.summary
        self.records[record["path"]] = record
        if record["status"] == "ok":
            summary.processed += 1
        else:
            summary.failed += 1
            summary.failures.append(Failure(printable(record["path"]), record.get("error") or "unknown error"))
        self.emit("report", record)

    def emit(self, kind: str, record: dict[str, Any] | None = None) -> None:
        if self.progress is not None:
            summary = self.summary
            self.progress(ProgressEvent(kind, total=self.todo, done=summary.processed + summary.failed,
                                        skipped=summary.skipped, record=record,
                                        summary=summary if kind in ("start", "end") else None))
