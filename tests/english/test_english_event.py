"""summary_en's event phrase: the event noun of the headline or lead, composed through the phrasebook."""

from __future__ import annotations

from summarize.document import Facts, Official
from summarize.english.event import find_event
from summarize.english.glossary import load_glossary
from summarize.english.phrasebook import load_phrasebook
from summarize.english.render import render_english


def event(headline: str | None, lead: str | None = None, jurisdiction: str | None = None):
    return find_event(headline, lead, load_phrasebook(), load_glossary(), jurisdiction)


def test_modifier_that_renders_is_composed_in_english_order():
    assert event("维西县召开重点项目推进会", jurisdiction="维西县")[0] == "promotion meeting on key projects"


def test_organ_in_the_event_becomes_the_host_and_ordinals_are_left_out():
    phrase, organ, _ = event(None, "5月6日，县委书记马盛春主持召开中共维西县委第十二届第八次常委会议。", "维西县")
    assert phrase == "standing committee meeting of the County Party Committee" and organ is None
    summary = render_english(Facts(event_date="05-06", jurisdiction="维西县", event_type="meeting",
                                   summary_zh="5月6日，县委书记马盛春主持召开中共维西县委第十二届第八次常委会议。",
                                   officials=[Official("马盛春", "县委书记", "presided")])).summary_en
    assert summary.startswith("On May 6, the Weixi County Party Committee held a standing committee meeting "
                              "presided over by Weixi County Party Secretary Ma Shengchun")


def test_a_title_as_modifier_is_dropped_and_an_uncovered_modifier_leaves_the_head_alone():
    assert event("县委书记马盛春主持召开书记专题会")[0] == "special meeting"
    phrase = event("维西县召开甲乙丙丁戊己庚推进会", jurisdiction="维西县")[0]
    assert phrase == "promotion meeting"  # no gloss of what the phrasebook does not cover


def test_no_event_noun_gives_no_phrase():
    assert event("马盛春到维西县调研", None, "维西县") is None
