"""The library API; the CLI is a thin layer over these functions."""

from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from .config import Settings, load_settings
from .document import Report
from .pipeline import CLEAN_STAGES, SUMMARY_STAGES, Pipeline
from .pipeline.ingest import read_path


def _settings(settings: Settings | None, overrides: dict[str, Any]) -> Settings:
    """Keyword overrides win over the given settings (or over the config files when none are given)."""
    if settings is None:
        return load_settings(overrides)
    return replace(settings, **overrides) if overrides else settings


def _from_ingest(stages: tuple[str, ...], settings: Settings | None, overrides: dict[str, Any]) -> Pipeline:
    """The pipeline from ingest through ``stages``, with the settings and overrides the caller gave."""
    return Pipeline(_settings(settings, overrides), ("ingest", *stages))


def clean_file(path: str | Path, settings: Settings | None = None, **overrides: Any) -> Report:
    """Ingest and clean one file: clean Simplified text, metadata and the quality report."""
    pipeline = _from_ingest(CLEAN_STAGES, settings, overrides)
    return pipeline.run(read_path(path, pipeline.settings))


def clean_text(text: str, settings: Settings | None = None, **overrides: Any) -> Report:
    return _with_text_notes(text, _from_ingest(CLEAN_STAGES, settings, overrides))


def summarize_report(report: Report, settings: Settings) -> Report:
    """Run every stage after ingest on an ingested report, with the configured engine."""
    return Pipeline(settings, SUMMARY_STAGES).run(report)


def summarize_file(path: str | Path, settings: Settings | None = None, **overrides: Any) -> Report:
    """Summarize one report file. Raises InputError for unreadable input."""
    pipeline = _from_ingest(SUMMARY_STAGES, settings, overrides)
    return pipeline.run(read_path(path, pipeline.settings))


def summarize_text(text: str, settings: Settings | None = None, **overrides: Any) -> Report:
    """Summarize a report given as text (str; bytes are decoded like a file's)."""
    return _with_text_notes(text, _from_ingest(SUMMARY_STAGES, settings, overrides))


def _with_text_notes(text: str | bytes, pipeline: Pipeline) -> Report:
    """Run a pipeline that starts with ingest on a str (or bytes, decoded like a file's). Lone surrogates,
    which no encoding can write, become U+FFFD with a note instead of a UnicodeEncodeError."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        return pipeline.run(Report(raw=bytes(text)))
    if not isinstance(text, str):
        raise TypeError(f"expected str or bytes, not {type(text).__name__}")
    text, lone = _SURROGATE.subn("\ufffd", text)
    report = pipeline.run(Report(raw=text.encode("utf-8")))
    if lone:
        report.quality.warnings.append(f"replaced {lone} lone surrogate(s) with U+FFFD")
    return report


_SURROGATE = re.compile("[\ud800-\udfff]")
