"""Throughput of `summarize batch` with the rules engine: reports/s over generated seed-sized reports.

Target: at least 50 reports/s with --jobs 2 on 2 cores (1,000 reports, outputs json + md).

Usage:
    python eval/bench_batch.py                      # 1,000 reports, --jobs 2
    python eval/bench_batch.py --count 300 --jobs 1 --json eval/results/bench_batch.json

It generates the corpus with summarize/evaluation/corpus.py (good reports only: re-encoded, Traditional/Simplified,
pinyin-annotated, shuffled, some HTML, nested folders), runs batch() into a fresh folder, then runs it
again to time a resume where everything is up to date. The wall rate counts everything a user waits
for (finding files, hashing, starting workers, writing the index); the processing rate only the
summarizing.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from summarize import __version__  # noqa: E402
from summarize.batch import batch  # noqa: E402
from summarize.batch.pool import cpu_count  # noqa: E402
from summarize.config import Settings  # noqa: E402
from summarize.evaluation.corpus import generate_corpus  # noqa: E402

TARGET = 50.0


def bench(count: int, jobs: int, formats: tuple[str, ...], workdir: Path) -> dict:
    corpus = generate_corpus(workdir / "reports", count, broken_share=0.0, with_ignored=False)
    settings = Settings()  # defaults: no user config file changes what is measured
    out = workdir / "out"
    cpu_before = _cpu_seconds()
    started = time.perf_counter()
    first = batch(corpus.root, out, settings=settings, jobs=jobs, formats=formats)
    wall = time.perf_counter() - started
    cpu = _cpu_seconds() - cpu_before
    started = time.perf_counter()
    again = batch(corpus.root, out, settings=settings, jobs=jobs, formats=formats)
    resume_wall = time.perf_counter() - started
    sizes = [(corpus.root / f.rel).stat().st_size for f in corpus.files]
    return {
        "version": __version__,
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": cpu_count(),
        "reports": count,
        "mean_bytes": round(sum(sizes) / len(sizes)),
        "jobs": first.jobs,
        "formats": list(formats),
        "processed": first.processed,
        "failed": first.failed,
        "wall_s": round(wall, 3),
        "wall_rate": round(count / wall, 1),
        "processing_rate": round(first.rate, 1),
        "timings_s": {k: round(v, 3) for k, v in first.timings_s.items()},
        # CPU time of the parent and its workers: what the run costs whatever else shares the machine.
        "cpu_ms_per_report": round(cpu / count * 1000, 2),
        "load_average": round(os.getloadavg()[0], 2),
        "resume_wall_s": round(resume_wall, 3),
        "resume_skipped": again.skipped,
        "target_rate": TARGET,
        "meets_target": count / wall >= TARGET,
    }


def _cpu_seconds() -> float:
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000, help="reports to generate (default 1000)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes (default 2)")
    parser.add_argument("--format", choices=("json", "md", "both"), default="both")
    parser.add_argument("--json", metavar="PATH", help="also write the figures to this JSON file")
    parser.add_argument("--keep", metavar="DIR", help="work in DIR and keep it (default: a temp folder)")
    args = parser.parse_args(argv)
    formats = ("json", "md") if args.format == "both" else (args.format,)
    if args.keep:
        workdir = Path(args.keep)
        workdir.mkdir(parents=True, exist_ok=True)
        result = bench(args.count, args.jobs, formats, workdir)
    else:
        with tempfile.TemporaryDirectory(prefix="bench_batch.") as tmp:
            result = bench(args.count, args.jobs, formats, Path(tmp))
    print(f"batch, rules engine, {result['reports']} reports (~{result['mean_bytes']} bytes), "
          f"--jobs {result['jobs']} on {result['cpus']} CPU(s):")
    print(f"  wall        {result['wall_s']:8.2f} s   {result['wall_rate']:7.1f} reports/s "
          f"(target {TARGET:.0f}: {'met' if result['meets_target'] else 'NOT met'})")
    print(f"  processing  {result['timings_s']['process']:8.2f} s   {result['processing_rate']:7.1f} reports/s")
    print(f"  cpu         {result['cpu_ms_per_report']:8.2f} ms per report (parent and workers; "
          f"load average {result['load_average']} during the run)")
    print(f"  resume      {result['resume_wall_s']:8.2f} s   ({result['resume_skipped']} up to date, none redone)")
    if result["failed"]:
        print(f"  WARNING: {result['failed']} report(s) failed; see the index", file=sys.stderr)
    if args.json:
        from summarize.io import atomic_write_text

        atomic_write_text(args.json, json.dumps(result, indent=2) + "\n")
    return 0 if result["meets_target"] else 1


if __name__ == "__main__":
    sys.exit(main())
