"""`summarize batch --ray`: the same batch, executed with Ray Data on a local runtime or a cluster.

Everything around the per-report work is the local batch's own code (summarize.batch: discovery,
planning, the output-folder lock, the index); only "run these tasks" differs. The task list becomes a
dataset (``ray.data.from_items``); ``map_batches`` with a callable class runs it on a fixed pool of
actors, each of which loads the engine once and calls the local batch's ``safe_process`` per report
(outputs, then the record, each written atomically, as in a local worker). The driver reads the records
back as they are finished, so progress, the index and the database are built from what the actors
return. See docs/scale.md.

This module imports Ray only inside functions: importing it (the local batch does, to check the option)
costs nothing.
"""

from __future__ import annotations

import contextlib
import importlib.util
import json
import logging
import os
import pickle
import signal
import sys
import threading
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import ModelError, SummarizeError, UsageError
from ..io import atomic_write_text
from .records import STATE_DIR, Task
from .worker import Job, safe_process

LOCAL = "local"  # --ray without an address: start a Ray runtime on this machine for this batch
OFF = ("", "off", "no", "none", "false")  # a `ray` setting that means the local batch
INSTALL_HINT = "install it with: pip install 'summarize[ray]'"
NODES_FILE = "ray-nodes.json"  # OUT/.summarize-batch/ray-nodes.json: which node did which report
ROWS_PER_BLOCK_MAX = 16  # a block is the unit of progress and of work lost to a Ctrl-C
BLOCKS_PER_ACTOR = 4  # enough blocks for every actor to stay busy while the driver reads results


class RayJobError(SummarizeError):
    """The Ray job itself failed (the cluster went away, Ray Data gave up on a block)."""


def ray_address(option: str | None, setting: str | None) -> str | None:
    """The Ray address to run on (``LOCAL`` for a runtime of our own), or None for the local batch.

    ``option`` is --ray (``LOCAL`` when given without an address), ``setting`` the ``ray`` setting.
    Raises UsageError for a malformed address, or when Ray is asked for and not installed.
    """
    chosen = option if option is not None else setting
    if chosen is None or chosen.strip().lower() in OFF:
        return None
    address = chosen.strip()
    if not _looks_like_address(address):
        raise UsageError(f"--ray ADDRESS must be 'auto', 'local', ray://HOST:PORT or HOST:PORT, "
                         f"not {address!r}")
    if importlib.util.find_spec("ray") is None:  # a spec check, so the local batch never imports Ray
        raise UsageError(f"--ray needs Ray (ray[data]), which is not installed; {INSTALL_HINT}")
    return address


def _looks_like_address(address: str) -> bool:
    if address in (LOCAL, "auto"):
        return True
    host, _, port = address.removeprefix("ray://").rpartition(":")
    return bool(host) and port.isdigit() and "/" not in host


@dataclass(frozen=True)
class Pool:
    """How the actors are sized: how many, and what each one reserves."""

    actors: int
    num_cpus: float
    num_gpus: float


