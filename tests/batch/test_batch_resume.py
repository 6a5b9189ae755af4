"""Resumption: a batch killed midway (SIGKILL) or interrupted (Ctrl-C) and run again ends exactly where
an uninterrupted run does; a re-run redoes only what changed."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest
from batch_runs import LIMIT, finish, records_done, start_batch, wait_for_records

from summarize.batch import batch
from summarize.config import Settings
from summarize.evaluation.corpus import generate_corpus, snapshot


@pytest.fixture(scope="module")
def corpus(tmp_path_factory):
    return generate_corpus(tmp_path_factory.mktemp("resume") / "reports", 90, max_bytes=LIMIT)


@pytest.fixture(scope="module")
def clean_run(corpus, tmp_path_factory) -> dict[str, object]:
    """An uninterrupted run (in this process: the library call the command makes)."""
    out = tmp_path_factory.mktemp("clean") / "out"
    summary = batch(str(corpus.root), out, settings=Settings(max_bytes=LIMIT), jobs=2)
    assert summary.failed == len(corpus.broken) and summary.processed == len(corpus.good)
    return snapshot(out)


@pytest.mark.slow  # a killed batch and its rerun, in subprocesses
@pytest.mark.parametrize("victims", ["group", "parent"])
def test_sigkill_midway_then_rerun_equals_a_clean_run(corpus, clean_run, tmp_path: Path, victims: str) -> None:
    out = tmp_path / "out"
    proc = start_batch(corpus.root, out, tmp_path)
    wait_for_records(proc, out, at_least=25)
    if victims == "group":
        os.killpg(proc.pid, signal.SIGKILL)  # the parent and its workers at once, mid-write
    else:
        proc.kill()  # the parent alone: its orphaned workers must notice and get out of the way
    proc.wait()
    partial = records_done(out)
    assert 25 <= partial < len(corpus.files)
    assert not (out / "index.jsonl").exists()  # a killed run writes no index; the next one will

    code, stdout, stderr = finish(start_batch(corpus.root, out, tmp_path))
    assert code == 1, stderr
    summary = json.loads(stdout)
    assert summary["skipped"] >= partial - len(corpus.broken)  # finished reports were not redone
    assert summary["processed"] + summary["skipped"] == len(corpus.good)
    assert not list(out.rglob("*.tmp"))
    assert snapshot(out) == clean_run


@pytest.mark.slow  # a killed batch and its rerun, in subprocesses
def test_ctrl_c_or_sigterm_stop_cleanly_and_a_rerun_finishes(corpus, clean_run, tmp_path: Path) -> None:
    out = tmp_path / "out"
    proc = start_batch(corpus.root, out, tmp_path)
    wait_for_records(proc, out, at_least=20)
    os.killpg(proc.pid, signal.SIGINT)  # what Ctrl-C sends to the foreground group
    code, stdout, stderr = finish(proc)
    assert code == 130, stderr
    assert "Traceback" not in stderr
    assert "stopping after the reports in progress" in stderr
    summary = json.loads(stdout)
    assert summary["interrupted"] is True
    assert not list(out.rglob("*.tmp"))
    # The index of the interrupted run lists exactly the reports it finished, each once.
    rows = [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(rows) == summary["processed"] + summary["failed"] == records_done(out)
    assert len({row["path"] for row in rows}) == len(rows)
    assert len(rows) < len(corpus.files)

    # SIGTERM to the parent alone (kill PID, a CI timeout) stops it just as gently.
    proc = start_batch(corpus.root, out, tmp_path)
    wait_for_records(proc, out, at_least=len(rows) + 10)
    proc.send_signal(signal.SIGTERM)
    code, stdout, stderr = finish(proc)
    assert code == 130, stderr
    assert json.loads(stdout)["interrupted"] is True and "Traceback" not in stderr
    assert not list(out.rglob("*.tmp"))

    code, stdout, stderr = finish(start_batch(corpus.root, out, tmp_path))
    assert code == 1, stderr
    assert snapshot(out) == clean_run


@pytest.fixture
def small(tmp_path: Path):
    corpus = generate_corpus(tmp_path / "reports", 12, broken_share=0, max_bytes=LIMIT, with_ignored=False)
    return corpus, tmp_path / "out"


def test_changed_report_is_redone_and_others_skipped(small) -> None:
    corpus, out = small
    settings = Settings(max_bytes=LIMIT)
    first = batch(corpus.root, out, settings=settings, jobs=1)
    assert first.processed == 12
    entry = next(f for f in corpus.files if f.encoding == "utf-8" and not f.html)
    changed = corpus.root / entry.rel
    changed.write_bytes(changed.read_bytes() + "\n会议强调，要狠抓落实。\n".encode())
    second = batch(corpus.root, out, settings=settings, jobs=1)
    assert (second.processed, second.skipped) == (1, 11)
    result = json.loads((out / f"{entry.rel}.json").read_text(encoding="utf-8"))
    assert "狠抓落实" in result["text"]


def test_changed_settings_or_force_redo_everything(small) -> None:
    corpus, out = small
    batch(corpus.root, out, settings=Settings(max_bytes=LIMIT), jobs=1)
    kept = batch(corpus.root, out, settings=Settings(max_bytes=LIMIT, keep_script=True), jobs=1)
    assert (kept.processed, kept.skipped) == (12, 0)
    forced = batch(corpus.root, out, settings=Settings(max_bytes=LIMIT, keep_script=True), jobs=1, force=True)
    assert (forced.processed, forced.skipped) == (12, 0)
    again = batch(corpus.root, out, settings=Settings(max_bytes=LIMIT, keep_script=True), jobs=1)
    assert (again.processed, again.skipped) == (0, 12)


def test_switching_format_keeps_valid_outputs(small) -> None:
    corpus, out = small
    settings = Settings(max_bytes=LIMIT)
    rel = corpus.files[0].rel
    batch(corpus.root, out, settings=settings, jobs=1, formats=("json",))
    assert (out / f"{rel}.json").is_file() and not (out / f"{rel}.md").exists()
    md_run = batch(corpus.root, out, settings=settings, jobs=1, formats=("md",))
    assert md_run.processed == 12  # the .md files did not exist yet
    assert (out / f"{rel}.json").is_file() and (out / f"{rel}.md").is_file()
    both = batch(corpus.root, out, settings=settings, jobs=1, formats=("json", "md"))
    assert (both.processed, both.skipped) == (0, 12)


def test_report_that_turns_bad_loses_its_old_outputs(small) -> None:
    corpus, out = small
    settings = Settings(max_bytes=LIMIT)
    batch(corpus.root, out, settings=settings, jobs=1)
    rel = corpus.files[5].rel
    (corpus.root / rel).write_bytes(b"")
    summary = batch(corpus.root, out, settings=settings, jobs=1)
    assert [f.path for f in summary.failures] == [rel]
    assert not (out / f"{rel}.json").exists() and not (out / f"{rel}.md").exists()
    row = next(json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()
               if json.loads(line)["path"] == rel)
    assert row["status"] == "failed" and "empty" in row["error"]


def test_editing_a_user_glossary_redoes_the_reports(tmp_path):
    corpus = generate_corpus(tmp_path / "in", count=6, broken_share=0.0, seed=5)
    glossary = tmp_path / "terms.tsv"
    glossary.write_text("zh\ten\tcategory\n项目\tproject\tterm\n", encoding="utf-8")
    settings = Settings(glossary=[str(glossary)])
    first = batch(corpus.root, tmp_path / "out", settings=settings, jobs=1, formats=("json",))
    assert first.processed == 6
    assert batch(corpus.root, tmp_path / "out", settings=settings, jobs=1, formats=("json",)).skipped == 6
    glossary.write_text("zh\ten\tcategory\n项目\tscheme\tterm\n", encoding="utf-8")
    again = batch(corpus.root, tmp_path / "out", settings=settings, jobs=1, formats=("json",))
    assert again.processed == 6 and again.skipped == 0
