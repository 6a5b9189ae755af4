"""Per-report records and the index files built from them.

A record is a small JSON file per report under OUT/.summarize-batch/records/, written (atomically) after
the report's outputs. It is what makes a batch resumable: a report whose record matches the input's
content hash and the engine settings is up to date. The index files are rebuilt from the records at
the end of every run, never appended to, so an interrupted run can never leave duplicates behind.
Planning a run (which reports are up to date, which are still to do) reads them back; the output and
record names and the sweep of temp files a killed run left behind live here too.
"""

from __future__ import annotations

import contextlib
import csv
import hashlib
import io
import json
import os
from dataclasses import dataclass, field
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from ..io import atomic_write_text

if TYPE_CHECKING:
    from .worker import Job

STATE_DIR = ".summarize-batch"  # per-report records and the lock, inside OUT

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


# Output and record names add ".json"/".md" to the input's name, and summarize.io's temp files add
# ".", ".XXXXXXXX.tmp"; a name that would pass the usual 255-byte limit is shortened and hashed.
MAX_OUTPUT_NAME_BYTES = 255 - len(".") - len(".XXXXXXXX.tmp")
KEPT_PREFIX_BYTES = 120


def output_paths(out_dir: Path, rel: str) -> dict[str, Path]:
    """OUT/<relative path>.json and .md; the input's own suffix stays so a.txt and a.html never collide."""
    return {fmt: out_dir / with_suffix(rel, "." + fmt) for fmt in ("json", "md")}


def record_path(out_dir: Path, rel: str) -> Path:
    return out_dir / STATE_DIR / "records" / with_suffix(rel, ".json")


def with_suffix(rel: str, suffix: str) -> str:
    """``rel + suffix``, with a last name too long for the file system replaced by
    <first 120 bytes>~<16 hex digits of SHA-256 of the whole relative path><input suffix><suffix>."""
    folder, _, name = rel.rpartition("/")
    raw = os.fsencode(name)
    if len(raw) + len(os.fsencode(suffix)) <= MAX_OUTPUT_NAME_BYTES:
        return rel + suffix
    digest = hashlib.sha256(os.fsencode(rel)).hexdigest()[:16]
    ext = os.fsencode(PurePosixPath(name).suffix)
    ext = ext if len(ext) <= 16 else b""
    stem = raw[:KEPT_PREFIX_BYTES].decode("utf-8", "ignore")  # never half a character
    short = f"{stem}~{digest}{os.fsdecode(ext)}{suffix}"
    return f"{folder}/{short}" if folder else short


TEMP_SUFFIXES = (".json", ".md", ".jsonl", ".csv")


def sweep_temp_files(out_dir: Path) -> int:
    """Remove temporary files a killed run left behind (summarize.io names them .<name>.<random>.tmp).

    Only temp files of the kinds a batch writes are touched, so an --out shared with other data is safe.
    """
    removed = 0
    if not out_dir.is_dir():
        return 0
    for folder, _dirs, files in os.walk(out_dir):
        for name in files:
            if not (name.startswith(".") and name.endswith(".tmp")):
                continue
            target = name[1:].rsplit(".", 2)[0]
            if target.endswith(TEMP_SUFFIXES):
                try:
                    os.unlink(os.path.join(folder, name))
                    removed += 1
                except FileNotFoundError:
                    pass
    return removed


@dataclass(frozen=True)
class Task:
    """A report still to do, as planned: what a worker (or a Ray actor) summarizes."""

    path: str  # the input file, as found under DIR
    rel: str  # its path relative to DIR (posix)
    sha256: str | None  # content hash taken when the batch was planned; None for an oversized file
    # Outputs of formats not asked for this time that are still valid (same bytes, same settings):
    # format -> path relative to OUT. They are kept; any other old output is removed.
    keep: dict[str, str] = field(default_factory=dict)


def plan(reports: list[tuple[Path, str]], job: Job, force: bool) -> tuple[dict[str, dict[str, Any]], list[Task]]:
    """Split the reports into up-to-date ones (their records) and the tasks still to do."""
    records: dict[str, dict[str, Any]] = {}
    todo: list[Task] = []
    for path, rel in reports:
        sha = hash_or_none(path, job.settings.max_bytes)
        record = None if force else read_record(record_path(job.out_dir, rel))
        if record is not None and is_up_to_date(record, sha, job.key, job.formats, job.out_dir):
            records[rel] = record
        else:
            todo.append(Task(str(path), rel, sha, keep=still_valid_outputs(record, sha, job.key)))
    return records, todo


def hash_or_none(path: Path, max_bytes: int) -> str | None:
    try:
        if path.stat().st_size > max_bytes:
            return None  # it will be refused anyway; do not read a huge file twice
        return file_sha256(path)
    except OSError:
        return None


def refused_records(refused: list[tuple[str, str]], job: Job) -> dict[str, dict[str, Any]]:
    """Index rows for files found but not read. Outputs an older version wrote for them (the content
    of a symlink's target) are removed, so OUT never keeps what it should not have read."""
    records: dict[str, dict[str, Any]] = {}
    for rel, reason in refused:
        for path in (*output_paths(job.out_dir, rel).values(), record_path(job.out_dir, rel)):
            with contextlib.suppress(OSError):
                path.unlink(missing_ok=True)
        records[rel] = {"path": rel, "status": "skipped", "error": reason, "sha256": None,
                        "settings_key": job.key, "version": job.version, "outputs": {}}
    return records


# Room kept for the index on a disk that fills up during the batch (ENOSPC): a file of about the
# index's size is allocated before the work and freed just before the index is written.
INDEX_BYTES_PER_REPORT = 2048  # seeds measure ~600 bytes for both index files together
RESERVE_NAME = "index-reserve"


def reserve_index_space(out: Path, reports: int) -> Path | None:
    path = out / STATE_DIR / RESERVE_NAME
    size = 16384 + INDEX_BYTES_PER_REPORT * reports
    try:
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | os.O_NOFOLLOW, 0o600)
    except OSError:
        return None
    try:
        os.posix_fallocate(fd, 0, size)
    except (OSError, AttributeError):  # no room even now, or no fallocate: go on without a reserve
        os.close(fd)
        release_reserve(path)
        return None
    os.close(fd)
    return path


def release_reserve(reserve: Path | None) -> None:
    if reserve is not None:
        with contextlib.suppress(OSError):
            reserve.unlink()
