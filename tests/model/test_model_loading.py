"""Offline model resolution (directory or Hugging Face cache), clear errors, and no heavy imports."""

from __future__ import annotations

import pytest
from seeds_util import heavy_imports_after

from summarize.config import Settings
from summarize.document import Report
from summarize.errors import ModelError
from summarize.model.engine import apply_model_engine
from summarize.model.loading import missing_message, pull_model, resolve_model


@pytest.fixture(autouse=True)
def empty_hf_cache(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf"))
    monkeypatch.delenv("HF_HUB_CACHE", raising=False)
    return tmp_path / "hf" / "hub"


def fake_snapshot(cache, repo_id: str, weights: bool):
    snap = cache / f"models--{repo_id.replace('/', '--')}" / "snapshots" / "abc123"
    snap.mkdir(parents=True)
    (snap.parents[1] / "refs").mkdir()
    (snap.parents[1] / "refs" / "main").write_text("abc123")
    (snap / "config.json").write_text("{}")
    if weights:
        (snap / "model.safetensors").write_bytes(b"x")
    return snap


def test_directory_with_and_without_weights(tmp_path):
    folder = tmp_path / "m"
    folder.mkdir()
    (folder / "config.json").write_text("{}")
    res = resolve_model(str(folder))
    assert (res.source, res.has_weights) == ("directory", False)
    assert "holds no weights" in missing_message("translate", res)
    (folder / "pytorch_model.bin").write_bytes(b"x")
    assert resolve_model(str(folder)).weights == "pytorch_model.bin"


def test_hub_cache_is_found_through_hf_home(empty_hf_cache):
    snap = fake_snapshot(empty_hf_cache, "org/model", weights=True)
    res = resolve_model("org/model")
    assert (res.source, res.path, res.weights) == ("hf-cache", snap, "model.safetensors")


def test_hf_hub_cache_wins_over_hf_home(tmp_path, monkeypatch):
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "other"))
    snap = fake_snapshot(tmp_path / "other", "org/model", weights=False)
    res = resolve_model("org/model")
    assert res.path == snap and not res.has_weights


def test_missing_model_message_says_which_where_and_how(empty_hf_cache):
    res = resolve_model("Helsinki-NLP/opus-mt-zh-en")
    assert res.source == "missing" and not res.has_weights
    message = missing_message("translate", res)
    assert "Helsinki-NLP/opus-mt-zh-en" in message
    assert str(empty_hf_cache / "models--Helsinki-NLP--opus-mt-zh-en") in message
    assert "summarize models pull Helsinki-NLP/opus-mt-zh-en" in message and "--translate-model" in message


def test_engine_model_without_weights_is_a_model_error():
    with pytest.raises(ModelError, match="no model weights found.*mT5_multilingual_XLSum.*mt0-base"):
        apply_model_engine(Report(text="会议召开。"), Settings(engine="model"))
    with pytest.raises(ModelError, match="--translate needs a translation model.*opus-mt-zh-en"):
        apply_model_engine(Report(text="会议召开。"), Settings(engine="rules", translate=True))


def test_engine_auto_without_weights_keeps_the_rules_output():
    report = Report(text="会议召开。")
    report.facts.summary_zh = "规则摘要"
    report.engine = {"summary_zh": "rules"}
    out = apply_model_engine(report, Settings(engine="auto"))
    assert out.facts.summary_zh == "规则摘要" and out.engine == {"summary_zh": "rules"}


def test_pull_refuses_offline_and_local_dirs(monkeypatch, tmp_path):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelError, match="HF_HUB_OFFLINE is set"):
        pull_model("Helsinki-NLP/opus-mt-zh-en")
    with pytest.raises(ModelError, match="local directory"):
        pull_model(str(tmp_path))


def test_importing_and_resolving_does_not_import_torch():
    code = ("import summarize, summarize.model.engine, summarize.model.loading\n"
            "from summarize.config import Settings\nfrom summarize.model.engine import resolutions\n"
            "resolutions(Settings())")
    assert heavy_imports_after(code) == []
