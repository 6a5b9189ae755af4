"""summarize file: the structured summary of one or more reports."""

from __future__ import annotations

import argparse
import json
import sys

from ..errors import EXIT_FAILED, EXIT_OK, SummarizeError
from .common import (
    add_engine_options,
    add_output_options,
    check_out,
    default_format,
    settings_from_args,
    write_output,
)

EXAMPLES = """\
  summarize file seeds/001_15533f8b4921b7a4.txt            # rich view in a terminal
  summarize file report.txt --format json > report.json     # the full versioned JSON result
  summarize file a.txt b.htm --format md --out notes.md     # Markdown for several reports
  cat page.html | summarize file -                          # read standard input
  summarize file report.txt --engine auto --translate       # use a local model when one is installed
  summarize file reports/*.txt --format jsonl > all.jsonl   # one JSON object per line, streamed
"""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("paths", nargs="+", metavar="PATH", help="report files (.txt or .html), or - for stdin")
    add_output_options(parser, FORMATS)
    add_engine_options(parser)


FORMATS = ("rich", "json", "jsonl", "md")


def run(args: argparse.Namespace) -> int:
    from ..api import summarize_file

    settings = settings_from_args(args)
    fmt = default_format(args.format, "rich", "json", out=args.out, formats=FORMATS)
    if fmt == "rich" and args.out:
        fmt = "md"  # a file gets Markdown, never terminal escape codes
    check_out(args.out, args.paths)  # before any work: never overwrite an input
    status = EXIT_OK
    reports = []
    lines: list[str] = []
    for path in args.paths:
        try:
            report = summarize_file(path, settings)
        except SummarizeError as err:
            if len(args.paths) == 1:
                raise
            print(f"summarize file: error: {err}", file=sys.stderr)
            status = EXIT_FAILED
            continue
        if fmt == "jsonl":  # one object per report, streamed as each is done
            from ..output.result import to_result

            line = json.dumps(to_result(report), ensure_ascii=False)
            if args.out and args.out != "-":
                lines.append(line)
            else:
                write_output(line, None)
        else:
            reports.append(report)
    if fmt == "jsonl":
        if lines:
            write_output("\n".join(lines), args.out, args.paths)
        return status
    if not reports:
        return status
    if fmt == "json":
        from ..output.result import to_result

        results = [to_result(r) for r in reports]
        payload = results[0] if len(args.paths) == 1 else results
        write_output(json.dumps(payload, ensure_ascii=False, indent=2), args.out, args.paths)
    elif fmt == "md":
        from ..output.markdown import to_markdown

        write_output("\n---\n\n".join(to_markdown(r) for r in reports), args.out, args.paths)
    else:
        from rich.console import Console

        from ..output.rich_view import render_report

        console = Console()
        for report in reports:
            render_report(report, console, verbose=args.verbose)
    return status
