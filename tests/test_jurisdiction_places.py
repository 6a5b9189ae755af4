"""The gazetteer's classes of place names: former and newer names of renamed units, short forms."""

from __future__ import annotations

import pytest

from summarize.extract.places import find_jurisdiction, gazetteer, places_in, same_place


@pytest.mark.parametrize(("name", "official"), [
    ("陵县", "陵县"),  # became 陵城区 in 2014; older pages still say 陵县
    ("海安市", "海安市"),  # was 海安县 until 2018; the cpca table predates it
    ("海安县", "海安县"),
    ("思茅市", "思茅市"),  # a prefecture renamed 普洱市 in 2007
])
def test_former_and_newer_names_are_places(name, official):
    assert gazetteer()[name].full == official


def test_a_renamed_county_is_the_jurisdiction_of_its_own_page():
    text = "全县项目推进会召开，县长主持。会议要求吸引更多客商来陵县投资兴业。"
    assert find_jurisdiction(None, text, text, None) == "陵县"


@pytest.mark.parametrize("word", ["市区", "市郊区"])
def test_former_district_names_that_are_common_words_are_no_places(word):
    assert not places_in(f"{word}道路改造完成")


def test_current_names_still_win_over_former_ones():
    assert gazetteer()["陵城区"].full == "陵城区" and same_place("德州市陵城区", "陵城区")
