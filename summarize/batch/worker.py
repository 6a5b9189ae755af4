"""Summarize one report of a batch and write its outputs and record. Runs in a worker process.

Everything a report produces is rendered first and written after, each file atomically, the record
last: a crash at any point leaves either the old state or the new one, never half of one.
"""

from __future__ import annotations

import contextlib
import os
import signal
import sys
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..config import Settings
from ..database.rows import officials_cell
from ..document import to_jsonable
from ..errors import ModelError, SummarizeError
from ..io import atomic_write_text
from .records import Task, output_paths, printable, record_path, write_record


@dataclass(frozen=True)
class Job:
    """What every task of one batch shares (sent once to each worker, not with every task)."""

    settings: Settings
    out_dir: Path
    formats: tuple[str, ...]
    key: str
    version: str
    # Seconds one report may take: None for the default (time_limit), 0 for no limit.
    timeout_per_report: float | None = None


# The default time limit: generous for a seed-sized report (milliseconds with the rules engine), and
# growing with the size, since every stage is linear (docs/robustness.md). A model engine gets more.
BASE_LIMIT_S = {"rules": 10.0, "model": 120.0, "auto": 120.0}
LIMIT_S_PER_100KB = {"rules": 5.0, "model": 60.0, "auto": 60.0}


def time_limit(size: int, engine: str, timeout_per_report: float | None) -> float:
    """Seconds a report of ``size`` bytes may take; 0 for no limit."""
    if timeout_per_report is not None:
        return timeout_per_report
    return BASE_LIMIT_S.get(engine, 120.0) + LIMIT_S_PER_100KB.get(engine, 60.0) * size / 100_000


class ReportTimeout(BaseException):
    """Raised by the alarm in the report's own process. A BaseException, so the pipeline's
    ``except Exception`` blocks cannot swallow it."""


