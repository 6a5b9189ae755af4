"""summary_zh: the lead opens when it carries the event; directives stay with the official who gave them."""

from __future__ import annotations

from summarize.api import summarize_text

REPORT = """青山县召开重点项目推进会
3月11日上午，青山县召开2024年重点项目推进会，听取各项目进展情况汇报，研究部署下一步工作。县委副书记、县长李明主持会议。
县委书记王建国在讲话中强调，要加快推进城东污水处理厂项目建设，确保6月底前建成投用。要强化要素保障，切实解决项目用地难题。
会议要求，各级各部门要压实工作责任，形成工作合力。
"""


def test_the_lead_opens_the_summary_with_the_place_and_date():
    summary = summarize_text(REPORT).facts.summary_zh
    assert summary.startswith("2024年3月11日上午，青山县召开2024年重点项目推进会")  # the year from the text
    assert len(summary) <= 150


def test_each_directive_stays_with_who_gave_it():
    summary = summarize_text(REPORT).facts.summary_zh
    speaker = summary.index("王建国")
    assert "李明要求" not in summary  # the presider gave no directive
    assert summary.index("加快推进城东污水处理厂项目建设") > speaker
    assert "会议要求" in summary and summary.index("压实工作责任") > summary.index("会议要求")


def test_the_presider_is_named():
    summary = summarize_text(REPORT).facts.summary_zh
    assert summary.count("县长李明主持") == 1
