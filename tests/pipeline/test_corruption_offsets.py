"""Corrupted spans sit where they are in the clean text: each stage that rewrites the text moves them with
the map of its edits (issue 14). Checked on the seed and dev reports that scrapers broke."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from seeds_util import seed_named

from summarize.api import clean_file, clean_text
from summarize.document import Report
from summarize.pipeline.normalize import tidy_whitespace
from summarize.text.han import is_han_char
from summarize.text.lost import LOST
from summarize.text.script import to_simplified

BODY = "会议强调，各级各部门要提高政治站位，切实增强责任感和紧迫感，确保各项任务落到实处。"


def _check_spans(report: Report) -> None:
    """Every span's offsets hold what the span says; an orphan fragment's place follows the characters
    that the fragment followed in the scraped text."""
    text = report.text
    spans = report.quality.corrupted_spans
    for span in spans:
        assert 0 <= span.start <= span.end <= len(text), span
        if span.kind == "mojibake":
            assert span.start < span.end and text[span.start:span.end] == span.repaired
        elif span.kind == "lost_character":
            run = text[span.start:span.end]
            assert run and all(ch in LOST for ch in run), span
            assert span.text == text[max(0, span.start - 4): span.end + 4]
        else:
            assert span.kind == "orphan_pinyin" and span.start == span.end and span.repaired == ""
    scraped, found_to = report.raw_text, 0
    for span in (s for s in spans if s.kind == "orphan_pinyin"):  # listed in the order of the text
        at = scraped.index(span.text, found_to)
        while scraped[at - 1] not in LOST:
            at = scraped.index(span.text, at + 1)
        found_to = at + len(span.text)
        assert text[span.start - 1] in LOST
        assert _skeleton(text[: span.start])[-3:] == _skeleton(scraped[:at])[-3:]


def _skeleton(text: str) -> str:
    """The Han characters and lost-character marks, Simplified (what cleaning leaves of the scraped text)."""
    return "".join(ch for ch in to_simplified(text) if is_han_char(ch) or ch in LOST)


def test_seed_003_spans_are_where_their_text_is():
    report = clean_file(seed_named("003"))
    kinds = [span.kind for span in report.quality.corrupted_spans]
    assert kinds.count("orphan_pinyin") == 3 and kinds.count("mojibake") == 2
    _check_spans(report)
    # 勇?lián)?dāng)，: both fragments are gone, each marked at the place it was removed from.
    orphans = [s for s in report.quality.corrupted_spans if s.text in ("lián)", "dāng)")]
    assert [report.text[s.start - 2: s.start] for s in orphans] == ["勇?", "??"]


def test_dev_reports_with_corruption(dev_suite: Path):
    checked = 0
    for path in sorted((dev_suite / "reports").glob("*.txt")):
        report = clean_file(path)
        if report.quality.corrupted_spans:
            _check_spans(report)
            checked += 1
    assert checked >= 5  # d01, d03, d05, d06, d26, d28, d37 ... carry pinyin or mojibake


def test_a_repair_is_located_at_its_own_occurrence_not_the_first():
    # 產業 appears twice; only the second was broken (a(chǎn)業: 產 whose lead byte was lost).
    report = clean_text(f"县委召开产业发展会\n会议研究了全县產業发展规划。\n要加快發展運輸a(chǎn)業。\n{BODY}")
    repair = next(s for s in report.quality.corrupted_spans if s.kind == "mojibake")
    assert report.text[repair.start:repair.end] == repair.repaired == "产业"
    assert repair.start > report.text.index("产业")


def test_orphan_pinyin_marks_the_place_it_was_removed_from():
    report = clean_text(f"县委召开常委会议\n要立足當?shù)實際，增加收入。\n{BODY}")
    orphan = next(s for s in report.quality.corrupted_spans if s.kind == "orphan_pinyin")
    assert orphan.text == "shù)"
    assert report.text[orphan.start - 2: orphan.start + 2] == "当?实际"


@pytest.mark.parametrize("chrome", ["责任编辑：勇?lián)", "来源：县融媒体中心 作者：?lián)"])
def test_spans_in_a_dropped_line_are_not_listed(chrome):
    report = clean_text(f"县委召开常委会议\n{BODY}\n{chrome}")
    assert chrome.split("：")[0] in "".join(d.text for d in report.quality.boilerplate_dropped)
    assert report.quality.corrupted_spans == []


def test_spans_follow_the_cuts_of_clean():
    # A dateline cut from the front of the line and spaces tidied move the lost character after them.
    report = clean_text(f"县委召开常委会议\n本报讯  （记者 张三）  会议由h(xiàn)委副書記主持。\n{BODY}")
    lost = [s for s in report.quality.corrupted_spans if s.kind == "lost_character"]
    assert len(lost) == 1 and report.text[lost[0].start:lost[0].end] == "?"
    assert report.text[lost[0].start - 3: lost[0].start + 2] == "会议由?委"


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=list("会议，。“ab \t\u3000\u00a0\r\n"), max_size=40))
def test_tidy_whitespace_map_puts_every_character_where_it_went(text):
    tidied, offsets = tidy_whitespace(text)
    assert (offsets.input_length, offsets.output_length) == (len(text), len(tidied))
    for i, ch in enumerate(text):
        place = offsets.span(i, i + 1)
        if not ch.isspace():  # tidying removes white space only
            assert place is not None and tidied[place[0]:place[1]] == ch
        elif place is not None and place[1] - place[0] == 1:
            assert tidied[place[0]].isspace()
