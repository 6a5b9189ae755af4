"""The runner and the baselines on real (crafted) reports, through the real cleaning stages."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.document import Report
from summarize.evaluation import baselines
from summarize.evaluation.runner import evaluate_suite

CRAFTED = Path(__file__).parents[1] / "data" / "eval_crafted"

BODY = ("青山县召开2024年重点项目推进会\n"
        "3月11日上午，青山县召开推进会。县委书记王建国出席会议并讲话！会议要求坚持“项目为王”，"
        "推进城南污水处理厂项目建设？确保实现“双过半”。")


def test_lead_baseline_reads_the_first_things_in_the_text():
    report = Report(path="x.txt", raw_text="发布时间：2024-03-12\n" + BODY, text=BODY)
    out = baselines.lead(report)
    assert out["summary_zh"] == "".join(BODY.split())[:150]
    assert out["key_points"] == ["青山县召开2024年重点项目推进会", "3月11日上午，青山县召开推进会。",
                                 "县委书记王建国出席会议并讲话！"]
    assert out["title"] == "青山县召开2024年重点项目推进会"
    assert out["event_date"] == "03-11"
    assert out["published"] == "2024-03-12"
    assert out["jurisdiction"] == "青山县"
    assert out["campaigns"] == ["项目为王", "双过半"]
    assert out["projects"] == ["青山县召开2024年重点项目", "推进城南污水处理厂项目"]  # naive on purpose
    assert out["officials"] == [] and out["event_type"] == "meeting"


def test_textrank_baseline_picks_sentences_of_the_text():
    report = Report(path="x.txt", raw_text=BODY, text=BODY)
    out = baselines.textrank(report)
    assert 1 <= len(out["key_points"]) <= 5
    assert all(point in BODY for point in out["key_points"])
    assert out["summary_zh"].endswith("。")


def test_baselines_on_a_suite_without_engines():
    result = evaluate_suite(suite_dir=CRAFTED, engines=(), baselines=("lead", "textrank"))
    assert result.systems == ["lead", "textrank"]
    assert result.kinds == {"lead": "baseline", "textrank": "baseline"}
    assert set(result.per_report["lead"]) == {"a_meeting", "b_visit"}
    lead = result.aggregate["lead"]
    assert 0 < lead["summary_zh.rougeL"] < 1
    assert "cleaning.must_keep" not in lead  # a baseline does no cleaning of its own
    assert lead["officials.name_recall"] == 0.0
    assert lead["cost.ms_per_report"] >= 0
    # the lead of b_visit starts with its (converted) headline
    assert result.outputs["lead"]["b_visit"]["summary_zh"].startswith("李华到白河镇")


def test_names_zh_needs_the_rules_facts():
    result = evaluate_suite(suite_dir=CRAFTED, engines=(), baselines=("lead", "names_zh"))
    assert result.systems == ["lead"]
    assert any("names_zh skipped" in note for note in result.notes)


def test_names_zh_leaves_names_in_characters():
    result = evaluate_suite(suite_dir=CRAFTED, engines=("rules",), baselines=("names_zh",))
    rules, names_zh = result.outputs["rules"]["a_meeting"], result.outputs["names_zh"]["a_meeting"]
    assert set(names_zh) == {"title_en", "summary_en"}
    assert "Wang Jianguo" in rules["summary_en"] and "王建国" in names_zh["summary_en"]
    assert result.aggregate["names_zh"]["summary_en.chrf"] < result.aggregate["rules"]["summary_en.chrf"]


def test_unknown_engine_or_baseline_is_refused():
    from summarize.errors import SummarizeError

    with pytest.raises(SummarizeError, match="unknown engine or baseline: gpt"):
        evaluate_suite(suite_dir=CRAFTED, engines=("gpt",))


def test_model_engine_without_weights_is_left_out_with_a_note(tmp_path):
    from summarize.config import load_settings
    from summarize.errors import SummarizeError

    empty = str(tmp_path)  # a model folder with no weights in it
    settings = load_settings({"instruct_model": empty, "summarize_model": empty, "translate_model": empty})
    result = evaluate_suite(suite_dir=CRAFTED, engines=("rules", "model"), baselines=(), settings=settings)
    assert result.systems == ["rules"]
    assert [n for n in result.notes if n.startswith("engine model skipped: ")], result.notes
    with pytest.raises(SummarizeError, match="nothing to score: engine model skipped"):
        evaluate_suite(suite_dir=CRAFTED, engines=("model",), baselines=(), settings=settings)
