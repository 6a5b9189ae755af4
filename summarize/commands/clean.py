"""summarize clean: the cleaned text, the page metadata and the quality report of one file."""

from __future__ import annotations

import argparse
import json

from ..document import to_jsonable
from ..io import display_path
from .common import add_output_options, check_out, default_format, settings_from_args, write_output

EXAMPLES = """\
  summarize clean seeds/002_4e729044dcd52ab1.txt          # text, metadata, dropped lines (terminal view)
  summarize clean page.html --json                        # one JSON object: text, metadata, quality
  summarize clean report.txt --format text > clean.txt    # just the clean text
  summarize clean report.txt --keep-script                # keep Traditional characters
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("path", metavar="PATH", help="a report file (.txt or .html), or - for stdin")
    parser.add_argument("--json", action="store_true", help="same as --format json")
    add_output_options(parser, FORMATS)
    group = parser.add_argument_group("cleaning")
    group.add_argument("--keep-script", action="store_true", default=None,
                       help="keep Traditional characters instead of converting to Simplified")
    group.add_argument("--max-bytes", type=int, help="refuse input files larger than this (default 5000000)")


FORMATS = ("rich", "json", "text")


def run(args: argparse.Namespace) -> int:
    from ..api import clean_file

    settings = settings_from_args(args)
    fmt = "json" if args.json else None
    fmt = default_format(fmt or args.format, "rich", "json", out=args.out, formats=FORMATS)
    if fmt == "rich" and args.out:
        fmt = "text"  # a file gets the clean text, never terminal escape codes
    check_out(args.out, [args.path])  # before any work: never overwrite the input
    report = clean_file(args.path, settings)
    if fmt == "json":
        payload = {
            "path": display_path(report.path),
            "text": report.text,
            "metadata": to_jsonable(report.metadata),
            "quality": to_jsonable(report.quality),
            "timings_ms": report.timings_ms,
        }
        write_output(json.dumps(payload, ensure_ascii=False, indent=2), args.out, [args.path])
    elif fmt == "text":
        write_output(report.text, args.out, [args.path])
    else:
        from rich.console import Console

        from ..output.rich_view import render_clean

        render_clean(report, Console(), verbose=args.verbose)
    return 0
