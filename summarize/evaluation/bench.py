"""Speed and memory benchmarks of the rules engine (``summarize bench`` and eval/bench_*.py).

Every function returns plain data (dicts of numbers) so the command can print it, write it as JSON,
and eval/ scripts can reuse it. Timings are wall-clock ``time.perf_counter`` in this process unless
a section says it starts a fresh interpreter.
"""

from __future__ import annotations

import json
import math
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from ..config import Settings, load_settings
from ..pipeline import CLEAN_STAGES, RULES_STAGES, run_stages
from .memory import peak_rss_mb
from .variants import lengthened, variants

TARGET_MS_PER_SEED = 100.0  # issue 3: whole pipeline per seed, after start-up, one core
LINEAR_EXPONENT_MAX = 1.2  # a log-log slope above this means cost grows faster than the input


def stage_names(which: str) -> tuple[str, ...]:
    return {"rules": RULES_STAGES, "clean": CLEAN_STAGES}[which]


def run_one(data: bytes, name: str, settings: Settings, stages: Sequence[str]) -> dict[str, float]:
    """Ingest and run ``stages`` on one input; stage -> ms, plus "total"."""
    from ..pipeline.ingest import ingest_bytes

    started = time.perf_counter()
    report = ingest_bytes(data, name, settings)
    ingest_ms = (time.perf_counter() - started) * 1000
    report = run_stages(report, settings, stages)
    total = (time.perf_counter() - started) * 1000
    return {"ingest": ingest_ms, **{s: report.timings_ms.get(s, 0.0) for s in stages}, "total": total}


def _percentile(values: Sequence[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, math.ceil(q * len(ordered)) - 1))]


def throughput(inputs: Sequence[tuple[str, bytes]], settings: Settings, stages: Sequence[str]) -> dict[str, Any]:
    """Run every input once, in order, in this process."""
    runs = []
    started = time.perf_counter()
    for name, data in inputs:
        runs.append(run_one(data, name, settings, stages))
    elapsed = time.perf_counter() - started
    totals = [r["total"] for r in runs]
    return {
        "reports": len(inputs),
        "bytes": sum(len(d) for _, d in inputs),
        "seconds": round(elapsed, 3),
        "reports_per_s": round(len(inputs) / elapsed, 2) if elapsed else None,
        "latency_ms": {"mean": round(statistics.fmean(totals), 2), "p50": round(_percentile(totals, 0.5), 2),
                       "p95": round(_percentile(totals, 0.95), 2), "max": round(max(totals), 2)},
        "stage_ms": {s: round(statistics.fmean(r[s] for r in runs), 3) for s in runs[0] if s != "total"},
    }


def fit_growth(sizes: Sequence[float], costs: Sequence[float]) -> dict[str, float]:
    """Least-squares fits of cost against size: log-log slope (1 = linear, 2 = quadratic) and a
    straight line cost = intercept + slope * size with its R^2."""
    xs, ys = [math.log(s) for s in sizes], [math.log(max(c, 1e-6)) for c in costs]
    exponent = _slope(xs, ys)
    slope = _slope(sizes, costs)
    intercept = statistics.fmean(costs) - slope * statistics.fmean(sizes)
    residual = sum((c - intercept - slope * s) ** 2 for s, c in zip(sizes, costs, strict=True))
    spread = sum((c - statistics.fmean(costs)) ** 2 for c in costs)
    return {"exponent": round(exponent, 3), "ms_per_kb": round(slope * 1000, 4),
            "intercept_ms": round(intercept, 3), "r2": round(1 - residual / spread, 4) if spread else 1.0}


def _slope(xs: Sequence[float], ys: Sequence[float]) -> float:
    mx, my = statistics.fmean(xs), statistics.fmean(ys)
    var = sum((x - mx) ** 2 for x in xs)
    return sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / var if var else 0.0


