"""Cost of one report made 1x to 32x longer, with the fitted growth (log-log slope; 1.0 = linear).

Usage: python eval/bench_scaling.py [summarize bench options, e.g. --quick --json out.json]
(a thin wrapper over `summarize bench`; see `summarize bench --help`).
"""

import sys

from summarize.cli import main

if __name__ == "__main__":
    sys.exit(main(["bench", "--only", "scaling", *sys.argv[1:]]))
