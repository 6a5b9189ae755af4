"""Issue 11, outputs: nothing lost (rows 1, 2, 5, 7, 12, 16) and the smaller fixes of row 18."""

from __future__ import annotations

import json
import os
import shutil
import stat
import threading
from pathlib import Path

import pytest
from seeds_util import SEEDS

from summarize.cli import main

SEED = SEEDS[1]


@pytest.fixture
def report(tmp_path: Path) -> Path:
    path = tmp_path / "r.txt"
    shutil.copy(SEED, path)
    return path


# Row 1: an output that is an input is refused with exit 2 and the input is untouched.
@pytest.mark.parametrize("command", ["file", "clean"])
def test_out_that_is_the_input_is_refused(report, command, capsys):
    before = report.read_bytes()
    assert main([command, str(report), "--out", str(report)]) == 2
    assert report.read_bytes() == before
    assert "refusing to overwrite" in capsys.readouterr().err


def test_out_that_is_the_second_input_or_a_link_to_it_is_refused(report, tmp_path):
    other = tmp_path / "b.txt"
    shutil.copy(SEEDS[2], other)
    before = other.read_bytes()
    assert main(["file", str(report), str(other), "--out", str(other)]) == 2
    hard = tmp_path / "hard.txt"
    os.link(other, hard)
    assert main(["file", str(hard), "--out", str(other)]) == 2  # same inode through a hard link
    assert other.read_bytes() == before


# Row 2: devices and FIFOs are written as streams, never replaced; foreign symlinks are refused.
def test_out_to_a_fifo_streams_to_its_reader(report, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_bytes()))
    reader.start()
    assert main(["file", str(report), "--out", str(fifo), "--format", "json"]) == 0
    reader.join(timeout=30)
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert json.loads(received[0])["summary_zh"]


def test_out_through_a_link_to_a_character_device_keeps_the_device(report, tmp_path):
    link = tmp_path / "null"
    os.symlink("/dev/null", link)
    assert main(["file", str(report), "--out", str(link), "--format", "json"]) == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode)
    assert os.path.islink(link)


def test_out_through_a_symlink_to_a_regular_file_is_refused(report, tmp_path, capsys):
    target = tmp_path / "target.json"
    target.write_text("keep")
    link = tmp_path / "link.json"
    os.symlink(target, link)
    assert main(["file", str(report), "--out", str(link)]) == 2
    assert target.read_text() == "keep"
    assert "symbolic link" in capsys.readouterr().err


# Row 5: -q silences chatter only.
def test_quiet_still_writes_the_result(report, tmp_path, capsys):
    out = tmp_path / "r.json"
    assert main(["file", str(report), "-q", "--out", str(out)]) == 0
    assert json.loads(out.read_text(encoding="utf-8"))["summary_zh"]
    assert main(["file", str(report), "-q", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["summary_zh"]


# Row 7: written files follow the umask.
def test_written_files_follow_the_umask(report, tmp_path):
    old = os.umask(0o022)
    try:
        out = tmp_path / "r.json"
        assert main(["file", str(report), "--out", str(out)]) == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE(out.stat().st_mode) == 0o644


# Row 12: output errors are one line, exit 2, no traceback.
@pytest.mark.parametrize("where", ["dir", "/sys/summarize-x", "/proc/self/no/such"])
def test_unwritable_out_is_one_line_exit_2(report, tmp_path, where, capsys):
    out = str(tmp_path) if where == "dir" else where
    assert main(["file", str(report), "--out", out, "--format", "json"]) == 2
    err = capsys.readouterr().err
    assert "Traceback" not in err and len(err.strip().splitlines()) == 1 and out in err


def test_non_utf8_file_name_gives_valid_json(tmp_path, capsys):
    name = os.fsdecode(b"\xff\xfe.txt")
    path = tmp_path / name
    shutil.copy(SEED, path)
    out = tmp_path / "o.json"
    assert main(["file", str(path), "--out", str(out)]) == 0
    result = json.loads(out.read_bytes().decode("utf-8"))  # strict UTF-8
    assert "\\xff\\xfe.txt" in result["input"]["path"]
    assert main(["file", str(path), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["input"]["path"] == result["input"]["path"]


# Row 16: the format follows the extension, then --format, then the terminal rule.
def test_format_follows_the_extension(report, tmp_path):
    md, js = tmp_path / "x.md", tmp_path / "x.json"
    assert main(["file", str(report), "--out", str(md)]) == 0
    assert md.read_text(encoding="utf-8").startswith("# ")
    assert main(["file", str(report), "--out", str(js)]) == 0
    json.loads(js.read_text(encoding="utf-8"))
    assert main(["file", str(report), "--out", str(md), "--format", "json"]) == 2


def test_file_jsonl_one_object_per_report(report, tmp_path, capsys):
    other = tmp_path / "b.txt"
    shutil.copy(SEEDS[2], other)
    assert main(["file", str(report), str(other), "--format", "jsonl"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert [json.loads(line)["input"]["path"] for line in lines] == [str(report), str(other)]


# Row 18: the smaller fixes.
def test_negative_max_bytes_is_a_usage_error(report, capsys):
    assert main(["file", str(report), "--max-bytes", "-5"]) == 2
    assert "--max-bytes" in capsys.readouterr().err


def test_mistyped_option_shows_the_commands_usage(report, capsys):
    assert main(["file", "--fromat", "json", str(report)]) == 2
    assert "usage: summarize file" in capsys.readouterr().err


def test_summary_en_is_always_a_string():
    from summarize.api import summarize_text

    report = summarize_text("你好世界。")
    assert report.english.summary_en == ""
    assert any("summary_en" in w for w in report.quality.warnings)


def test_bad_config_file_names_the_file(report, tmp_path, monkeypatch, capsys):
    config = tmp_path / "summarize.toml"
    config.write_bytes(b'engine = "r\xffules"\n')
    monkeypatch.setenv("SUMMARIZE_CONFIG", str(config))
    assert main(["file", str(report)]) == 2
    err = capsys.readouterr().err
    assert str(config) in err and "Traceback" not in err
    config.write_text('engine = "fast"\n')
    assert main(["file", str(report)]) == 2
    assert str(config) in capsys.readouterr().err
