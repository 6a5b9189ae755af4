"""Issue 9: scraper pinyin and mojibake that survived normalization, each class with a general rule.

The broken pieces are written as the real scrapes write them (a GBK page, pinyin annotations, bytes lost);
the same rules must leave clean text alone.
"""

from __future__ import annotations

import re

import pytest

from summarize.api import clean_text, summarize_file, summarize_text
from summarize.pipeline.normalize import remove_annotations, restore_from_trail_byte

TONED = re.compile(r"[āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ]")
BODY = "会议强调，各级各部门要提高政治站位，切实增强责任感和紧迫感，确保各项任务落到实处。"


def _clean(line: str) -> str:
    """The clean text of a short report whose second line is ``line``."""
    return clean_text(f"县委召开常委会议研究部署重点工作\n{line}\n{BODY}").text


# --- annotations with one bracket lost -----------------------------------------------------------

@pytest.mark.parametrize("broken, expected", [
    ("要全面落實(shí\n", "要全面落實\n"),  # cut by a line break
    ("要全面落實(shí", "要全面落實"),  # cut at the end of the text
    ("要全面落實(shí各項任務", "要全面落實各項任務"),  # ')' lost
    ("要全面落實shí)各項任務", "要全面落實各項任務"),  # '(' lost
    ("產業(yè )發展", "產業發展"),  # a padded one, whole
])
def test_annotation_missing_a_bracket_is_removed(broken, expected):
    text, count, _ = remove_annotations(broken)
    assert text == expected and count == 1


def test_broken_annotation_is_gone_from_the_clean_text():
    text = _clean("會議要求，要全面落實(shí\n各項工作部署，推動產業(yè發展。")
    assert "(shí" not in text and "(yè" not in text and "全面落实" in text


# --- a Latin letter carrying pinyin: a lost character ----------------------------------------------

def test_trail_byte_and_reading_restore_the_character():
    # 現 is AC 46 in GBK: its lead byte lost, 0x46 reads 'F'; only 現 among those characters reads xiàn.
    assert restore_from_trail_byte("F", "xiàn") == "現"
    assert restore_from_trail_byte("a", "chǎn") == "產"
    report = clean_text(f"县委召开现场会\n縣長主持現場會,F(xiàn)場會主會場設在縣工業園區。\n{BODY}")
    assert "F(" not in report.text and "现场会主会场" in report.text
    repair = next(s for s in report.quality.corrupted_spans if s.kind == "mojibake")
    assert repair.text.startswith("F(xiàn)") and report.text[repair.start:repair.end] == repair.repaired


def test_ambiguous_restore_leaves_a_marked_lost_character():
    # 県 and 縣 both end in 0x68 and read xiàn: nothing is guessed.
    assert restore_from_trail_byte("h", "xiàn") is None
    report = clean_text(f"县委召开常委会议\n會議由h(xiàn)委副書記主持，研究部署重點工作。\n{BODY}")
    assert "h(" not in report.text and "由?委副书记" in report.text
    lost = [s for s in report.quality.corrupted_spans if s.kind == "lost_character"]
    assert lost and report.text[lost[0].start:lost[0].end] == "?"


# --- bytes of a lost character ---------------------------------------------------------------------

def test_trail_byte_of_a_lost_character_is_dropped():
    # 任務。縣委: 。 and the lead byte of 縣 (BF 68) lost, its trail byte read as 'h'.
    report = clean_text(f"县委召开专题会\n研究部署下一步任務??h委副書記、縣長王景義出席會議。\n{BODY}")
    assert "h委" not in report.text and "任务??委副书记" in report.text
    lost = [s for s in report.quality.corrupted_spans if s.kind == "lost_character"]
    assert [report.text[s.start:s.end] for s in lost] == ["??"]


def test_stripped_lead_byte_between_lost_characters_is_dropped():
    # 開工。”1月: the lead byte A1 of ” lost its high bit ('!') between two lost characters.
    text = _clean("“我宣布，重大項目聯動開工?!?月16日，全省舉行開工動員大會。")
    assert "?!?" not in text and "开工??月16日" in text


def test_misaligned_run_is_judged_by_words():
    # The garbage is common characters too; dictionary words tell the repair from it.
    text = _clean("省委書記一行來到縣政府，與當?馗刹恳灰晃帐?,代表省委向大家問候。")
    assert "干部一一握" in text and "馗刹" not in text


# --- clean text is left alone ----------------------------------------------------------------------

@pytest.mark.parametrize("content", [
    "項目一期(一期)工程", "政協(CPPCC)委員", "2023(2023)年度", "會議於(10:30)開始",
    "A股市場", "5G網絡", "PPP項目", "型號X(an)系列", "GDP(國內生產總值)增長", "問道：什麼?",
])
def test_real_content_survives(content):
    text = clean_text(f"县委召开常委会议\n{content}，會議研究部署了相關工作。\n{BODY}").text
    simplified = clean_text(content + "。" + BODY).text.split("。")[0]
    assert simplified in text


def test_pinyin_without_tone_marks_is_not_treated_as_broken():
    text, count, _ = remove_annotations("會議(hui\n型號X(an)和Y(ban)")
    assert count == 0 and text == "會議(hui\n型號X(an)和Y(ban)"


# --- extraction keeps lost characters out of names, titles and summaries ---------------------------

def test_title_does_not_read_across_a_lost_character():
    report = summarize_text("县委书记张三主持召开专题会\n1月8日下午，县委书记张三主持召开专题会，"
                            "研究部署下一步任务??委副书记、县长李四，县领导王五出席。\n" + BODY)
    titles = {o.name: o.title for o in report.facts.officials}
    assert titles.get("李四") == "县长"  # 委副书记 lost its head with the character before it
    assert "?" not in report.facts.summary_zh and "研究部署下一步任务" in report.facts.summary_zh


@pytest.mark.slow
def test_dev_reports_have_no_leftovers(dev_suite):
    for path in sorted((dev_suite / "reports").glob("*.txt")):
        report = summarize_file(path)
        assert not TONED.search(report.text), path.name
        facts = report.facts
        fields = [facts.summary_zh or "", *(o.name for o in facts.officials),
                  *(o.title or "" for o in facts.officials)]
        assert not any(ch in field for field in fields for ch in "?\ufffd"), path.name
