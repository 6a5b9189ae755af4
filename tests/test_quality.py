"""Issue-3 quality gates on the seed suite and on variants of it (a regression below these fails).

The table is printed (run with -s to see it)."""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from opencc import OpenCC
from seeds_util import REFERENCES, SEEDS

from summarize.evaluation.runner import evaluate_suite

GATES = {
    "fields.event_date": 1.0,
    "fields.published": 1.0,
    "fields.jurisdiction": 1.0,
    "fields.event_type": 1.0,
    "officials.name_f1": 0.9,
    "officials.title_match": 0.8,
    "officials.role_accuracy": 0.8,
    "officials.name_en_exact": 1.0,
    "projects.f1": 0.8,
    "campaigns.recall": 0.6,
    "summary_zh.rougeL": 0.45,
    "summary_en.chrf": 0.30,
    "cleaning.must_drop": 1.0,
    "cleaning.must_keep": 1.0,
}


def _traditional(text: str) -> str:
    return OpenCC("s2t").convert(text)


def _shuffled(text: str) -> str:
    """Paragraphs after the first in a random order (nothing may depend on the exact seed text)."""
    lines = text.split("\n")
    first = next(i for i, line in enumerate(lines) if len(line) > 60)  # the first body paragraph
    rest = lines[first + 1:]
    random.Random(11).shuffle(rest)
    return "\n".join(lines[: first + 1] + rest)


def _suite(tmp_path: Path, transform) -> Path:
    reports = tmp_path / "reports"
    reports.mkdir()
    for seed in SEEDS:
        text = seed.read_text(encoding="utf-8")
        (reports / seed.name).write_text(transform(text) if transform else text, encoding="utf-8")
    return reports


@pytest.mark.parametrize("variant", ["seeds", "traditional", "shuffled"])
def test_quality_gates(variant, tmp_path):
    transform = {"seeds": None, "traditional": _traditional, "shuffled": _shuffled}[variant]
    reports = _suite(tmp_path, transform)
    references = tmp_path / "references"
    shutil.copytree(REFERENCES, references)
    result = evaluate_suite(reports, references, engines=("rules",), baselines=())
    scores = result.aggregate["rules"]
    print(f"\n{variant}:")
    for metric, floor in GATES.items():
        print(f"  {metric:28s} {scores[metric]:.3f}  (gate {floor})")
    failed = {m: scores[m] for m, floor in GATES.items() if scores[m] is None or scores[m] < floor}
    assert not failed, failed
