"""The tables of OUT/summaries.db (docs/database.md describes every column).

Mention tables are keyed by (report, position): the n-th official, project... of a report. Keys made
from the content, not insertion order, so a resumed batch and a clean one give the same rows.
"""

from __future__ import annotations

from typing import Any

# Bump when a table changes: a database of another version is dropped and rebuilt from the outputs.
SCHEMA_VERSION = 1

REPORT_COLUMNS: dict[str, type] = {
    "path": str, "status": str, "error": str, "sha256": str, "duplicate_of": str,
    "title": str, "title_en": str, "published": str, "event_date": str,
    "jurisdiction": str, "jurisdiction_en": str, "event_type": str, "source": str,
    "officials": str, "officials_en": str, "summary_zh": str, "summary_en": str, "text": str,
    "engine": str, "json": str, "md": str, "settings_key": str, "version": str,
    "record_key": str,  # hash of the batch record: a row is rewritten only when its record changes
}
OFFICIAL_COLUMNS: dict[str, type] = {
    "report": str, "position": int, "name": str, "name_en": str, "title": str, "title_en": str,
    "role": str, "start": int, "end": int, "person_id": str,
}
ITEM_COLUMNS: dict[str, type] = {"report": str, "position": int, "text": str, "en": str, "start": int, "end": int}
ITEM_TABLES = ("projects", "campaigns", "targets", "key_points")
MENTION_TABLES = ("officials", *ITEM_TABLES)
PEOPLE_COLUMNS: dict[str, type] = {
    "id": str, "name": str, "name_en": str, "jurisdiction": str, "latest_title": str, "titles": str,
    "roles": str, "first_seen": str, "last_seen": str, "reports": int, "mentions": int, "merged_by": str,
}

# Full-text search. FTS5's trigram tokenizer indexes every 3-character window, so any Chinese
# substring of 3+ characters matches without a word segmenter: no segmentation mistakes, and
# Datasette's own search box works on it unchanged (pre-segmented text would need the query segmented
# the same way). Shorter queries are answered by a scan (summarize.database.search).
FTS_TOKENIZER = "trigram"
REPORT_FTS_COLUMNS = ("title", "title_en", "officials", "officials_en", "summary_zh", "summary_en", "text")
PEOPLE_FTS_COLUMNS = ("name", "name_en", "jurisdiction", "latest_title")


def create_schema(db: Any) -> None:
    """Create every table, index and full-text index of an empty database (a sqlite_utils.Database)."""
    db["reports"].create(REPORT_COLUMNS, pk="path", foreign_keys=[("duplicate_of", "reports", "path")])
    db["people"].create(PEOPLE_COLUMNS, pk="id")
    db["officials"].create(OFFICIAL_COLUMNS, pk=("report", "position"),
                           foreign_keys=[("report", "reports", "path"), ("person_id", "people", "id")])
    for table in ITEM_TABLES:
        db[table].create(ITEM_COLUMNS, pk=("report", "position"), foreign_keys=[("report", "reports", "path")])
    db["reports"].create_index(["sha256"])
    for column in ("jurisdiction", "event_type", "event_date"):
        db["reports"].create_index([column])
    db["officials"].create_index(["name"])
    db["officials"].create_index(["person_id"])
    db["people"].create_index(["name"])
    # Triggers keep the indexes in step with every insert and delete, inside the same transaction.
    db["reports"].enable_fts(REPORT_FTS_COLUMNS, tokenize=FTS_TOKENIZER, create_triggers=True)
    db["people"].enable_fts(PEOPLE_FTS_COLUMNS, tokenize=FTS_TOKENIZER, create_triggers=True)
    db.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")


def drop_all(db: Any) -> None:
    """Drop every table (a database written by another schema version)."""
    for name in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger'").fetchall():
        db.execute(f'DROP TRIGGER IF EXISTS "{name[0]}"')
    for table in ("reports_fts", "people_fts", *MENTION_TABLES, "people", "reports"):
        db.execute(f'DROP TABLE IF EXISTS "{table}"')
    for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'").fetchall():
        if not name.startswith("sqlite_"):
            db.execute(f'DROP TABLE IF EXISTS "{name}"')
