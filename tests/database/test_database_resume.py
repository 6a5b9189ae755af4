"""The database keeps the batch's guarantees: an interrupted or killed run, re-run, gives the rows of one
clean run; an edited report's rows are replaced; a report that turns bad keeps no rows; a crash in the
middle of a database write leaves the previous database."""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from batch_runs import LIMIT, finish, start_batch, wait_for_records
from seeds_util import SEEDS

from summarize.batch import batch
from summarize.batch.records import STATE_DIR
from summarize.config import Settings
from summarize.database.build import batch_records
from summarize.database.query import all_rows
from summarize.evaluation.corpus import generate_corpus

REPO = Path(__file__).resolve().parents[2]


def mentions_of(out: Path, report: str) -> dict[str, int]:
    rows = all_rows(out / "summaries.db")
    return {table: sum(1 for row in rows[table] if row[0] == report)
            for table in ("officials", "projects", "campaigns", "targets", "key_points")}


@pytest.fixture
def small(tmp_path: Path) -> tuple[Path, Path]:
    src = tmp_path / "reports"
    src.mkdir()
    for seed in SEEDS[:3]:
        shutil.copy(seed, src / seed.name)
    return src, tmp_path / "out"


def test_edited_report_replaces_its_rows_and_bad_or_deleted_ones_keep_none(small) -> None:
    src, out = small
    batch(src, out, settings=Settings(), jobs=1)
    first, second, third = (seed.name for seed in SEEDS[:3])
    before = all_rows(out / "summaries.db")
    assert sum(mentions_of(out, first).values()) > 0

    # The first report now carries the second's text: its rows become the second's rows.
    shutil.copy(SEEDS[1], src / first)
    batch(src, out, settings=Settings(), jobs=1)
    rows = all_rows(out / "summaries.db")
    assert rows != before
    for table in ("officials", "key_points"):
        mine = [r[1:] for r in rows[table] if r[0] == first]
        assert mine and mine == [r[1:] for r in rows[table] if r[0] == second]
    assert [r for r in rows["reports"] if r[0] == second][0][4] == first  # duplicate_of: same bytes now

    # It turns bad: one failed row, no mention rows; a deleted report leaves no rows at all.
    (src / first).write_bytes(b"")
    (src / third).unlink()
    summary = batch(src, out, settings=Settings(), jobs=1)
    assert summary.failed == 1
    rows = all_rows(out / "summaries.db")
    assert sorted(r[0] for r in rows["reports"]) == [first, second]
    failed = [r for r in rows["reports"] if r[0] == first][0]
    assert failed[1] == "failed" and "empty" in failed[2]
    assert set(mentions_of(out, first).values()) == set(mentions_of(out, third).values()) == {0}
    assert {row[0] for table in ("officials", "projects", "key_points") for row in rows[table]} == {second}
    assert all(row[4] is None for row in rows["reports"])  # no duplicate left
    assert sum(row[-2] for row in rows["people"]) == len(rows["officials"])  # no one left from the old rows


def test_no_db_writes_none_and_db_build_catches_up(small) -> None:
    src, out = small
    summary = batch(src, out, settings=Settings(), jobs=1, database=False)
    assert summary.database is None and not (out / "summaries.db").exists()
    code = subprocess.run([sys.executable, "-m", "summarize", "db", "build", str(out), "-q"], cwd=REPO).returncode
    assert code == 0
    built = all_rows(out / "summaries.db")
    batch(src, out, settings=Settings(), jobs=1)  # up to date: the batch only checks the database
    assert all_rows(out / "summaries.db") == built
    assert len(built["reports"]) == 3


def test_a_crash_inside_the_database_write_leaves_the_previous_database(small, tmp_path: Path) -> None:
    """SIGKILL while the write transaction is open (it waits on a JSON file that is a named pipe,
    after deleting every row it is about to replace): the database is the one from before."""
    src, out = small
    batch(src, out, settings=Settings(), jobs=1, formats=("json",))
    before = all_rows(out / "summaries.db")
    records = batch_records(out)
    for record in records:
        record["settings_key"] = "changed"  # every report's rows are stale: all are deleted first
    last = records[-1]["outputs"]["json"]
    (out / last).unlink()
    os.mkfifo(out / last)
    (tmp_path / "records.json").write_text(json.dumps(records), encoding="utf-8")
    code = ("import json, sys; from summarize.database.write import sync_database; "
            f"sync_database({str(out)!r}, json.load(open({str(tmp_path / 'records.json')!r})))")
    proc = subprocess.Popen([sys.executable, "-c", code], cwd=REPO)
    journal = out / "summaries.db-journal"
    deadline = time.monotonic() + 30
    while not journal.exists():  # the transaction has written (deleted) pages
        assert proc.poll() is None and time.monotonic() < deadline
        time.sleep(0.01)
    time.sleep(0.2)  # now blocked opening the pipe, mid-transaction
    assert proc.poll() is None
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    assert journal.exists()  # a hot journal: the next reader rolls it back
    assert all_rows(out / "summaries.db") == before


@pytest.mark.slow
def test_sigkill_midway_then_rerun_gives_the_rows_of_a_clean_run(tmp_path_factory, tmp_path: Path) -> None:
    corpus = generate_corpus(tmp_path_factory.mktemp("dbkill") / "reports", 120, max_bytes=LIMIT)
    out = tmp_path / "out"
    # First a run that stops gently (SIGTERM: its database holds what it finished), then one killed.
    proc = start_batch(corpus.root, out, tmp_path)
    wait_for_records(proc, out, at_least=20)
    proc.send_signal(signal.SIGTERM)
    code, _stdout, stderr = finish(proc)
    assert code == 130, stderr
    partial = all_rows(out / "summaries.db")
    assert 20 <= len(partial["reports"]) < 120
    proc = start_batch(corpus.root, out, tmp_path)
    wait_for_records(proc, out, at_least=len(partial["reports"]) + 30)
    os.killpg(proc.pid, signal.SIGKILL)
    proc.wait()
    records = sum(1 for _ in (out / STATE_DIR / "records").rglob("*.json"))
    assert records < 120
    code, stdout, stderr = finish(start_batch(corpus.root, out, tmp_path))
    assert code == 1, stderr  # the broken files of the corpus
    assert json.loads(stdout)["database"] == str(out / "summaries.db")

    clean = tmp_path / "clean"  # the same command, uninterrupted
    code, _stdout, stderr = finish(start_batch(corpus.root, clean, tmp_path))
    assert code == 1, stderr
    expected = all_rows(clean / "summaries.db")
    assert len(expected["reports"]) == 120 and len(expected["officials"]) > 120
    assert any(row[-3] > 1 for row in expected["people"])  # people named in several reports
    assert all_rows(out / "summaries.db") == expected
