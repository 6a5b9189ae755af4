"""Fact extraction on hand-written sentences (not seed text) and offsets on the seeds."""

from __future__ import annotations

import pytest

from summarize.api import summarize_file, summarize_text
from summarize.extract.dates import find_event_date
from summarize.extract.event_type import classify_event
from summarize.extract.items import find_campaigns, find_projects, find_targets
from summarize.extract.officials import find_officials
from summarize.extract.places import find_jurisdiction


@pytest.mark.parametrize(
    ("text", "published", "expected", "time_of_day"),
    [
        ("6月7日，某区召开会议。", "2023-06-12", "2023-06-07", None),
        ("5月31下午，我县召开推进会。", "2021-06-02", "2021-05-31", "下午"),
        ("十二月三十日上午，市委召开常委会。", "2024-01-03", "2023-12-30", "上午"),
        ("2022年3月5日，县政府召开会议。", "2024-01-03", "2022-03-05", None),
        ("3月1日下午，区领导带队调研。", None, "03-01", "下午"),
        ("1-4月经济运行平稳。", "2024-05-01", None, None),
    ],
)
def test_event_date(text, published, expected, time_of_day):
    date, part, _, _ = find_event_date(text, 0, published)
    assert date == expected
    assert part == time_of_day


@pytest.mark.parametrize(
    ("title", "lead", "expected"),
    [
        ("某县召开脱贫攻坚誓师大会", "", "mobilization"),
        (None, "县委书记带队深入项目一线现场办公。", "inspection"),
        ("市长到某镇调研乡村振兴工作", "", "research_visit"),
        ("市政协召开民营企业家座谈会", "", "meeting"),
        ("某县举行重点项目集中开工仪式", "", "conference"),
        ("某县党政代表团来我市考察", "", "other"),
        ("区委召开常委会会议", "", "meeting"),
        ("春季植树", "大家一起植树。", "other"),
    ],
)
def test_event_type(title, lead, expected):
    assert classify_event(title, lead) == expected


def test_officials_title_chains_lists_and_roles():
    text = ("会议由县委副书记、县长王建国主持。县委书记刘明作重要讲话。县委常委、常务副县长欧阳春华通报了"
            "一季度经济运行情况。县领导张三丰、李四海、赵五等出席会议。记者陈小明参加采访。")
    officials = {o.name: o for o in find_officials(text, excluded_names={"陈小明"})}
    assert officials["王建国"].title == "县委副书记、县长" and officials["王建国"].role == "presided"
    assert officials["刘明"].title == "县委书记" and officials["刘明"].role == "spoke"
    assert officials["欧阳春华"].title == "县委常委、常务副县长" and officials["欧阳春华"].role == "reported"
    for name in ("张三丰", "李四海", "赵五"):
        assert officials[name].title == "县领导" and officials[name].role == "attended"
    assert "陈小明" not in officials
    for official in officials.values():
        assert text[official.start:official.end] == official.name


def test_strongest_role_over_all_mentions():
    text = "区委书记孙立新主持会议并讲话。孙立新强调，要抓好落实。区长钱文带队察看了项目现场。"
    officials = {o.name: o.role for o in find_officials(text)}
    assert officials == {"孙立新": "presided", "钱文": "led"}


def test_projects_are_named_not_generic():
    text = ("力争6月底前实现城南污水处理厂扩建工程项目、滨江大道改造项目及东湖片区棚户区改造（二期）项目开工，"
            "加快推进重点项目建设，抓好项目储备，做好项目服务。")
    names = [p.text for p in find_projects(text)]
    assert names == ["城南污水处理厂扩建工程项目", "滨江大道改造项目", "东湖片区棚户区改造（二期）项目"]
    for project in find_projects(text):
        assert text[project.start:project.end] == project.text


def test_campaigns_scored_by_context():
    text = ("全县深入开展“作风建设年”活动，确保实现“开门红”，树立“一盘棋”思想。"
            "他说“很好”。要当好“店小二”。")
    names = [c.text for c in find_campaigns(text)]
    assert "作风建设年" in names and "开门红" in names and "一盘棋" in names
    assert "很好" not in names


def test_targets_need_a_cue_and_a_quantity():
    text = "要苦干60天，冲刺“双过半”。力争年底前完成投资10亿元。要提高思想认识。"
    targets = [t.text for t in find_targets(text)]
    assert "苦干60天，冲刺“双过半”" in targets
    assert any("10亿元" in t for t in targets)
    assert not any("思想认识" in t for t in targets)


@pytest.mark.parametrize(
    ("title", "lead", "text", "source", "expected"),
    [
        ("绵阳市涪城区召开项目推进会", "", "", None, "绵阳市涪城区"),
        ("涪城区召开项目推进会", "", "绵阳经济持续向好", None, "绵阳市涪城区"),
        ("全市项目建设推进会召开", "", "德阳要加快发展，德阳各县要抓项目。", "德阳日报", "德阳市"),
        (None, "3月1日，县委书记到乡镇调研。", "全县上下要加油，会东县各乡镇要行动。", None, "会东县"),
    ],
)
def test_jurisdiction(title, lead, text, source, expected):
    assert find_jurisdiction(title, lead, text, source) == expected


