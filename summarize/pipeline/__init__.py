"""The pipeline: registered stages, each declaring the Report fields it reads and writes.

    ingest -> corruption -> normalize -> clean -> extract -> render_en -> model -> finish

A stage is a function ``stage(report, settings) -> report``, registered below by name with the fields it
``requires`` and ``assigns`` (the contract of spaCy's pipeline components). Stages are imported lazily, so
a command pays only for the stages it runs (``clean`` never imports the tagger, the rules engine never
imports torch). ``Pipeline(settings).run(report)`` times each stage in ``report.timings_ms`` and records
which engine produced which output field in ``report.engine``; with ``check=True`` (the tests) a stage
that writes a field it did not declare raises StageContractError.

    python -c "import summarize.pipeline as p; print(p.describe())"
"""

from __future__ import annotations

import copy
import dataclasses
import importlib
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from ..config import Settings
from ..document import Report

Stage = Callable[[Report, Settings], Report]

# Fields the Pipeline itself writes around every stage (not part of any stage's contract).
PIPELINE_FIELDS = ("timings_ms", "engine")


class StageContractError(AssertionError):
    """A stage wrote a Report field it did not declare in ``assigns`` (raised only with check=True)."""


@dataclass(frozen=True)
class StageSpec:
    name: str
    target: str  # "module:function", imported on first use
    requires: tuple[str, ...]  # Report fields the stage reads
    assigns: tuple[str, ...]  # Report fields the stage may write
    about: str
    produces: tuple[str, ...] = ()  # output fields the rules engine is credited with in report.engine
    when: Callable[[Settings], bool] | None = None  # run only when this holds for the settings

    def enabled(self, settings: Settings) -> bool:
        return self.when is None or self.when(settings)


_REGISTRY: dict[str, StageSpec] = {}


def register(name: str, target: str, *, requires: Sequence[str], assigns: Sequence[str], about: str,
             produces: Sequence[str] = (), when: Callable[[Settings], bool] | None = None) -> StageSpec:
    """Add a stage to the registry (stages run in registration order)."""
    unknown = sorted((set(requires) | set(assigns)) - set(report_fields()))
    if unknown:
        raise ValueError(f"stage {name!r} names fields that Report does not have: {', '.join(unknown)}")
    spec = StageSpec(name, target, tuple(requires), tuple(assigns), about, tuple(produces), when)
    _REGISTRY[name] = spec
    return spec


def report_fields() -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(Report))


def _uses_model(settings: Settings) -> bool:
    return settings.engine in ("model", "auto") or settings.translate


register("ingest", "summarize.pipeline.ingest:ingest", requires=("path", "raw"),
         assigns=("raw_text", "text", "html_title", "quality"),
         about="detect the encoding, refuse what is not a report, strip terminal controls, unwrap HTML")
# Corruption runs before normalize: undoing a mis-aligned GBK decoding needs the characters as scraped.
register("corruption", "summarize.pipeline.corruption:detect_corruption", requires=("text",),
         assigns=("text", "quality"), about="repair mojibake, mark lost characters")
register("normalize", "summarize.pipeline.normalize:normalize", requires=("text", "html_title"),
         assigns=("text", "html_title", "quality"),
         about="remove scraper pinyin, convert to Simplified, fold punctuation and width")
register("clean", "summarize.pipeline.clean:clean", requires=("text", "html_title"),
         assigns=("text", "metadata", "quality"),
         about="drop page chrome (line classifier), read the page metadata, move corrupted spans to the clean text")
register("extract", "summarize.extract:extract", requires=("text", "metadata"), assigns=("facts", "quality"),
         produces=("facts", "summary_zh"),
         about="grounded facts: date, place, event type, officials (LAC tagger + rules), items, summary_zh")
register("render_en", "summarize.english.render:render_en", requires=("text", "facts"),
         assigns=("english", "facts", "quality"), produces=("summary_en", "title_en", "english"),
         about="English: names, titles, places, rendered clauses, summary_en (facts' items get .en)")
register("model", "summarize.model.engine:apply_model_engine", requires=("text", "facts", "english"),
         assigns=("facts", "english", "translation", "quality", "engine"), when=_uses_model,
         about="local seq2seq model for summaries and translation, every output checked by the verifier")
register("finish", "summarize.pipeline:finish", requires=("english",), assigns=("english", "quality"),
         about="summary_en is always a string, with the reason in quality when empty")

CLEAN_STAGES = ("corruption", "normalize", "clean")  # after ingest
RULES_STAGES = (*CLEAN_STAGES, "extract", "render_en")
SUMMARY_STAGES = (*RULES_STAGES, "model", "finish")


def registry() -> dict[str, StageSpec]:
    """Every stage, from ingest to the model engine, in the order they run."""
    return dict(_REGISTRY)


def describe() -> str:
    """One line per stage: name, what it requires and assigns, what it does."""
    return "\n".join(f"{s.name:<10} requires {', '.join(s.requires):<28} assigns {', '.join(s.assigns):<40} "
                     f"{s.about}" for s in _REGISTRY.values())


def load_stage(name: str) -> Stage:
    module_name, func_name = _REGISTRY[name].target.split(":")
    return getattr(importlib.import_module(module_name), func_name)


class Pipeline:
    """Run registered stages in order on a Report, timing each and recording the engine of each output."""

    def __init__(self, settings: Settings, names: Sequence[str] = SUMMARY_STAGES, check: bool = False):
        unknown = [n for n in names if n not in _REGISTRY]
        if unknown:
            raise KeyError(f"unknown stage(s): {', '.join(unknown)}")
        self.settings = settings
        self.specs = [_REGISTRY[n] for n in names if _REGISTRY[n].enabled(settings)]
        self.check = check

    def run(self, report: Report) -> Report:
        for spec in self.specs:
            before = copy.deepcopy(report) if self.check else None
            started = time.perf_counter()
            report = load_stage(spec.name)(report, self.settings)
            report.timings_ms[spec.name] = round((time.perf_counter() - started) * 1000, 3)
            if before is not None:
                _check_contract(spec, before, report)
            for output in spec.produces:
                report.engine[output] = "rules"
        return report


def _check_contract(spec: StageSpec, before: Report, after: Report) -> None:
    allowed = set(spec.assigns) | set(PIPELINE_FIELDS)
    changed = [f for f in report_fields() if f not in allowed and getattr(before, f) != getattr(after, f)]
    if changed:
        raise StageContractError(f"stage {spec.name!r} wrote {', '.join(changed)}, which it does not assign "
                                 f"(assigns: {', '.join(spec.assigns)})")


def run_stages(report: Report, settings: Settings, names: Sequence[str]) -> Report:
    """Run the named stages in order (the Pipeline without a contract check)."""
    return Pipeline(settings, names).run(report)


def finish(report: Report, settings: Settings) -> Report:
    """summary_en is always a string; when nothing could be said, quality says why."""
    if not report.english.summary_en:
        report.english.summary_en = ""
        report.quality.warnings.append("summary_en: empty, too few facts to say anything in English")
    return report
