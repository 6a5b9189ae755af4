"""Issue 11, the batch's bad paths: symlinks out of DIR (row 3), a planted state folder (row 4), the
batch's own outputs as input and --out inside DIR (rows 6, 14), file names that are not UTF-8 or too
long (row 15), failure lines in a terminal (row 17), a time limit per report, a full disk (ENOSPC),
a double Ctrl-C and `models --help` (row 18)."""

from __future__ import annotations

import csv
import json
import os
import pty
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest
from seeds_util import REPO

from summarize.batch import batch
from summarize.batch import worker as batch_worker
from summarize.batch.discover import SYMLINK_OUTSIDE
from summarize.batch.records import output_paths, with_suffix
from summarize.cli import main
from summarize.config import Settings
from summarize.errors import UsageError

SEEDS = sorted((REPO / "seeds").glob("*.txt"))
SECRET = "机密：这是输入目录之外的文件，不应被读取。县委书记主持召开会议。"


def reports_dir(root: Path, count: int = 3, sub: str = "") -> Path:
    folder = root / sub if sub else root
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(count):
        shutil.copyfile(SEEDS[i % len(SEEDS)], folder / f"r{i}.txt")
    return root


def index_rows(out: Path) -> list[dict]:
    return [json.loads(line) for line in (out / "index.jsonl").read_text(encoding="utf-8").splitlines()]


def all_text(out: Path) -> str:
    return "".join(p.read_text(encoding="utf-8", errors="replace") for p in out.rglob("*") if p.is_file()
                   and p.suffix in (".json", ".md", ".jsonl", ".csv"))


def cli_env(tmp_path: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("SUMMARIZE_")}
    env.update(PYTHONPATH=os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p),
               XDG_CONFIG_HOME=str(tmp_path / "xdg"))
    return env


# --- row 3: symlinks ------------------------------------------------------------------------------

def test_symlinks_out_of_the_input_folder_are_not_read(tmp_path: Path) -> None:
    source = reports_dir(tmp_path / "in", 2)
    secret = tmp_path / "secret.txt"
    secret.write_text(SECRET, encoding="utf-8")
    (source / "abs.txt").symlink_to(secret)  # absolute
    (source / "rel.txt").symlink_to(Path("..") / "secret.txt")  # ../ as from an extracted archive
    (source / "inside.txt").symlink_to("r0.txt")  # a link within DIR is an ordinary report
    out = tmp_path / "out"
    summary = batch(source, out, jobs=1, database=False)
    assert (summary.processed, summary.failed, summary.total) == (3, 0, 3)
    assert sorted((f.path, f.error) for f in summary.refused) == [("abs.txt", SYMLINK_OUTSIDE),
                                                                    ("rel.txt", SYMLINK_OUTSIDE)]
    rows = {r["path"]: r for r in index_rows(out)}
    assert rows["abs.txt"]["status"] == rows["rel.txt"]["status"] == "skipped"
    assert rows["abs.txt"]["error"] == SYMLINK_OUTSIDE and rows["inside.txt"]["status"] == "ok"
    assert "机密" not in all_text(out)
    assert not output_paths(out, "abs.txt")["json"].exists()

    # Asked for: read like any report, and no longer listed as skipped.
    allowed = batch(source, out, jobs=1, database=False, follow_external_symlinks=True)
    assert allowed.processed == 2 and not allowed.refused
    assert "机密" in output_paths(out, "abs.txt")["json"].read_text(encoding="utf-8")
    # And refused again later: what it read is removed, so OUT never keeps it.
    again = batch(source, out, jobs=1, database=False)
    assert len(again.refused) == 2 and "机密" not in all_text(out)


def test_cli_says_skipped_and_has_the_option(tmp_path: Path, capsys) -> None:
    source = reports_dir(tmp_path / "in", 1)
    (tmp_path / "secret.txt").write_text(SECRET, encoding="utf-8")
    (source / "x.txt").symlink_to(tmp_path / "secret.txt")
    assert main(["batch", str(source), "--out", str(tmp_path / "o"), "--jobs", "1", "--no-db"]) == 0
    done = capsys.readouterr()
    assert f"SKIPPED x.txt: {SYMLINK_OUTSIDE}" in done.err
    assert json.loads(done.out)["refused"] == [{"path": "x.txt", "error": SYMLINK_OUTSIDE}]
    assert main(["batch", str(source), "--out", str(tmp_path / "o"), "--jobs", "1", "--no-db",
                 "--follow-external-symlinks"]) == 0
    assert json.loads(capsys.readouterr().out)["processed"] == 1


