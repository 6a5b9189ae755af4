"""``summarize db build OUT``: the database of a batch output folder, from its records and JSON files.

For folders written before the database existed, or written with ``--no-db``. The reports are those
of the folder's last batch run (``index.jsonl``), each read from its record under
``.summarize-batch/records/`` (the index row stands in for a record that is missing).
"""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

from ..batch.records import INDEX_JSONL, read_record, record_path
from ..errors import UsageError
from .write import SyncResult, sync_database


def batch_records(out_dir: Path) -> list[dict[str, Any]]:
    """The records of the reports listed in OUT/index.jsonl, in index order."""
    index = out_dir / INDEX_JSONL
    if not out_dir.is_dir():
        raise UsageError("no such folder", path=str(out_dir))
    try:
        lines = index.read_text(encoding="utf-8").splitlines()
    except FileNotFoundError:
        raise UsageError(f"no {INDEX_JSONL} here: not the output folder of summarize batch",
                         path=str(out_dir)) from None
    except (OSError, UnicodeDecodeError) as err:
        raise UsageError(f"cannot read {INDEX_JSONL}: {err}", path=str(out_dir)) from None
    records = []
    for number, line in enumerate(lines, 1):
        try:
            row = json.loads(line)
            path = row["path"]
        except (ValueError, TypeError, KeyError):
            raise UsageError(f"line {number} is not an index row", path=str(index)) from None
        record = read_record(record_path(out_dir, path))
        if record is None:  # no record: the index row is what we know ("json"/"md" are its outputs)
            record = {**row, "outputs": {k: row[k] for k in ("json", "md") if row.get(k)}}
        records.append(record)
    return records


def build_database(out_dir: str | os.PathLike[str]) -> SyncResult:
    """Rebuild OUT/summaries.db from scratch, holding the folder's batch lock meanwhile."""
    from ..batch.pool import locked  # the lock that also keeps batches apart

    out = Path(out_dir)
    records = batch_records(out)
    with locked(out):
        return sync_database(out, records, rebuild=True)
