"""Issue 11, inputs: no hang (rows 8-10), never a traceback (11, 12), inputs read or refused rightly (13, 14)."""

from __future__ import annotations

import importlib.util
import json
import re
import shutil
import time
from pathlib import Path

import pytest
from seeds_util import SEEDS

from summarize.api import clean_text, summarize_file, summarize_text
from summarize.cli import main
from summarize.errors import NotAReportError

ROOT = Path(__file__).resolve().parents[1]


def _bench():
    spec = importlib.util.spec_from_file_location("bench_linear", ROOT / "eval" / "bench_linear.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# Rows 8-10: every shape that was quadratic finishes 100 KB well within a bound the old code missed by
# far (16 s for 6 KB of row 8; 5-13 s for the officials shape), and costs at most 30x its 10 KB
# version (linear code: about 10x; quadratic: about 100x). CPU time of this process, not wall time: a
# loaded 2-core CI box stretches wall time at random. The 6 s bound is 3x the benchmark's 2 s; the
# ratio at 100 KB and 1 MB is measured by eval/bench_linear.py.
@pytest.mark.parametrize("shape", [pytest.param(s, marks=pytest.mark.slow) if s == "officials" else s
                                   for s in sorted(_bench().SHAPES)])  # officials: ~2 s of NER windows
def test_adversarial_shape_of_100_kb_is_fast_and_linear(shape):
    def cpu_seconds(text: str) -> float:
        started = time.process_time()
        summarize_text(text)
        return time.process_time() - started

    summarize_text("县委书记张三出席会议。")  # warm the caches outside the timing
    small = min(cpu_seconds(_bench().SHAPES[shape](10_000)) for _ in range(3))
    text = _bench().SHAPES[shape](100_000)
    large = cpu_seconds(text)
    if large / max(small, 0.01) >= 30:
        # Once in a full CI run the first 100 KB pass cost 0.8 s of CPU against 0.06 s alone (a table reloaded after
        # another test cleared it, or a thread an earlier test left in this process): a second pass tells that
        # one-off from a quadratic path, which costs the same every time.
        large = min(large, cpu_seconds(text))
    assert large < 6.0
    assert large / max(small, 0.01) < 30, (small, large)


# Row 11: lone surrogates and bytes are inputs like any other, never a UnicodeEncodeError.
def test_lone_surrogates_become_replacement_characters():
    report = clean_text("县委书记张三\ud800出席会议。")
    assert "\ufffd" in report.text and any("surrogate" in w for w in report.quality.warnings)
    with pytest.raises(NotAReportError):
        summarize_text("\ud800")


def test_bytes_are_decoded_like_a_file():
    report = summarize_text(SEEDS[0].read_bytes())
    assert report.facts.summary_zh


# Row 13: a few undecodable bytes are replaced and listed; terminal colours are stripped.
def test_one_invalid_byte_is_replaced_and_listed(tmp_path):
    data = bytearray(SEEDS[0].read_bytes())
    data[len(data) // 2] = 0xFF
    path = tmp_path / "r.txt"
    path.write_bytes(bytes(data))
    report = summarize_file(path)
    assert report.facts.summary_zh
    note = next(w for w in report.quality.warnings if w.startswith("decoding: replaced"))
    offsets = [int(n) for n in re.findall(r"\d+", note.split("offsets")[1])]
    assert any(abs(n - len(data) // 2) <= 2 for n in offsets)  # the broken character's bytes


def test_truncated_utf8_is_read(tmp_path):
    path = tmp_path / "r.txt"
    path.write_bytes(SEEDS[0].read_bytes().rstrip()[:-1])
    assert summarize_file(path).facts.summary_zh


def test_ansi_colours_are_stripped_not_binary():
    text = "\x1b[1;31m" + SEEDS[0].read_text(encoding="utf-8") + "\x1b[0m\x1b]0;title\x07"
    report = clean_text(text)
    assert "\x1b" not in report.text and any("control" in w for w in report.quality.warnings)


# Row 14: no Chinese, or the tool's own output, is not a report: exit 1 with a message.
def test_text_without_chinese_is_not_a_report(tmp_path, capsys):
    path = tmp_path / "en.txt"
    path.write_text("City council holds meeting.\nThe mayor spoke.\n")
    assert main(["file", str(path)]) == 1
    assert "no Chinese text" in capsys.readouterr().err


def test_own_outputs_are_not_reports(tmp_path, capsys):
    report = tmp_path / "r.txt"
    shutil.copy(SEEDS[0], report)
    for ext in ("json", "md"):
        out = tmp_path / f"r.{ext}"
        assert main(["file", str(report), "--out", str(out)]) == 0
        assert main(["file", str(out), "--format", "json"]) == 1
        assert "summarize output" in capsys.readouterr().err


def test_several_files_one_bad_still_gives_the_others(tmp_path, capsys):
    good = tmp_path / "r.txt"
    shutil.copy(SEEDS[0], good)
    bad = tmp_path / "en.txt"
    bad.write_text("no chinese here")
    assert main(["file", str(bad), str(good), "--format", "jsonl"]) == 1
    captured = capsys.readouterr()
    assert len(captured.out.splitlines()) == 1 and json.loads(captured.out)["summary_zh"]


def test_a_long_run_of_titles_and_names_without_punctuation_stays_fast_and_gives_no_title():
    """Hypothesis found it: '县委书记王伟' * 167 made a 1,000-character 'title' whose English parse was cubic."""
    started = time.process_time()
    report = summarize_text("力争30天" + "县委书记王伟" * 400)
    assert time.process_time() - started < 3.0
    assert [(o.name, o.title) for o in report.facts.officials] == [("王伟", None)]