@contextlib.contextmanager
def _alarm(seconds: float) -> Iterator[None]:
    """Interrupt the report after ``seconds`` (SIGALRM; Python code is interrupted at once, a native
    call when it returns). Only in a main thread (worker processes, --jobs 1); Ray actors have none."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return

    def on_alarm(signum, frame):
        raise ReportTimeout

    previous = signal.signal(signal.SIGALRM, on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def process(task: Task, job: Job) -> dict[str, Any]:
    started = time.perf_counter()
    outputs = output_paths(job.out_dir, task.rel)
    record: dict[str, Any] = {
        "path": task.rel, "status": "failed", "error": None, "sha256": task.sha256,
        "settings_key": job.key, "version": job.version, "outputs": {},
    }
    written: dict[str, str] = {}
    limit = time_limit(_size(task.path), job.settings.engine, job.timeout_per_report)
    try:
        with _alarm(limit):
            report = _summarize(task.path, job.settings)
        report.path = report.path or task.path
        # A non-UTF-8 file name (lone surrogates) is escaped as \udcXX: valid JSON that reads back exactly.
        texts = {fmt: printable(text) for fmt, text in _render(report, job.formats).items()}
        for fmt, text in texts.items():
            try:
                atomic_write_text(outputs[fmt], text)
            except OSError as err:  # a full disk (ENOSPC), a read-only OUT: this report fails, the batch goes on
                raise _WriteFailed(f"cannot write {written_name(outputs[fmt], job.out_dir)}: "
                                   f"{err.strerror or err}") from None
            written[fmt] = outputs[fmt].relative_to(job.out_dir).as_posix()
        facts, english = report.facts, report.english
        record.update(status="ok", sha256=report.sha256, title=facts.title, title_en=english.title_en,
                      date=facts.event_date, published=facts.published, jurisdiction=facts.jurisdiction,
                      event_type=facts.event_type, outputs=written,
                      officials=officials_cell(to_jsonable(facts.officials)), summary_zh=facts.summary_zh,
                      summary_en=english.summary_en)
    except ModelError:
        raise  # a model that cannot load fails every report the same way: batch() stops and says so
    except SummarizeError as err:  # bad input, or (--strict) a model output the text does not support
        record["error"] = err.message
    except ReportTimeout:
        record["error"] = (f"took longer than the time limit of {limit:g} s for a report of this size "
                           "(--timeout-per-report)")
    except _WriteFailed as err:
        record["error"] = str(err)
    except Exception as err:  # one bad report must never stop the batch: record it and go on
        record["error"] = f"internal error: {type(err).__name__}: {err}"
    # Keep what this run wrote (unless it then failed) and older outputs still valid for these bytes
    # and settings (another --format); drop the rest, so what is in OUT always agrees with the index.
    ok = record["status"] == "ok"
    for fmt, path in outputs.items():
        if ok and fmt in written:
            continue
        if ok and fmt in task.keep and path.is_file():
            record["outputs"][fmt] = task.keep[fmt]
        else:
            _unlink(path)
    record["outputs"] = dict(sorted(record["outputs"].items()))
    record["elapsed_ms"] = round((time.perf_counter() - started) * 1000, 3)
    try:
        write_record(record_path(job.out_dir, task.rel), record)
    except OSError as err:
        # No record: the outputs just written cannot be trusted on the next run, so they go too and
        # the report is redone then. The index still lists it, as failed, with the reason.
        for path in outputs.values():
            with contextlib.suppress(OSError):
                _unlink(path)
        record.update(status="failed", outputs={}, error=f"cannot write its batch record: {err.strerror or err}")
    return record


class _WriteFailed(Exception):
    pass


def written_name(path: Path, out_dir: Path) -> str:
    try:
        return printable(path.relative_to(out_dir).as_posix())
    except ValueError:
        return printable(str(path))


def _size(path: str) -> int:
    try:
        return os.stat(path).st_size
    except OSError:
        return 0


def safe_process(task: Task, job: Job) -> dict[str, Any]:
    """`process`, and if even its bookkeeping fails (say, the disk is full), a failed record."""
    try:
        return process(task, job)
    except ModelError:
        raise
    except Exception as err:
        return failed_record(task, job, f"internal error: {type(err).__name__}: {err}")


def failed_record(task: Task, job: Job, error: str) -> dict[str, Any]:
    """A failure decided outside `process` (a worker that died); written like any other record when
    possible: without it the report is simply redone next time."""
    record = {"path": task.rel, "status": "failed", "error": error, "sha256": task.sha256,
              "settings_key": job.key, "version": job.version, "outputs": {}, "elapsed_ms": None}
    try:
        for path in output_paths(job.out_dir, task.rel).values():
            _unlink(path)
        write_record(record_path(job.out_dir, task.rel), record)
    except OSError:
        pass
    return record


def _summarize(path: str, settings: Settings):
    from ..api import summarize_file

    return summarize_file(path, settings)


def _render(report, formats: tuple[str, ...]) -> dict[str, str]:
    texts: dict[str, str] = {}
    if "json" in formats:
        from ..output.result import to_json

        texts["json"] = to_json(report) + "\n"
    if "md" in formats:
        from ..output.markdown import to_markdown

        texts["md"] = to_markdown(report)
    return texts


def _unlink(path: Path) -> None:
    path.unlink(missing_ok=True)


# --- worker process plumbing ---------------------------------------------------------------------

_JOB: Job | None = None


def init_worker(job: Job, workers: int = 1) -> None:
    """Pool initializer: remember the job, leave Ctrl-C to the parent, and exit if the parent dies."""
    global _JOB
    _JOB = job
    _share_cpu_threads(workers)
    # The parent handles Ctrl-C: it stops handing out work and lets running reports finish.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)  # the CLI's SIGTERM-as-Ctrl-C is for the parent only
    parent = os.getppid()
    threading.Thread(target=_watch_parent, args=(parent,), daemon=True).start()


def _share_cpu_threads(workers: int) -> None:
    """Model workers split the cores: N workers each running torch on every core thrash the CPU."""
    threads = str(max(1, (os.cpu_count() or 1) // max(1, workers)))
    for name in ("OMP_NUM_THREADS", "MKL_NUM_THREADS"):
        os.environ.setdefault(name, threads)
    torch = sys.modules.get("torch")  # already imported when the parent loaded a model before forking
    if torch is not None:
        torch.set_num_threads(int(threads))


def _watch_parent(parent: int) -> None:
    # A parent killed with SIGKILL cannot stop its workers; without this they would live on holding
    # the output folder's lock. Exiting between two checks loses at most the report in progress, whose
    # temp file the next run sweeps away.
    while os.getppid() == parent:
        time.sleep(0.5)
    os._exit(1)


def run_task(task: Task) -> dict[str, Any]:
    assert _JOB is not None, "init_worker was not called"
    return safe_process(task, _JOB)
