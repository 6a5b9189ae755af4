"""The deterministic pipeline: ingest -> corruption -> normalize -> clean -> extract -> render_en.

A stage is a function ``stage(report, settings) -> report``. Stages are imported lazily so a
command only pays for the stages it runs.
"""

from __future__ import annotations

import importlib
import time
from collections.abc import Callable, Sequence

from ..config import Settings
from ..document import Report

Stage = Callable[[Report, Settings], Report]

# name -> "module:function"
STAGES: dict[str, str] = {
    # Corruption runs first: undoing a mis-aligned GBK decoding needs the characters exactly as scraped.
    "corruption": "summarize.pipeline.corruption:detect_corruption",
    "normalize": "summarize.pipeline.normalize:normalize",
    "clean": "summarize.pipeline.clean:clean",
    "extract": "summarize.extract:extract",
    "render_en": "summarize.english.render:render_en",
}

CLEAN_STAGES = ("corruption", "normalize", "clean")
RULES_STAGES = (*CLEAN_STAGES, "extract", "render_en")


def load_stage(name: str) -> Stage:
    module_name, func_name = STAGES[name].split(":")
    return getattr(importlib.import_module(module_name), func_name)


def run_stages(report: Report, settings: Settings, names: Sequence[str]) -> Report:
    """Run the named stages in order, timing each in ``report.timings_ms``."""
    for name in names:
        stage = load_stage(name)
        started = time.perf_counter()
        report = stage(report, settings)
        report.timings_ms[name] = round((time.perf_counter() - started) * 1000, 3)
    return report
