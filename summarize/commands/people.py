"""summarize people OUT [NAME]: the people of a batch's database, or one person's appearances."""

from __future__ import annotations

import argparse

from .common import stdout_is_terminal

EXAMPLES = """\
  summarize people summaries/                   # everyone, most reports first
  summarize people summaries/ 马盛春            # each report naming 马盛春: date, place, title, role
  summarize people summaries/ "Ma Shengchun"    # by the English name too (any case)
  summarize people summaries/ 马盛春 | jq -r .title    # piped: one JSON object per line

An exact name is looked up first, else every name containing it. merged_by says how mentions in
different reports were taken to be one person (docs/database.md).
exit status: 0 found, 1 no such person, 2 no database in OUT."""

LIST_COLUMNS = (("name", "name"), ("name_en", "English"), ("jurisdiction", "place"), ("reports", "reports"),
                ("first_seen", "first"), ("last_seen", "last"), ("latest_title", "latest title"),
                ("merged_by", "merged by"))
APPEARANCE_COLUMNS = (("date", "date"), ("place", "place"), ("title", "title"), ("role", "role"),
                      ("report_title", "report"), ("report", "file"))


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("out", metavar="OUT", help="the output folder of summarize batch (or its summaries.db)")
    parser.add_argument("name", nargs="?", metavar="NAME", help="a name in Chinese or English")
    parser.add_argument("--format", choices=("table", "jsonl"), default=None,
                        help="table (default in a terminal) or JSON lines (default when piped)")
    parser.add_argument("--limit", type=int, default=None, metavar="N", help="at most N people (the list)")


def run(args: argparse.Namespace) -> int:
    from ..database.query import appearances, open_database, people_list
    from ..database.view import print_rows
    from ..errors import EXIT_FAILED

    as_table = (args.format or ("table" if stdout_is_terminal() else "jsonl")) == "table"
    conn = open_database(args.out)
    try:
        if not args.name:
            print_rows(people_list(conn, args.limit), LIST_COLUMNS, as_table=as_table, empty="no people")
            return 0
        rows = appearances(conn, args.name)
    finally:
        conn.close()
    if not rows:
        print_rows([], APPEARANCE_COLUMNS, as_table=as_table, empty=f"no one called {args.name}")
        return EXIT_FAILED
    if not as_table:
        print_rows(rows, APPEARANCE_COLUMNS, as_table=False)
        return 0
    for person in dict.fromkeys(row["person"] for row in rows):
        mine = [row for row in rows if row["person"] == person]
        first = mine[0]
        title = f"{first['name']} {first['name_en'] or ''} ({person}; {first['merged_by']})"
        print_rows(mine, APPEARANCE_COLUMNS, as_table=True, title=title)
    return 0
