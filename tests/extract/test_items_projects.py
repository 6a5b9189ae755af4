"""Projects: …项目 names, and the sites of a list the report calls projects."""

from __future__ import annotations

from summarize.extract.items import find_projects


def names(text):
    return [item.text for item in find_projects(text)]


def test_the_items_of_a_list_ending_in_projects_are_projects():
    text = "王毅一行先后实地观摩了教育路西段、鑫泓研磨材料、西柳湖码头等19个重点建设项目情况。"
    assert names(text) == ["教育路西段", "鑫泓研磨材料", "西柳湖码头"]


def test_a_list_after_projects_include():
    text = "10个项目包括：第二幼儿园、平赞高速连接线主线、职教中心实训楼项目。"
    assert names(text) == ["第二幼儿园", "平赞高速连接线主线", "职教中心实训楼项目"]


def test_people_before_an_earlier_deng_are_not_projects():
    text = "吴情操、李国等区领导到市金属新材料项目（翅冀公司）、梧州市鼎极众创直播产业园等重大项目建设现场观摩。"
    assert sorted(names(text)) == ["市金属新材料项目", "梧州市鼎极众创直播产业园"]


def test_a_visit_keeps_what_is_built_not_gates_and_crossings():
    text = "郭晓东一行先后到二号渠项目、青春化工园干泰大道魏家新路路口、众焱化工大门口、污水处理厂二期项目，现场听汇报。"
    assert names(text) == ["二号渠项目", "污水处理厂二期项目"]


def test_tasks_and_mechanisms_in_a_list_are_not_projects():
    text = "要加快推进学校、医院等民生重点项目建设。常态化运用县级领导包抓责任制等推进项目建设的工作机制。"
    assert names(text) == []


def test_a_firm_name_before_a_project_is_cut_off():
    assert names("来到蜂盛能源科技（辽宁）有限公司新型储能智能装备制造项目现场。") == ["新型储能智能装备制造项目"]
