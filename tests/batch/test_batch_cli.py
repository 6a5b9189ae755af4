"""`summarize batch` on the command line: exit codes, piped output, globs, output placement, jobs, and
failures that are not the input's fault (an exception, a dying worker)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from seeds_util import REPO

from summarize.batch import BatchSummary, batch
from summarize.batch import worker as batch_worker
from summarize.batch.pool import resolve_jobs
from summarize.cli import main
from summarize.config import Settings
from summarize.errors import UsageError
from summarize.evaluation.corpus import generate_corpus, input_fingerprint

LIMIT = 200_000
ANSI = re.compile(r"\x1b\[")


@pytest.fixture
def corpus(tmp_path: Path):
    return generate_corpus(tmp_path / "reports", 20, broken_share=0.1, max_bytes=LIMIT)


def run_cli(args: list[str], cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZE_")}
    path = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    env.update(PYTHONPATH=path, XDG_CONFIG_HOME=str(cwd / "xdg"))
    return subprocess.run([sys.executable, "-m", "summarize", "batch", *args], cwd=cwd, env=env,
                          capture_output=True, text=True, timeout=120)


def test_piped_output_is_one_json_line_without_colour(corpus, tmp_path: Path, capsys) -> None:
    # Under capsys standard output and error are not terminals: what a pipe or a log file gets.
    code = main(["batch", str(corpus.root), "--jobs", "2", "--max-bytes", str(LIMIT)])
    done = capsys.readouterr()
    assert code == 1  # two broken files
    assert not ANSI.search(done.out) and not ANSI.search(done.err)
    lines = done.out.splitlines()
    assert len(lines) == 1
    summary = json.loads(lines[0])
    assert (summary["processed"], summary["failed"], summary["skipped"]) == (18, 2, 0)
    assert summary["exit_code"] == 1 and summary["rate"] > 0
    assert {f["path"] for f in summary["failures"]} == {f.rel for f in corpus.broken}
    # Failures also reach standard error as they happen, one line each, for logs.
    failed_lines = [line for line in done.err.splitlines() if line.startswith("FAILED ")]
    assert sorted(line.split(":")[0][7:] for line in failed_lines) == sorted(f.rel for f in corpus.broken)
    assert (tmp_path / "reports-summaries" / "index.csv").is_file()


def test_the_installed_command_runs_piped(tmp_path: Path) -> None:
    """The real entry point in a fresh process, output to a pipe."""
    corpus = generate_corpus(tmp_path / "reports", 3, broken_share=0, max_bytes=LIMIT, with_ignored=False)
    done = run_cli([str(corpus.root), "--jobs", "1"], tmp_path)
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout)["processed"] == 3
    assert not ANSI.search(done.stdout + done.stderr)


def test_all_good_exits_0_and_quiet_prints_nothing(tmp_path: Path, capsys) -> None:
    corpus = generate_corpus(tmp_path / "reports", 6, broken_share=0, max_bytes=LIMIT)
    out = str(tmp_path / "o")
    assert main(["batch", str(corpus.root), "--quiet", "--jobs", "1", "--out", out]) == 0
    assert capsys.readouterr() == ("", "")
    assert main(["batch", str(corpus.root), "--verbose", "--jobs", "1", "--out", out]) == 0
    verbose = capsys.readouterr()
    assert "skipped 6 up-to-date report(s)" in verbose.err
    assert json.loads(verbose.out)["skipped"] == 6


def test_quiet_still_reports_failures(corpus, capsys) -> None:
    assert main(["batch", str(corpus.root), "--quiet", "--jobs", "1", "--max-bytes", str(LIMIT)]) == 1
    done = capsys.readouterr()
    assert done.out == ""
    assert sorted(line.split(":")[0] for line in done.err.splitlines()) == sorted(
        f"FAILED {f.rel}" for f in corpus.broken)


def test_usage_errors_exit_2(tmp_path: Path, capsys) -> None:
    (tmp_path / "a.txt").write_text("x", encoding="utf-8")
    assert main(["batch", str(tmp_path / "missing")]) == 2
    assert "no such directory" in capsys.readouterr().err
    assert main(["batch", str(tmp_path / "a.txt")]) == 2
    assert "not a directory" in capsys.readouterr().err
    assert main(["batch", str(tmp_path), "--jobs", "-1"]) == 2
    assert main(["batch", str(tmp_path), "--format", "xml"]) == 2
    assert main(["batch"]) == 2
    assert main(["batch", str(tmp_path), "--out", str(tmp_path / "a.txt")]) == 2
    assert "not a directory" in capsys.readouterr().err
    assert not (tmp_path.parent / f"{tmp_path.name}-summaries").exists()


def test_help_has_examples(capsys) -> None:
    assert main(["batch", "--help"]) == 0
    text = capsys.readouterr().out
    for option in ("--out", "--glob", "--jobs", "--format", "--force", "--quiet", "--verbose"):
        assert option in text
    assert "examples:" in text and "summarize batch reports/" in text


def test_glob_chooses_the_reports(corpus) -> None:
    settings = Settings(max_bytes=LIMIT)
    html_only = batch(corpus.root, corpus.root.parent / "h", settings=settings, jobs=1, globs=["*.HTML"])
    assert html_only.total == sum(1 for f in corpus.files if f.rel.endswith(".html")) > 0
    folder = batch(corpus.root, corpus.root.parent / "f", settings=settings, jobs=1, globs=["sichuan/*"])
    assert folder.total == sum(1 for f in corpus.files if f.rel.startswith("sichuan/")) > 0


def test_out_inside_the_input_tree_only_when_asked(corpus) -> None:
    settings = Settings(max_bytes=LIMIT)
    inside = corpus.root / "summaries"
    first = batch(corpus.root, inside, settings=settings, jobs=1, globs=["*"])
    # Its own outputs are never taken as input, even with a glob that matches them.
    second = batch(corpus.root, inside, settings=settings, jobs=1, globs=["*"])
    assert second.total == first.total and second.processed == 0
    assert not any(row.startswith("summaries/") for row in
                   (json.loads(line)["path"] for line in (inside / "index.jsonl").read_text().splitlines()))


def test_out_equal_to_input_dir_does_not_feed_on_itself(tmp_path: Path) -> None:
    corpus = generate_corpus(tmp_path / "reports", 4, broken_share=0, max_bytes=LIMIT, with_ignored=False)
    settings = Settings(max_bytes=LIMIT)
    first = batch(corpus.root, corpus.root, settings=settings, jobs=1, globs=["*"])
    second = batch(corpus.root, corpus.root, settings=settings, jobs=1, globs=["*"])
    assert first.total == second.total == 4 and second.skipped == 4


def test_default_output_never_touches_the_input(corpus) -> None:
    before = input_fingerprint(corpus.root)
    summary = batch(corpus.root, settings=Settings(max_bytes=LIMIT), jobs=2)
    assert input_fingerprint(corpus.root) == before
    assert Path(summary.out_dir) == corpus.root.parent / "reports-summaries"


def test_jobs_default_and_model_engine() -> None:
    assert resolve_jobs(None, Settings(engine="model"), 50) == 1
    assert resolve_jobs(None, Settings(engine="auto"), 50) == 1
    assert resolve_jobs(3, Settings(engine="model"), 50) == 3  # asked for: allowed
    assert resolve_jobs(None, Settings(engine="model", jobs=2), 50) == 2  # asked for in the config
    assert resolve_jobs(None, Settings(), 50) == min(50, len(os.sched_getaffinity(0)))
    assert resolve_jobs(8, Settings(), 3) == 3  # never more workers than reports
    with pytest.raises(UsageError):
        resolve_jobs(-2, Settings(), 3)


def _explode_on(name: str, how: str):
    real = batch_worker._summarize

    def summarize(path, settings):
        if Path(path).name == name:
            if how == "raise":
                raise RuntimeError("boom")
            os._exit(3)  # a worker dying in native code looks like this to the pool
        return real(path, settings)

    return summarize


def test_an_exception_in_one_report_is_recorded_and_the_batch_goes_on(corpus, monkeypatch) -> None:
    victim = corpus.good[2]
    monkeypatch.setattr(batch_worker, "_summarize", _explode_on(Path(victim.rel).name, "raise"))
    summary = batch(corpus.root, settings=Settings(max_bytes=LIMIT), jobs=1)
    errors = {f.path: f.error for f in summary.failures}
    assert errors[victim.rel] == "internal error: RuntimeError: boom"
    assert summary.processed == len(corpus.good) - 1


def test_a_dying_worker_fails_only_its_report(corpus, monkeypatch) -> None:
    victim = corpus.good[5]
    monkeypatch.setattr(batch_worker, "_summarize", _explode_on(Path(victim.rel).name, "exit"))
    summary = batch(corpus.root, settings=Settings(max_bytes=LIMIT), jobs=2)
    errors = {f.path: f.error for f in summary.failures}
    assert "worker process died" in errors[victim.rel]
    assert set(errors) == {victim.rel} | {f.rel for f in corpus.broken}
    assert summary.processed == len(corpus.good) - 1
    index = [json.loads(line) for line in (Path(summary.out_dir) / "index.jsonl").read_text().splitlines()]
    assert len(index) == len(corpus.files)


def test_second_batch_on_the_same_output_is_refused(corpus, tmp_path: Path) -> None:
    import fcntl

    out = tmp_path / "o"
    (out / ".summarize-batch").mkdir(parents=True)
    with (out / ".summarize-batch" / "lock").open("a") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        with pytest.raises(UsageError, match="another batch"):
            batch(corpus.root, out, settings=Settings(max_bytes=LIMIT), jobs=1)


def test_stale_temp_files_are_swept(corpus, tmp_path: Path) -> None:
    out = tmp_path / "o"
    (out / "2023").mkdir(parents=True)
    stale = out / "2023" / ".x.txt.json.ab12cd34.tmp"
    stale.write_text("{half", encoding="utf-8")
    other = out / ".notes.tmp"  # not ours: left alone
    other.write_text("keep", encoding="utf-8")
    batch(corpus.root, out, settings=Settings(max_bytes=LIMIT), jobs=1)
    assert not stale.exists() and other.exists()


def test_a_file_name_that_is_not_utf8_is_summarized(tmp_path: Path) -> None:
    folder = tmp_path / "reports"
    folder.mkdir()
    seed = REPO / "seeds" / "001_15533f8b4921b7a4.txt"
    bad_name = os.fsdecode(b"report-\xff.txt")  # a GBK-era name on a UTF-8 file system
    (folder / bad_name).write_bytes(seed.read_bytes())
    summary = batch(folder, settings=Settings(max_bytes=LIMIT), jobs=1)
    assert (summary.processed, summary.failed) == (1, 0)
    out = Path(summary.out_dir)
    result = json.loads((out / f"{bad_name}.json").read_text(encoding="utf-8"))
    # The result shows the bad byte as summarize file does (\xff); the index keeps the name exactly
    # (surrogateescape, written as the JSON escape \udcff), never as U+FFFD.
    assert result["title"] and result["input"]["path"].endswith("report-\\xff.txt")
    row = json.loads((out / "index.jsonl").read_text(encoding="utf-8"))
    assert row["path"] == bad_name and row["status"] == "ok"
    assert batch(folder, settings=Settings(max_bytes=LIMIT), jobs=1).skipped == 1


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_model_that_cannot_load_stops_the_batch(corpus, monkeypatch, capsys, jobs: int) -> None:
    from summarize.errors import ModelError

    def no_model(path, settings):
        raise ModelError("model 'x' is not downloaded (run: summarize models pull)")

    monkeypatch.setattr(batch_worker, "_summarize", no_model)
    code = main(["batch", str(corpus.root), "--jobs", str(jobs), "--max-bytes", str(LIMIT)])
    assert code == 1
    err = capsys.readouterr().err
    assert "is not downloaded" in err and err.count("is not downloaded") == 1
    out = corpus.root.parent / "reports-summaries"
    assert (out / "index.jsonl").read_text() == ""  # nothing done, nothing recorded as failed
    assert not list((out / ".summarize-batch" / "records").rglob("*.json"))


def test_package_exports_batch_lazily(corpus) -> None:
    import subprocess as sp

    import summarize
    from summarize import batch as exported

    assert callable(exported) and exported.__module__ == "summarize.batch"
    summary = exported(corpus.root, settings=Settings(max_bytes=LIMIT), jobs=1, formats=("json",))
    assert isinstance(summary, BatchSummary) and summary.total == len(corpus.files)
    assert summarize.batch(corpus.root, settings=Settings(max_bytes=LIMIT), jobs=1, formats=("json",)).skipped
    # Importing the package stays cheap: no batch machinery, no rich, until asked for.
    code = "import sys, summarize; print('summarize.batch' in sys.modules, 'rich' in sys.modules)"
    done = sp.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True)
    assert done.stdout.split() == ["False", "False"]


def test_a_write_that_fails_halfway_leaves_no_output(corpus, monkeypatch) -> None:
    """The .json is written, the .md write fails (disk full): neither may stay, the report is failed."""
    real = batch_worker.atomic_write_text

    def flaky(path, text):
        if str(path).endswith(".md") and Path(path).name.startswith(Path(corpus.good[0].rel).name):
            raise OSError(28, "No space left on device")
        return real(path, text)

    monkeypatch.setattr(batch_worker, "atomic_write_text", flaky)
    summary = batch(corpus.root, settings=Settings(max_bytes=LIMIT), jobs=1)
    errors = {f.path: f.error for f in summary.failures}
    assert "No space left on device" in errors[corpus.good[0].rel]
    out = Path(summary.out_dir)
    assert not (out / f"{corpus.good[0].rel}.json").exists()
    assert not (out / f"{corpus.good[0].rel}.md").exists()
    assert summary.processed == len(corpus.good) - 1
