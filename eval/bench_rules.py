"""Latency per seed (one core, after start-up) and throughput for 1, 100 and 1,000 generated reports.

Usage: python eval/bench_rules.py [summarize bench options, e.g. --quick --json out.json]
(a thin wrapper over `summarize bench`; see `summarize bench --help`).
"""

import sys

from summarize.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", "--only", "per-seed", "--only", "throughput", *sys.argv[1:]]))
