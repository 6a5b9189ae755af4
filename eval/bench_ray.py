"""`summarize batch --ray` against the local batch on the same 1,000 generated reports (rules engine).

Usage:
    python eval/bench_ray.py                          # 1,000 reports, --jobs 2, a Ray runtime of its own
    python eval/bench_ray.py --count 300 --json eval/results/bench_ray.json
    python eval/bench_ray.py --address 127.0.0.1:6379 # on a running cluster (--jobs: actors)

Ray has a fixed cost a local batch does not: starting (or joining) the runtime, then starting the
actors, each loading the pipeline. It is measured apart from the throughput:

- ``runtime_start_s``: ``ray.init`` (starting a local runtime, or joining the cluster);
- ``job_start_s``: a batch of two reports on that runtime: the actors start, load the pipeline and
  summarize two reports; what every `--ray` batch pays before its throughput counts;
- ``steady_rate``: reports/s of the 1,000-report batch with the job start-up taken off;
- ``wall_rate``: reports/s as a user of ``summarize batch --ray`` sees it (runtime start included).

The local batch (``--jobs 2``, worker processes) runs first, before Ray starts, so its forked workers
never inherit Ray's threads; its ``processing_rate`` leaves out its own warm-up, like ``steady_rate``.

Rates depend on what else runs on the machine, and the two runs happen one after the other, so the
bench also reports CPU milliseconds per report: of the driver and every process under it (the local
batch's workers; with a local Ray runtime, Ray's own processes and the actors, sampled while they run),
which does not depend on the load (``cpu_ratio``: Ray's CPU per report over the local batch's).
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import platform
import resource
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from summarize import __version__  # noqa: E402
from summarize.batch import batch  # noqa: E402
from summarize.batch.pool import cpu_count  # noqa: E402
from summarize.config import Settings  # noqa: E402
from summarize.evaluation.corpus import generate_corpus  # noqa: E402


def bench(count: int, jobs: int, address: str | None, workdir: Path) -> dict:
    import shutil

    corpus = generate_corpus(workdir / "reports", count, broken_share=0.0, with_ignored=False)
    tiny = workdir / "tiny"
    tiny.mkdir()
    for entry in corpus.files[:2]:
        shutil.copy(corpus.root / entry.rel, tiny / Path(entry.rel).name)
    settings = Settings()  # defaults: no user config file changes what is measured

    cpu = _own_and_children_cpu()
    started = time.perf_counter()
    local = batch(corpus.root, workdir / "local", settings=settings, jobs=jobs)
    local_wall = time.perf_counter() - started
    local_cpu = _own_and_children_cpu() - cpu

    import ray

    started = time.perf_counter()
    if address:
        ray.init(address=address, logging_level="ERROR", log_to_driver=False)
    else:
        ray.init(num_cpus=max(jobs, cpu_count()), include_dashboard=False, logging_level="ERROR",
                 log_to_driver=False)
    runtime_start = time.perf_counter() - started
    try:
        on_ray = address or "local"  # batch() uses the runtime initialized here
        started = time.perf_counter()
        batch(tiny, workdir / "tiny-out", settings=settings, jobs=jobs, ray=on_ray)
        job_start = time.perf_counter() - started
        tree = _TreeCPU()
        with tree.sampling():
            started = time.perf_counter()
            remote = batch(corpus.root, workdir / "ray", settings=settings, jobs=jobs, ray=on_ray)
            ray_wall = time.perf_counter() - started
        nodes = len([n for n in ray.nodes() if n.get("Alive")])
    finally:
        ray.shutdown()

    steady = count / max(1e-9, ray_wall - job_start)
    local_cpu_ms, ray_cpu_ms = local_cpu / count * 1000, tree.seconds / count * 1000
    return {
        "version": __version__,
        "ray_version": ray.__version__,
        "python": platform.python_version(),
        "cpus": cpu_count(),
        "address": address or "local runtime",
        "nodes": nodes,
        "reports": count,
        "jobs": jobs,
        "local": {"wall_s": round(local_wall, 3), "wall_rate": round(count / local_wall, 1),
                  "processing_rate": round(local.rate, 1), "cpu_ms_per_report": round(local_cpu_ms, 2),
                  "failed": local.failed},
        "ray": {"runtime_start_s": round(runtime_start, 3), "job_start_s": round(job_start, 3),
                "wall_s": round(ray_wall, 3), "steady_rate": round(steady, 1),
                "wall_rate": round(count / (runtime_start + ray_wall), 1), "actors": remote.jobs,
                # With --address the cluster's processes are not under this one: not measured.
                "cpu_ms_per_report": None if address else round(ray_cpu_ms, 2), "failed": remote.failed},
        # Throughput of Ray against the local batch once both are running; then end to end.
        "steady_ratio": round(steady / local.rate, 3) if local.rate else None,
        "wall_ratio": round(local_wall / (runtime_start + ray_wall), 3),
        "cpu_ratio": None if address else round(ray_cpu_ms / local_cpu_ms, 3),
        "load_average": round(os.getloadavg()[0], 2),
    }


def _own_and_children_cpu() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


class _TreeCPU:
    """CPU seconds of this process and every process under it (Ray's daemons and actors, which are
    not reaped by us, so getrusage cannot see them), sampled while they run."""

    def __init__(self) -> None:
        import psutil

        self._me = psutil.Process()
        self._first: dict[tuple[int, float], float] = {}
        self._last: dict[tuple[int, float], float] = {}
        self.seconds = 0.0

    def _sample(self, into: dict[tuple[int, float], float]) -> None:
        import psutil

        for proc in [self._me, *self._me.children(recursive=True)]:
            try:
                times = proc.cpu_times()
                into[(proc.pid, proc.create_time())] = times.user + times.system
            except psutil.Error:
                continue

    @contextlib.contextmanager
    def sampling(self, every_s: float = 0.2):
        self._sample(self._first)
        done = threading.Event()

        def loop() -> None:
            while not done.wait(every_s):
                self._sample(self._last)

        thread = threading.Thread(target=loop, daemon=True)
        thread.start()
        try:
            yield self
        finally:
            done.set()
            thread.join()
            self._sample(self._last)
            self.seconds = sum(cpu - self._first.get(key, 0.0) for key, cpu in self._last.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2, help="local worker processes and Ray actors")
    parser.add_argument("--address", help="a running Ray cluster (default: start a local runtime)")
    parser.add_argument("--json", metavar="PATH", help="also write the result here")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench-ray-") as tmp:
        result = bench(args.count, args.jobs, args.address, Path(tmp))
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    local, remote = result["local"], result["ray"]
    print(f"\nlocal --jobs {args.jobs}: {local['processing_rate']} reports/s processing, "
          f"{local['wall_rate']} wall; --ray: {remote['steady_rate']} reports/s steady "
          f"(x{result['steady_ratio']}), {remote['wall_rate']} wall; Ray start-up "
          f"{remote['runtime_start_s']} s runtime + {remote['job_start_s']} s job", file=sys.stderr)


if __name__ == "__main__":
    main()