# --- row 4: a planted state folder ----------------------------------------------------------------

@pytest.mark.parametrize("planted", [".summarize-batch", ".summarize-batch/records", ".summarize-batch/lock"])
def test_a_symlinked_state_folder_is_refused(tmp_path: Path, capsys, planted: str) -> None:
    source = reports_dir(tmp_path / "in", 1)
    out, elsewhere = tmp_path / "out", tmp_path / "elsewhere"
    elsewhere.mkdir()
    link = out / planted
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(elsewhere / "target" if planted.endswith("lock") else elsewhere)
    with pytest.raises(UsageError, match="symlink"):
        batch(source, out, jobs=1, database=False)
    assert main(["batch", str(source), "--out", str(out), "--jobs", "1"]) == 2
    assert "symlink" in capsys.readouterr().err
    assert list(elsewhere.iterdir()) == []
    assert not (out / "index.jsonl").exists()


# --- rows 6 and 14: the batch's own outputs are never input ---------------------------------------

def test_an_earlier_output_folder_is_not_read_as_reports(tmp_path: Path) -> None:
    source = reports_dir(tmp_path / "in", 3)
    out = tmp_path / "out"
    batch(source, out, jobs=1)  # writes index.jsonl/.csv, summaries.db, metadata.json, .json, .md
    again = batch(out, tmp_path / "out2", jobs=1, globs=["*"], database=False)
    assert (again.total, again.processed, again.failed) == (0, 0, 0)


@pytest.mark.parametrize("inside", ["same", "sub"])
def test_glob_star_with_out_inside_dir_never_reads_outputs(tmp_path: Path, inside: str) -> None:
    source = reports_dir(tmp_path / "in", 3)
    out = source if inside == "same" else source / "summaries"
    first = batch(source, out, jobs=1, globs=["*"])
    assert (first.total, first.processed) == (3, 3)
    second = batch(source, out, jobs=1, globs=["*"])
    assert (second.total, second.skipped, second.processed, second.failed) == (3, 3, 0, 0)


def test_out_naming_a_folder_of_reports_keeps_them(tmp_path: Path) -> None:
    """Row 6: --out DIR/2024 where DIR/2024 holds 3 of the 5 reports: all 5 are summarized."""
    source = reports_dir(tmp_path / "in", 2)
    reports_dir(source, 3, sub="2024")
    out = source / "2024"
    first = batch(source, out, jobs=1)
    assert (first.total, first.processed, first.failed) == (5, 5, 0)
    assert {r["path"] for r in index_rows(out)} == {"r0.txt", "r1.txt", "2024/r0.txt", "2024/r1.txt",
                                                   "2024/r2.txt"}
    for pattern in (None, ["*"]):
        again = batch(source, out, jobs=1, globs=pattern)
        assert (again.total, again.skipped, again.processed) == (5, 5, 0)


# --- row 15: file names ---------------------------------------------------------------------------

