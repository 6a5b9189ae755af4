"""summarize people / search / db build: a table on a terminal, JSON lines piped, one-line errors."""

from __future__ import annotations

import json
import os
import pty
import random
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from batch_runs import cli_env
from seeds_util import SEEDS

from summarize.batch import batch
from summarize.config import Settings
from summarize.evaluation.variants import shuffle_paragraphs

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def out(tmp_path_factory) -> Path:
    src = tmp_path_factory.mktemp("dbcli") / "reports"
    src.mkdir()
    for seed in SEEDS:
        shutil.copy(seed, src / seed.name)
    text = SEEDS[1].read_text(encoding="utf-8")  # a second page about the same meeting
    (src / "again.txt").write_text(shuffle_paragraphs(text, random.Random(3)), encoding="utf-8")
    out = src.parent / "out"
    batch(src, out, settings=Settings(), jobs=1, formats=("json",))
    return out


def run_piped(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "summarize", *args], cwd=cwd, env=cli_env(cwd),
                          capture_output=True, text=True, timeout=60)


def run_on_terminal(*args: str, cwd: Path) -> tuple[int, str]:
    """Standard output is a pseudo-terminal, as in an interactive shell."""
    env = {**cli_env(cwd), "TERM": "xterm", "COLUMNS": "160", "NO_COLOR": "1"}
    leader, follower = pty.openpty()
    proc = subprocess.Popen([sys.executable, "-m", "summarize", *args], cwd=cwd, env=env, stdout=follower,
                            stderr=subprocess.PIPE)
    os.close(follower)
    chunks = []
    while True:
        try:
            chunk = os.read(leader, 65536)
        except OSError:  # the child closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(leader)
    proc.wait(timeout=60)
    return proc.returncode, b"".join(chunks).decode("utf-8", "replace")


def official_of(out: Path) -> dict:
    result = json.loads((out / f"{SEEDS[1].name}.json").read_text(encoding="utf-8"))
    return result["officials"][0]


def test_people_piped_is_json_lines_and_on_a_terminal_a_table(out: Path, tmp_path: Path) -> None:
    official = official_of(out)
    done = run_piped("people", str(out), official["name"], cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert {row["report"] for row in rows} == {SEEDS[1].name, "again.txt"}
    assert len({row["person"] for row in rows}) == 1 and rows[0]["merged_by"] == "same jurisdiction"
    assert all(row["title"] == official["title"] and row["role"] == official["role"] for row in rows)

    by_english = run_piped("people", str(out), official["name_en"].lower(), cwd=tmp_path)
    assert by_english.stdout == done.stdout

    code, screen = run_on_terminal("people", str(out), official["name"], cwd=tmp_path)
    assert code == 0
    assert official["name"] in screen and "again.txt" in screen and "┃" in screen and "{" not in screen

    everyone = run_piped("people", str(out), cwd=tmp_path)
    people = [json.loads(line) for line in everyone.stdout.splitlines()]
    assert people[0]["reports"] == 2 and len(people) >= 10

    missing = run_piped("people", str(out), "无此人", cwd=tmp_path)
    assert missing.returncode == 1 and missing.stdout == ""


def test_search_piped_and_on_a_terminal(out: Path, tmp_path: Path) -> None:
    result = json.loads((out / f"{SEEDS[3].name}.json").read_text(encoding="utf-8"))
    words = result["title"][-8:-2]
    done = run_piped("search", str(out), words, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    rows = [json.loads(line) for line in done.stdout.splitlines()]
    assert SEEDS[3].name in {row["path"] for row in rows}
    assert all(f"**{words}**" in row["snippet"] for row in rows)
    code, screen = run_on_terminal("search", str(out), words, cwd=tmp_path)
    assert code == 0 and result["title"][:6] in screen and "**" not in screen and "\x02" not in screen

    nothing = run_piped("search", str(out), "没有这个词语", cwd=tmp_path)
    assert nothing.returncode == 1 and nothing.stdout == ""


@pytest.mark.parametrize("command", [("people", "{dir}"), ("search", "{dir}", "项目"), ("db", "build", "{dir}")])
def test_a_folder_without_a_database_is_a_one_line_usage_error(command, tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    done = run_piped(*(part.format(dir=empty) for part in command), cwd=tmp_path)
    assert done.returncode == 2
    assert str(empty) in done.stderr and len(done.stderr.strip().splitlines()) == 1
    assert "Traceback" not in done.stderr


def test_help_and_clean_do_not_import_sqlite_utils(tmp_path: Path) -> None:
    code = ("import sys; from summarize.cli import main; main(['clean', sys.argv[1], '--format', 'text']); "
            "print('sqlite_utils' in sys.modules, 'summarize.database.write' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code, str(SEEDS[0])], cwd=REPO, capture_output=True, text=True,
                          timeout=60)
    assert done.stdout.strip().splitlines()[-1] == "False False"
