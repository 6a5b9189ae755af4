"""The model engine: overwrite rules-engine fields with verified model output.

``apply_model_engine`` runs after the rules stages. For each field it picks the first task (in the order of
``FIELD_TASKS``) whose model weights are present, generates, verifies the output against the report and
either keeps it (``report.engine[field] = "model"``) or falls back to the grounded rules value
(``"rules (model output rejected: ...)"``). With ``settings.translate`` it also fills ``report.translation``.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Any

from ..compose import set_text
from ..config import Settings
from ..document import Report
from ..errors import ModelError, UnsupportedOutputError
from ..text.han import HAN
from .defaults import model_for
from .loading import Resolution, describe_missing, how_to_get, missing_message, resolve_model

# field -> the (task, template) pairs that can write it, best first.
FIELD_TASKS: dict[str, tuple[tuple[str, str], ...]] = {
    "summary_zh": (("summarize_zh", "summarize_zh"), ("instruct", "instruct_zh")),
    "summary_en": (("instruct", "instruct"), ("translate", "translate")),
    "title_en": (("translate", "translate"),),
}
FIELD_LANG = {"summary_zh": "zh", "summary_en": "en", "title_en": "en", "translation": "en"}


@dataclass
class Plan:
    field: str
    task: str
    template: str
    resolution: Resolution


def resolutions(settings: Settings) -> dict[str, Resolution]:
    return {task: resolve_model(model_for(task, settings)) for task in ("translate", "summarize_zh", "instruct")}


def plan_fields(settings: Settings, found: dict[str, Resolution]) -> tuple[list[Plan], list[str]]:
    """Which task writes which field; the second value lists the fields no model can write."""
    plans: list[Plan] = []
    missing: list[str] = []
    for field_name, options in FIELD_TASKS.items():
        usable = [(task, tpl) for task, tpl in options if found[task].has_weights]
        if usable:
            task, template = usable[0]
            plans.append(Plan(field_name, task, template, found[task]))
        else:
            missing.append(field_name)
    return plans, missing


def _options(settings: Settings):
    from .generate import GenerationOptions

    return GenerationOptions(num_beams=settings.num_beams, max_new_tokens=settings.max_new_tokens,
                             batch_size=settings.batch_size)


def _runner(res: Resolution, settings: Settings):
    from .generate import load_runner

    assert res.path is not None
    backend = "ctranslate2" if res.ct2 else settings.backend
    return load_runner(res.path, backend=backend, device=settings.device, dtype=settings.dtype, name=res.name)


def _generate_field(plan: Plan, report: Report, settings: Settings) -> str | None:
    """The model's text for one field, or None when there is nothing to work from (e.g. no title)."""
    from .chunking import pack_chunks, split_sentences
    from .generate import generate_all
    from .prompts import load_template, render, variables_from

    runner = _runner(plan.resolution, settings)
    template = load_template(plan.template, settings.prompt_dir)
    options = _options(settings)
    if plan.task == "translate":
        from .translate import translate_sentences

        source = report.facts.title if plan.field == "title_en" else report.facts.summary_zh
        if not source:
            return None
        english, notes = translate_sentences(split_sentences(source), runner, options,
                                             None if template.is_identity else template.body)
        report.quality.warnings.extend(f"{plan.field}: {n}" for n in notes)
        return " ".join(e for e in english if e)
    values = variables_from(report, text="")
    # Room left for the text once every other slot is filled.
    room = runner.max_input_tokens - runner.count_tokens(render(template, values))
    if room < 16:
        raise ModelError(f"prompt template {template.name!r} leaves no room for the text within "
                         f"{runner.max_input_tokens} tokens of {plan.resolution.name}")
    chunks, notes = pack_chunks(split_sentences(report.text), runner.count_tokens, room)
    report.quality.warnings.extend(f"{plan.field}: {n}" for n in notes)
    if not chunks:
        return None
    if plan.task == "instruct" and len(chunks) > 1:
        # An instruction prompt takes one chunk: the facts slots carry the rest of the report.
        report.quality.warnings.append(f"{plan.field}: the report is longer than the prompt allows; the model saw "
                                       f"sentences 1-{chunks[0].sentences[-1] + 1} of the text and the extracted facts")
        chunks = chunks[:1]
    elif len(chunks) > 1:
        report.quality.warnings.append(f"{plan.field}: the text was summarised in {len(chunks)} chunks "
                                       f"of at most {room} tokens, joined in order")
    prompts = [render(template, {**values, "text": c.text}) for c in chunks]
    outputs = generate_all(runner, prompts, options)
    joiner = " " if FIELD_LANG[plan.field] == "en" else ""
    return joiner.join(o for o in outputs if o).strip()


