"""Summarize every report in a directory: in parallel, resumably, safely.

``batch(DIR)`` finds the reports under DIR, skips those whose outputs are up to date, summarizes the
rest in worker processes, and rebuilds OUT/index.jsonl and OUT/index.csv from the per-report records.
The layout and the rules are documented in docs/batch.md.
"""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any

from . import __version__
from .batch_files import (
    STATE_DIR,
    Discovery,
    check_input_dir,
    check_out_dir,
    default_out_dir,
    discover,
    output_paths,
    record_path,
    sweep_temp_files,
)
from .batch_index import (
    INDEX_CSV,
    INDEX_JSONL,
    file_sha256,
    is_up_to_date,
    printable,
    read_record,
    settings_key,
    still_valid_outputs,
    write_index,
)
from .batch_worker import Job, Task, failed_record, init_worker, run_task, safe_process
from .config import Settings, load_settings
from .errors import EXIT_FAILED, EXIT_OK, ModelError, SummarizeError, UsageError

FORMATS = ("json", "md")
LOCK_WAIT_S = 3.0
IN_FLIGHT_PER_JOB = 4  # queued tasks per worker: enough to keep workers busy, few to cancel on Ctrl-C


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


def batch(input_dir: str | os.PathLike[str], out_dir: str | os.PathLike[str] | None = None, *,
          settings: Settings | None = None, jobs: int | None = None, globs: Sequence[str] | None = None,
          force: bool = False, formats: Sequence[str] = FORMATS,
          progress: ProgressCallback | None = None, ray: str | None = None,
          database: bool = True, follow_external_symlinks: bool = False,
          timeout_per_report: float | None = None) -> BatchSummary:
    """Summarize every report under ``input_dir`` into ``out_dir`` (default: DIR-summaries beside DIR).

    Raises UsageError for a missing input directory, one that is a file, or bad arguments; one report
    that fails is recorded in the summary and the batch goes on. A ModelError (the model cannot be
    found, loaded or run) would fail every report alike, so it stops the batch and is raised after the
    index of what is done is written. Raises BatchInterrupted on Ctrl-C. ``database`` also writes
    OUT/summaries.db from the same records as the index (summarize.database).

    ``ray`` (default: the ``ray`` setting) runs the same batch with Ray Data: ``"local"`` on a Ray
    runtime started for it, ``"auto"`` or an address on an existing cluster (summarize.batch_ray).

    A file symlink whose target is outside ``input_dir`` is not read (status "skipped", reason
    SYMLINK_OUTSIDE) unless ``follow_external_symlinks``. ``timeout_per_report``: seconds one report
    may take (0: no limit; None: the default, which grows with the report's size, batch_worker.time_limit).
    """
    started = time.perf_counter()
    settings = settings if settings is not None else load_settings()
    chosen_formats = _check_formats(formats)
    resolve_jobs(jobs, settings, 1)  # bad values are usage errors before anything is written
    if timeout_per_report is not None and not timeout_per_report >= 0:
        raise UsageError(f"--timeout-per-report must be 0 (no limit) or more seconds, not {timeout_per_report}")
    from .batch_ray import ray_address  # imports no Ray

    address = ray_address(ray, settings.ray)
    source = check_input_dir(input_dir)
    out = check_out_dir(Path(out_dir) if out_dir is not None else default_out_dir(source))
    summary = BatchSummary(input_dir=str(source), out_dir=str(out))
    timings = summary.timings_s

    t = time.perf_counter()
    found = _discover(source, out, globs, follow_external_symlinks)
    reports = found.reports
    timings["discover"] = time.perf_counter() - t
    summary.total = len(reports)

    out.mkdir(parents=True, exist_ok=True)
    with _locked(out):
        sweep_temp_files(out)
        key = settings_key(settings.model_settings_key(), __version__)
        job = Job(settings=settings, out_dir=out, formats=chosen_formats, key=key, version=__version__,
                  timeout_per_report=timeout_per_report)

        t = time.perf_counter()
        records, todo = _plan(reports, job, force)
        summary.skipped = len(records)
        refused = _refused_records(found.refused, job)
        summary.refused = [Failure(printable(r["path"]), r["error"]) for r in refused.values()]
        timings["plan"] = time.perf_counter() - t
        reserve = _reserve_index_space(out, len(reports) + len(refused))

        summary.jobs = resolve_jobs(jobs, settings, len(todo))
        tally = _Tally(summary, records, len(todo), progress)
        if address is None:
            fatal: SummarizeError | None = _process_all(todo, job, tally)  # emits "start" once work can begin
        else:
            from .batch_ray import process_all_on_ray

            fatal = process_all_on_ray(todo, job, tally, address, jobs or settings.jobs or None)

        t = time.perf_counter()
        records.update(refused)
        ordered = sorted((records[rel] for rel in {rel for _path, rel in reports} | set(refused) if rel in records),
                         key=lambda record: record["path"])
        _release(reserve)
        jsonl, csv_path = write_index(out, ordered)
        summary.index_jsonl, summary.index_csv = str(jsonl), str(csv_path)
        timings["index"] = time.perf_counter() - t
        if database:  # inside the lock, from the same records as the index
            from .database.write import sync_database

            t = time.perf_counter()
            summary.database = str(sync_database(out, ordered).path)
            timings["database"] = time.perf_counter() - t

    summary.failures.sort(key=lambda f: f.path)
    summary.elapsed_s = time.perf_counter() - started
    tally.emit("end")
    if fatal is not None:
        raise fatal
    if summary.interrupted:
        raise BatchInterrupted(summary)
    return summary


