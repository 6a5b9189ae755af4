"""summarize db build OUT: (re)build OUT/summaries.db from a batch output folder (docs/database.md)."""

from __future__ import annotations

import argparse
import json

from .common import stdout_is_terminal

EXAMPLES = """\
  summarize db build summaries/                 # rebuild summaries/summaries.db from the JSON outputs
  summarize db build summaries/ | jq .people    # piped: one line of JSON
  datasette summaries/summaries.db -m summaries/metadata.json   # explore it (pip install 'summarize[explore]')

exit status: 0 built, 2 OUT is not a batch output folder (no index.jsonl) or another batch holds it."""


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("action", choices=("build",), help="build: rebuild the database from the outputs")
    parser.add_argument("out", metavar="OUT", help="the output folder of summarize batch")
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")


def run(args: argparse.Namespace) -> int:
    from ..database.build import build_database

    result = build_database(args.out)
    if args.quiet:
        return 0
    info = {"database": str(result.path), "reports": result.reports, "people": result.people}
    if stdout_is_terminal():
        print(f"{result.path}: {result.reports} reports, {result.people} people")
    else:
        print(json.dumps(info, ensure_ascii=False))
    return 0