def _wrong_language(output: str, lang: str) -> str | None:
    """A cheap sanity check before the verifier: empty, or not in the language the field is in."""
    if not output.strip():
        return "empty output"
    cjk = len(HAN.findall(output))
    if lang == "en" and cjk:
        return f"English output contains {cjk} Chinese characters"
    if lang == "zh" and cjk < len(output.strip()) / 4:
        return "Chinese output is mostly not Chinese"
    return None


def _verify(report: Report, label: str, output: str, lang: str, settings: Settings) -> list[dict[str, Any]]:
    """Record what the source does not support under ``label``; --strict makes any of it an error."""
    from ..grounding.verifier import find_unsupported

    problems = [{**p, "field": label} for p in find_unsupported(output, report, lang)]
    report.quality.unsupported.extend(problems)
    if problems and settings.strict:
        listed = ", ".join(f"{p['kind']} {p['text']!r}" for p in problems)
        raise UnsupportedOutputError(f"--strict: the model wrote {label} with items the source does not "
                                     f"support: {listed}", path=report.path)
    return problems


def _describe(problems: list[dict[str, Any]]) -> str:
    shown = ", ".join(f"unsupported {p['kind']} {p['text']!r}" for p in problems[:3])
    return shown + (f" and {len(problems) - 3} more" if len(problems) > 3 else "")


def apply_fields(report: Report, settings: Settings, plans: list[Plan]) -> Report:
    for plan in plans:
        started = time.perf_counter()
        try:
            output = _generate_field(plan, report, settings)
        except ModelError as err:
            if settings.engine == "model":
                raise
            # --engine auto: weights were there but the model would not load or run; the rules value stays.
            report.engine[plan.field] = f"rules (model failed: {err})"
            report.quality.warnings.append(f"{plan.field}: {plan.task} model failed, kept the rules output: {err}")
            continue
        report.timings_ms[f"model:{plan.field}"] = round((time.perf_counter() - started) * 1000, 3)
        if output is None:
            continue
        wrong = _wrong_language(output, FIELD_LANG[plan.field])
        if wrong:
            report.engine[plan.field] = f"rules (model output rejected: {wrong})"
            continue
        problems = _verify(report, plan.field, output, FIELD_LANG[plan.field], settings)
        if problems:
            report.engine[plan.field] = f"rules (model output rejected: {_describe(problems)})"
        else:
            set_text(report, plan.field, output)
            report.engine[plan.field] = "model"
    return report


def apply_translation(report: Report, settings: Settings, res: Resolution) -> Report:
    from .prompts import load_template
    from .translate import translate_text

    started = time.perf_counter()
    runner = _runner(res, settings)
    template = load_template("translate", settings.prompt_dir)
    pairs, notes = translate_text(report.text, runner, _options(settings),
                                  None if template.is_identity else template.body)
    report.quality.warnings.extend(f"translation: {n}" for n in notes)
    odd = [i + 1 for i, pair in enumerate(pairs) if _wrong_language(pair["en"], "en")]
    if odd:
        report.quality.warnings.append(f"translation: sentences {', '.join(map(str, odd[:10]))}"
                                       f"{' …' if len(odd) > 10 else ''} came back empty or not in English")
    for index, pair in enumerate(pairs):
        # A translation has no rules fallback: keep it, but record (or, with --strict, refuse) what is unsupported.
        _verify(report, f"translation[{index}]", pair["en"], "en", settings)
    report.translation = pairs
    report.engine["translation"] = "model"
    report.timings_ms["model:translation"] = round((time.perf_counter() - started) * 1000, 3)
    return report


def apply_model_engine(report: Report, settings: Settings) -> Report:
    """Overwrite fields with verified model output (engine model/auto) and add the translation (--translate)."""
    from .stack import require_model_stack

    if settings.engine == "model" or settings.translate:
        require_model_stack(settings.backend)  # say what to install before looking for weights
    found = resolutions(settings)
    if settings.translate and not found["translate"].has_weights:
        raise ModelError("--translate needs a translation model: " + missing_message("translate", found["translate"]))
    if settings.engine in ("model", "auto"):
        plans, missing = plan_fields(settings, found)
        if settings.engine == "model" and not plans:
            tasks = list(found)
            raise ModelError("--engine model: no model weights found for any task. "
                             + "; ".join(describe_missing(t, found[t]) for t in tasks) + ". "
                             + how_to_get(tasks, [found[t].name for t in tasks]))
        if settings.engine == "model" or not plans:
            # auto with no weights at all is normal offline use, but the reader should know why.
            report.quality.warnings.extend(f"no model weights for {name}; it comes from the rules engine"
                                           for name in missing)
        report = apply_fields(report, settings, plans)
    if settings.translate:
        report = apply_translation(report, settings, found["translate"])
    return report
