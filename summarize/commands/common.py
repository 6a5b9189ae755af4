"""Options and helpers shared by the subcommands, so every command spells them the same way."""

from __future__ import annotations

import argparse
import os
import sys
from typing import Any

from ..config import Settings, load_settings


def add_engine_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("engine")
    group.add_argument("--engine", choices=("rules", "model", "auto"),
                       help="rules (default, offline, fast), model (local seq2seq model), or auto "
                            "(model when its weights are present)")
    group.add_argument("--keep-script", action="store_true", default=None,
                       help="keep Traditional characters instead of converting to Simplified")
    group.add_argument("--max-bytes", type=int, help="refuse input files larger than this (default 5000000)")
    group.add_argument("--glossary", action="append", metavar="TSV",
                       help="extra glossary file (zh<TAB>en<TAB>category); repeatable, later files win")
    group.add_argument("--phrasebook", action="append", metavar="TSV",
                       help="extra phrasebook file (zh<TAB>en<TAB>type[<TAB>note]); repeatable, later files win")
    group.add_argument("--translate", action="store_true", default=None,
                       help="add a sentence-aligned English translation of the whole text (needs a model)")
    group.add_argument("--strict", action="store_true", default=None,
                       help="treat any model output the source does not support as an error")
    group.add_argument("--model", dest="instruct_model", metavar="NAME_OR_DIR",
                       help="instruction-tuned seq2seq model for the model engine")
    group.add_argument("--translate-model", metavar="NAME_OR_DIR", help="zh->en translation model")
    group.add_argument("--summarize-model", metavar="NAME_OR_DIR", help="Chinese summarization model")
    group.add_argument("--prompt-dir", metavar="DIR", help="folder of prompt templates overriding prompts/")
    group.add_argument("--device", choices=("auto", "cpu", "cuda", "mps"), help="where the model runs")
    group.add_argument("--dtype", choices=("auto", "float32", "float16", "bfloat16"), help="model dtype")
    group.add_argument("--backend", choices=("transformers", "ctranslate2"), help="inference runtime")


def add_output_options(parser: argparse.ArgumentParser, formats: tuple[str, ...]) -> None:
    group = parser.add_argument_group("output")
    group.add_argument("--format", choices=formats, default=None,
                       help=f"output format (default: {formats[0]} in a terminal, json when piped)")
    group.add_argument("--out", metavar="PATH", help="write the output here instead of standard output")
    group.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    group.add_argument("-v", "--verbose", action="store_true", help="print timings and quality details")


SETTING_FLAGS = ("engine", "keep_script", "max_bytes", "glossary", "phrasebook", "translate", "strict", "instruct_model",
                 "translate_model", "summarize_model", "prompt_dir", "device", "dtype", "backend", "jobs")


def settings_from_args(args: argparse.Namespace) -> Settings:
    flags: dict[str, Any] = {name: getattr(args, name, None) for name in SETTING_FLAGS}
    settings = load_settings(flags)
    if settings.glossary:
        # A broken user glossary is a usage error, reported once up front, not once per report.
        from ..english.glossary import load_glossary

        load_glossary(settings.glossary)
    if settings.phrasebook:
        from ..english.phrasebook import load_phrasebook

        load_phrasebook(settings.phrasebook)
    return settings


def stdout_is_terminal() -> bool:
    return sys.stdout.isatty() and os.environ.get("TERM") != "dumb"


# --out's extension names its format; a command accepts those of its formats it knows.
EXTENSION_FORMATS = {".json": "json", ".jsonl": "jsonl", ".md": "md", ".markdown": "md", ".txt": "text"}


def default_format(chosen: str | None, interactive: str = "rich", piped: str = "json",
                   out: str | None = None, formats: tuple[str, ...] = ()) -> str:
    """The output format: --out's extension, then --format, then the terminal rule (rich in a terminal,
    ``piped`` otherwise or when writing a file). A --format that contradicts the extension is a usage error."""
    from ..errors import UsageError

    by_extension = None
    if out and out != "-":
        by_extension = EXTENSION_FORMATS.get(os.path.splitext(out)[1].lower())
        if by_extension not in formats:
            by_extension = None
    if by_extension and chosen and chosen != by_extension:
        raise UsageError(f"--format {chosen} contradicts --out {out} (a .{by_extension} file); "
                         "drop one or rename the file")
    if by_extension or chosen:
        return by_extension or chosen
    return interactive if stdout_is_terminal() else piped


def check_out(out: str | None, inputs: list[str]) -> None:
    """Refuse a bad --out before any work is done (see summarize.io.check_output_path)."""
    if out and out != "-":
        from ..io import check_output_path

        check_output_path(out, inputs)


def write_output(text: str, out: str | None, inputs: list[str] | tuple[str, ...] = ()) -> None:
    """Print, or write to --out (atomically for a file, as a stream for a device or FIFO)."""
    text = text if text.endswith("\n") else text + "\n"
    if out and out != "-":
        from ..io import write_output_bytes

        write_output_bytes(out, text.encode("utf-8", "backslashreplace"), inputs)
    else:
        # Lone surrogates (from a non-UTF-8 file name) cannot be encoded: escape them, never crash.
        sys.stdout.write(text.encode("utf-8", "backslashreplace").decode("utf-8"))
        sys.stdout.flush()
