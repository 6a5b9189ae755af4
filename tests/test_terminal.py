"""What a person sees in a real terminal: `summarize file` and `summarize batch` run inside tmux.

tmux gives the commands a real pseudo-terminal of a known size, so colour, the live progress bar and
the tables are exercised exactly as a user gets them; capture-pane returns the screen as text.
"""

from __future__ import annotations

import json
import os
import re
import shlex
import shutil
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from summarize.evaluation.corpus import generate_corpus

REPO = Path(__file__).resolve().parent.parent
SEED = REPO / "seeds" / "000_ec1854275bf9a276.txt"
REFERENCE = json.loads((REPO / "eval" / "references" / f"{SEED.stem}.json").read_text(encoding="utf-8"))
WIDTH, HEIGHT = 150, 60
DONE = "__SUMMARIZE_EXIT="

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None,
                                reason="tmux is not installed (apt-get install -y tmux)")


class Terminal:
    """One private tmux server (its own socket), one window running one shell command."""

    def __init__(self, tmp_path: Path):
        self.socket = f"summarize-test-{uuid.uuid4().hex[:8]}"
        self.tmp_path = tmp_path
        self.config = tmp_path / "tmux.conf"  # ours only: no ~/.tmux.conf, a long scrollback
        self.config.write_text("set -g history-limit 5000\n", encoding="utf-8")
        self.session = ""
        self.runs = 0

    def tmux(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, "-f", str(self.config), *args], capture_output=True,
                              text=True, timeout=30)
        if done.returncode:
            raise RuntimeError(f"tmux {' '.join(args)}: {done.stderr}")
        return done.stdout

    def run(self, argv: list[str], timeout: float = 120) -> tuple[int, str, str]:
        """Run `python -m summarize ARGV` in the terminal; return (exit status, screen text, screen with
        escape codes) once it has finished."""
        self.start(argv)
        return self.wait(timeout)

    def start(self, argv: list[str]) -> None:
        env = {
            "PYTHONPATH": os.pathsep.join(p for p in (str(REPO), os.environ.get("PYTHONPATH")) if p),
            "XDG_CONFIG_HOME": str(self.tmp_path / "xdg"), "TERM": "xterm-256color", "COLUMNS": str(WIDTH),
            "LINES": str(HEIGHT), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        }
        script = self.tmp_path / f"run-{uuid.uuid4().hex[:6]}.sh"
        exports = "".join(f"export {k}={shlex.quote(v)}\n" for k, v in env.items())
        script.write_text(
            "unset NO_COLOR $(env | grep -o '^SUMMARIZE_[A-Z_]*')\n" + exports
            + f"cd {shlex.quote(str(self.tmp_path))}\n"
            + shlex.join([sys.executable, "-m", "summarize", *argv]) + f"\necho {DONE}$?\nsleep 600\n",
            encoding="utf-8")
        self.runs += 1
        self.session = f"run{self.runs}"
        self.tmux("new-session", "-d", "-s", self.session, "-x", str(WIDTH), "-y", str(HEIGHT),
                  f"bash {shlex.quote(str(script))}")

    def wait(self, timeout: float = 120) -> tuple[int, str, str]:
        deadline = time.monotonic() + timeout
        while True:
            screen = self.capture()
            found = re.search(re.escape(DONE) + r"(\d+)", screen)
            if found:
                return int(found.group(1)), screen, self.capture(escapes=True)
            if time.monotonic() > deadline:
                raise AssertionError(f"the command did not finish in {timeout}s; screen:\n{screen}")
            time.sleep(0.2)

    def wait_for(self, pattern: str, timeout: float = 60) -> re.Match:
        deadline = time.monotonic() + timeout
        while not (found := re.search(pattern, self.capture())):
            assert time.monotonic() < deadline, f"{pattern!r} never appeared:\n{self.capture()}"
            time.sleep(0.1)
        return found

    def keys(self, *keys: str) -> None:
        self.tmux("send-keys", "-t", self.session, *keys)

    def capture(self, escapes: bool = False) -> str:
        flags = ["-e"] if escapes else []
        return self.tmux("capture-pane", "-p", "-J", "-S", "-", "-t", self.session, *flags)

    def close(self) -> None:
        subprocess.run(["tmux", "-L", self.socket, "kill-server"], capture_output=True, timeout=30)


