"""Per-report records and the index files built from them.

A record is a small JSON file per report under OUT/.summarize-batch/records/, written (atomically) after
the report's outputs. It is what makes a batch resumable: a report whose record matches the input's
content hash and the engine settings is up to date. The index files are rebuilt from the records at
the end of every run, never appended to, so an interrupted run can never leave duplicates behind.
"""

from __future__ import annotations

import csv
import hashlib
import io
import json
from pathlib import Path
from typing import Any

from .io import atomic_write_text

INDEX_JSONL = "index.jsonl"
INDEX_CSV = "index.csv"

# The index columns, in order (docs/batch.md describes each).
INDEX_COLUMNS = ("path", "status", "error", "title", "title_en", "date", "published", "jurisdiction",
                 "event_type", "officials", "summary_zh", "summary_en", "sha256", "json", "md")


def settings_key(settings_key_dict: dict[str, Any], version: str) -> str:
    """One hash for everything that changes a result: the engine settings and the package version."""
    payload = json.dumps({"settings": settings_key_dict, "version": version}, sort_keys=True,
                         ensure_ascii=False, default=str)
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def file_sha256(path: Path, chunk: int = 1 << 20) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        while block := fh.read(chunk):
            digest.update(block)
    return digest.hexdigest()


def read_record(path: Path) -> dict[str, Any] | None:
    """A record, or None when it is missing or unreadable (then the report is simply redone)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    return data if isinstance(data, dict) else None


def write_record(path: Path, record: dict[str, Any]) -> None:
    # ASCII escapes: a file name that is not valid UTF-8 (a lone surrogate in Python) still round-trips.
    atomic_write_text(path, json.dumps(record, ensure_ascii=True, indent=1, sort_keys=True) + "\n")


def is_up_to_date(record: dict[str, Any] | None, sha256: str | None, key: str, formats: tuple[str, ...],
                  out_dir: Path) -> bool:
    """Skip a report only when it succeeded before with the same bytes and settings, and every output
    asked for now is still there."""
    outputs = still_valid_outputs(record, sha256, key)
    return bool(outputs) and all(fmt in outputs and (out_dir / outputs[fmt]).is_file() for fmt in formats)


def still_valid_outputs(record: dict[str, Any] | None, sha256: str | None, key: str) -> dict[str, str]:
    """The outputs of an earlier successful run on the same bytes with the same settings."""
    if not record or record.get("status") != "ok" or sha256 is None:
        return {}
    if record.get("sha256") != sha256 or record.get("settings_key") != key:
        return {}
    return dict(record.get("outputs") or {})


def index_row(record: dict[str, Any]) -> dict[str, Any]:
    outputs = record.get("outputs") or {}
    row = {column: record.get(column) for column in INDEX_COLUMNS}
    row["json"] = outputs.get("json")
    row["md"] = outputs.get("md")
    return row


def printable(text: str) -> str:
    """A file name that is not valid UTF-8, exactly and in valid UTF-8: Python reads each bad byte as
    a lone surrogate (surrogateescape, U+DC80-U+DCFF), written here as its escape, 0xE9 -> ``\\udce9``.
    Any other text is unchanged."""
    return text.encode("utf-8", "backslashreplace").decode("utf-8")


def write_index(out_dir: Path, records: list[dict[str, Any]]) -> tuple[Path, Path]:
    """Write OUT/index.jsonl and OUT/index.csv, one row per record, in the order given (sorted by path)."""
    rows = [index_row(r) for r in records]
    # A lone surrogate (a non-UTF-8 byte of a file name) can only sit inside a JSON string, where
    # printable's \\udcXX is the JSON escape of the same character: json.loads gives the name back and
    # os.fsencode its exact bytes. The CSV shows the same \\udcXX text.
    jsonl = printable("".join(json.dumps(row, ensure_ascii=False) + "\n" for row in rows))
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=INDEX_COLUMNS, lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow({k: "" if v is None else v for k, v in row.items()})
    jsonl_path, csv_path = out_dir / INDEX_JSONL, out_dir / INDEX_CSV
    atomic_write_text(jsonl_path, jsonl)
    # A byte-order mark, so spreadsheet programs read the Chinese text as UTF-8 rather than a local code page.
    atomic_write_text(csv_path, "\ufeff" + printable(buffer.getvalue()))
    return jsonl_path, csv_path