def scaling(text: str, factors: Sequence[int], settings: Settings, stages: Sequence[str],
            repeats: int = 3) -> dict[str, Any]:
    """Cost of one report made 1x..32x longer (body paragraphs repeated): median of ``repeats`` runs."""
    rows = []
    for factor in factors:
        data = lengthened(text, factor).encode("utf-8")
        runs = [run_one(data, f"x{factor}.txt", settings, stages) for _ in range(repeats)]
        rows.append({"factor": factor, "bytes": len(data),
                     **{k: round(statistics.median(r[k] for r in runs), 3) for k in runs[0]}})
    sizes = [r["bytes"] for r in rows]
    fits = {k: fit_growth(sizes, [r[k] for r in rows]) for k in rows[0] if k not in ("factor", "bytes")}
    return {"rows": rows, "fit": fits, "linear": fits["total"]["exponent"] <= LINEAR_EXPONENT_MAX,
            "superlinear_stages": [k for k, f in fits.items() if k != "total"
                                   and f["exponent"] > LINEAR_EXPONENT_MAX and rows[-1][k] > 5.0]}


def pin_one_core() -> int | None:
    """Run the rest of this process on one CPU (Linux); returns the CPU, or None where unsupported."""
    if not hasattr(os, "sched_setaffinity"):
        return None
    cpu = min(os.sched_getaffinity(0))
    os.sched_setaffinity(0, {cpu})
    return cpu


def cpu_set() -> set[int] | None:
    return os.sched_getaffinity(0) if hasattr(os, "sched_getaffinity") else None


def restore_cpus(cpus: set[int] | None) -> None:
    if cpus and hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, cpus)


def per_seed(texts: dict[str, str], settings: Settings, stages: Sequence[str], repeats: int = 5) -> dict[str, Any]:
    """Whole-pipeline ms per seed after start-up: one warm-up run of each, then the median of ``repeats``."""
    inputs = {stem: text.encode("utf-8") for stem, text in texts.items()}
    for stem, data in inputs.items():
        run_one(data, stem, settings, stages)
    medians = {stem: round(statistics.median(run_one(data, stem, settings, stages)["total"]
                                             for _ in range(repeats)), 2) for stem, data in inputs.items()}
    mean = round(statistics.fmean(medians.values()), 2)
    return {"ms": medians, "mean_ms": mean, "max_ms": max(medians.values()), "target_ms": TARGET_MS_PER_SEED,
            "meets_target": max(medians.values()) < TARGET_MS_PER_SEED}


TARGET_CPU_MS_PER_REPORT = 35.0  # issue 9: default pipeline, CPU per report after start-up


def cpu_per_report(inputs: dict[str, bytes], settings: Settings, stages: Sequence[str],
                   repeats: int = 3) -> dict[str, Any]:
    """CPU ms of this process per report after start-up (``time.process_time``, the fastest of ``repeats``
    runs after one warm-up run of every report), and the mean wall ms of each stage.

    CPU time, not wall time, because the shared machines this runs on are loaded: wall time doubles at
    random there, CPU time of a single-threaded pipeline does not."""
    for name, data in inputs.items():
        run_one(data, name, settings, stages)  # lazy imports, data tables, the tagger's session
    cpu: dict[str, float] = {}
    stage_runs = []
    for name, data in inputs.items():
        best = math.inf
        for _ in range(max(1, repeats)):
            started = time.process_time()
            timings = run_one(data, name, settings, stages)
            best = min(best, (time.process_time() - started) * 1000)
        cpu[name] = round(best, 2)
        stage_runs.append(timings)
    mean = round(statistics.fmean(cpu.values()), 2)
    return {"reports": len(cpu), "cpu_ms_mean": mean, "cpu_ms_p50": round(_percentile(list(cpu.values()), 0.5), 2),
            "cpu_ms_max": max(cpu.values()), "slowest": max(cpu, key=cpu.__getitem__),
            "target_ms": TARGET_CPU_MS_PER_REPORT, "meets_target": mean <= TARGET_CPU_MS_PER_REPORT,
            "stage_wall_ms": {s: round(statistics.fmean(r[s] for r in stage_runs), 3)
                              for s in stage_runs[0] if s != "total"}}


COLD_COMMANDS = ("--help", "clean", "file")


