"""summarize search OUT QUERY: full-text search of a batch's reports (summaries.db)."""

from __future__ import annotations

import argparse

from .common import stdout_is_terminal

EXAMPLES = """\
  summarize search summaries/ 招商引资          # reports whose text, summaries, titles or officials say it
  summarize search summaries/ "项目 安全生产"   # every word (space-separated) must occur
  summarize search summaries/ "Party Secretary" --limit 5
  summarize search summaries/ 高质量发展 | jq -r .path   # piped: one JSON object per line

Words of 3 or more characters use the trigram full-text index (best matches first); shorter words are
found by scanning (in path order). Matching ignores case.
exit status: 0 found, 1 nothing found, 2 no database in OUT or an empty query."""

COLUMNS = (("event_date", "date"), ("jurisdiction", "place"), ("title", "title"), ("snippet", "match"),
           ("path", "file"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", help="the output folder of summarize batch (or its summaries.db)")
    parser.add_argument("query", metavar="QUERY", help="words to find (Chinese or English)")
    parser.add_argument("--limit", type=int, default=20, metavar="N", help="at most N reports (default 20)")
    parser.add_argument("--format", choices=("table", "jsonl"), default=None,
                        help="table (default in a terminal) or JSON lines (default when piped)")


def run(args: argparse.Namespace) -> int:
    from ..database.query import open_database, search
    from ..database.view import print_rows
    from ..errors import EXIT_FAILED

    as_table = (args.format or ("table" if stdout_is_terminal() else "jsonl")) == "table"
    conn = open_database(args.out)
    try:
        rows = search(conn, args.query, max(1, args.limit))
    finally:
        conn.close()
    print_rows(rows, COLUMNS, as_table=as_table, title=f"{len(rows)} reports: {args.query}",
               empty=f"no report mentions {args.query}")
    return 0 if rows else EXIT_FAILED
