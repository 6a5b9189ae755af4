"""summarize models: list, check or pull the seq2seq models of the model engine."""

from __future__ import annotations

import argparse
import json
import sys
from typing import Any

from ..errors import EXIT_FAILED, EXIT_OK, UsageError
from .common import settings_from_args

EXAMPLES = """\
  summarize models                                   # each task's model, where it resolves, weights or not
  summarize models --format json                     # the same as JSON
  summarize models check                             # load every model that has weights and run one sentence
  summarize models check --translate-model ~/models/opus-mt-zh-en
  summarize models pull Helsinki-NLP/opus-mt-zh-en   # download into the Hugging Face cache (needs internet)
  HF_HOME=/data/hf summarize models                  # look in another Hugging Face cache

tasks: translate (title_en, --translate, summary_en fallback), summarize_zh (summary_zh),
instruct (summary_en from prompts/instruct.txt; summary_zh when no summarize_zh model).
exit status: 0 ok, 1 a model is missing or failed to load (check) or could not be downloaded (pull)."""

TASK_FIELDS = {
    "translate": "title_en, translation (--translate), summary_en when no instruct model",
    "summarize_zh": "summary_zh",
    "instruct": "summary_en; summary_zh when no summarize_zh model",
}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", nargs="?", choices=("list", "check", "pull"), default="list",
                        help="list (default): show the models; check: load and test them; pull: download NAME")
    parser.add_argument("name", nargs="?", metavar="NAME", help="with pull: a Hugging Face repo id")
    parser.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    add_model_options(parser)


def add_model_options(parser: argparse.ArgumentParser) -> None:
    """Only the engine options that choose or run a model: the others (--max-bytes, --glossary,
    --keep-script...) change how a report is read and would do nothing here."""
    group = parser.add_argument_group("models")
    group.add_argument("--model", dest="instruct_model", metavar="NAME_OR_DIR",
                       help="instruction-tuned seq2seq model (the instruct task)")
    group.add_argument("--translate-model", metavar="NAME_OR_DIR", help="zh->en translation model")
    group.add_argument("--summarize-model", metavar="NAME_OR_DIR", help="Chinese summarization model")
    group.add_argument("--device", choices=("auto", "cpu", "cuda", "mps"), help="where check runs the models")
    group.add_argument("--dtype", choices=("auto", "float32", "float16", "bfloat16"), help="model dtype for check")
    group.add_argument("--backend", choices=("transformers", "ctranslate2"), help="inference runtime for check")


def _rows(settings: Any) -> list[dict[str, Any]]:
    from ..model.defaults import DEFAULT_MODELS, TASK_SETTING, model_for
    from ..model.loading import resolve_model

    rows = []
    for task in DEFAULT_MODELS:
        name = model_for(task, settings)
        res = resolve_model(name)
        setting = TASK_SETTING[task]
        rows.append({
            "task": task,
            "model": name,
            "configured_by": settings.sources.get(setting, "default") if getattr(settings, setting) else "default",
            "resolves_to": str(res.path) if res.path else None,
            "found_in": res.source,
            "looked_in": res.looked_in,
            "weights": res.weights,
            "ct2": res.ct2,
            "fields": TASK_FIELDS[task],
        })
    return rows


def _print_rows(rows: list[dict[str, Any]], extra: dict[str, str] | None = None) -> None:
    for row in rows:
        state = f"weights: {row['weights']}" if row["weights"] else "NO WEIGHTS"
        print(f"{row['task']:<13} {row['model']}  ({row['configured_by']})")
        print(f"{'':<13} {row['found_in']}: {row['resolves_to'] or ', '.join(row['looked_in'])}")
        print(f"{'':<13} {state}{'  [CTranslate2]' if row['ct2'] else ''}; writes {row['fields']}")
        if extra and row["task"] in extra:
            print(f"{'':<13} check: {extra[row['task']]}")


def _check(rows: list[dict[str, Any]], settings: Any) -> dict[str, str]:
    from ..errors import SummarizeError
    from ..model.generate import GenerationOptions, generate_all, load_runner
    from ..model.loading import missing_message, resolve_model

    results: dict[str, str] = {}
    for row in rows:
        res = resolve_model(row["model"])
        if not res.has_weights:
            results[row["task"]] = "FAILED: " + missing_message(row["task"], res)
            continue
        try:
            backend = "ctranslate2" if res.ct2 else settings.backend
            runner = load_runner(res.path, backend=backend, device=settings.device, dtype=settings.dtype,
                                 name=res.name)
            out = generate_all(runner, ["县委书记主持召开会议。"], GenerationOptions(num_beams=1, max_new_tokens=16))
            results[row["task"]] = (f"ok on {runner.device}/{runner.dtype}, max input {runner.max_input_tokens} "
                                    f"tokens; sample output {out[0][:60]!r}")
        except SummarizeError as err:
            results[row["task"]] = f"FAILED: {err}"
    return results


def run(args: argparse.Namespace) -> int:
    settings = settings_from_args(args)
    if args.action == "pull":
        if not args.name:
            raise UsageError("pull needs a model NAME, e.g. 'summarize models pull Helsinki-NLP/opus-mt-zh-en'")
        from ..model.loading import pull_model

        path = pull_model(args.name)
        print(f"downloaded {args.name} to {path}")
        return EXIT_OK
    if args.name:
        raise UsageError(f"unexpected argument {args.name!r} (only 'pull' takes a NAME)")
    from ..model.stack import INSTALL_HINT, missing_packages

    missing = missing_packages(settings.backend)
    rows = _rows(settings)
    for row in rows:
        row["model_stack_missing"] = missing
    checks = _check(rows, settings) if args.action == "check" else None
    if args.format == "json":
        payload = [{**row, **({"check": checks[row["task"]]} if checks else {})} for row in rows]
        print(json.dumps(payload, ensure_ascii=False, indent=2))
    else:
        if missing:
            print(f"model stack: NOT INSTALLED ({', '.join(missing)}); {INSTALL_HINT}")
        _print_rows(rows, checks)
    if checks is not None and any(v.startswith("FAILED") for v in checks.values()):
        print("summarize models check: some models are missing or failed; see above", file=sys.stderr)
        return EXIT_FAILED
    return EXIT_OK
