"""Rows of the database for one report: from its batch record and its JSON result (pure functions)."""

from __future__ import annotations

import hashlib
import json
from typing import Any

from ..batch.records import printable
from .schema import ITEM_TABLES

# Fields of a batch record that do not change what the report's rows hold.
_UNSTABLE_RECORD_KEYS = ("elapsed_ms",)


def record_key(record: dict[str, Any]) -> str:
    """A hash of the record without its timing: equal keys mean equal rows."""
    stable = {k: v for k, v in record.items() if k not in _UNSTABLE_RECORD_KEYS}
    payload = json.dumps(stable, sort_keys=True, ensure_ascii=True, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:20]


def db_path(record: dict[str, Any]) -> str:
    """The report's path as SQLite can store it: a non-UTF-8 byte of a file name (a lone surrogate)
    as its escape \\udcXX, as in index.jsonl and index.csv."""
    return printable(record["path"])


def _text(value: str | None) -> str | None:
    return printable(value) if value is not None else None


def officials_cell(officials: list[dict[str, Any]], english: bool = False) -> str | None:
    """``name (title, role)`` for each official, joined with ``; `` (the index.csv column)."""
    name_key, title_key = ("name_en", "title_en") if english else ("name", "title")
    cells = []
    for official in officials:
        name = official.get(name_key) or official.get("name")
        details = ", ".join(str(v) for v in (official.get(title_key), official.get("role")) if v)
        cells.append(f"{name} ({details})" if details else str(name))
    return "; ".join(cells) or None


def report_rows(record: dict[str, Any], result: dict[str, Any] | None) -> dict[str, list[dict[str, Any]]]:
    """table -> rows for one report. ``result`` is its JSON result, None when there is none (a
    failed report, or a batch run with --format md): then only the record's columns are known."""
    outputs = record.get("outputs") or {}
    report: dict[str, Any] = {
        "path": db_path(record), "status": record.get("status"), "error": record.get("error"),
        "sha256": record.get("sha256"), "duplicate_of": None,
        "title": record.get("title"), "title_en": record.get("title_en"),
        "published": record.get("published"), "event_date": record.get("date"),
        "jurisdiction": record.get("jurisdiction"), "event_type": record.get("event_type"),
        "summary_zh": record.get("summary_zh"), "summary_en": record.get("summary_en"),
        "json": _text(outputs.get("json")), "md": _text(outputs.get("md")),
        "settings_key": record.get("settings_key"), "version": record.get("version"),
        "record_key": record_key(record),
    }
    rows: dict[str, list[dict[str, Any]]] = {"reports": [report], "officials": []}
    rows.update({table: [] for table in ITEM_TABLES})
    if result is None or record.get("status") != "ok":
        return rows
    officials = result.get("officials") or []
    engines = sorted({str(v) for v in (result.get("engine") or {}).values()})
    report.update(
        title=result.get("title"), title_en=result.get("title_en"), published=result.get("published"),
        event_date=result.get("event_date"), jurisdiction=result.get("jurisdiction"),
        jurisdiction_en=result.get("jurisdiction_en"), event_type=result.get("event_type"),
        source=result.get("source"), officials=officials_cell(officials),
        officials_en=officials_cell(officials, english=True), summary_zh=result.get("summary_zh"),
        summary_en=result.get("summary_en"), text=result.get("text"), engine=",".join(engines) or None,
    )
    path = db_path(record)
    rows["officials"] = [
        {"report": path, "position": i, "name": o.get("name"), "name_en": o.get("name_en"),
         "title": o.get("title"), "title_en": o.get("title_en"), "role": o.get("role"),
         "start": o.get("start"), "end": o.get("end"), "person_id": None}
        for i, o in enumerate(officials)
    ]
    for table in ITEM_TABLES:
        rows[table] = [
            {"report": path, "position": i, "text": item.get("text"), "en": item.get("en"),
             "start": item.get("start"), "end": item.get("end")}
            for i, item in enumerate(result.get(table) or [])
        ]
    return rows
