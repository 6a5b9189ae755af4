"""Showing database rows: a table in a terminal, JSON lines when piped (summarize people, search)."""

from __future__ import annotations

import json
import sys
from collections.abc import Sequence
from typing import Any

from .query import MARK_END, MARK_START, plain_snippet


def print_rows(rows: list[dict[str, Any]], columns: Sequence[tuple[str, str]], *, as_table: bool,
               title: str | None = None, empty: str = "nothing found") -> None:
    """``columns``: (key, header) pairs shown in the table; JSON lines carry every key of each row."""
    if not as_table:
        for row in rows:
            if "snippet" in row:
                row = {**row, "snippet": plain_snippet(row["snippet"])}
            sys.stdout.write(json.dumps(row, ensure_ascii=False) + "\n")
        return
    from rich.console import Console
    from rich.table import Table
    from rich.text import Text

    console = Console()
    if not rows:
        console.print(empty)
        return
    table = Table(title=title, show_lines=False, header_style="bold")
    for _key, header in columns:
        table.add_column(header, overflow="fold")
    for row in rows:
        table.add_row(*(_cell(row.get(key), Text) for key, _header in columns))
    console.print(table)


def _cell(value: Any, text_type: Any) -> Any:
    if value is None:
        return ""
    if isinstance(value, str) and MARK_START in value:
        cell = text_type()
        for i, part in enumerate(plain_snippet(value, MARK_START, MARK_END).split(MARK_START)):
            hit, _, rest = part.partition(MARK_END) if i else ("", "", part)
            cell.append(hit, style="bold yellow")
            cell.append(rest)
        return cell
    return str(value)
