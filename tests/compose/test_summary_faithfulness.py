"""The verifier judges the rules engine's English fairly: names run together, long names and the city
of a grounded county are supported; invented names still are not."""

from __future__ import annotations

import pytest

from summarize.api import clean_text
from summarize.grounding.verifier import find_unsupported

TEXT = "商州区召开常委会议\n11月17日，新疆维吾尔自治区党委书记王乐泉到商州区调研，商州区委书记张盈安主持会议。\n"


@pytest.fixture(scope="module")
def report():
    report = clean_text(TEXT)
    report.facts.jurisdiction = "商州区"
    return report


def flagged(text, report):
    return [f["text"] for f in find_unsupported(text, report, "en")]


def test_a_place_and_a_name_run_together_are_each_supported(report):
    assert flagged("District Party Secretary of Shangzhou Zhang Ying'an presided.", report) == []


def test_an_invented_name_after_a_real_place_is_still_caught(report):
    assert flagged("District Party Secretary of Shangzhou Zhao Minghui presided.", report) != []


def test_a_name_longer_than_four_characters_is_read_from_the_source(report):
    assert flagged("Party Secretary of Xinjiangweiwu'er Autonomous Region", report) == []
    assert flagged("Party Secretary of Xizangweiwu'er Autonomous Region", report) != []


def test_the_gazetteer_city_of_the_jurisdiction_is_supported(report):
    assert flagged("Shangzhou District of Shangluo held a meeting.", report) == []
    assert flagged("Shangzhou District of Hanzhong held a meeting.", report) == ["Hanzhong"]
