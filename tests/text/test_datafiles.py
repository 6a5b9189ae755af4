"""The data-file loader's messages name the file, and the line where there is one."""

from __future__ import annotations

from pathlib import Path

import pytest

from summarize.errors import UsageError
from summarize.text import datafiles


@pytest.fixture
def package_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Package data names resolve into tmp_path, so a broken file can stand in for one of ours."""
    monkeypatch.setattr(datafiles, "data_path", lambda name, under="data": tmp_path / name)
    return tmp_path


def test_malformed_toml_names_file_and_line(package_data: Path) -> None:
    (package_data / "broken_test.toml").write_text('[rules]\nok = "yes"\nbad = \n', encoding="utf-8")
    with pytest.raises(UsageError) as err:
        datafiles.load_toml("broken_test.toml")
    message = str(err.value)
    assert str(package_data / "broken_test.toml") in message
    assert "line 3" in message
    assert err.value.exit_code == 2


def test_tsv_with_a_short_line_names_file_and_line(package_data: Path) -> None:
    (package_data / "glossary_test.tsv").write_text("# comment\nzh\ten\n城关镇\tChengguan\n县委\n", encoding="utf-8")
    with pytest.raises(UsageError) as err:
        datafiles.load_tsv("glossary_test.tsv", ("zh", "en"))
    assert str(package_data / "glossary_test.tsv") in str(err.value)
    assert "line 4" in str(err.value)


def test_tsv_with_too_many_columns_names_the_line(tmp_path: Path) -> None:
    path = tmp_path / "user.tsv"
    path.write_text("zh\ten\n城关镇\tChengguan\tx\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"user\.tsv: line 2: too many columns"):
        datafiles.read_tsv(path, ("zh", "en"))


def test_tsv_without_its_header_names_the_first_line(tmp_path: Path) -> None:
    path = tmp_path / "user.tsv"
    path.write_text("城关镇\tChengguan\n", encoding="utf-8")
    with pytest.raises(UsageError, match=r"user\.tsv: line 1: expected a header line"):
        datafiles.read_tsv(path, ("zh", "en"))


def test_a_missing_package_data_file_is_named() -> None:
    with pytest.raises(UsageError) as err:
        datafiles.load_lines("no_such_list.txt")
    message = str(err.value)
    assert message.endswith("data file not found")
    assert str(Path("summarize", "data", "no_such_list.txt")) in message


def test_real_package_data_loads() -> None:
    assert "年" in datafiles.common_chars()
    assert "zhong" in datafiles.pinyin_syllables()
