"""The gazetteer's classes of place names: former and newer names of renamed units, short forms."""

from __future__ import annotations

import pytest

from summarize.extract.places import find_jurisdiction, places_in, same_place
from summarize.gazetteer import gazetteer


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


def test_a_title_chain_names_the_officials_own_unit_after_the_larger_one():
    lead = "3月18日下午，泸州市委常委、纳溪区委书记王某赴棉花坡镇开展走访调研活动。"
    assert find_jurisdiction(None, lead, lead + "区领导参加。", None) == "泸州市纳溪区"


def test_a_title_chain_to_a_unit_of_another_city_keeps_the_first_place():
    lead = "泸州市委常委、越城区委书记王某主持召开会议。"  # 越城区 is no district of 泸州市
    assert find_jurisdiction(None, lead, lead, None) == "泸州市"


def test_a_higher_bodys_inspection_belongs_to_the_place_inspected():
    lead = "5月3日，大理州人大常委会组织部分人大代表，对祥云县特色农业发展情况进行专题视察。"
    assert same_place(find_jurisdiction(None, lead, lead, None), "祥云县")


def test_a_visit_to_a_town_stays_the_visiting_countys_work():
    lead = "县政府召开常务会议。"
    line = "宁德市人大常委会主任王某到八都镇调研。"
    assert same_place(find_jurisdiction(line, lead, line + lead, None), "宁德市")


def test_guests_arriving_leave_the_host_as_the_jurisdiction():
    title = "民权县党政代表团来我县考察"
    text = ("商丘市委常委、民权县委书记王某率党政代表团来我县考察学习。县委书记李某陪同。"
            "代表团一行实地考察了兰考县产业发展情况，民权县将借鉴好经验。")
    assert find_jurisdiction(title, text, text, None) == "兰考县"
