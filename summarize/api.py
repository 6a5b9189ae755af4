"""The library API; the CLI is a thin layer over these functions."""

from __future__ import annotations

import re
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

from .config import Settings, load_settings
from .document import Report
from .pipeline import CLEAN_STAGES, RULES_STAGES, run_stages
from .pipeline.ingest import ingest_bytes, ingest_path


def _settings(settings: Settings | None, overrides: dict[str, Any]) -> Settings:
    """Keyword overrides win over the given settings (or over the config files when none are given)."""
    if settings is None:
        return load_settings(overrides)
    return replace(settings, **overrides) if overrides else settings


def clean_file(path: str | Path, settings: Settings | None = None, **overrides: Any) -> Report:
    """Ingest and clean one file: clean Simplified text, metadata and the quality report."""
    settings = _settings(settings, overrides)
    report = _timed_ingest(lambda: ingest_path(path, settings))
    return run_stages(report, settings, CLEAN_STAGES)


def clean_text(text: str, settings: Settings | None = None, **overrides: Any) -> Report:
    settings = _settings(settings, overrides)
    report = _ingest_text(text, settings)
    return run_stages(report, settings, CLEAN_STAGES)


def summarize_report(report: Report, settings: Settings) -> Report:
    """Run everything after ingest on an ingested report, with the configured engine."""
    report = run_stages(report, settings, RULES_STAGES)
    report.engine = {k: "rules" for k in ("facts", "summary_zh", "summary_en", "title_en", "english")}
    if settings.engine in ("model", "auto") or settings.translate:
        from .model.engine import apply_model_engine  # lazy: imports torch only when asked

        report = apply_model_engine(report, settings)
    if not report.english.summary_en:  # always a string, with the reason when empty
        report.english.summary_en = ""
        report.quality.warnings.append("summary_en: empty, too few facts to say anything in English")
    return report


def summarize_file(path: str | Path, settings: Settings | None = None, **overrides: Any) -> Report:
    """Summarize one report file. Raises InputError for unreadable input."""
    settings = _settings(settings, overrides)
    report = _timed_ingest(lambda: ingest_path(path, settings))
    return summarize_report(report, settings)


def summarize_text(text: str, settings: Settings | None = None, **overrides: Any) -> Report:
    """Summarize a report given as text (str; bytes are decoded like a file's)."""
    settings = _settings(settings, overrides)
    report = _ingest_text(text, settings)
    return summarize_report(report, settings)


def _ingest_text(text: str | bytes, settings: Settings) -> Report:
    """Ingest a str (or bytes, decoded like a file's). Lone surrogates, which no encoding can write,
    become U+FFFD with a note instead of a UnicodeEncodeError."""
    if isinstance(text, (bytes, bytearray, memoryview)):
        return ingest_bytes(bytes(text), None, settings)
    if not isinstance(text, str):
        raise TypeError(f"expected str or bytes, not {type(text).__name__}")
    text, lone = _SURROGATE.subn("\ufffd", text)
    report = ingest_bytes(text.encode("utf-8"), None, settings)
    if lone:
        report.quality.warnings.append(f"replaced {lone} lone surrogate(s) with U+FFFD")
    return report


_SURROGATE = re.compile("[\ud800-\udfff]")


def _timed_ingest(load) -> Report:
    started = time.perf_counter()
    report = load()
    report.timings_ms["ingest"] = round((time.perf_counter() - started) * 1000, 3)
    return report
