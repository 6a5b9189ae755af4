"""summarize eval --clauses: coverage, chrF on rendered clauses, flagged renderings."""

from __future__ import annotations

import pytest

from summarize.errors import UsageError
from summarize.evaluation.clauses import ClauseRef, flagged, read_clauses, score_clauses


def test_scores_count_only_rendered_clauses():
    rows = [ClauseRef("c1", "d1", "甲", "improve the business environment"), ClauseRef("c2", "d1", "乙", "x")]
    outputs = {"甲": ("improve the business environment", False), "乙": (None, False)}
    scores = score_clauses(rows, lambda zh: outputs[zh])
    agg = scores.aggregate()
    assert agg["clauses.coverage"] == 0.5 and agg["clauses.chrf"] == pytest.approx(1.0)
    assert agg["clauses.flagged"] == 0


def test_brackets_han_and_fallbacks_are_flagged():
    assert flagged("improve [营商] environment") and flagged("improve 环境") and flagged("ok", fallback=True)
    assert not flagged("improve the business environment")


def test_malformed_file_is_a_usage_error(tmp_path):
    path = tmp_path / "c.tsv"
    path.write_text("id\treport\tzh\n", encoding="utf-8")
    with pytest.raises(UsageError, match="line 1"):
        read_clauses(path)


def test_dev_clauses_meet_the_floor(dev_suite):
    """The renderer on the dev suite's clauses: nothing it renders is bracketed, Chinese or a fallback."""
    from summarize.evaluation.clauses import run_clauses

    scores = run_clauses(dev_suite / "clauses.tsv")
    assert scores.total == 400
    assert scores.flagged == []
    assert scores.rendered > 0


def test_a_misspelled_clause_metric_is_a_usage_error_before_the_run(tmp_path, capsys):
    from summarize.cli import main

    path = tmp_path / "c.tsv"
    path.write_text("id\treport\tzh\ten\n1\td00\t压实责任\ttighten responsibilities\n", encoding="utf-8")
    assert main(["eval", "--clauses", str(path), "-q", "--fail-under", "clauses.coverag=0.4"]) == 2
    assert "unknown clause metric" in capsys.readouterr().err
    assert main(["eval", "--clauses", str(path), "-q", "--fail-under", "clauses.coverage=0"]) == 0