def _refused_records(refused: list[tuple[str, str]], job: Job) -> dict[str, dict[str, Any]]:
    """Index rows for files found but not read. Outputs an older version wrote for them (the content
    of a symlink's target) are removed, so OUT never keeps what it should not have read."""
    records: dict[str, dict[str, Any]] = {}
    for rel, reason in refused:
        for path in (*output_paths(job.out_dir, rel).values(), record_path(job.out_dir, rel)):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        records[rel] = {"path": rel, "status": "skipped", "error": reason, "sha256": None,
                        "settings_key": job.key, "version": job.version, "outputs": {}}
    return records


# Room kept for the index on a disk that fills up during the batch (ENOSPC): a file of about the
# index's size is allocated before the work and freed just before the index is written.
INDEX_BYTES_PER_REPORT = 2048  # seeds measure ~600 bytes for both index files together
RESERVE_NAME = "index-reserve"


def _reserve_index_space(out: Path, reports: int) -> Path | None:
    path = out / STATE_DIR / RESERVE_NAME
    size = 16384 + INDEX_BYTES_PER_REPORT * reports
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    except OSError:
        return None
    try:
        os.posix_fallocate(fd, 0, size)
    except (OSError, AttributeError):  # no room even now, or no fallocate: go on without a reserve
        os.close(fd)
        _release(path)
        return None
    os.close(fd)
    return path


def _release(reserve: Path | None) -> None:
    if reserve is not None:
        with contextlib.suppress(OSError):
            reserve.unlink()


def _plan(reports: list[tuple[Path, str]], job: Job, force: bool) -> tuple[dict[str, dict[str, Any]], list[Task]]:
    """Split the reports into up-to-date ones (their records) and the tasks still to do."""
    records: dict[str, dict[str, Any]] = {}
    todo: list[Task] = []
    for path, rel in reports:
        sha = _hash_or_none(path, job.settings.max_bytes)
        record = None if force else read_record(record_path(job.out_dir, rel))
        if record is not None and is_up_to_date(record, sha, job.key, job.formats, job.out_dir):
            records[rel] = record
        else:
            todo.append(Task(str(path), rel, sha, keep=still_valid_outputs(record, sha, job.key)))
    return records, todo


class _Tally:
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


def _process_all(todo: list[Task], job: Job, tally: _Tally) -> ModelError | None:
    """Summarize the tasks, in this process (one job) or in a pool. Returns the ModelError that
    stopped the batch, if one did; sets summary.interrupted on Ctrl-C."""
    summary, timings = tally.summary, tally.summary.timings_s
    fatal: ModelError | None = None
    t = time.perf_counter()
    try:
        with _first_interrupt_stops_gently(lambda: tally.emit("stopping")) as stop:
            context = _pool_context(job.settings, todo) if summary.jobs > 1 else None
            timings["warm_up"] = time.perf_counter() - t
            t = time.perf_counter()
            if summary.jobs <= 1:
                tally.emit("start")
                for task in todo:
                    if stop.stopping():
                        break
                    tally.finished(safe_process(task, job))
            else:
                # "start" only once the workers exist: a progress display may start a thread, and
                # forking while another thread holds a lock (stderr's, say) can hang a worker.
                _run_pool(todo, job, summary.jobs, context, tally.finished, stop,
                          started=lambda: tally.emit("start"))
        summary.interrupted = stop.set
    except KeyboardInterrupt:  # the second Ctrl-C
        summary.interrupted = True
    except ModelError as err:
        fatal = err
    summary.process_s = timings["process"] = time.perf_counter() - t
    return fatal


