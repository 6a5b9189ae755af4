"""Peak resident memory of a fresh process running generated reports.

Usage: python eval/bench_memory.py [summarize bench options, e.g. --quick --json out.json]
(a thin wrapper over `summarize bench`; see `summarize bench --help`).
"""

import sys

from summarize.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", "--only", "memory", *sys.argv[1:]]))
