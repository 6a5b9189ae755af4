"""Township-level gazetteer (data/places/townships.tsv), the everyday names of autonomous areas and regions named by
provinces' abbreviations (data/places/province_abbreviations.tsv) in English."""

from __future__ import annotations

import re

import pytest

from summarize.english import render_clause
from summarize.english.glossary import load_glossary
from summarize.english.places import known_place_en, place_en, place_index, place_name_en
from summarize.gazetteer import township_rows
from summarize.text.datafiles import load_text


@pytest.fixture(scope="module")
def glossary():
    return load_glossary()


def test_table_documents_its_source_and_licence():
    header = [ln for ln in load_text("places/townships.tsv").splitlines() if ln.startswith("#")]
    text = "\n".join(header)
    assert "china-division 2.7.0" in text and "MIT" in text and "WTFPL" in text
    assert "Columns:" in text


def test_table_holds_township_level_units_only():
    rows = township_rows()
    assert len(rows) > 30000
    assert all(re.search("(镇|乡|街道|苏木)$", name) for name, _ in rows)
    names = {name for name, _ in rows}
    assert not any(name.endswith("村") for name in names)  # no villages
    parents = {name: parent for name, parent in rows}
    assert parents["喇叭沟门满族乡"] == "怀柔区"  # real rows, with their county-level parent
    assert parents["东华门街道"] == "东城区"
    assert {"月塘镇", "齐乐镇", "城关街道", "东风乡"} <= names


@pytest.mark.parametrize(("zh", "en"), [
    ("月塘镇", "Yuetang Town"),
    ("城关街道", "Chengguan Subdistrict"),
    ("东风乡", "Dongfeng Township"),
    ("喇叭沟门满族乡", "Labagoumen Manchu Ethnic Township"),
    ("吉忽伦图苏木", "Jihuluntu Sumu"),
])
def test_township_by_full_name(zh, en, glossary):
    assert zh in place_index()[0]
    assert place_en(zh, glossary) == en
    assert known_place_en(zh, glossary) == en


def test_township_renders_inside_a_clause():
    assert render_clause("让老百姓共享月塘镇经济社会发展成果") == \
        "let ordinary people share in Yuetang Town's economic and social development achievements"
    assert render_clause("加快月塘镇建设") == "speed up the construction of Yuetang Town"
    assert "Dongfeng Township" in (render_clause("支持东风乡发展特色产业") or "")


@pytest.mark.parametrize("short", ["月塘", "齐乐", "喇叭沟门"])
def test_township_short_name_alone_is_no_place(short, glossary):
    full, names = place_index()
    assert short not in full and short not in names
    assert known_place_en(short, glossary) is None
    assert render_clause(f"加快{short}建设") is None  # never "the construction of Yuetang"


def test_autonomous_county_by_everyday_and_short_name(glossary):
    full, short = place_index()
    assert "宽甸县" in full and "张家川县" in full
    assert "宽甸" in short and "宽甸满族" not in short
    assert place_en("宽甸县", glossary) == "Kuandian County"
    assert place_en("宽甸满族自治县", glossary) == "Kuandian Manchu Autonomous County"
    assert place_name_en("宽甸", glossary) == "Kuandian"
    assert render_clause("推动宽甸县高质量发展") == "promote the high-quality development of Kuandian County"


def test_autonomous_prefecture_by_everyday_name(glossary):
    assert "延边州" in place_index()[0]
    assert place_en("延边州", glossary) == "Yanbian Prefecture"


@pytest.mark.parametrize(("zh", "en"), [("加快小城镇建设", "speed up the construction of small towns"),
                                        ("推进新城镇建设", "advance the construction of new towns")])
def test_township_named_by_a_common_word_is_no_place(zh, en):
    # 小城镇 and 新城镇 are real townships; in a directive they are small towns and new towns.
    assert "小城镇" in {name for name, _ in township_rows()}
    assert render_clause(zh) == en


@pytest.mark.parametrize(("zh", "en"), [("加快建成渝东南重要门户", "speed up and complete southeastern Chongqing's important gateway"),
                                        ("加强川西生态保护", "strengthen western Sichuan's ecological protection"),
                                        ("推动湘赣边发展", "promote the Hunan-Jiangxi border area's development")])
def test_region_named_by_a_province_abbreviation(zh, en):
    assert render_clause(zh) == en


def test_region_named_by_a_province_abbreviation_is_supported_by_the_verifier():
    from summarize.api import clean_text
    from summarize.grounding.verifier import find_unsupported

    said = "The meeting called for building the important gateway of southeastern Chongqing."
    assert find_unsupported(said, clean_text("县委召开常委会议。会议要求，加快建成渝东南重要门户。\n"), "en") == []
    flagged = find_unsupported(said, clean_text("县委召开常委会议。会议要求，加快建成重要门户。\n"), "en")
    assert [f["text"] for f in flagged] == ["Chongqing"]
