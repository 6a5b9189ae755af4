"""Benchmark of the English stage: ``python eval/bench_english.py [REFERENCES_DIR] [-n N]``.

Renders the facts of the reference notes (eval/references/*.json) and prints the one-off load
times (glossary, pypinyin, CC-CEDICT) and the time per report once everything is loaded.
"""

from __future__ import annotations

import argparse
import json
import statistics
import time
from pathlib import Path

from summarize.evaluation.references import facts_from_reference


def _ms(started: float) -> float:
    return (time.perf_counter() - started) * 1000


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("references", nargs="?", default="eval/references", type=Path)
    parser.add_argument("-n", type=int, default=50, help="rounds over the references (default 50)")
    args = parser.parse_args(argv)
    facts = [facts_from_reference(json.loads(p.read_text(encoding="utf-8")))
             for p in sorted(args.references.glob("*.json"))]
    if not facts:
        parser.error(f"no *.json reference notes in {args.references}")

    from summarize.english import render_all
    from summarize.english.glossary import load_glossary
    from summarize.english.romanize import romanize_name
    from summarize.text import cedict

    started = time.perf_counter()
    glossary = load_glossary()
    print(f"glossary ({len(glossary)} terms) {_ms(started):8.1f} ms")
    started = time.perf_counter()
    romanize_name("马盛春")
    print(f"pypinyin first use     {_ms(started):8.1f} ms")
    started = time.perf_counter()
    cedict.lookup("攻坚")
    print(f"CC-CEDICT load         {_ms(started):8.1f} ms")
    for f in facts:  # warm the per-term caches once, as a long batch would
        render_all(f, glossary)
    times = []
    for _ in range(args.n):
        for f in facts:
            started = time.perf_counter()
            render_all(f, glossary)
            times.append(_ms(started))
    print(f"render per report      {statistics.median(times):8.2f} ms median, "
          f"{statistics.quantiles(times, n=20)[-1]:.2f} ms p95 ({len(times)} renders)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
