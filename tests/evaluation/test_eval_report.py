"""Presenting results: JSON round trip, Markdown, --compare deltas and --fail-under/--fail-over."""

from __future__ import annotations

import json

import pytest
from rich.console import Console

from summarize.errors import UsageError
from summarize.evaluation import report as present
from summarize.evaluation.runner import EvalResult, aggregate


def make_result(rouge: float = 0.5, unsupported: float = 0.1) -> EvalResult:
    per_report = {"rules": {"a": {"summary_zh.rougeL": rouge, "fields.title": 1.0,
                                  "faithfulness.unsupported_share": unsupported},
                            "b": {"summary_zh.rougeL": rouge, "fields.title": 0.0,
                                  "faithfulness.unsupported_share": unsupported}},
                  "lead": {"a": {"summary_zh.rougeL": 0.2, "fields.title": None},
                           "b": {"summary_zh.rougeL": 0.4, "fields.title": None}}}
    return EvalResult(suite={"name": "t", "reports": ["a", "b"], "reports_dir": "r", "references_dir": "n"},
                      systems=["rules", "lead"], kinds={"rules": "engine", "lead": "baseline"},
                      aggregate={s: aggregate(p) for s, p in per_report.items()}, per_report=per_report,
                      stage_ms={"rules": {"clean": 1.5, "extract": 2.0}}, verifier="test")


def test_aggregate_is_the_mean_over_reports_skipping_unscored():
    result = make_result()
    assert result.aggregate["rules"]["fields.title"] == pytest.approx(0.5)
    assert result.aggregate["lead"]["summary_zh.rougeL"] == pytest.approx(0.3)
    assert result.aggregate["lead"]["fields.title"] is None


def test_json_round_trip(tmp_path):
    path = tmp_path / "r.json"
    path.write_text(present.to_json(make_result()), encoding="utf-8")
    loaded = present.load_result(str(path))
    assert loaded.aggregate == make_result().aggregate
    assert loaded.systems == ["rules", "lead"]


def test_load_result_rejects_other_json(tmp_path):
    path = tmp_path / "x.json"
    path.write_text(json.dumps({"title": "a report result"}), encoding="utf-8")
    with pytest.raises(UsageError, match="not a 'summarize eval --json' result"):
        present.load_result(str(path))


def test_markdown_has_a_row_per_metric_and_bolds_the_best():
    text = present.to_markdown(make_result())
    assert "| metric | rules (engine) | lead (baseline) |" in text
    assert "| summary_zh.rougeL | **0.500** | 0.300 |" in text
    assert "| fields.title | 0.500 | - |" in text  # alone in its row: nothing to beat
    assert "| rules | 1.50 | 2.00 |" in text


def test_rich_table_renders_every_column():
    console = Console(width=200, record=True)
    present.render_table(make_result(), console)
    out = console.export_text()
    assert "rules (engine)" in out and "lead (baseline)" in out and "summary_zh.rougeL" in out


def test_compare_deltas_know_which_direction_is_better():
    rows = {(s, m): (d, v) for s, m, _, _, d, v in present.compare(make_result(0.5, 0.1), make_result(0.6, 0.2))}
    assert rows[("rules", "summary_zh.rougeL")][0] == pytest.approx(0.1)
    assert rows[("rules", "summary_zh.rougeL")][1] == "better"
    assert rows[("rules", "faithfulness.unsupported_share")][1] == "worse"  # lower is better
    assert rows[("rules", "fields.title")][1] == "same"
    assert rows[("lead", "fields.title")] == (None, "")


def test_thresholds():
    result = make_result(rouge=0.5, unsupported=0.1)
    assert present.check_thresholds(result, ["summary_zh.rougeL=0.5"]) == []
    failed = present.check_thresholds(result, ["summary_zh.rougeL=0.6", "lead:summary_zh.rougeL=0.2"])
    assert failed == ["rules:summary_zh.rougeL = 0.5000 is below the threshold 0.6"]
    assert present.check_thresholds(result, [], ["faithfulness.unsupported_share=0.05"]) == [
        "rules:faithfulness.unsupported_share = 0.1000 is above the threshold 0.05"]
    assert present.check_thresholds(result, ["lead:fields.title=0.1"]) == [
        "lead:fields.title was not scored (threshold 0.1)"]
    assert present.check_thresholds(result, ["model:fields.title=0.1"]) == ["model:fields.title=0.1: no column 'model' in this run"]


@pytest.mark.parametrize("spec", ["summary_zh.rougeL", "summary_zh.rougeL=high", "=0.3"])
def test_malformed_threshold(spec):
    with pytest.raises(UsageError, match="threshold"):
        present.parse_threshold(spec)


def test_unknown_metric_in_threshold():
    with pytest.raises(UsageError, match="unknown metric 'summary.rougeL'"):
        present.check_thresholds(make_result(), ["summary.rougeL=0.1"])
