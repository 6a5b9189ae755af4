"""A batch over 1,000 generated reports: every good one summarized, every broken one listed with its reason.

The corpus (summarize/evaluation/corpus.py) mixes encodings, scripts, pinyin annotations, shuffled paragraphs, HTML
pages and nested folders, with 5% broken files. The batch runs once per module; the tests look at
what it left behind.
"""

from __future__ import annotations

import csv
import hashlib
import json
from pathlib import Path

import pytest

from summarize.batch import BatchSummary, ProgressEvent, batch
from summarize.batch.records import INDEX_COLUMNS, STATE_DIR
from summarize.config import Settings
from summarize.evaluation.corpus import Corpus, generate_corpus, input_fingerprint

LIMIT = 200_000  # --max-bytes for these runs: the corpus's oversized files are just above it
pytestmark = pytest.mark.slow  # 1,000 reports: tens of seconds on 2 cores (still run in CI)

COUNT = 1000

# What the reason for each kind of broken file must talk about.
REASON_WORDS = {
    "empty": ("empty",),
    "oversized": ("limit", "bytes"),
    "binary": ("not a text", "binary", "decode"),
    "truncated": ("decode", "binary", "not a text"),
}


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Corpus:
    return generate_corpus(tmp_path_factory.mktemp("batch1000") / "reports", COUNT, max_bytes=LIMIT)


@pytest.fixture(scope="module")
def run(corpus: Corpus) -> tuple[BatchSummary, list[ProgressEvent], dict, dict]:
    before = input_fingerprint(corpus.root)
    events: list[ProgressEvent] = []
    summary = batch(corpus.root, settings=Settings(max_bytes=LIMIT), jobs=2, progress=events.append)
    return summary, events, before, input_fingerprint(corpus.root)


@pytest.fixture(scope="module")
def out(run) -> Path:
    return Path(run[0].out_dir)


def read_index(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]


def test_counts_add_up(corpus: Corpus, run) -> None:
    summary = run[0]
    assert summary.total == COUNT
    assert summary.processed == len(corpus.good) == COUNT - 50
    assert summary.failed == len(corpus.broken) == 50
    assert summary.skipped == 0
    assert summary.exit_code == 1
    assert summary.jobs == 2
    assert not summary.interrupted
    assert summary.rate > 0


def test_every_broken_file_is_listed_with_its_reason(corpus: Corpus, run) -> None:
    failures = {f.path: f.error for f in run[0].failures}
    assert set(failures) == {f.rel for f in corpus.broken}
    for entry in corpus.broken:
        reason = failures[entry.rel]
        assert any(word in reason for word in REASON_WORDS[entry.broken]), (entry.broken, reason)
    assert {entry.broken for entry in corpus.broken} == set(REASON_WORDS)  # every kind was exercised


def test_every_good_file_is_summarized(corpus: Corpus, out: Path) -> None:
    for entry in corpus.good:
        result = json.loads((out / f"{entry.rel}.json").read_text(encoding="utf-8"))
        raw = (corpus.root / entry.rel).read_bytes()
        assert result["input"]["sha256"] == hashlib.sha256(raw).hexdigest()
        assert result["input"]["format"] == ("html" if entry.html else "text")
        assert result["text"].strip(), entry
        markdown = (out / f"{entry.rel}.md").read_text(encoding="utf-8")
        assert markdown.strip(), entry
    for entry in corpus.broken:
        assert not (out / f"{entry.rel}.json").exists()
        assert not (out / f"{entry.rel}.md").exists()


def test_variants_of_one_seed_agree_on_the_facts(corpus: Corpus, out: Path) -> None:
    """Re-encoding, Traditional script, pinyin and shuffled paragraphs must not change the headline
    facts: for each seed, most variants give the title and date of its plain UTF-8 Simplified copy."""
    by_seed: dict[str, list[dict]] = {}
    for entry in corpus.good:
        result = json.loads((out / f"{entry.rel}.json").read_text(encoding="utf-8"))
        by_seed.setdefault(entry.seed, []).append(result)
    for seed, results in by_seed.items():
        for key in ("title", "published"):
            values = [r[key] for r in results]
            commonest = max(set(values), key=values.count)
            assert values.count(commonest) >= 0.8 * len(values), (seed, key, values)


def test_index_lists_every_report_once_in_order(corpus: Corpus, out: Path) -> None:
    rows = read_index(out)
    paths = [row["path"] for row in rows]
    assert paths == sorted(f.rel for f in corpus.files)
    assert all(list(row) == list(INDEX_COLUMNS) for row in rows)
    broken = {f.rel for f in corpus.broken}
    for row in rows:
        if row["path"] in broken:
            assert row["status"] == "failed" and row["error"] and row["json"] is None
        else:
            assert row["status"] == "ok" and row["error"] is None
            assert row["json"] == row["path"] + ".json" and row["md"] == row["path"] + ".md"
            result = json.loads((out / row["json"]).read_text(encoding="utf-8"))
            assert (row["title"], row["date"], row["jurisdiction"], row["event_type"]) == (
                result["title"], result["event_date"], result["jurisdiction"], result["event_type"])


def test_csv_index_matches_the_jsonl_index(out: Path) -> None:
    raw = (out / "index.csv").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # BOM: spreadsheets then read the Chinese as UTF-8
    with (out / "index.csv").open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    expected = [{k: "" if v is None else str(v) for k, v in row.items()} for row in read_index(out)]
    assert rows == expected


def test_input_tree_is_untouched_and_output_is_beside_it(corpus: Corpus, run, out: Path) -> None:
    _summary, _events, before, after = run
    assert before == after
    assert out == corpus.root.parent / "reports-summaries"
    for rel in corpus.ignored:  # not a report: no output for it
        assert not (out / f"{rel}.json").exists()
    assert not list(out.rglob("*.tmp"))


def test_progress_events(corpus: Corpus, run) -> None:
    _summary, events, _b, _a = run
    assert events[0].kind == "start" and events[0].total == COUNT
    reports = [e for e in events if e.kind == "report"]
    assert len(reports) == COUNT
    assert [e.done for e in reports] == list(range(1, COUNT + 1))
    assert events[-1].kind == "end" and events[-1].summary is run[0]


def test_records_match_the_index(out: Path) -> None:
    records = sorted((out / STATE_DIR / "records").rglob("*.json"))
    assert len(records) == COUNT
    rows = {row["path"]: row for row in read_index(out)}
    for path in records:
        record = json.loads(path.read_text(encoding="utf-8"))
        assert rows[record["path"]]["status"] == record["status"]


def test_rerun_skips_what_is_up_to_date(corpus: Corpus, run, out: Path) -> None:
    index_before = (out / "index.jsonl").read_bytes()
    mtimes = {e.rel: (out / f"{e.rel}.json").stat().st_mtime_ns for e in corpus.good}
    again = batch(corpus.root, settings=Settings(max_bytes=LIMIT), jobs=2)
    assert (again.processed, again.skipped, again.failed) == (0, len(corpus.good), len(corpus.broken))
    assert {f.path for f in again.failures} == {f.rel for f in corpus.broken}
    assert mtimes == {e.rel: (out / f"{e.rel}.json").stat().st_mtime_ns for e in corpus.good}
    assert (out / "index.jsonl").read_bytes() == index_before
