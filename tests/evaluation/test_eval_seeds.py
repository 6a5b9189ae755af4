"""The built-in seed suite: our rules engine against the baselines, as docs/eval.md reports."""

from __future__ import annotations

import pytest

from summarize.evaluation.metrics import FIELDS
from summarize.evaluation.runner import evaluate_suite


@pytest.fixture(scope="module")
def seeds():
    return evaluate_suite(engines=("rules",), baselines=("lead", "textrank"), keep_outputs=False)


@pytest.mark.parametrize("baseline", ["lead", "textrank"])
def test_rules_beat_the_baselines_on_summary_zh(seeds, baseline):
    assert seeds.aggregate["rules"]["summary_zh.rougeL"] > seeds.aggregate[baseline]["summary_zh.rougeL"]


@pytest.mark.parametrize("baseline", ["lead", "textrank"])
@pytest.mark.parametrize("field", FIELDS)
def test_rules_at_least_match_the_baselines_on_every_field(seeds, baseline, field):
    rules, base = seeds.aggregate["rules"], seeds.aggregate[baseline]
    assert rules[f"fields.{field}"] >= base[f"fields.{field}"]


@pytest.mark.parametrize("baseline", ["lead", "textrank"])
def test_rules_beat_the_baselines_on_fields_overall(seeds, baseline):
    assert seeds.aggregate["rules"]["fields.mean"] > seeds.aggregate[baseline]["fields.mean"]


def test_every_metric_is_scored_for_the_rules_engine(seeds):
    rules = seeds.aggregate["rules"]
    unscored = [m for m, v in rules.items() if v is None]
    assert unscored == []
    assert {"cleaning.must_keep", "officials.name_f1", "summary_en.chrf", "faithfulness.unsupported_share"} <= set(rules)
