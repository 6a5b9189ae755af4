"""Summarize every report in a directory: in parallel, resumably, safely.

``batch(DIR)`` finds the reports under DIR, skips those whose outputs are up to date, summarizes the
rest in worker processes, and rebuilds OUT/index.jsonl and OUT/index.csv from the per-report records.
The layout and the rules are documented in docs/batch.md.

Modules: discover (which files are reports, the output folder), records (per-report records, the
index, planning what to resume), worker (one report: outputs, record, time limit), pool (the lock,
Ctrl-C, worker processes), ray (the same batch on Ray Data; Ray is imported only when asked for),
summary (BatchSummary and the progress events).
"""

from __future__ import annotations

import os
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from .summary import BatchInterrupted, BatchSummary, Failure, ProgressCallback, ProgressEvent

if TYPE_CHECKING:
    from ..config import Settings

__all__ = ["FORMATS", "BatchInterrupted", "BatchSummary", "Failure", "ProgressCallback", "ProgressEvent", "batch"]

FORMATS = ("json", "md")


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
    runtime started for it, ``"auto"`` or an address on an existing cluster (summarize.batch.ray).

    A file symlink whose target is outside ``input_dir`` is not read (status "skipped", reason
    SYMLINK_OUTSIDE) unless ``follow_external_symlinks``. ``timeout_per_report``: seconds one report
    may take (0: no limit; None: the default, which grows with the report's size, worker.time_limit).
    """
    # Imported here, not at the top: summarize.database imports batch.records, and batch.worker imports
    # summarize.database, so loading one submodule must not load the whole batch.
    from .. import __version__
    from ..config import load_settings
    from ..errors import SummarizeError, UsageError
    from .discover import check_input_dir, check_out_dir, default_out_dir, discover_reports
    from .pool import locked, process_all, resolve_jobs
    from .ray import ray_address  # imports no Ray
    from .records import (
        plan,
        printable,
        refused_records,
        release_reserve,
        reserve_index_space,
        settings_key,
        sweep_temp_files,
        write_index,
    )
    from .summary import Tally
    from .worker import Job

    started = time.perf_counter()
    settings = settings if settings is not None else load_settings()
    chosen_formats = _check_formats(formats)
    resolve_jobs(jobs, settings, 1)  # bad values are usage errors before anything is written
    if timeout_per_report is not None and not timeout_per_report >= 0:
        raise UsageError(f"--timeout-per-report must be 0 (no limit) or more seconds, not {timeout_per_report}")
    address = ray_address(ray, settings.ray)
    source = check_input_dir(input_dir)
    out = check_out_dir(Path(out_dir) if out_dir is not None else default_out_dir(source))
    summary = BatchSummary(input_dir=str(source), out_dir=str(out))
    timings = summary.timings_s

    t = time.perf_counter()
    found = discover_reports(source, out, globs, follow_external_symlinks)
    reports = found.reports
    timings["discover"] = time.perf_counter() - t
    summary.total = len(reports)

    out.mkdir(parents=True, exist_ok=True)
    with locked(out):
        sweep_temp_files(out)
        key = settings_key(settings.model_settings_key(), __version__)
        job = Job(settings=settings, out_dir=out, formats=chosen_formats, key=key, version=__version__,
                  timeout_per_report=timeout_per_report)

        t = time.perf_counter()
        records, todo = plan(reports, job, force)
        summary.skipped = len(records)
        refused = refused_records(found.refused, job)
        summary.refused = [Failure(printable(r["path"]), r["error"]) for r in refused.values()]
        timings["plan"] = time.perf_counter() - t
        reserve = reserve_index_space(out, len(reports) + len(refused))

        summary.jobs = resolve_jobs(jobs, settings, len(todo))
        tally = Tally(summary, records, len(todo), progress)
        if address is None:
            fatal: SummarizeError | None = process_all(todo, job, tally)  # emits "start" once work can begin
        else:
            from .ray import process_all_on_ray

            fatal = process_all_on_ray(todo, job, tally, address, jobs or settings.jobs or None)

        t = time.perf_counter()
        records.update(refused)
        ordered = sorted((records[rel] for rel in {rel for _path, rel in reports} | set(refused) if rel in records),
                         key=lambda record: record["path"])
        release_reserve(reserve)
        jsonl, csv_path = write_index(out, ordered)
        summary.index_jsonl, summary.index_csv = str(jsonl), str(csv_path)
        timings["index"] = time.perf_counter() - t
        if database:  # inside the lock, from the same records as the index
            from ..database.write import sync_database

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


def _check_formats(formats: Sequence[str]) -> tuple[str, ...]:
    from ..errors import UsageError

    chosen = tuple(dict.fromkeys(formats))
    unknown = [f for f in chosen if f not in FORMATS]
    if unknown or not chosen:
        raise UsageError(f"formats must be some of {', '.join(FORMATS)}, not {list(formats)!r}")
    return chosen
