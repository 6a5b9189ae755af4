"""Run engines and baselines over a suite and score them: ``evaluate_suite(...) -> EvalResult``.

    from summarize.evaluation.runner import evaluate_suite
    result = evaluate_suite("seeds", "eval/references", engines=("rules",))
    result.aggregate["rules"]["officials.name_f1"]

Metric names: summarize.evaluation.metrics.METRICS and docs/eval.md.
"""

from __future__ import annotations

import dataclasses
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .. import __version__
from ..config import Settings, load_settings
from ..document import Report
from ..errors import SummarizeError, UsageError
from . import baselines as baselines_mod
from .faithfulness import verifier_name
from .memory import peak_rss_mb
from .metrics import Scores, score_case
from .references import Suite, load_suite

ENGINES = ("rules", "model")
RESULT_FORMAT = "summarize-eval/1"


@dataclass
class EvalResult:
    suite: dict[str, Any]
    systems: list[str]  # column order: engines first, then baselines
    kinds: dict[str, str]  # system -> "engine" | "baseline"
    aggregate: dict[str, Scores]  # system -> metric -> macro mean over reports (None: not scored)
    per_report: dict[str, dict[str, Scores]]  # system -> report id -> metric -> score
    stage_ms: dict[str, dict[str, float]] = field(default_factory=dict)  # engine -> stage -> mean ms
    notes: list[str] = field(default_factory=list)  # skipped engines, unreferenced reports
    details: dict[str, dict[str, Any]] = field(default_factory=dict)  # system -> id -> findings
    outputs: dict[str, dict[str, Any]] = field(default_factory=dict)  # system -> id -> output dict
    verifier: str = ""
    version: str = __version__

    def to_dict(self) -> dict[str, Any]:
        return {"format": RESULT_FORMAT, **dataclasses.asdict(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> EvalResult:
        names = {f.name for f in dataclasses.fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in names})

    def metric_names(self) -> list[str]:
        from .metrics import METRICS

        seen = {m for scores in self.aggregate.values() for m in scores}
        known = [m for m in METRICS if m in seen]
        return known + sorted(seen - set(known))


def mean(values: Sequence[float | None]) -> float | None:
    present = [v for v in values if v is not None]
    return sum(present) / len(present) if present else None


def aggregate(per_report: dict[str, Scores]) -> Scores:
    names = dict.fromkeys(m for scores in per_report.values() for m in scores)
    return {m: mean([scores.get(m) for scores in per_report.values()]) for m in names}


def _run_engine(engine: str, suite: Suite, settings: Settings) -> tuple[dict[str, Report], dict[str, Any], float]:
    from ..api import summarize_file
    from ..output.result import to_result

    chosen = dataclasses.replace(settings, engine=engine, sources=dict(settings.sources))
    reports: dict[str, Report] = {}
    outputs: dict[str, Any] = {}
    if suite.cases:  # warm-up: lazy imports and model loading are start-up, not per-report cost
        summarize_file(suite.cases[0].report_path, chosen)
    started = time.perf_counter()
    for case in suite.cases:
        report = summarize_file(case.report_path, chosen)
        reports[case.id] = report
        outputs[case.id] = to_result(report)
    return reports, outputs, time.perf_counter() - started


def _cost(elapsed_s: float, n: int, timings: list[dict[str, float]]) -> tuple[Scores, dict[str, float]]:
    stages = dict.fromkeys(s for t in timings for s in t)
    stage_ms = {s: round(mean([t.get(s) for t in timings]) or 0.0, 3) for s in stages}
    return {
        "cost.ms_per_report": round(elapsed_s * 1000 / n, 3) if n else None,
        "cost.reports_per_s": round(n / elapsed_s, 2) if elapsed_s > 0 else None,
        "cost.peak_rss_mb": peak_rss_mb(),
    }, stage_ms


def evaluate_suite(reports_dir: str | Path | None = None, references_dir: str | Path | None = None,
                   engines: Sequence[str] = ("rules",), baselines: Sequence[str] | None = None,
                   settings: Settings | None = None, suite_dir: str | Path | None = None,
                   keep_outputs: bool = True) -> EvalResult:
    """Score ``engines`` (and ``baselines``, default all) on a suite; the built-in seeds when no folder is given.

    An engine that cannot run (the model engine without weights) is left out with a note.
    """
    suite = load_suite(reports_dir, references_dir, suite_dir=suite_dir)
    settings = settings or load_settings({})
    baselines = list(baselines_mod.BASELINES) if baselines is None else list(baselines)
    unknown = [b for b in baselines if b not in baselines_mod.BASELINES] + [e for e in engines if e not in ENGINES]
    if unknown:
        raise UsageError(f"unknown engine or baseline: {', '.join(unknown)}")
    result = EvalResult(
        suite={"name": suite.name, "reports_dir": str(suite.reports_dir),
               "references_dir": str(suite.references_dir), "reports": [c.id for c in suite.cases]},
        systems=[], kinds={}, aggregate={}, per_report={}, verifier=verifier_name(),
    )
    if suite.unreferenced:
        result.notes.append(f"not scored (no reference note): {', '.join(suite.unreferenced)}")
    cleaned: dict[str, Report] | None = None
    for engine in engines:
        try:
            reports, outputs, elapsed = _run_engine(engine, suite, settings)
        except SummarizeError as err:
            if engine == "rules":
                raise
            result.notes.append(f"engine {engine} skipped: {_first_sentence(str(err))}")
            continue
        if engine != "rules" and not any(engine in str(v) for r in reports.values() for v in r.engine.values()):
            result.notes.append(f"engine {engine} skipped: no field came from it (are its weights present?)")
            continue
        _score_system(result, engine, "engine", suite, outputs, reports, keep_outputs)
        cost, result.stage_ms[engine] = _cost(elapsed, len(suite.cases), [r.timings_ms for r in reports.values()])
        result.aggregate[engine].update(cost)
        if engine == "rules":
            cleaned = reports
    if baselines and cleaned is None:
        cleaned = _clean_only(suite, settings)
    for name in baselines:
        if name == "names_zh" and not baselines_mod.names_zh_available():
            result.notes.append("baseline names_zh skipped: summarize.english.render.render_english"
                                "(..., romanize_names=False) is not available")
            continue
        if name == "names_zh" and "rules" not in result.systems:
            result.notes.append("baseline names_zh skipped: it renders the rules engine's facts; add --engine rules")
            continue
        baselines_mod.prepare(name)
        started = time.perf_counter()
        outputs = {case.id: baselines_mod.BASELINES[name](cleaned[case.id]) for case in suite.cases}
        elapsed = time.perf_counter() - started
        _score_system(result, name, "baseline", suite, outputs, cleaned, keep_outputs)
        result.aggregate[name].update(_cost(elapsed, len(suite.cases), [])[0])
    if not result.systems:
        raise SummarizeError("nothing to score: " + "; ".join(result.notes))
    return result


def _first_sentence(message: str, limit: int = 160) -> str:
    """Model errors list every path they looked in; a table note needs only the gist."""
    head = message.split(". ")[0].split("\n")[0]
    return head if len(head) <= limit else head[: limit - 3] + "..."


def _clean_only(suite: Suite, settings: Settings) -> dict[str, Report]:
    from ..api import clean_file

    return {case.id: clean_file(case.report_path, settings) for case in suite.cases}


def _score_system(result: EvalResult, name: str, kind: str, suite: Suite, outputs: dict[str, Any],
                  reports: dict[str, Report] | None, keep_outputs: bool) -> None:
    per_report: dict[str, Scores] = {}
    details: dict[str, Any] = {}
    for case in suite.cases:
        report = reports.get(case.id) if reports else None
        scores, detail = score_case(outputs[case.id], case.reference, report)
        per_report[case.id] = scores
        if detail:
            details[case.id] = detail
    result.systems.append(name)
    result.kinds[name] = kind
    result.per_report[name] = per_report
    result.aggregate[name] = aggregate(per_report)
    if details:
        result.details[name] = details
    if keep_outputs:
        result.outputs[name] = outputs