def plan_pool(asked: int | None, engine: str, device: str, todo: int, cpus: float, gpus: float,
              node_cpus: float) -> Pool:
    """Actors for ``todo`` reports on a cluster with ``cpus``/``gpus`` in all and ``node_cpus`` on its
    smallest node. ``asked`` is --jobs (or the `jobs` setting), None for the default.

    Rules engine: one CPU per actor, by default as many actors as CPUs. Model engine: one GPU per actor
    when the cluster has GPUs (and the device is not forced to the CPU), by default one per GPU;
    without GPUs, by default one actor that may use a whole node's cores (torch threads). Never more
    actors than reports, nor than the cluster can place (Ray would wait for them for ever).
    """
    todo = max(1, todo)
    if engine == "rules":
        fit = max(1, int(cpus))
        return Pool(max(1, min(asked or fit, fit, todo)), 1.0, 0.0)
    if gpus >= 1 and device in ("auto", "cuda"):
        fit = int(gpus)
        return Pool(max(1, min(asked or fit, fit, todo)), 1.0, 1.0)
    actors = max(1, min(asked or 1, max(1, int(cpus)), todo))
    per_actor = max(1.0, min(float(int(node_cpus)), float(int(cpus) // actors)))
    return Pool(actors, per_actor, 0.0)


class ReportActor:
    """A Ray Data callable class: one per actor. Loads the engine once (in ``__init__``, by summarizing
    one real report and throwing the result away, as the local batch's warm-up does), then writes each
    report of every batch it is given, and returns the records (pickled: exact, whatever the file
    names) with the id of the node that did the work."""

    def __init__(self, job: Job, cwd: str, warm_up_path: str | None):
        import ray

        # Report paths are as the driver found them (relative when DIR was given relatively) and go
        # into the results as such; the same folder on every node (shared storage) keeps them valid.
        if os.path.isdir(cwd):
            os.chdir(cwd)
        self.job = job
        self.node = ray.get_runtime_context().get_node_id()
        self.fatal: str | None = None
        if warm_up_path is not None:
            from ..api import summarize_file

            try:
                summarize_file(warm_up_path, job.settings)
            except ModelError as err:  # every report would fail alike: tell the driver, which stops
                self.fatal = err.message
            except Exception:  # a bad file: its own task records why; the engine loads on first use
                pass

    def __call__(self, batch: dict[str, Any]) -> dict[str, list[Any]]:
        records: list[bytes] = []
        fatal: list[str] = []  # "" = none (a null would come back as NaN in a numpy batch)
        for blob in batch["task"]:
            task: Task = pickle.loads(blob)
            if self.fatal is None:
                try:
                    records.append(pickle.dumps(safe_process(task, self.job)))
                    fatal.append("")
                    continue
                except ModelError as err:
                    self.fatal = err.message
            records.append(b"")
            fatal.append(self.fatal or "model error")
        return {"record": records, "fatal": fatal, "node": [self.node] * len(records)}


def process_all_on_ray(todo: list[Task], job: Job, tally: Any, address: str, asked: int | None
                       ) -> SummarizeError | None:
    """The Ray counterpart of pool.process_all: summarize ``todo`` on Ray, feeding each returned
    record to ``tally`` (a summary.Tally). Returns the error that stopped the batch, if one did; sets
    summary.interrupted on Ctrl-C (or SIGTERM in the CLI)."""
    from .pool import first_interrupt_stops_gently

    summary, timings = tally.summary, tally.summary.timings_s
    if not todo:  # everything is up to date: no reason to pay for starting Ray
        timings["warm_up"] = timings["process"] = 0.0
        tally.emit("start")
        return None
    fatal: SummarizeError | None = None
    nodes: dict[str, str] = {}
    started_here = False
    t = time.perf_counter()
    # Ray's driver threads print worker and raylet lines ("(raylet) Task … failed") on sys.stdout,
    # which carries the batch's JSON summary when piped: they go to standard error instead.
    with contextlib.redirect_stdout(sys.stderr):
        try:
            ray, started_here = _connect(address, asked)
            timings["warm_up"] = time.perf_counter() - t  # Ray's fixed cost: starting or joining the runtime
            t = time.perf_counter()
            with first_interrupt_stops_gently(lambda: tally.emit("stopping")) as stop:
                pool = _pool_for(ray, job, asked, len(todo))
                summary.jobs = pool.actors
                tally.emit("start")
                fatal = _run(ray, todo, job, pool, tally, stop, nodes)
            summary.interrupted = stop.set
        except KeyboardInterrupt:  # the second Ctrl-C (or one while the runtime was starting)
            summary.interrupted = True
        except ModuleNotFoundError as err:  # ray[data] without its data extras, say
            fatal = UsageError(f"--ray: {err}; {INSTALL_HINT}")
        finally:
            summary.process_s = timings["process"] = time.perf_counter() - t
            if started_here:
                _disconnect()
    if nodes:
        _write_nodes(job.out_dir, address, nodes)
    return fatal


def _run(ray: Any, todo: list[Task], job: Job, pool: Pool, tally: Any, stop: Any,
         nodes: dict[str, str]) -> SummarizeError | None:
    rows = max(1, min(ROWS_PER_BLOCK_MAX, len(todo) // (pool.actors * BLOCKS_PER_ACTOR)))
    items = [{"task": pickle.dumps(task)} for task in todo]
    dataset = ray.data.from_items(items, override_num_blocks=-(-len(items) // rows))
    results = dataset.map_batches(
        ReportActor,
        fn_constructor_kwargs={"job": job, "cwd": os.getcwd(), "warm_up_path": todo[0].path},
        compute=ray.data.ActorPoolStrategy(size=pool.actors),
        batch_size=rows,
        num_cpus=pool.num_cpus,
        num_gpus=pool.num_gpus or None,
        # Ray Data's defaults restart an actor whose node is lost and retry its batch elsewhere.
    )
    iterator = iter(results.iter_batches(batch_size=None, batch_format="numpy"))
    try:
        while not stop.stopping():
            try:
                batch = next(iterator)
            except StopIteration:
                return None
            for blob, fatal, node in zip(batch["record"], batch["fatal"], batch["node"], strict=True):
                if fatal:
                    return ModelError(str(fatal))
                record = pickle.loads(blob)
                nodes[record["path"]] = str(node)
                tally.finished(record)
        return None
    except KeyboardInterrupt:
        raise
    except Exception as err:
        if stop.set:  # the job was torn down because we asked it to stop
            return None
        return RayJobError(f"the Ray job failed: {_last_line(err)}")
    finally:
        close = getattr(iterator, "close", None)
        if close is not None:
            close()  # stops the streaming execution and its actors


def _connect(address: str, asked: int | None) -> tuple[Any, bool]:
    """Import Ray and start or join the runtime; True when this call started the connection (then
    we disconnect at the end). A runtime the caller already holds (ray.init in a notebook) is used
    as it is."""
    try:
        import ray
        import ray.data  # noqa: F401  (ray without the [data] extra has no ray.data dependencies)
    except ImportError as err:
        raise ModuleNotFoundError(f"Ray Data cannot be imported ({err})") from None
    _quiet_ray()
    if ray.is_initialized():
        return ray, False
    options: dict[str, Any] = {"logging_level": logging.ERROR, "log_to_driver": False}
    if address == LOCAL:
        from .pool import cpu_count

        options.update(address="local", num_cpus=max(cpu_count(), asked or 0), include_dashboard=False)
    else:
        _check_reachable(address)
        options["address"] = address
    # ray.init installs its own SIGTERM handler; the CLI's (SIGTERM stops the batch like Ctrl-C) stays.
    in_main = threading.current_thread() is threading.main_thread()
    sigterm = signal.getsignal(signal.SIGTERM) if in_main else None
    try:
        ray.init(**options)
    except ImportError as err:  # a ray:// address needs the Ray Client's gRPC
        raise UsageError(f"cannot join Ray at {address!r}: {_last_line(err)}; a ray:// address needs "
                         "the Ray Client: pip install 'ray[client]'") from None
    except (ConnectionError, ValueError, RuntimeError) as err:
        raise UsageError(f"cannot start or join Ray at {address!r}: {_last_line(err)}") from None
    finally:
        if in_main and sigterm is not None:
            signal.signal(signal.SIGTERM, sigterm)
    return ray, True


def _check_reachable(address: str) -> None:
    """A HOST:PORT nobody listens on would keep ray.init retrying for minutes: say so at once."""
    if address == "auto" or address.startswith("ray://"):
        return  # "auto" is looked up by Ray; the Ray Client reports its own connection errors quickly
    import socket

    host, _, port = address.rpartition(":")
    try:
        socket.create_connection((host.strip("[]"), int(port)), timeout=10).close()
    except OSError as err:
        raise UsageError(f"cannot reach a Ray cluster at {address!r}: {err.strerror or err}") from None


def _disconnect() -> None:
    import ray

    ray.shutdown()  # stops a runtime we started; only disconnects from a cluster


def _quiet_ray() -> None:
    """No Ray Data progress bars or execution banners: the driver shows its own progress."""
    from ray.data import DataContext

    context = DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    # Ray's start-up notices (token authentication, "progress bars disabled") are not the user's business.
    for name in ("ray", "ray.data._internal.progress"):
        logging.getLogger(name).setLevel(logging.ERROR)
    # Ray Data logs each execution to the terminal and to its session log: keep the log, quiet the terminal.
    for handler in logging.getLogger("ray.data").handlers:
        if not isinstance(handler, logging.FileHandler):
            handler.setLevel(logging.WARNING)


def _pool_for(ray: Any, job: Job, asked: int | None, todo: int) -> Pool:
    resources = ray.cluster_resources()
    node_cpus = [n.get("Resources", {}).get("CPU", 0.0) for n in ray.nodes() if n.get("Alive")]
    return plan_pool(asked, job.settings.engine, job.settings.device, todo,
                     resources.get("CPU", 1.0), resources.get("GPU", 0.0),
                     min((c for c in node_cpus if c), default=1.0))


def _write_nodes(out_dir: Path, address: str, nodes: dict[str, str]) -> None:
    """Which Ray node summarized which report in this run (for debugging a cluster; not an output)."""
    data = {"address": address, "nodes": dict(sorted(Counter(nodes.values()).items())),
            "reports": dict(sorted(nodes.items()))}
    with contextlib.suppress(OSError):  # a debugging aid must never fail the batch
        atomic_write_text(out_dir / STATE_DIR / NODES_FILE,
                          json.dumps(data, ensure_ascii=True, indent=1) + "\n")


def _last_line(err: BaseException) -> str:
    """Ray's errors carry the remote traceback first and the message last."""
    text = str(err).strip().splitlines()
    return (text[-1] if text else type(err).__name__)[:300]
