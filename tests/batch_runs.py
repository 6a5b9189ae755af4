"""Running `summarize batch` as a subprocess in the tests: a clean environment, start, wait, finish."""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

from seeds_util import REPO

from summarize.batch.records import STATE_DIR

LIMIT = 200_000


def cli_env(tmp_path: Path) -> dict[str, str]:
    """No user or project config may leak into the runs under test."""
    env = dict(os.environ)
    path = os.pathsep.join(p for p in (str(REPO), env.get("PYTHONPATH")) if p)
    env.update(PYTHONPATH=path, XDG_CONFIG_HOME=str(tmp_path / "xdg"), TERM="dumb")
    for name in list(env):
        if name.startswith("SUMMARIZE_"):
            del env[name]
    return env


def start_batch(src: Path, out: Path, tmp_path: Path, *extra: str) -> subprocess.Popen:
    command = [sys.executable, "-m", "summarize", "batch", str(src), "--out", str(out), "--jobs", "2",
               "--max-bytes", str(LIMIT), *extra]
    return subprocess.Popen(command, cwd=tmp_path, env=cli_env(tmp_path), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, start_new_session=True)


def finish(proc: subprocess.Popen, timeout: float = 120) -> tuple[int, str, str]:
    stdout, stderr = proc.communicate(timeout=timeout)
    return proc.returncode, stdout.decode(), stderr.decode()


def records_done(out: Path) -> int:
    folder = out / STATE_DIR / "records"
    return sum(1 for _ in folder.rglob("*.json")) if folder.is_dir() else 0


def wait_for_records(proc: subprocess.Popen, out: Path, at_least: int, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while records_done(out) < at_least:
        assert proc.poll() is None, "the batch finished before it could be stopped"
        assert time.monotonic() < deadline, "the batch made no progress"
        time.sleep(0.02)
