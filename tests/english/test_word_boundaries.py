"""The renderer reads no single character alone inside a common word its phrasebook lacks (jieba's dictionary)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from summarize.english import render_clause
from summarize.english.phrasebook import load_phrasebook
from summarize.text.datafiles import load_lines

ROOT = Path(__file__).resolve().parents[2]


def _tool():
    spec = importlib.util.spec_from_file_location("make_word_boundaries", ROOT / "eval/tools/make_word_boundaries.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_the_list_is_what_the_tool_derives_from_jieba():
    assert load_lines("english/word_boundaries.txt") == _tool().boundary_words()


def _book(tmp_path, lines):
    path = tmp_path / "book.tsv"
    path.write_text("\n".join(line.replace("|", "\t") for line in lines) + "\n", encoding="utf-8")
    return load_phrasebook([path])


def test_characters_of_a_common_word_are_not_read_one_by_one(tmp_path):
    # 取出 ("take out") is a word of jieba's dictionary; without the boundary the clause read "take capital
    # contribution gold" (取 + 出资 + 金).
    book = _book(tmp_path, ["取|take|v", "出资|capital contribution|np", "金|gold|np", "取|take|vp"])
    assert render_clause("要取出资金", book) is None


def test_a_character_that_stands_alone_is_still_read(tmp_path):
    book = _book(tmp_path, ["放|put|v", "精力|energy|np"])
    assert render_clause("要放精力", book) == "put energy"
