"""Title, event date and event type: on the seeds, on the dev suite, and the mechanisms on short texts.

Dev levels sit a little below the measured ones (title 0.98, event_date 1.00, event_type 0.98 at the
time of writing) so noise does not flake but a regression fails.
"""

from __future__ import annotations

import pytest

from summarize.evaluation.runner import evaluate_suite
from summarize.extract.dates import find_event_date
from summarize.extract.event_type import classify_event


@pytest.fixture(scope="module")
def dev_scores(dev_suite):
    result = evaluate_suite(suite_dir=dev_suite, engines=("rules",), baselines=(), keep_outputs=False)
    return result.aggregate["rules"]


@pytest.mark.slow
@pytest.mark.parametrize(("field", "level"), [("title", 0.94), ("event_date", 0.96), ("event_type", 0.94),
                                              ("published", 0.96)])
def test_dev_suite_event_fields(dev_scores, field, level):
    assert dev_scores[f"fields.{field}"] >= level


@pytest.fixture(scope="module")
def seed_scores():
    return evaluate_suite(engines=("rules",), baselines=(), keep_outputs=False).aggregate["rules"]


@pytest.mark.parametrize("field", ["title", "event_date", "event_type", "published"])
def test_seed_event_fields_stay_exact(seed_scores, field):
    assert seed_scores[f"fields.{field}"] == 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The year from the event's own sentence when the page has no published date.
        ("3月3日，县政府召开2017年第二次常务会议。", "2017-03-03"),
        # Else the latest year the report names (last year's results, this year's plan).
        ("1月12日，市人大常委会召开会议。会议审议了2022年工作报告和2023年计划。", "2023-01-12"),
        # A target year is not the report's year.
        ("1月12日，市委召开会议。会议要求到2035年基本实现现代化。", "01-12"),
        # No year anywhere: month-day only.
        ("12月22日，市委书记率队调研。", "12-22"),
        # The first day of a range is the event's, not a deadline.
        ("5月29日至6月7日，县委书记带领考察团赴新疆学习考察。", "05-29"),
        # A dispatch date (…电) is when the story was filed.
        ("本报某地10月21日电 10月20日，省政协主席率调研组到某市调研。", "10-20"),
        # A verb that says the event happened outranks a word that only mentions one.
        ("8月18日，市党代会闭幕。8月19日，县里召开推进会。", "08-19"),
    ],
)
def test_event_date_without_a_published_date(text, expected):
    assert find_event_date(text, 0, None)[0] == expected


def test_published_year_wins_over_years_in_the_text():
    assert find_event_date("3月3日，县政府召开2017年第二次常务会议。", 0, "2019-03-04")[0] == "2019-03-03"


@pytest.mark.parametrize(
    ("texts", "expected"),
    [
        (("某县召开项目建设动员大会",), "mobilization"),
        (("某县举行2022年第三季度重点项目集中开工仪式",), "conference"),
        (("某县举行招商引资签约暨重点项目集中开工仪式",), "conference"),
        (("某区召开年中工作会议暨重大项目建设经验交流会",), "meeting"),
        (("某镇召开高质量发展座谈会",), "meeting"),
        (("某县领导到重点项目现场办公",), "inspection"),
        (("某县举行重点工程项目现场观摩活动",), "inspection"),
        (("书记到某镇调研脱贫攻坚工作",), "research_visit"),
        (("某县党政代表团来我县考察",), "other"),
        # 大会战 is a campaign, not a meeting: the next sentence names the event.
        (("吹响项目建设大会战集结号", "惊蛰到、万物长。", "3月5日，全市项目集中开工推进会举行。"), "conference"),
        ((None, "", "市第十一次党代会闭幕。"), "meeting"),
    ],
)
def test_event_type_taxonomy(texts, expected):
    assert classify_event(*texts) == expected
