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


@pytest.mark.parametrize(("short", "official"), [
    ("西乌旗", "西乌珠穆沁旗"),
    ("科右前旗", "科尔沁右翼前旗"),
    ("阿左旗", "阿拉善左旗"),
    ("新左旗", "新巴尔虎左旗"),
    ("张家川", "张家川回族自治县"),
])
def test_short_forms_of_banners_and_autonomous_counties(short, official):
    assert gazetteer()[short].full == official and same_place(short, official)


@pytest.mark.parametrize("not_short", ["鄂旗", "杭后旗", "四旗"])
def test_short_banners_need_a_long_name_and_a_direction_wing_or_position(not_short):
    assert not_short not in gazetteer()


def test_a_visit_to_a_banner_written_short():
    lead = "8月12日，盟政协副主席一行深入东乌旗就草原生态工程实施情况进行实地调研。"
    assert find_jurisdiction(None, lead, lead, None) == "东乌珠穆沁旗"
