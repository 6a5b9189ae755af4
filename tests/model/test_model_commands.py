"""summarize models / summarize prompts through the real CLI entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from model_fixtures import SEEDS, build_tiny_marian
from seeds_util import heavy_imports_after

from summarize.cli import main


@pytest.fixture(autouse=True)
def offline(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(tmp_path / "none.toml"))
    (tmp_path / "none.toml").write_text("")


def test_models_lists_every_task_with_its_default_and_state(capsys, tmp_path):
    assert main(["models", "--format", "json"]) == 0
    rows = {r["task"]: r for r in json.loads(capsys.readouterr().out)}
    assert set(rows) == {"translate", "summarize_zh", "instruct"}
    assert rows["translate"]["model"] == "Helsinki-NLP/opus-mt-zh-en"
    assert rows["translate"]["found_in"] == "missing" and rows["translate"]["weights"] is None
    assert str(tmp_path / "hf" / "hub" / "models--Helsinki-NLP--opus-mt-zh-en") in rows["translate"]["looked_in"]


def test_models_check_fails_when_missing_and_passes_for_a_local_model(capsys, tmp_path):
    pytest.importorskip("torch")
    pytest.importorskip("transformers")
    assert main(["models", "check"]) == 1
    out = capsys.readouterr()
    assert "FAILED" in out.out and "summarize models pull" in out.out
    build_tiny_marian(tmp_path / "tiny")
    code = main(["models", "check", "--format", "json", "--device", "cpu", "--translate-model", str(tmp_path / "tiny"),
                 "--summarize-model", str(tmp_path / "tiny"), "--model", str(tmp_path / "tiny")])
    rows = json.loads(capsys.readouterr().out)
    assert code == 0
    assert all(r["check"].startswith("ok on cpu/float32, max input 64 tokens") for r in rows)
    assert {r["configured_by"] for r in rows} == {"flag"}


def test_models_pull_fails_clearly(capsys, monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert main(["models", "pull", "Helsinki-NLP/opus-mt-zh-en"]) == 1
    assert "HF_HUB_OFFLINE is set" in capsys.readouterr().err
    assert main(["models", "pull"]) == 2
    assert "pull needs a model NAME" in capsys.readouterr().err


def test_prompts_lists_shows_and_overrides(capsys, tmp_path):
    assert main(["prompts"]) == 0
    out = capsys.readouterr().out
    assert "instruct" in out and "variables: title, date" in out
    assert main(["prompts", "--show", "instruct_zh"]) == 0
    assert "摘要：" in capsys.readouterr().out
    (tmp_path / "translate.txt").write_text("Translate: ${text}\n", encoding="utf-8")
    assert main(["prompts", "--prompt-dir", str(tmp_path), "--format", "json"]) == 0
    rows = {r["name"]: r for r in json.loads(capsys.readouterr().out)}
    assert rows["translate"]["path"] == str(tmp_path / "translate.txt")
    assert main(["prompts", "--show", "missing"]) == 2


@pytest.mark.parametrize("command", ["models", "prompts"])
def test_help_has_examples(capsys, command):
    assert main([command, "--help"]) == 0
    assert "examples:" in capsys.readouterr().out


def test_listing_models_and_prompts_imports_no_model_library(tmp_path):
    code = ("import io, contextlib\nfrom summarize.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            "    codes = [main(['models']), main(['prompts']), main(['prompts', '--show', 'instruct'])]\n"
            "assert codes == [0, 0, 0], codes")
    assert heavy_imports_after(code, env={"HF_HOME": str(tmp_path), "PATH": "/usr/bin:/bin"}) == []


# Runs the CLI in a fresh interpreter where torch and transformers cannot be imported, as after a plain
# `pip install summarize` without the [model] extra.
BLOCK_MODEL_STACK = """
import sys
class Block:
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in ("torch", "transformers"):
            raise ModuleNotFoundError(f"No module named {name!r}")
sys.meta_path.insert(0, Block())
from summarize.cli import main
sys.exit(main(sys.argv[1:]))
"""


def _without_model_stack(*args: str, cwd) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-c", BLOCK_MODEL_STACK, *args], capture_output=True, text=True,
                          cwd=cwd, env={**os.environ, "HF_HOME": str(cwd / "hf")}, timeout=120)


def test_without_the_model_extra_the_rules_engine_does_the_whole_job(tmp_path):
    done = _without_model_stack("file", str(SEEDS[0]), "--format", "json", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout)
    assert result["summary_zh"] and result["officials"]


@pytest.mark.parametrize("args", [("file", "--engine", "model"), ("file", "--translate")])
def test_without_the_model_extra_the_model_engine_says_what_to_install(tmp_path, args):
    done = _without_model_stack(*args[:1], str(SEEDS[0]), *args[1:], cwd=tmp_path)
    assert done.returncode != 0
    assert 'pip install "summarize[model]"' in done.stderr and "torch" in done.stderr
    assert "Traceback" not in done.stderr


def test_without_the_model_extra_models_lists_what_is_missing(tmp_path):
    done = _without_model_stack("models", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "model stack: NOT INSTALLED (torch, transformers)" in done.stdout
