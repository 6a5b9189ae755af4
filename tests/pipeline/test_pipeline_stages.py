"""The stage protocol: every stage is registered with what it reads and writes, and keeps to it."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from seeds_util import REPO, SEEDS

from summarize.config import Settings
from summarize.document import Report
from summarize.pipeline import (
    SUMMARY_STAGES,
    Pipeline,
    StageContractError,
    StageSpec,
    describe,
    registry,
    report_fields,
)
from summarize.pipeline.ingest import read_path

ORDER = ["ingest", "corruption", "normalize", "clean", "extract", "render_en", "model", "finish"]


def test_the_registry_lists_every_stage_from_ingest_to_the_model_engine():
    stages = registry()
    assert list(stages) == ORDER
    fields = set(report_fields())
    for spec in stages.values():
        assert spec.requires and spec.assigns and spec.about
        assert set(spec.requires) <= fields and set(spec.assigns) <= fields
    assert all(name in describe() for name in ORDER)


def test_the_readme_draws_the_registered_pipeline():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    drawn = re.search(r"^ingest -> .*$", readme, re.MULTILINE)
    assert drawn is not None
    assert [part.strip() for part in drawn.group(0).split("->")] == ORDER


def _check_all(path: Path) -> Report:
    settings = Settings()
    return Pipeline(settings, ("ingest", *SUMMARY_STAGES), check=True).run(read_path(path, settings))


@pytest.mark.parametrize("seed", SEEDS, ids=lambda p: p.stem[:3])
def test_every_stage_writes_only_what_it_declares_on_the_seeds(seed):
    report = _check_all(seed)
    assert report.english.summary_en and report.facts.officials
    assert list(report.engine) == ["facts", "summary_zh", "summary_en", "title_en", "english"]
    assert set(report.timings_ms) == set(ORDER) - {"model"}  # the model stage runs only when asked for


@pytest.mark.slow
def test_every_stage_writes_only_what_it_declares_on_the_dev_suite(dev_suite):
    for path in sorted((dev_suite / "reports").glob("*.txt")):
        _check_all(path)


def sneaky(report: Report, settings: Settings) -> Report:
    report.translation = [{"zh": "甲", "en": "a"}]  # not declared below
    report.english.summary_en = "declared"
    return report


def test_a_stage_that_writes_a_field_it_did_not_declare_fails(monkeypatch):
    import summarize.pipeline as pipeline

    monkeypatch.setitem(pipeline._REGISTRY, "sneaky", StageSpec(
        "sneaky", "test_pipeline_stages:sneaky", requires=("english",), assigns=("english",), about="test"))
    report = Report(raw=b"x")
    with pytest.raises(StageContractError, match="stage 'sneaky' wrote translation"):
        Pipeline(Settings(), ("sneaky",), check=True).run(report)
    checked_off = Pipeline(Settings(), ("sneaky",)).run(Report(raw=b"x"))  # no check: production path
    assert checked_off.translation and checked_off.timings_ms["sneaky"] >= 0
