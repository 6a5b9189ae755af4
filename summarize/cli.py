"""Command-line entry point. Subcommands live in summarize/commands/<name>.py and are imported lazily."""

from __future__ import annotations

import argparse
import importlib
import sys

from . import __version__
from .errors import EXIT_FAILED, EXIT_USAGE, SummarizeError

# name -> one-line description. Each module defines add_arguments(parser), run(args) -> int and EXAMPLES.
COMMANDS: dict[str, str] = {
    "file": "summarize one or more report files (or - for stdin)",
    "clean": "print the cleaned text, metadata and quality report of one file",
    "batch": "summarize every report in a directory, resumably, in parallel",
    "db": "rebuild a batch's SQLite database (summaries.db) from its outputs",
    "people": "the officials of a batch's database, or one person's appearances",
    "search": "full-text search of a batch's reports",
    "eval": "score the outputs against reference notes, with baselines side by side",
    "bench": "benchmark speed and memory of the engines",
    "models": "list, check or pull the seq2seq models",
    "prompts": "list the prompt templates used by the model engine",
    "config": "show the effective settings and where each came from",
}


class _Formatter(argparse.RawDescriptionHelpFormatter):
    pass


def build_parser(only: str | None = None) -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summarize",
        description="Structured summaries (Chinese and English) of scraped Chinese local-government news reports.",
        formatter_class=_Formatter,
        epilog="Run 'summarize COMMAND --help' for the options and examples of each command.",
    )
    parser.add_argument("--version", action="version", version=f"summarize {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name, description in COMMANDS.items():
        if only is not None and name != only:
            # Cheap placeholder so 'summarize --help' lists every command without importing them all.
            sub.add_parser(name, help=description)
            continue
        module = importlib.import_module(f".commands.{name}", __package__)
        cmd = sub.add_parser(
            name,
            help=description,
            description=description,
            epilog="examples:\n" + module.EXAMPLES,
            formatter_class=_Formatter,
        )
        module.add_arguments(cmd)
        cmd.set_defaults(_module=module, _parser=cmd)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    chosen = next((a for a in argv if not a.startswith("-")), None)
    parser = build_parser(only=chosen if chosen in COMMANDS else "")
    try:
        args, unknown = parser.parse_known_args(argv)
        if unknown:  # the command's own usage line, not the top-level one (file --fromat)
            (getattr(args, "_parser", None) or parser).error(f"unrecognized arguments: {' '.join(unknown)}")
    except SystemExit as exit_:
        return int(exit_.code or 0)
    if not getattr(args, "_module", None):
        parser.print_help()
        return EXIT_USAGE if args.command is None and argv else 0
    try:
        return int(args._module.run(args) or 0)
    except SummarizeError as err:
        print(f"summarize {args.command}: error: {err}", file=sys.stderr)
        return err.exit_code
    except KeyboardInterrupt:
        print("summarize: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_FAILED
    except OSError as err:  # one line naming the path, never a traceback (issue 11)
        if getattr(args, "verbose", False):
            raise
        where = f"{err.filename}: " if err.filename else ""
        print(f"summarize {args.command}: error: {where}{err.strerror or err}", file=sys.stderr)
        return EXIT_USAGE
    except Exception as err:  # a bug: say so in one line; -v shows the traceback
        if getattr(args, "verbose", False):
            raise
        print(f"summarize {args.command}: internal error: {type(err).__name__}: {err} (run with -v for details)",
              file=sys.stderr)
        return EXIT_FAILED
