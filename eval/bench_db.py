"""What OUT/summaries.db costs `summarize batch`, and that a killed 1,000-report batch, re-run, gives the
rows of an uninterrupted one.

Target: the database adds at most 15% to the batch's wall time (1,000 generated reports, --jobs 2).

Usage:
    python eval/bench_db.py                        # 1,000 reports, 2 pairs of runs (without / with the db)
    python eval/bench_db.py --count 300 --pairs 3 --json eval/results/bench_db.json
    python eval/bench_db.py --kill                 # also: SIGKILL midway, re-run, compare the rows

Runs with and without the database alternate into fresh folders, so load on a shared machine hits both
alike; the ratio is of the medians. ``db_share`` (the database step's own time over the wall time of
the runs without it) does not depend on the load of the moment as much.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


from summarize import __version__  # noqa: E402
from summarize.batch import batch  # noqa: E402
from summarize.batch.pool import cpu_count  # noqa: E402
from summarize.batch.records import STATE_DIR  # noqa: E402
from summarize.config import Settings  # noqa: E402
from summarize.database.query import all_rows  # noqa: E402
from summarize.evaluation.corpus import generate_corpus  # noqa: E402

TARGET_RATIO = 1.15
LIMIT = 200_000


def timed_batch(src: Path, out: Path, jobs: int, database: bool) -> dict:
    started = time.perf_counter()
    summary = batch(src, out, settings=Settings(max_bytes=LIMIT), jobs=jobs, database=database)
    return {"wall_s": time.perf_counter() - started, "db_s": summary.timings_s.get("database", 0.0),
            "processed": summary.processed}


def bench(count: int, jobs: int, pairs: int, workdir: Path) -> dict:
    corpus = generate_corpus(workdir / "reports", count, broken_share=0.0, with_ignored=False, max_bytes=LIMIT)
    without, with_db = [], []
    for i in range(pairs):
        without.append(timed_batch(corpus.root, workdir / f"plain{i}", jobs, database=False))
        with_db.append(timed_batch(corpus.root, workdir / f"db{i}", jobs, database=True))
    plain_wall = statistics.median(r["wall_s"] for r in without)
    db_wall = statistics.median(r["wall_s"] for r in with_db)
    db_step = statistics.median(r["db_s"] for r in with_db)
    rows = all_rows(workdir / "db0" / "summaries.db")
    return {
        "version": __version__, "python": platform.python_version(), "cpus": cpu_count(),
        "reports": count, "jobs": jobs, "pairs": pairs,
        "wall_without_db_s": round(plain_wall, 3), "wall_with_db_s": round(db_wall, 3),
        "ratio": round(db_wall / plain_wall, 3), "db_step_s": round(db_step, 3),
        "db_share": round(db_step / plain_wall, 3),
        "db_bytes": (workdir / "db0" / "summaries.db").stat().st_size,
        "rows": {table: len(found) for table, found in rows.items()},
        "load_avg": round(os.getloadavg()[0], 2),
        "target_ratio": TARGET_RATIO,
    }


def kill_check(workdir: Path, jobs: int) -> dict:
    """SIGKILL a CLI batch midway, re-run it, and compare every row with an uninterrupted run."""
    src, out = workdir / "reports", workdir / "killed"
    total = sum(1 for _ in src.rglob("*.*"))
    command = [sys.executable, "-m", "summarize", "batch", str(src), "--out", str(out), "--jobs", str(jobs),
               "--max-bytes", str(LIMIT), "-q"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    proc = subprocess.Popen(command, env=env, start_new_session=True)
    records = out / STATE_DIR / "records"
    while (done := sum(1 for _ in records.rglob("*.json")) if records.is_dir() else 0) < total // 2:
        if proc.poll() is not None:
            raise SystemExit("the batch finished before it could be killed")
        time.sleep(0.05)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    subprocess.run(command, env=env, check=True)
    # The uninterrupted run is the same command, run now: the code under test is the same for both.
    clean = workdir / "clean"
    subprocess.run([*command[:6], str(clean), *command[7:]], env=env, check=True)
    equal = all_rows(out / "summaries.db") == all_rows(clean / "summaries.db")
    return {"killed_after_records": done, "rows_equal_uninterrupted": equal}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--count", type=int, default=1000)
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--pairs", type=int, default=2, help="runs without and with the database, alternating")
    parser.add_argument("--kill", action="store_true", help="also SIGKILL a batch midway and compare the rows")
    parser.add_argument("--json", metavar="PATH", help="write the result here too")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bench_db_") as tmp:
        result = bench(args.count, args.jobs, args.pairs, Path(tmp))
        if args.kill:
            result.update(kill_check(Path(tmp), args.jobs))
    text = json.dumps(result, indent=2)
    print(text)
    if args.json:
        Path(args.json).parent.mkdir(parents=True, exist_ok=True)
        Path(args.json).write_text(text + "\n", encoding="utf-8")
    ok = result["ratio"] <= TARGET_RATIO and result.get("rows_equal_uninterrupted", True)
    print(f"{'OK' if ok else 'OVER TARGET'}: the database adds {result['ratio'] - 1:+.1%} to the wall time "
          f"({result['db_share']:.1%} by its own step)", file=sys.stderr)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