@pytest.fixture
def terminal(tmp_path: Path):
    term = Terminal(tmp_path)
    yield term
    term.close()


def flat(screen: str) -> str:
    """The screen without box-drawing characters and with runs of white space made one space."""
    return re.sub(r"\s+", " ", re.sub(r"[\u2500-\u257f]", " ", screen))


def test_batch_shows_a_live_progress_bar_and_a_summary_table(terminal: Terminal, tmp_path: Path) -> None:
    corpus = generate_corpus(tmp_path / "reports", 24, broken_share=0.05, max_bytes=200_000)
    code, screen, coloured = terminal.run(["batch", str(corpus.root), "--jobs", "2", "--max-bytes", "200000"])
    assert code == 1, screen  # one broken file
    lines = screen.splitlines()
    # One progress line, redrawn in place (not a stream of lines), ending full.
    bars = [line for line in lines if "Summarizing" in line]
    assert len(bars) == 1, screen
    assert "24/24" in bars[0] and "100%" in bars[0] and "reports/s" in bars[0] and "ETA" in bars[0]
    text = flat(screen)
    assert "Batch summary" in text
    assert re.search(r"processed 23\b", text) and re.search(r"failed 1\b", text), text
    assert re.search(r"skipped 0 \(up to date\)", text)
    assert re.search(r"reports/s \d+\.\d", text) and re.search(r"time \d+\.\d s", text)
    assert "Failed reports (1)" in text
    for entry in corpus.broken:
        assert entry.rel in text
    assert "\x1b[" in coloured  # a terminal gets colour
    assert "{" not in text  # and no JSON

    # Run again: everything is up to date, nothing to show progress for.
    code, screen, _ = terminal.run(["batch", str(corpus.root), "--max-bytes", "200000"])
    assert code == 1  # the broken files still fail
    text = flat(screen)
    assert re.search(r"processed 0\b", text) and re.search(r"skipped 23 \(up to date\)", text), text
    assert "Summarizing (23 up to date) 1/1 100%" in text  # only the broken file is tried again

    # --quiet in a terminal: no bar, no table, just the failure.
    code, screen, _ = terminal.run(["batch", str(corpus.root), "--max-bytes", "200000", "--quiet"])
    assert code == 1
    shown = [line for line in screen.splitlines() if line.strip() and DONE not in line]
    assert shown == [f"FAILED {corpus.broken[0].rel}: file is empty"], screen


def test_ctrl_c_in_a_terminal_stops_gently(terminal: Terminal, tmp_path: Path) -> None:
    corpus = generate_corpus(tmp_path / "reports", 150, broken_share=0, max_bytes=200_000)
    terminal.start(["batch", str(corpus.root), "--jobs", "2"])
    terminal.wait_for(r"Summarizing .* ([2-9]\d|1\d\d)/150")  # well under way
    terminal.keys("C-c")
    code, screen, _ = terminal.wait()
    assert code == 130, screen
    text = flat(screen)
    assert "stopping after the reports in progress" in text
    assert "Batch interrupted" in text and "run the same command again" in text
    processed = int(re.search(r"processed (\d+)", text).group(1))
    assert 20 <= processed < 150
    assert "Traceback" not in text


def test_file_view_shows_the_facts(terminal: Terminal) -> None:
    if not (REPO / "summarize" / "commands" / "file.py").exists():
        pytest.skip("summarize file is not written yet")
    code, screen, coloured = terminal.run(["file", str(SEED)])
    assert code == 0, screen
    text = flat(screen)
    assert REFERENCE["title"] in text.replace(" ", "")
    assert REFERENCE["event_date"] in text
    official = REFERENCE["officials"][0]
    assert official["name"] in text and official["title"] in text
    assert re.search(r"(?i)officials", text)  # the officials table has a heading
    from summarize.api import summarize_file

    english = summarize_file(SEED).english.summary_en
    assert english
    assert " ".join(english.split()[:6]) in text  # the English summary is on screen
    assert "\x1b[" in coloured
