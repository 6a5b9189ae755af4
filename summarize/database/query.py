"""Reading OUT/summaries.db: a person's appearances, full-text search, and every row (for comparisons)."""

from __future__ import annotations

import re
import sqlite3
from pathlib import Path
from typing import Any

from ..errors import UsageError
from .schema import FTS_TOKENIZER, MENTION_TABLES
from .write import DB_NAME

# Trigram windows: a term shorter than this cannot use the full-text index.
MIN_FTS_TERM = 3 if FTS_TOKENIZER == "trigram" else 1
MARK_START, MARK_END = "\x02", "\x03"  # around a match in a snippet; the views turn them into bold
SNIPPET_CHARS = 24  # either side of a match in a scanned snippet


def open_database(out_dir: str | Path) -> sqlite3.Connection:
    """OUT/summaries.db read-only (or the .db file itself); a usage error naming it when it is not there."""
    path = Path(out_dir)
    if path.is_dir():
        path = path / DB_NAME
    if not path.is_file():
        raise UsageError("no database: run 'summarize batch' (or 'summarize db build' for an older output "
                         "folder) first", path=str(path))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
        conn.row_factory = sqlite3.Row
        conn.execute("SELECT 1 FROM reports LIMIT 1").fetchall()
    except sqlite3.Error as err:
        raise UsageError(f"not a summarize database: {err}", path=str(path)) from None
    return conn


def people_list(conn: sqlite3.Connection, limit: int | None = None) -> list[dict[str, Any]]:
    """People, most reports first."""
    sql = ("SELECT id, name, name_en, jurisdiction, latest_title, reports, mentions, first_seen, last_seen, "
           "merged_by FROM people ORDER BY reports DESC, mentions DESC, name, id")
    if limit:
        sql += f" LIMIT {int(limit)}"
    return [dict(row) for row in conn.execute(sql)]


def appearances(conn: sqlite3.Connection, name: str) -> list[dict[str, Any]]:
    """Every mention of the people called ``name`` (Chinese, or English in any case), by date.

    An exact name wins; otherwise every name containing it."""
    people = [row["id"] for row in conn.execute(
        "SELECT id FROM people WHERE name = ? OR lower(name_en) = lower(?)", (name, name))]
    if not people:
        people = [row["id"] for row in conn.execute(
            "SELECT id FROM people WHERE instr(name, ?) > 0 OR instr(lower(name_en), lower(?)) > 0",
            (name, name))]
    if not people:
        return []
    marks = ", ".join("?" for _ in people)
    rows = conn.execute(f"""
        SELECT o.person_id AS person, p.name, p.name_en, p.merged_by,
               coalesce(CASE WHEN length(r.event_date) = 10 THEN r.event_date END, r.published) AS date,
               r.jurisdiction AS place, o.title, o.title_en, o.role, r.path AS report, r.title AS report_title,
               r.duplicate_of
        FROM officials AS o JOIN reports AS r ON r.path = o.report JOIN people AS p ON p.id = o.person_id
        WHERE o.person_id IN ({marks})
        ORDER BY p.name, o.person_id, date IS NULL, date, r.path, o.position
    """, people)
    return [dict(row) for row in rows]


def search(conn: sqlite3.Connection, query: str, limit: int = 20) -> list[dict[str, Any]]:
    """Reports matching every word of ``query`` (words are separated by spaces), best first, with a
    snippet around a match. Words of 3+ characters use the trigram index; shorter ones (most Chinese
    two-character words) are matched by a scan, which is fine for the thousands of reports a batch holds."""
    terms = [t for t in query.split() if t]
    if not terms:
        raise UsageError("the search query is empty")
    if all(len(t) >= MIN_FTS_TERM for t in terms):
        match = " ".join('"' + t.replace('"', '""') + '"' for t in terms)
        rows = conn.execute(f"""
            SELECT r.path, r.title, r.event_date, r.jurisdiction, r.event_type, r.duplicate_of,
                   snippet(reports_fts, -1, '{MARK_START}', '{MARK_END}', '…', 24) AS snippet
            FROM reports_fts JOIN reports AS r ON r.rowid = reports_fts.rowid
            WHERE reports_fts MATCH ? ORDER BY rank, r.path LIMIT ?
        """, (match, limit))
        return [dict(row) for row in rows]
    columns = ("title", "title_en", "officials", "officials_en", "summary_zh", "summary_en", "text")
    haystack = " || char(10) || ".join(f"coalesce(lower({c}), '')" for c in columns)
    where = " AND ".join(f"instr({haystack}, lower(?)) > 0" for _ in terms)
    rows = conn.execute(f"""
        SELECT path, title, event_date, jurisdiction, event_type, duplicate_of, title AS t, summary_zh, text
        FROM reports WHERE {where} ORDER BY path LIMIT ?
    """, (*terms, limit))
    results = []
    for row in rows:
        found = dict(row)
        found["snippet"] = _scan_snippet([found.pop("t"), found.pop("summary_zh"), found.pop("text")], terms[0])
        results.append(found)
    return results


def _scan_snippet(texts: list[str | None], term: str) -> str:
    for text in texts:
        if not text:
            continue
        at = text.lower().find(term.lower())
        if at >= 0:
            start, end = max(0, at - SNIPPET_CHARS), min(len(text), at + len(term) + SNIPPET_CHARS)
            return ("…" if start else "") + text[start:at] + MARK_START + text[at:at + len(term)] + MARK_END + \
                text[at + len(term):end] + ("…" if end < len(text) else "")
    return ""


def plain_snippet(snippet: str, start: str = "**", end: str = "**") -> str:
    """A snippet with its match marks written as ``start``/``end`` and line breaks as spaces."""
    return re.sub(r"\s+", " ", snippet.replace(MARK_START, start).replace(MARK_END, end)).strip()


def all_rows(path: str | Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table, sorted (full-text shadow tables left out): two databases with
    equal rows hold the same data, whatever order their rows were written in."""
    conn = sqlite3.connect(f"{Path(path).resolve().as_uri()}?mode=ro", uri=True)
    try:
        tables = ["reports", "people", *MENTION_TABLES]
        return {table: sorted(tuple(row) for row in conn.execute(f'SELECT * FROM "{table}"'))
                for table in tables}
    finally:
        conn.close()