def cold_start(seed_path: str | Path, runs: int = 3, commands: Sequence[str] = COLD_COMMANDS) -> dict[str, Any]:
    """Wall time of fresh `summarize` processes (median of ``runs``), and whether --help imports torch."""
    every = {
        "--help": ("summarize --help", ["--help"]),
        "clean": ("summarize clean SEED", ["clean", str(seed_path)]),
        "file": ("summarize file SEED", ["file", str(seed_path)]),
    }
    commands = dict(every[c] for c in commands)
    out: dict[str, Any] = {}
    for label, argv in commands.items():
        times = []
        for _ in range(runs):
            started = time.perf_counter()
            proc = subprocess.run([sys.executable, "-m", "summarize", *argv], capture_output=True)
            times.append((time.perf_counter() - started) * 1000)
            if proc.returncode != 0:
                lines = proc.stderr.decode("utf-8", "replace").strip().splitlines() or ["(no message)"]
                out[label] = {"error": f"exit {proc.returncode}: {lines[-1]}"}
                break
        else:
            out[label] = {"median_ms": round(statistics.median(times), 1), "min_ms": round(min(times), 1)}
    probe = ("import sys, summarize.cli as c; c.build_parser(only=''); "
             "print(json.dumps(sorted(m for m in ('torch', 'transformers', 'rich', 'jieba') if m in sys.modules)))")
    proc = subprocess.run([sys.executable, "-c", "import json; " + probe], capture_output=True, text=True)
    out["heavy_modules_after_help"] = json.loads(proc.stdout) if proc.returncode == 0 else proc.stderr[-300:]
    return out


def peak_memory(reports_dir: str | Path, count: int, which: str) -> dict[str, Any]:
    """Peak resident memory of a fresh interpreter that runs ``count`` generated reports.

    The inputs are generated here and written to a temporary folder, so the child's peak is the
    pipeline's (generating Traditional variants with OpenCC costs memory of its own).
    """
    import tempfile

    from .variants import load_texts

    with tempfile.TemporaryDirectory(prefix="summarize-bench-") as tmp:
        for name, data in variants(load_texts(reports_dir), count):
            (Path(tmp) / name).write_bytes(data)
        code = ("import json, sys; from summarize.evaluation.bench import _memory_child; "
                "print(json.dumps(_memory_child(sys.argv[1], sys.argv[2])))")
        proc = subprocess.run([sys.executable, "-c", code, tmp, which], capture_output=True, text=True)
    if proc.returncode != 0:
        return {"error": proc.stderr.strip()[-500:]}
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _memory_child(folder: str, which: str) -> dict[str, Any]:
    settings = load_settings({})
    inputs = [(p.name, p.read_bytes()) for p in sorted(Path(folder).iterdir())]
    started = peak_rss_mb()
    run_one(inputs[0][1], inputs[0][0], settings, stage_names(which))
    first = peak_rss_mb()  # the stages' lazy imports and data tables are loaded by now
    for name, data in inputs[1:]:
        run_one(data, name, settings, stage_names(which))
    return {"reports": len(inputs), "peak_rss_mb_before_first_report": started,
            "peak_rss_mb_after_first_report": first, "peak_rss_mb": peak_rss_mb()}


def model_bench(extra: Sequence[str], timeout_s: int = 1800) -> dict[str, Any]:
    """The model engine's throughput, measured by eval/bench_translate.py (owned by the model engine)."""
    script = _project_file("eval/bench_translate.py")
    if script is None:
        return {"skipped": "eval/bench_translate.py not found"}
    proc = subprocess.run([sys.executable, str(script), *extra], capture_output=True, text=True, timeout=timeout_s)
    return {"script": str(script), "returncode": proc.returncode,
            "output": (proc.stdout + proc.stderr).strip()[-4000:]}


def _project_file(rel: str) -> Path | None:
    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (base / rel).is_file():
            return base / rel
    return None


def default_reports_dir() -> Path:
    from ..errors import UsageError

    for base in (Path.cwd(), Path(__file__).resolve().parents[2]):
        if (base / "seeds").is_dir():
            return base / "seeds"
    raise UsageError("seeds/ not found: run from the project folder or pass --reports DIR")
