"""CPU ms per report of the default pipeline after start-up, on the seeds and the dev suite (issue 9: <= 35 ms).

Each report runs once to warm up (lazy imports, data tables, the tagger's session), then the fastest of
--repeat runs counts, in CPU time of this process (wall time on a loaded shared machine is noise).
Exits 1 when a suite's mean is over the target. The dev suite is read from ../shared/dev (or
$SUMMARIZE_DEV_SUITE) and skipped where absent.

Usage: python eval/bench_per_report.py [--repeat N] [--suite seeds|dev ...] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def suite_inputs(suite: str) -> dict[str, bytes] | None:
    from summarize.evaluation.suites import dev_suite_dir

    folder = ROOT / "seeds" if suite == "seeds" else (dev_suite_dir() or Path("/nonexistent")) / "reports"
    if not folder.is_dir():
        return None
    return {p.name: p.read_bytes() for p in sorted(folder.glob("*.txt"))}


def main(argv: list[str] | None = None) -> int:
    from summarize.config import load_settings
    from summarize.evaluation.bench import cpu_per_report, stage_names

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--suite", action="append", choices=("seeds", "dev"), help="default: both")
    parser.add_argument("--repeat", type=int, default=3, help="runs per report; the fastest counts (default 3)")
    parser.add_argument("--json", type=Path, help="also write the results as JSON")
    args = parser.parse_args(argv)
    settings = load_settings({})
    results, failed = {}, False
    for suite in args.suite or ["seeds", "dev"]:
        inputs = suite_inputs(suite)
        if inputs is None:
            print(f"{suite}: not found, skipped")
            continue
        row = results[suite] = cpu_per_report(inputs, settings, stage_names("rules"), args.repeat)
        failed |= not row["meets_target"]
        stages = ", ".join(f"{k} {v:.1f}" for k, v in sorted(row["stage_wall_ms"].items(), key=lambda kv: -kv[1])[:6])
        print(f"{suite}: {row['reports']} reports, CPU ms per report mean {row['cpu_ms_mean']:.1f}, "
              f"p50 {row['cpu_ms_p50']:.1f}, max {row['cpu_ms_max']:.1f} ({row['slowest']}); "
              f"target {row['target_ms']:.0f}{'' if row['meets_target'] else ' OVER'}")
        print(f"  stage wall ms (mean, top 6): {stages}")
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
