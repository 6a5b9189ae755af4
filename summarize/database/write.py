"""Bring OUT/summaries.db in step with the batch records, in one transaction.

The database is derived from the records and the per-report JSON files, never from what happened in a
run: a report's rows are replaced when its record changed (new bytes, new settings, now failing) and
dropped when it left the index, then duplicates and people are recomputed from the rows. So a resumed
or interrupted batch gives the same rows as one clean run, and a crash mid-write (even SIGKILL) rolls
back to the previous state, which the next run brings up to date.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ..errors import SummarizeError
from ..io import atomic_write_text
from ..text.datafiles import load_text
from .people import Mention, mention_date, merge_people
from .rows import db_path, record_key, report_rows
from .schema import ITEM_TABLES, MENTION_TABLES, SCHEMA_VERSION, create_schema, drop_all

DB_NAME = "summaries.db"
METADATA_NAME = "metadata.json"  # Datasette's metadata, next to the database
INSERT_CHUNK = 500


@dataclass
class SyncResult:
    path: Path
    written: int  # reports whose rows were (re)written
    removed: int  # reports whose rows were dropped (gone from the index, or about to be rewritten)
    reports: int  # reports in the database
    people: int


def sync_database(out_dir: str | os.PathLike[str], records: Iterable[dict[str, Any]], *,
                  rebuild: bool = False) -> SyncResult:
    """Make OUT/summaries.db hold exactly the given records' reports (and write OUT/metadata.json).

    ``rebuild`` writes a fresh database beside the old one and swaps it in (summarize db build).
    Raises SummarizeError naming the database when it cannot be written.
    """
    out = Path(out_dir)
    target = out / DB_NAME
    path = out / f".{DB_NAME}.rebuild.tmp" if rebuild else target
    if rebuild:
        path.unlink(missing_ok=True)
    try:
        result = _sync(out, path, list(records))
        if rebuild:
            _settle(target)
            os.replace(path, target)
            result.path = target
    except sqlite3.Error as err:
        raise SummarizeError(f"cannot write the database: {err}", path=str(target)) from None
    finally:
        if rebuild:
            path.unlink(missing_ok=True)
    atomic_write_text(out / METADATA_NAME, load_text("database_metadata.json"))
    return result


def open_sqlite_utils() -> Any:
    """sqlite_utils, imported lazily: only batch and the database commands need it.

    sqlite-utils imports pandas and numpy at import time when they are installed, only to accept
    DataFrame values, which are never passed here; hiding them saves most of a second per run.
    """
    import sys

    if "sqlite_utils" in sys.modules or "pandas" in sys.modules:
        import sqlite_utils

        return sqlite_utils
    hidden = {name: sys.modules.get(name) for name in ("pandas", "numpy")}
    try:
        for name in hidden:
            sys.modules[name] = None  # type: ignore[assignment]  # makes "import pandas" raise ImportError
        import sqlite_utils
    finally:
        for name, module in hidden.items():
            if module is None:
                sys.modules.pop(name, None)
            else:
                sys.modules[name] = module
    return sqlite_utils


def _sync(out: Path, path: Path, records: list[dict[str, Any]]) -> SyncResult:
    db = _open(path, open_sqlite_utils())
    try:
        with db.atomic():
            if db.execute("PRAGMA user_version").fetchone()[0] != SCHEMA_VERSION or not db["reports"].exists():
                drop_all(db)
                create_schema(db)
            current = dict(db.execute("SELECT path, record_key FROM reports").fetchall())
            wanted = {db_path(record): record for record in records}
            stale = [p for p, key in current.items() if p not in wanted or record_key(wanted[p]) != key]
            fresh = [r for p, r in wanted.items() if p not in current or p in stale]
            _delete(db, stale)
            _insert(db, out, fresh)
            _mark_duplicates(db)
            people = _rebuild_people(db)
            reports = db.execute("SELECT count(*) FROM reports").fetchone()[0]
        return SyncResult(path, written=len(fresh), removed=len(stale), reports=reports, people=people)
    finally:
        db.close()


def _settle(target: Path) -> None:
    """Before another file takes the database's name: let SQLite roll back a killed writer's journal
    (reading does), so that journal can never be applied to the new file."""
    try:
        conn = sqlite3.connect(target)
        try:
            conn.execute("PRAGMA schema_version").fetchone()
        finally:
            conn.close()
    except sqlite3.DatabaseError:
        pass
    Path(f"{target}-journal").unlink(missing_ok=True)


def _open(path: Path, sqlite_utils: Any) -> Any:
    """Open the database; one that is not a database (say, truncated by hand) is derived data: start over."""
    db = sqlite_utils.Database(path)
    try:
        db.execute("PRAGMA schema_version").fetchone()
    except sqlite3.DatabaseError:
        db.close()
        path.unlink()
        db = sqlite_utils.Database(path)
    return db


def _chunks(items: list[Any], size: int = INSERT_CHUNK) -> Iterable[list[Any]]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _delete(db: Any, paths: list[str]) -> None:
    for chunk in _chunks(paths):
        marks = ", ".join("?" for _ in chunk)
        for table in MENTION_TABLES:
            db.execute(f'DELETE FROM "{table}" WHERE report IN ({marks})', chunk)
        db.execute(f"DELETE FROM reports WHERE path IN ({marks})", chunk)


def _insert(db: Any, out: Path, records: list[dict[str, Any]]) -> None:
    for chunk in _chunks(records, 200):
        tables: dict[str, list[dict[str, Any]]] = {"reports": [], "officials": []}
        tables.update({t: [] for t in ITEM_TABLES})
        for record in chunk:
            for table, rows in report_rows(record, _read_result(out, record)).items():
                tables[table].extend(rows)
        for table, rows in tables.items():
            if rows:
                db[table].insert_all(rows, batch_size=INSERT_CHUNK)


def _read_result(out: Path, record: dict[str, Any]) -> dict[str, Any] | None:
    """The report's JSON result, or None (failed, not written with --format md, or unreadable)."""
    rel = (record.get("outputs") or {}).get("json")
    if record.get("status") != "ok" or not rel:
        return None
    try:
        data = json.loads((out / rel).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def _mark_duplicates(db: Any) -> None:
    """duplicate_of: the first report (by path) with the same input bytes. Only changed rows are
    written, so the full-text index is not rewritten for every report."""
    db.execute("""
        UPDATE reports SET duplicate_of = (
            SELECT min(other.path) FROM reports AS other
            WHERE other.sha256 = reports.sha256 AND other.path < reports.path)
        WHERE duplicate_of IS NOT (
            SELECT min(other.path) FROM reports AS other
            WHERE other.sha256 = reports.sha256 AND other.path < reports.path)
    """)


def _rebuild_people(db: Any) -> int:
    rows = db.execute("""
        SELECT o.report, o.position, o.name, o.name_en, o.title, o.title_en, o.role,
               r.event_date, r.published, r.jurisdiction, r.duplicate_of
        FROM officials AS o JOIN reports AS r ON r.path = o.report
        WHERE o.name IS NOT NULL AND o.name != ''
    """).fetchall()
    mentions = [Mention(report, position, name, name_en, title, title_en, role, mention_date(event, published),
                        jurisdiction, duplicate)
                for report, position, name, name_en, title, title_en, role, event, published, jurisdiction, duplicate
                in rows]
    people, assigned = merge_people(mentions)
    # Replace the people whose row changed; leave the others (and their full-text entries) alone.
    old = {row["id"]: row for row in db["people"].rows}
    new = {person["id"]: person for person in people}
    gone = [pid for pid, row in old.items() if new.get(pid) != row]
    for chunk in _chunks(gone):
        db.execute(f"DELETE FROM people WHERE id IN ({', '.join('?' for _ in chunk)})", chunk)
    added = [person for pid, person in new.items() if old.get(pid) != person]
    if added:
        db["people"].insert_all(added, batch_size=INSERT_CHUNK)
    db.conn.executemany(
        "UPDATE officials SET person_id = ? WHERE report = ? AND position = ? AND person_id IS NOT ?",
        [(pid, report, position, pid) for (report, position), pid in assigned.items()])
    return len(people)
