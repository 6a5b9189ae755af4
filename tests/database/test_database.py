"""OUT/summaries.db after `summarize batch` over real reports: the seeds, the dev suite where this
machine has it, a second page about a seed's event (its paragraphs in another order, in Traditional
characters, GB18030) and a byte-for-byte copy of another seed."""

from __future__ import annotations

import csv
import json
import random
import shutil
import sqlite3
from pathlib import Path

import pytest
from seeds_util import SEEDS

from summarize.batch import batch
from summarize.config import Settings
from summarize.database.query import all_rows, appearances, open_database, search
from summarize.evaluation.suites import dev_suite_dir
from summarize.evaluation.variants import encode, in_script, shuffle_paragraphs


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("db") / "reports"
    (root / "seeds").mkdir(parents=True)
    for seed in SEEDS:
        shutil.copy(seed, root / "seeds" / seed.name)
    text = SEEDS[0].read_text(encoding="utf-8")
    variant = shuffle_paragraphs(in_script(text, "traditional"), random.Random(7))
    (root / "again").mkdir()
    (root / "again" / f"variant_{SEEDS[0].name}").write_bytes(encode(variant, "gb18030"))
    shutil.copy(SEEDS[1], root / "again" / f"copy_{SEEDS[1].name}")
    dev = dev_suite_dir()
    if dev is not None:  # read in place, never copied into the repository
        shutil.copytree(dev / "reports", root / "dev")
    return root


@pytest.fixture(scope="module")
def out(corpus: Path, tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("db") / "out"
    summary = batch(corpus, out, settings=Settings(), jobs=2, formats=("json",))
    assert summary.failed == 0
    assert summary.database == str(out / "summaries.db")
    return out


def results(out: Path) -> dict[str, dict]:
    index = [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    return {row["path"]: json.loads((out / row["json"]).read_text(encoding="utf-8")) for row in index}


def query(out: Path, sql: str, *params) -> list[sqlite3.Row]:
    conn = open_database(out)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()


def test_officials_rows_equal_the_json_files(corpus: Path, out: Path) -> None:
    found = results(out)
    assert len(found) == len(SEEDS) + 2 + (50 if dev_suite_dir() else 0)
    rows = query(out, "SELECT report, position, name, name_en, title, title_en, role, start, \"end\" "
                      "FROM officials ORDER BY report, position")
    expected = [(path, i, o["name"], o["name_en"], o["title"], o["title_en"], o["role"], o["start"], o["end"])
                for path, result in sorted(found.items()) for i, o in enumerate(result["officials"])]
    assert [tuple(row) for row in rows] == expected
    assert len(expected) > 3 * len(found)  # real reports name several officials each
    # Every other per-mention table too, and the report rows' fields.
    for table in ("projects", "campaigns", "targets", "key_points"):
        rows = query(out, f'SELECT report, position, text, en, start, "end" FROM {table} ORDER BY report, position')
        assert [tuple(row) for row in rows] == [
            (path, i, item["text"], item["en"], item["start"], item["end"])
            for path, result in sorted(found.items()) for i, item in enumerate(result[table])]
    for row in query(out, "SELECT * FROM reports"):
        result = found[row["path"]]
        for column in ("title", "title_en", "published", "event_date", "jurisdiction", "jurisdiction_en",
                       "event_type", "source", "summary_zh", "summary_en", "text"):
            assert row[column] == result[column], (row["path"], column)
        assert row["sha256"] == result["input"]["sha256"]


def test_an_official_named_in_two_reports_is_one_person(out: Path) -> None:
    seed = f"seeds/{SEEDS[0].name}"
    variant = f"again/variant_{SEEDS[0].name}"
    names = {row["name"] for row in query(out, "SELECT name FROM officials WHERE report = ?", seed)}
    assert names == {row["name"] for row in query(out, "SELECT name FROM officials WHERE report = ?", variant)}
    for name in names:
        people = query(out, "SELECT p.* FROM people p JOIN officials o ON o.person_id = p.id "
                            "WHERE o.report IN (?, ?) AND o.name = ? GROUP BY p.id", seed, variant, name)
        assert len(people) == 1, name
        assert people[0]["reports"] == 2 and people[0]["merged_by"] == "same jurisdiction"
    conn = open_database(out)
    try:
        found = appearances(conn, next(iter(sorted(names))))
    finally:
        conn.close()
    assert {row["report"] for row in found} >= {seed, variant}
    # Every mention belongs to exactly one person, and the people's counts add up.
    assert not query(out, "SELECT 1 FROM officials WHERE person_id IS NULL OR person_id NOT IN (SELECT id FROM people)")
    assert query(out, "SELECT sum(mentions) FROM people")[0][0] == query(out, "SELECT count(*) FROM officials")[0][0]


def test_identical_pages_are_flagged_and_not_counted_twice(out: Path) -> None:
    first, later = sorted([f"again/copy_{SEEDS[1].name}", f"seeds/{SEEDS[1].name}"])  # the later path is flagged
    flagged = query(out, "SELECT path, duplicate_of FROM reports WHERE duplicate_of IS NOT NULL")
    assert [tuple(row) for row in flagged] == [(later, first)]
    people = query(out, "SELECT p.reports FROM people p JOIN officials o ON o.person_id = p.id "
                        "WHERE o.report = ?", later)
    assert people and all(row["reports"] == 1 for row in people)  # a copy is not a second report


def test_full_text_search_finds_chinese_and_english(out: Path) -> None:
    found = results(out)
    conn = open_database(out)
    try:
        seed = found[f"seeds/{SEEDS[2].name}"]
        phrase = seed["officials"][0]["name"] + seed["officials"][0]["title"][:1]
        long_hits = search(conn, seed["title"][2:8])
        short_hits = search(conn, seed["officials"][0]["name"][:2])  # under 3 characters: a scan
        english = search(conn, seed["officials"][0]["name_en"].upper())
    finally:
        conn.close()
    assert f"seeds/{SEEDS[2].name}" in {hit["path"] for hit in long_hits}
    assert all("\x02" in hit["snippet"] for hit in long_hits)
    assert {hit["path"] for hit in short_hits} >= {p for p, r in found.items() if phrase[:2] in r["text"]}
    assert f"seeds/{SEEDS[2].name}" in {hit["path"] for hit in english}


def test_index_csv_has_officials_and_summaries(out: Path) -> None:
    found = results(out)
    with (out / "index.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        result = found[row["path"]]
        assert row["summary_zh"] == result["summary_zh"] and row["summary_en"] == result["summary_en"]
        cells = row["officials"].split("; ") if row["officials"] else []
        assert len(cells) == len(result["officials"])
        for cell, official in zip(cells, result["officials"], strict=True):
            assert cell.startswith(official["name"] + " (") and cell.endswith(f"{official['role']})")


def test_db_build_rebuilds_the_same_rows(out: Path, tmp_path: Path) -> None:
    copy = tmp_path / "out"
    shutil.copytree(out, copy)
    (copy / "summaries.db").unlink()
    from summarize.database.build import build_database

    result = build_database(copy)
    assert result.reports == len(results(out))
    assert all_rows(copy / "summaries.db") == all_rows(out / "summaries.db")
    assert json.loads((copy / "metadata.json").read_text(encoding="utf-8"))["databases"]["summaries"]
