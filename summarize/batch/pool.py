"""Running a batch's tasks on this machine: the output folder's lock, Ctrl-C handling, and the pool of
worker processes (a worker that dies is pinned down; a report that kills it is recorded as failed)."""

from __future__ import annotations

import contextlib
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from pathlib import Path
from typing import Any

from ..config import Settings
from ..errors import ModelError, UsageError
from .records import STATE_DIR, Task
from .summary import Tally
from .worker import Job, failed_record, init_worker, run_task, safe_process

LOCK_WAIT_S = 3.0
IN_FLIGHT_PER_JOB = 4  # queued tasks per worker: enough to keep workers busy, few to cancel on Ctrl-C


def process_all(todo: list[Task], job: Job, tally: Tally) -> ModelError | None:
    """Summarize the tasks, in this process (one job) or in a pool. Returns the ModelError that
    stopped the batch, if one did; sets summary.interrupted on Ctrl-C."""
    summary, timings = tally.summary, tally.summary.timings_s
    fatal: ModelError | None = None
    t = time.perf_counter()
    try:
        with first_interrupt_stops_gently(lambda: tally.emit("stopping")) as stop:
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


@contextlib.contextmanager
def locked(out: Path) -> Iterator[None]:
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
    from ..api import summarize_file

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
def first_interrupt_stops_gently(notify: Callable[[], None] = lambda: None) -> Iterator[_StopFlag]:
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
