"""Wall time of fresh summarize processes: --help, clean, file.

Usage: python eval/bench_coldstart.py [summarize bench options, e.g. --quick --json out.json]
(a thin wrapper over `summarize bench`; see `summarize bench --help`).
"""

import sys

from summarize.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", "--only", "cold-start", *sys.argv[1:]]))
