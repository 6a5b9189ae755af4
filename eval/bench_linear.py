"""Linear time in report size: cost per MB of the whole rules pipeline for adversarial input shapes.

Each shape is a generated report that once made a stage superlinear (issue 11, rows 8-10). The
script runs the pipeline on each shape at two sizes (default 100 KB and 1 MB of UTF-8) and prints
seconds, seconds per MB and the ratio of the two timings; linear code gives a ratio near 10 for
10x the size, so the bound is 12. It exits 1 when a ratio is over the bound or a 100 KB input takes
longer than 2 s.

Timings are CPU seconds of this process, each the fastest of --repeat runs (default 3): a 100 KB run takes about 0.1 s, and on a
shared machine one slow run of the small size made a linear shape look superlinear (mixed_no_punct
once measured 14.5 from a single 0.09 s base; the best of 3 gives 9-11, and 1.0-1.2 s/MB from 100 KB to 3 MB).

Usage: python eval/bench_linear.py [--sizes 100000,1000000] [--shape NAME ...] [--repeat N] [--json out.json]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path

RATIO_BOUND = 12.0
SMALL_SECONDS_BOUND = 2.0


def _fill(unit: Callable[[int], str], size: int, head: str = "") -> str:
    """Repeat unit(i) after head until the UTF-8 size reaches ``size`` bytes."""
    parts = [head]
    total = len(head.encode())
    i = 0
    while total < size:
        piece = unit(i)
        parts.append(piece)
        total += len(piece.encode())
        i += 1
    return "".join(parts)


_GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰萍红"
_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹"
_HAN = "甲乙丙丁戊己庚辛壬癸"


def _distinct_name(i: int) -> str:
    g = len(_GIVEN)
    return _SURNAMES[i % len(_SURNAMES)] + _GIVEN[(i // len(_SURNAMES)) % g] + _GIVEN[(i // (len(_SURNAMES) * g)) % g]


# name -> generator(size in bytes) -> text. The comment says which row of issue 11 it reproduces.
SHAPES: dict[str, Callable[[int], str]] = {
    # Row 8: Han text without punctuation after a target cue (English place parser rescanned every cut).
    "han_no_punct": lambda n: _fill(lambda i: "甲乙丙丁", n, "力争30天"),
    # Row 9: repeated scraper pinyin after one character (annotation removal looped once per annotation).
    "annotations": lambda n: _fill(lambda i: "(zì)", n, "字"),
    # Row 10: many distinct officials, one sentence each.
    "officials": lambda n: _fill(lambda i: f"县委书记{_distinct_name(i)}出席会议，", n, "会议召开。"),
    # Row 10: many dates and no 。 (each date searched the whole text for its sentence end).
    "dates_no_stop": lambda n: _fill(lambda i: f"{i % 12 + 1}月{i % 28 + 1}日召开会议，", n),
    # Row 10: many named projects (every character of a project's head copied the text before it).
    "projects": lambda n: _fill(lambda i: f"{_HAN[i % 10]}{_HAN[i // 10 % 10]}路改造项目、", n, "推进"),
    # Row 10: one long line, no newline (key points rescanned back to the line start).
    "one_line": lambda n: _fill(
        lambda i: f"一是要{_HAN[i % 10]}{_HAN[i // 10 % 10]}加快推进重点项目建设，确保按期完工。", n, "会议强调，"),
    # Long runs of mixed Han and Latin letters without any punctuation.
    "mixed_no_punct": lambda n: _fill(lambda i: f"建设{_HAN[i % 10]}abc中心", n),
    # One long run of white space that tidying does not fold (U+202F) inside a line: a trailing-space
    # pattern tried at every character of the run was quadratic (issue 14, tidy_whitespace's offset map).
    "whitespace_run": lambda n: _fill(lambda i: "\u202f", n - 6, "会议强调") + "确保",
}


def run_once(text: str) -> float:
    from summarize.api import summarize_text

    # CPU time of this process, not wall time: on a shared machine (load 5-7 on 2 cores) the wall time
    # of a 0.1 s run doubles at random, which made linear shapes read ratios of 14-34.
    started = time.process_time()
    summarize_text(text, max_bytes=max(5_000_000, len(text.encode()) + 1))
    return time.process_time() - started


def measure(shapes: list[str], sizes: list[int], repeat: int = 3) -> list[dict[str, object]]:
    run_once("县委书记张三出席会议。")  # warm the caches (data files, OpenCC) outside the timings
    rows = []
    for name in shapes:
        texts = [SHAPES[name](size) for size in sizes]
        timings = [min(run_once(text) for _ in range(max(1, repeat))) for text in texts]
        row: dict[str, object] = {"shape": name}
        for size, seconds in zip(sizes, timings, strict=True):
            row[f"s@{size}"] = round(seconds, 3)
            row[f"s_per_mb@{size}"] = round(seconds / (size / 1_000_000), 3)
        row["ratio"] = round(timings[-1] / max(timings[0], 1e-3), 2)
        rows.append(row)
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated sizes in bytes")
    parser.add_argument("--shape", action="append", choices=sorted(SHAPES), help="only these shapes")
    parser.add_argument("--repeat", type=int, default=3, help="runs per size; the fastest counts (default 3)")
    parser.add_argument("--json", type=Path, help="also write the rows as JSON")
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    rows = measure(args.shape or list(SHAPES), sizes, args.repeat)
    failed = False
    print(f"{'shape':<16}" + "".join(f"{'s@' + str(s):>12}{'s/MB':>9}" for s in sizes) + f"{'ratio':>8}")
    for row in rows:
        cells = "".join(f"{row[f's@{s}']:>12.3f}{row[f's_per_mb@{s}']:>9.2f}" for s in sizes)
        over = row["ratio"] > RATIO_BOUND * (sizes[-1] / sizes[0]) / 10 or (
            sizes[0] <= 100_000 and row[f"s@{sizes[0]}"] > SMALL_SECONDS_BOUND)
        failed |= bool(over)
        print(f"{row['shape']:<16}{cells}{row['ratio']:>8.2f}{'  OVER' if over else ''}")
    if args.json:
        args.json.write_text(json.dumps(rows, indent=2) + "\n", encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