def test_every_item_points_into_the_clean_text(seed):
    report = summarize_file(seed)
    facts = report.facts
    for item in (*facts.projects, *facts.campaigns, *facts.targets, *facts.key_points):
        assert report.text[item.start:item.end] == item.text
    for official in facts.officials:
        assert report.text[official.start:official.end] == official.name
    assert 60 <= len(facts.summary_zh) <= 150
    assert 3 <= len(facts.key_points) <= 5


def test_summary_text_api_without_a_headline():
    report = summarize_text("3月5日上午，市委书记周海涛带队深入城北新区重点项目一线调研，要求全力抓好项目建设，"
                            "确保项目早建成、早投用。市长吴刚一同调研。")
    assert report.facts.event_date == "03-05"
    assert {o.name for o in report.facts.officials} == {"周海涛", "吴刚"}
    assert report.facts.summary_zh.startswith("3月5日上午")


def test_event_date_is_the_meetings_not_the_first_deadline():
    text = "要力争7月1日前实现项目开工。5月31日下午，我县召开全县项目工作推进会。"
    assert find_event_date(text, 0, "2021-06-02")[0] == "2021-05-31"


def test_html_title_is_cleaned_and_chrome_is_no_headline():
    from summarize.api import clean_text

    page = "<html><head><title>{}</title></head><body><p>3月1日下午，区委书记李四带队调研重点项目。</p></body></html>"
    assert clean_text(page.format("維(wéi)西縣召開推進會_政府网")).metadata.title == "维西县召开推进会"
    assert clean_text(page.format("馬(mǎ)上注冊，結(jié)交更多好友")).metadata.title is None


def test_an_unseen_report_end_to_end():
    """A report written for the tests (not a seed): a place the gazetteer lacks, a 调度会, two leaders."""
    from seeds_util import REPO

    report = summarize_file(REPO / "tests" / "data" / "unseen_qianxi.txt")
    facts, english = report.facts, report.english
    assert report.metadata.author == "王丽" and report.metadata.editor == "李娜"
    assert (facts.title, facts.event_date, facts.jurisdiction, facts.event_type) == (
        "黔西市召开2024年第一季度重点项目建设调度会", "2024-03-27", "黔西市", "meeting")
    roles = {o.name: (o.title, o.role) for o in facts.officials}
    assert roles == {"陈光辉": ("市委副书记、市长", "spoke"), "杨晓军": ("副市长", "presided"),
                     "刘建华": ("市人大常委会副主任", "attended"), "张敏": ("市政协副主席", "attended")}
    assert [p.text for p in facts.projects] == ["黔西经济开发区标准化厂房建设项目", "城区老旧小区改造项目"]
    assert {"项目为王", "双过半"} <= {c.text for c in facts.campaigns}
    assert "first quarter" in english.title_en
    assert "版权所有" not in report.text and "责任编辑" not in report.text


def test_an_unseen_gb18030_html_visit_report():
    """A Traditional-script GB18030 HTML page (written for the tests): a prefecture leader's visit."""
    from seeds_util import REPO

    report = summarize_file(REPO / "tests" / "data" / "unseen_ganzi_gb18030.html")
    facts = report.facts
    assert report.quality.encoding == "gb18030" and report.quality.input_format == "html"
    assert (facts.title, facts.published, facts.event_date, facts.source) == (
        "州委书记杨建国到泸定县调研乡村振兴工作", "2023-09-15", "2023-09-14", "甘孜日报")
    # A higher leader's visit belongs to the place visited (the dev suite's convention, ../shared/dev/README.md).
    assert (facts.jurisdiction, facts.event_type) == ("泸定县", "research_visit")
    assert [(o.name, o.title) for o in facts.officials] == [
        ("杨建国", "州委书记"), ("李文华", "州委常委、秘书长"), ("王强", "泸定县委书记")]
    # The lead sentence carries the event, so it opens the summary (in the report's words).
    assert facts.summary_zh.startswith("2023年9月14日，州委书记杨建国深入泸定县磨西镇、燕子沟镇，实地调研")
    assert report.english.summary_en.startswith("On September 14, 2023, Prefecture Party Secretary Yang Jianguo visited "
                                                 "Luding County")
    assert " a solid the " not in report.english.summary_en  # a verb ending in an article meets a "the" noun
    assert "分享" not in report.text and "ICP" not in report.text


def test_keyword_overrides_apply_on_top_of_given_settings():
    from seeds_util import seed_named

    from summarize.config import Settings

    report = summarize_file(seed_named("002"), Settings(), keep_script=True)
    assert not report.quality.script_converted
