"""`summarize eval` and `summarize bench` from the command line, on the crafted suite."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from summarize.cli import main

CRAFTED = Path(__file__).parents[1] / "data" / "eval_crafted"


@pytest.fixture(scope="module")
def first_run(tmp_path_factory):
    """One real run shared by the tests below (the rules engine on both crafted reports)."""
    out = tmp_path_factory.mktemp("eval")
    code = main(["eval", "--suite", str(CRAFTED), "--baseline", "lead", "--json", str(out / "r.json"),
                 "--markdown", str(out / "r.md"), "-q"])
    return code, out


def test_eval_writes_json_and_markdown(first_run):
    code, out = first_run
    assert code == 0
    data = json.loads((out / "r.json").read_text(encoding="utf-8"))
    assert data["format"] == "summarize-eval/1"
    assert data["systems"] == ["rules", "lead"]
    assert data["suite"]["reports"] == ["a_meeting", "b_visit"]
    rules = data["aggregate"]["rules"]
    assert 0 <= rules["summary_zh.rougeL"] <= 1 and rules["cost.reports_per_s"] > 0
    assert set(data["per_report"]["rules"]) == {"a_meeting", "b_visit"}
    assert data["outputs"]["rules"]["a_meeting"]["id"] == "a_meeting"
    markdown = (out / "r.md").read_text(encoding="utf-8")
    assert "| metric | rules (engine) | lead (baseline) |" in markdown
    assert "| summary_zh.rougeL |" in markdown


def test_eval_prints_table_and_compare(first_run, capsys):
    _, out = first_run
    assert main(["eval", "--suite", str(CRAFTED), "--no-baselines", "--compare", str(out / "r.json")]) == 0
    printed = capsys.readouterr().out
    assert "rules (engine)" in printed and "fields.title" in printed
    assert "change since the earlier run" in printed and "same" in printed  # the rules engine is deterministic


def test_markdown_to_standard_output_replaces_the_table(capsys):
    assert main(["eval", "--suite", str(CRAFTED), "--no-baselines", "--markdown", "-"]) == 0
    printed = capsys.readouterr().out
    assert printed.startswith("# summarize eval: suite `eval_crafted`")
    assert "┃" not in printed


def test_fail_under_exits_one_and_says_why(capsys):
    code = main(["eval", "--suite", str(CRAFTED), "--no-baselines", "-q",
                 "--fail-under", "fields.event_type=0", "--fail-under", "summary_zh.rougeL=1.01"])
    assert code == 1
    err = capsys.readouterr().err
    assert "rules:summary_zh.rougeL" in err and "below the threshold 1.01" in err
    assert "event_type" not in err


def test_bad_threshold_fails_before_running(capsys):
    assert main(["eval", "--suite", str(CRAFTED), "--fail-under", "summary_zh.rougeL"]) == 2
    assert "expected METRIC=VALUE" in capsys.readouterr().err


def test_malformed_note_exits_two_naming_file_and_key(tmp_path, capsys):
    shutil.copytree(CRAFTED, tmp_path / "s")
    note = tmp_path / "s" / "references" / "a_meeting.json"
    note.write_text(note.read_text(encoding="utf-8").replace('"event_type": "meeting"', '"event_type": "gala"'),
                    encoding="utf-8")
    assert main(["eval", "--suite", str(tmp_path / "s")]) == 2
    assert f"{note}: event_type: must be one of meeting" in capsys.readouterr().err


@pytest.mark.parametrize("command", ["eval", "bench"])
def test_help_has_examples(command, capsys):
    assert main([command, "--help"]) == 0
    assert "examples:" in capsys.readouterr().out


def test_bench_json(tmp_path, capsys):
    path = tmp_path / "b.json"
    assert main(["bench", "--only", "per-seed", "--repeats", "1", "--all-cores", "--json", str(path)]) == 0
    data = json.loads(path.read_text(encoding="utf-8"))
    assert set(data["per_seed"]["ms"]) == {p.stem for p in (CRAFTED.parent.parent.parent / "seeds").glob("*.txt")}
    assert "whole pipeline ms per seed after start-up on one core" in capsys.readouterr().out


def test_eval_with_the_rules_engine_never_imports_torch():
    import subprocess
    import sys

    code = ("import sys; from summarize.cli import main; "
            f"code = main(['eval', '--suite', {str(CRAFTED)!r}, '--baseline', 'lead', '-q']); "
            "print(code, sorted(m for m in ('torch', 'transformers') if m in sys.modules))")
    proc = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert proc.stdout.strip().splitlines()[-1] == "0 []", proc.stderr[-2000:]


def test_beat_compares_the_engine_with_a_baseline_of_the_same_run(first_run, capsys):
    scores = json.loads((first_run[1] / "r.json").read_text(encoding="utf-8"))["aggregate"]
    gap = scores["rules"]["summary_zh.rougeL"] - scores["lead"]["summary_zh.rougeL"]
    args = ["eval", "--suite", str(CRAFTED), "--baseline", "lead", "-q"]
    assert main([*args, "--beat", f"lead:summary_zh.rougeL={gap - 0.01:.4f}"]) == 0
    assert main([*args, "--beat", f"lead:summary_zh.rougeL={gap + 0.01:.4f}"]) == 1
    assert "less than" in capsys.readouterr().err
    assert main([*args, "--beat", "summary_zh.rougeL=0.05"]) == 2  # the baseline must be named
