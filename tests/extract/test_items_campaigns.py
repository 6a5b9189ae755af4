"""Campaigns and slogans: quoted phrases judged by shape and context, and unquoted named drives."""

from __future__ import annotations

import pytest

from summarize.extract.items import find_campaigns


def texts(found):
    return [item.text for item in found]


@pytest.mark.parametrize("sentence, expected", [
    ("要牢固树立“抓项目就是抓发展”的理念。", ["抓项目就是抓发展"]),  # 的 + a principle noun after the quote
    ("常态化运用好“日汇报、周督办、月调度”，压茬推进。", ["日汇报、周督办、月调度"]),  # parallel parts
    ("坚持“两月一签约一开工”项目建设梯次接续模式。", ["两月一签约一开工"]),  # a coined count
    ("确保“三早”项目按时开工。", ["三早"]),  # two characters, a count
    ("打好“重大项目要素保障百日攻坚大会战”。", ["重大项目要素保障百日攻坚大会战"]),  # a drive's name
])
def test_slogans_are_found(sentence, expected):
    assert texts(find_campaigns(sentence)) == expected


@pytest.mark.parametrize("sentence", [
    "确保“十四五”开好局。",  # a plan period
    "抓住“双十一”“双十二”等节点。",  # dates
    "全力冲刺“一季度”开门红。",  # a period of time
    "营商环境是招商引资的“磁场”，也是“沃土”。",  # plain words in quotes
    "当好企业的“店小二”，吹响项目建设“集结号”。",  # figures of speech need a cue
    "“项目进展如何?”他问道。",  # a question
])
def test_figures_of_speech_dates_and_questions_are_not(sentence):
    assert find_campaigns(sentence) == []


def test_a_part_quoted_again_is_not_a_second_campaign():
    text = "全市“深学争优、敢为争先、实干争效”行动部署会召开。着力在“深学争优”上抓深化拓展。"
    assert texts(find_campaigns(text)) == ["深学争优、敢为争先、实干争效"]


def test_an_unquoted_drive_is_found_once_in_its_longest_spelling():
    text = "全县重点项目建设百日行动动员大会召开。会议安排部署全县重点项目建设百日行动。这次百日行动意义重大。"
    found = find_campaigns(text)
    assert texts(found) == ["重点项目建设百日行动"]
    assert text[found[0].start:found[0].end] == "重点项目建设百日行动"
