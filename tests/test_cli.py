"""The command line: outputs, errors with exit codes, config sources, lazy imports."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
from seeds_util import heavy_imports_after, seed_named

from summarize.cli import main

SEED = seed_named("002")


def run_cli(*args: str, **kwargs) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "summarize", *args], capture_output=True, text=True,
                          timeout=120, **kwargs)


def test_file_json_result(capsys):
    assert main(["file", str(SEED), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["schema_version"] == "1.0"
    assert result["title"].startswith("全市“深学争优")
    assert result["event_date"] == "2024-02-18"
    assert result["jurisdiction"] == "宁德市"
    assert {o["name"] for o in result["officials"]} >= {"梁伟新", "张永宁"}
    assert result["engine"]["facts"] == "rules"
    assert set(result["timings_ms"]) >= {"ingest", "normalize", "clean", "extract", "render_en"}
    assert result["metadata"]["editor"] == "陈娥"


def test_file_markdown_to_out_file(tmp_path, capsys):
    out = tmp_path / "notes.md"
    assert main(["file", str(SEED), "--format", "md", "--out", str(out)]) == 0
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# 全市")
    assert "## Officials" in text and "Liang Weixin" in text and "## Summary" in text
    assert capsys.readouterr().out == ""


def test_clean_json(capsys):
    assert main(["clean", str(SEED), "--json"]) == 0
    payload = json.loads(capsys.readouterr().out)
    assert payload["metadata"]["published"] == "2024-02-19"
    assert payload["quality"]["encoding"] == "utf-8"
    assert payload["quality"]["script_detected"] == "traditional"
    reasons = {d["reason"] for d in payload["quality"]["boilerplate_dropped"]}
    assert {"copyright", "licence", "navigation"} <= reasons


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda d: d / "missing.txt", "no such file"),
        (lambda d: d, "is a directory"),
        (lambda d: (d / "empty.txt", (d / "empty.txt").write_bytes(b""))[0], "empty"),
        (lambda d: (d / "x.txt", (d / "x.txt").write_bytes(b"%PDF-1.4 \x00\x01"))[0], "PDF"),
        (lambda d: (d / "big.txt", (d / "big.txt").write_bytes("会".encode() * 400))[0], "limit"),
    ],
)
def test_bad_input_exits_1_naming_the_file(tmp_path, make, message):
    path = make(tmp_path)
    for command in ("clean", "file"):
        done = run_cli(command, str(path), "--max-bytes", "1000")
        assert done.returncode == 1, done.stderr
        assert str(path) in done.stderr and message in done.stderr
        assert "Traceback" not in done.stderr


def test_one_bad_file_does_not_stop_the_others(tmp_path):
    done = run_cli("file", str(tmp_path / "nope.txt"), str(SEED), "--format", "json")
    assert done.returncode == 1
    assert "nope.txt" in done.stderr
    results = json.loads(done.stdout)
    assert len(results) == 1 and results[0]["jurisdiction"] == "宁德市"


def test_usage_errors_exit_2():
    assert run_cli("file").returncode == 2
    assert run_cli("file", str(SEED), "--engine", "magic").returncode == 2
    assert run_cli("nonsense").returncode == 2


def test_stdin(tmp_path):
    done = run_cli("clean", "-", "--format", "text", input=SEED.read_text(encoding="utf-8"))
    assert done.returncode == 0
    assert done.stdout.startswith("全市“深学争优")


def test_config_shows_sources(tmp_path):
    (tmp_path / "summarize.toml").write_text('engine = "auto"\nnum_beams = 2\n', encoding="utf-8")
    done = run_cli("config", "--format", "json", cwd=tmp_path,
                   env={"PATH": "", "SUMMARIZE_MAX_BYTES": "1234", "HOME": str(tmp_path),
                        "PYTHONPATH": str(SEED.parent.parent)})
    settings = json.loads(done.stdout)
    assert settings["engine"] == {"value": "auto", "source": str(tmp_path / "summarize.toml")}
    assert settings["max_bytes"] == {"value": 1234, "source": "env SUMMARIZE_MAX_BYTES"}
    assert settings["strict"]["source"] == "default"


def test_malformed_config_is_a_usage_error(tmp_path):
    (tmp_path / "summarize.toml").write_text("engine = \n", encoding="utf-8")
    done = run_cli("file", str(SEED), cwd=tmp_path, env={"HOME": str(tmp_path),
                                                          "PYTHONPATH": str(SEED.parent.parent)})
    assert done.returncode == 2
    assert "summarize.toml" in done.stderr


@pytest.mark.parametrize("command", [["--help"], ["clean", str(SEED), "--json"], ["file", str(SEED), "--format", "json"],
                                     ["config"], ["eval", "--help"], ["batch", "--help"]])
def test_commands_without_a_model_never_import_torch(command):
    code = (f"import sys, runpy\nsys.argv = ['summarize', *{command!r}]\n"
            "try:\n    runpy.run_module('summarize', run_name='__main__')\n"
            "except SystemExit as exit_:\n    assert not exit_.code, exit_.code")
    assert heavy_imports_after(code) == []


def test_every_command_has_help_with_examples():
    from summarize.cli import COMMANDS

    for name in COMMANDS:
        done = run_cli(name, "--help")
        assert done.returncode == 0, name
        assert "examples:" in done.stdout, name


def test_bad_user_glossary_fails_once_up_front(tmp_path):
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("zh\ten\tcategory\n只有一列\n", encoding="utf-8")
    reports = tmp_path / "reports"
    reports.mkdir()
    (reports / "a.txt").write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    for command in (["file", str(SEED)], ["batch", str(reports), "--out", str(tmp_path / "out")]):
        done = run_cli(*command, "--glossary", str(glossary))
        assert done.returncode == 2, done.stderr
        assert str(glossary) in done.stderr


def test_terminal_view_shows_every_section():
    from rich.console import Console

    from summarize.api import summarize_file
    from summarize.output.rich_view import render_report

    report = summarize_file(seed_named("001"))
    console = Console(width=160, record=True, force_terminal=False)
    render_report(report, console)
    shown = console.export_text()
    for text in ("维西县召开项目工作推进会", "2021-05-31", "Ma Shengchun", "Weixi County",
                 report.facts.projects[0].text, report.facts.campaigns[0].text,
                 report.facts.key_points[0].text[:10], report.english.summary_en[:30]):
        assert text in shown, text