def test_non_utf8_names_are_exact_in_the_index(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    raw = b"caf\xe9-\xff\xfe.txt"  # Latin-1 and stray bytes on a UTF-8 file system
    (source / os.fsdecode(raw)).write_bytes(SEEDS[0].read_bytes())
    out = tmp_path / "out"
    summary = batch(source, out, jobs=1)
    assert summary.processed == 1
    row = index_rows(out)[0]
    assert os.fsencode(row["path"]) == raw  # not U+FFFD: the very bytes, through surrogateescape
    assert (out / row["json"]).is_file() and os.fsencode(row["json"]) == raw + b".json"
    with (out / "index.csv").open(encoding="utf-8-sig", newline="") as fh:
        cell = next(csv.DictReader(fh))["path"]
    assert cell == "caf\\udce9-\\udcff\\udcfe.txt"
    assert batch(source, out, jobs=1).skipped == 1


def test_names_near_the_file_system_limit_are_hashed(tmp_path: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    names = ["报" * 80 + ".txt", "报" * 79 + "告.txt", "a" * 251 + ".txt"]  # 244, 244 and 255 bytes
    for name in names:
        (source / name).write_bytes(SEEDS[1].read_bytes())
    out = tmp_path / "out"
    summary = batch(source, out, jobs=2)
    assert (summary.processed, summary.failed) == (3, 0), summary.failures
    rows = index_rows(out)
    assert sorted(r["path"] for r in rows) == sorted(names)
    outputs = {r["json"] for r in rows} | {r["md"] for r in rows}
    assert len(outputs) == 6 and all(len(os.fsencode(Path(o).name)) <= 241 for o in outputs)
    assert all((out / o).is_file() for o in outputs)
    assert batch(source, out, jobs=1).skipped == 3
    assert with_suffix("a/b.txt", ".json") == "a/b.txt.json"  # short names are unchanged


# --- row 17: failure lines reach standard error in a terminal too --------------------------------

def test_failures_reach_stderr_when_stdout_is_a_terminal(tmp_path: Path) -> None:
    source = reports_dir(tmp_path / "in", 2)
    (source / "empty.txt").write_bytes(b"")
    leader, follower = pty.openpty()
    err_log = tmp_path / "err.log"
    env = {**cli_env(tmp_path), "TERM": "xterm", "COLUMNS": "120"}
    with err_log.open("wb") as err:
        done = subprocess.run([sys.executable, "-m", "summarize", "batch", str(source), "--jobs", "1",
                               "--no-db"], stdout=follower, stderr=err, env=env, timeout=120)
    os.close(follower)
    os.close(leader)
    assert done.returncode == 1
    assert "FAILED empty.txt: " in err_log.read_text(encoding="utf-8")


# --- a time limit per report ----------------------------------------------------------------------

def test_default_time_limit_grows_with_the_size() -> None:
    small, big = (batch_worker.time_limit(n, "rules", None) for n in (4_000, 1_000_000))
    assert 5 <= small <= 15 and big > small * 3
    assert batch_worker.time_limit(4_000, "model", None) > small
    assert batch_worker.time_limit(10**9, "rules", 7) == 7 and batch_worker.time_limit(1, "rules", 0) == 0


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_report_over_its_time_limit_fails_and_the_batch_goes_on(tmp_path: Path, monkeypatch, jobs: int) -> None:
    source = reports_dir(tmp_path / "in", 3)
    real = batch_worker._summarize

    def stalls_on_r1(path: str, settings: Settings):  # one report that never ends (forked workers inherit it)
        if path.endswith("r1.txt"):
            while True:
                time.sleep(0.05)
        return real(path, settings)

    monkeypatch.setattr(batch_worker, "_summarize", stalls_on_r1)
    started = time.monotonic()
    summary = batch(source, tmp_path / "out", jobs=jobs, database=False, timeout_per_report=1.5)
    assert time.monotonic() - started < 30
    assert (summary.processed, summary.failed) == (2, 1)
    assert summary.failures[0].path == "r1.txt" and "time limit of 1.5 s" in summary.failures[0].error
    with pytest.raises(UsageError):
        batch(source, tmp_path / "out", jobs=1, timeout_per_report=-1)


# --- ENOSPC: a full disk -------------------------------------------------------------------------

@pytest.fixture
def small_tmpfs(tmp_path: Path):
    mount = tmp_path / "full"
    mount.mkdir()
    try:
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=200k", "tmpfs", str(mount)],
                              capture_output=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        pytest.skip("mount is not available")
    if done.returncode != 0:
        pytest.skip(f"cannot mount a tmpfs here: {done.stderr.decode(errors='replace').strip()}")
    try:
        yield mount
    finally:
        subprocess.run(["umount", "-l", str(mount)], capture_output=True, timeout=10)


def _comparable(out: Path) -> dict[str, object]:
    """Every output and index file, without the timing fields."""
    found: dict[str, object] = {}
    for path in sorted(out.rglob("*")):
        rel = path.relative_to(out).as_posix()
        if not path.is_file() or rel.startswith(".summarize-batch") or rel.endswith((".db", "metadata.json")):
            continue
        if rel.endswith(".json"):
            data = json.loads(path.read_text(encoding="utf-8"))
            data.pop("timings_ms", None)
            found[rel] = data
        elif rel == "index.jsonl":
            found[rel] = index_rows(out)
        else:
            found[rel] = path.read_bytes()
    return found


def test_a_full_disk_fails_reports_one_by_one_and_leaves_a_valid_index(tmp_path: Path, small_tmpfs: Path) -> None:
    source = tmp_path / "in"
    source.mkdir()
    for i in range(40):  # about 500 KB of outputs for a 200 KB file system
        shutil.copyfile(SEEDS[i % len(SEEDS)], source / f"r{i:02}.txt")
    out = small_tmpfs / "out"
    summary = batch(source, out, jobs=2, database=False)
    assert summary.failed > 0 and summary.processed > 0
    assert all("No space left on device" in f.error for f in summary.failures), summary.failures[:3]
    rows = index_rows(out)  # parses: a valid index, one row per report
    assert [r["path"] for r in rows] == sorted(f"r{i:02}.txt" for i in range(40))
    assert {r["status"] for r in rows} == {"ok", "failed"}
    for row in rows:
        outputs = output_paths(out, row["path"]).values()
        if row["status"] == "ok":
            assert all(p.is_file() and p.stat().st_size > 0 for p in outputs)
            json.loads(output_paths(out, row["path"])["json"].read_text(encoding="utf-8"))
        else:
            assert not any(p.exists() for p in outputs)  # no partial file
    assert not [p for p in out.rglob("*.tmp")]

    # With room again (the same folder, moved to a normal disk), a re-run equals a clean run.
    roomy = tmp_path / "roomy"
    shutil.copytree(out, roomy, symlinks=True)
    rerun = batch(source, roomy, jobs=2, database=False)
    assert rerun.failed == 0 and rerun.processed == summary.failed
    clean = batch(source, tmp_path / "clean", jobs=2, database=False)
    assert clean.processed == 40
    assert _comparable(roomy) == _comparable(tmp_path / "clean")


# --- row 18: a double Ctrl-C ----------------------------------------------------------------------

STALLING_BATCH = textwrap.dedent("""
    import sys, time
    from summarize.batch import worker as batch_worker
    from summarize.cli import main

    real = batch_worker._summarize

    def slow(path, settings):  # every report takes long enough to be in flight at the second Ctrl-C
        time.sleep(4)
        return real(path, settings)

    batch_worker._summarize = slow
    sys.exit(main(sys.argv[1:]))
""")


@pytest.mark.slow
def test_a_double_ctrl_c_lands_nothing_after_the_index(tmp_path: Path) -> None:
    source = reports_dir(tmp_path / "in", 8)
    out = tmp_path / "out"
    process = subprocess.Popen([sys.executable, "-c", STALLING_BATCH, "batch", str(source), "--out", str(out),
                                "--jobs", "2", "--no-db", "--timeout-per-report", "0"],
                               env=cli_env(tmp_path), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    while not (out / ".summarize-batch" / "lock").exists() and time.monotonic() < deadline:
        time.sleep(0.1)
    time.sleep(2)  # workers are busy with their first reports
    process.send_signal(signal.SIGINT)
    time.sleep(0.3)
    process.send_signal(signal.SIGINT)
    started = time.monotonic()
    _out, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    assert time.monotonic() - started < 3.5  # at once, not after the reports in flight
    index_time = max((out / name).stat().st_mtime for name in ("index.jsonl", "index.csv"))
    listed = {r["path"] for r in index_rows(out)}
    time.sleep(5)  # a report still in flight would land now
    records = {p.relative_to(out / ".summarize-batch" / "records").as_posix()[:-5]
               for p in (out / ".summarize-batch" / "records").rglob("*.json")}
    results = {p.name[:-5] for p in out.glob("*.txt.json")}
    assert records <= listed and results <= listed
    assert [p.name for p in out.rglob("*") if p.is_file() and p.stat().st_mtime > index_time] == []


# --- row 18: models --help ------------------------------------------------------------------------

def test_models_help_lists_only_options_that_apply(capsys) -> None:
    assert main(["models", "--help"]) == 0
    text = capsys.readouterr().out
    for option in ("--model", "--translate-model", "--summarize-model", "--device", "--dtype", "--backend"):
        assert option in text
    for option in ("--max-bytes", "--glossary", "--phrasebook", "--keep-script", "--strict", "--engine",
                   "--prompt-dir", "--translate "):
        assert option not in text