def resolve_jobs(jobs: int | None, settings: Settings, todo: int) -> int:
    """--jobs, else settings.jobs, else the CPU count; a model engine gets 1 unless asked (each worker
    would load its own copy of the model)."""
    if jobs is not None and jobs < 0:
        raise UsageError(f"--jobs must be 0 (auto) or more, not {jobs}")
    if settings.jobs < 0:
        raise UsageError(f"setting 'jobs' must be 0 (auto) or more, not {settings.jobs}")
    chosen = jobs or settings.jobs
    if not chosen:
        chosen = 1 if settings.engine != "rules" else cpu_count()
    return max(1, min(chosen, todo))


def cpu_count() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def _check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    chosen = tuple(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UsageError(f"formats must be some of {', '.join(FORMATS)}, not {list(formats)!r}")
    return chosen


def _discover(source: Path, out: Path, globs: Sequence[str] | None, follow_external_symlinks: bool) -> Discovery:
    """The reports under DIR. An --out inside DIR (or DIR itself) is read like any folder, except for
    what a batch wrote there (its state folder, index, database, and the outputs it has records for):
    a folder of reports named as --out keeps its reports."""
    same = out.resolve() == source.resolve()
    found = discover(source, globs, out_dir=None if same else out,
                     follow_external_symlinks=follow_external_symlinks)
    if same:  # --out DIR: leave our own outputs and index out, also before the first record exists
        names = {rel for _path, rel in found.reports}
        found.reports = [(p, rel) for p, rel in found.reports
                         if rel not in (INDEX_JSONL, INDEX_CSV)
                         and not (rel.endswith(".json") and rel[:-5] in names)
                         and not (rel.endswith(".md") and rel[:-3] in names)]
    return found


def _hash_or_none(path: Path, max_bytes: int) -> str | None:
    try:
        if path.stat().st_size > max_bytes:
            return None  # it will be refused anyway; do not read a huge file twice
        return file_sha256(path)
    except OSError:
        return None


@contextlib.contextmanager
def _locked(out: Path) -> Iterator[None]:
    """One batch at a time per output folder. The lock dies with the process (even on SIGKILL)."""
    state = out / STATE_DIR
    _refuse_symlinked_state(state)
    state.mkdir(parents=True, exist_ok=True)
    _refuse_symlinked_state(state)  # a link planted between the check and mkdir
    lock_path = state / "lock"
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks; run one batch per folder
        yield
        return
    try:
        fd = os.open(lock_path, os.O_WRONLY | os.O_CREAT | os.O_APPEND | os.O_NOFOLLOW, 0o666)
    except OSError as err:
        raise UsageError(f"cannot open the batch's lock file: {err.strerror}", path=str(lock_path)) from None
    with os.fdopen(fd, "a") as fh:
        # Workers of a batch whose parent was just killed hold the lock until they notice (under a
        # second), so wait a little before calling it a second batch.
        deadline = time.monotonic() + LOCK_WAIT_S
        while True:
            try:
                fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise UsageError("another batch is writing to this output folder", path=str(out)) from None
                time.sleep(0.1)
        try:
            yield
        finally:
            fcntl.flock(fh, fcntl.LOCK_UN)


def _refuse_symlinked_state(state: Path) -> None:
    """The records and the lock live in OUT/.summarize-batch; a symlink planted there (an extracted
    archive, another user) would make the batch write wherever it points."""
    for path in (state, state / "records", state / "lock"):
        if path.is_symlink():
            raise UsageError("the batch's state folder (or its records or lock) is a symlink; "
                             "refusing to write through it", path=str(path))


def _warm_up(settings: Settings, todo: list[Task]) -> None:
    """Load the rules pipeline (dictionaries, segmenter, glossaries) once in the parent: forked workers
    inherit it instead of each paying for it. Real reports from the batch load what a real report
    needs; their results are thrown away (the workers redo them)."""
    from .api import summarize_file

    for task in todo[:3]:
        try:
            summarize_file(task.path, settings)
            return
        except Exception:  # a bad file: try the next; problems show up per report in the real run
            continue


def _pool_context(settings: Settings, todo: list[Task]):
    # fork shares the warmed-up pipeline with the workers for free; a model engine would not survive it.
    if sys.platform == "linux" and settings.engine == "rules":
        _warm_up(settings, todo)
        return multiprocessing.get_context("fork")
    return None


def _run_pool(todo: list[Task], job: Job, jobs: int, context: Any,
              finished: Callable[[dict[str, Any]], None], stop: _StopFlag,
              started: Callable[[], None] = lambda: None) -> None:
    """Run the tasks in a process pool, keeping a few in flight per worker.

    A worker that dies (a crash in native code, the OOM killer) breaks the pool: the reports that were
    in flight are redone one at a time in a fresh pool, so the one that kills it is pinned down and
    recorded as failed while the others succeed. When ``stop`` is set (Ctrl-C), no more work is handed
    out, what has not started is cancelled, and what is running finishes and counts. ``started`` is
    called once the first pool's workers are running.
    """
    pending: deque[tuple[Task, bool]] = deque((task, False) for task in todo)  # (task, run it alone)
    running: dict[Future, tuple[Task, bool]] = {}
    executor: ProcessPoolExecutor | None = None
    announced = False
    try:
        while (pending and not stop.stopping()) or running:
            if executor is None:
                executor = ProcessPoolExecutor(jobs, mp_context=context, initializer=init_worker,
                                               initargs=(job, jobs))
            while pending and not stop.stopping() and len(running) < jobs * IN_FLIGHT_PER_JOB:
                task, alone = pending[0]
                if running and (alone or any(a for _t, a in running.values())):
                    break
                pending.popleft()
                running[executor.submit(run_task, task)] = (task, alone)
            if not announced:  # with fork, the first submit has started every worker
                announced = True
                started()
            if stop.stopping():
                for future in running:
                    future.cancel()  # only succeeds for work no worker has picked up yet
            # A timeout, so a Ctrl-C is noticed even while every worker is busy.
            done, _ = wait(running, timeout=0.25, return_when=FIRST_COMPLETED)
            broken = False
            for future in done:
                task, alone = running.pop(future)
                if future.cancelled():
                    continue
                try:
                    finished(future.result())
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        finished(failed_record(task, job, "the worker process died while summarizing it"))
                    else:
                        pending.appendleft((task, True))
                except ModelError:
                    raise
                except Exception as err:  # e.g. a result that could not be sent back
                    finished(failed_record(task, job, f"internal error: {type(err).__name__}: {err}"))
            if broken:
                for future, (task, _alone) in running.items():
                    future.cancel()
                    pending.appendleft((task, True))
                running.clear()
                executor.shutdown(wait=True, cancel_futures=True)
                # The next pool forks while a progress display may be running: a small risk taken
                # only after a worker has already died, to keep the warmed-up pipeline.
                executor = None
    except KeyboardInterrupt:
        # A second Ctrl-C stops at once: the workers are killed rather than waited for, so no report
        # in flight can write its outputs or record after the index (it is redone next time; a temp
        # file it leaves is swept by the next run).
        if executor is not None:
            _kill_workers(executor)
        raise
    finally:
        if executor is not None:
            executor.shutdown(wait=True, cancel_futures=True)


def _kill_workers(executor: ProcessPoolExecutor) -> None:
    processes = dict(getattr(executor, "_processes", None) or {})  # no public API for this
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.kill()
    for process in processes.values():
        with contextlib.suppress(Exception):
            process.join(5)


class _StopFlag:
    """Set by the Ctrl-C handler; read by the processing loops, which also tell the progress callback
    (from the loop, never from inside the signal handler, which may have interrupted a write)."""

    def __init__(self, notify: Callable[[], None]):
        self.set = False
        self._told = False
        self._notify = notify

    def stopping(self) -> bool:
        if self.set and not self._told:
            self._told = True
            self._notify()
        return self.set


@contextlib.contextmanager
def _first_interrupt_stops_gently(notify: Callable[[], None] = lambda: None) -> Iterator[_StopFlag]:
    """The first Ctrl-C sets a flag: the batch stops handing out work and lets running reports finish,
    so the bookkeeping is never cut in half. A second Ctrl-C raises KeyboardInterrupt at once."""
    flag = _StopFlag(notify)
    if threading.current_thread() is not threading.main_thread():
        yield flag
        return

    def handler(signum, frame):
        if flag.set:
            raise KeyboardInterrupt
        flag.set = True

    previous = signal.signal(signal.SIGINT, handler)
    try:
        yield flag
    finally:
        signal.signal(signal.SIGINT, previous)
