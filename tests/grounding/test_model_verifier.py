"""The verifier: invented names, numbers, dates and places are caught; faithful output passes."""

from __future__ import annotations

import json
import re

import pytest
from model_fixtures import ROOT
from seeds_util import heavy_imports_after

from summarize.api import clean_file
from summarize.document import Facts, Item, Official
from summarize.grounding.verifier import find_unsupported

STEM = "001_15533f8b4921b7a4"


@pytest.fixture(scope="module")
def report():
    """A real seed, cleaned by the real pipeline, with the facts of its reference note."""
    report = clean_file(ROOT / "seeds" / f"{STEM}.txt")
    note = json.loads((ROOT / "eval" / "references" / f"{STEM}.json").read_text(encoding="utf-8"))
    report.facts = Facts(
        title=note["title"], event_date=note["event_date"], published=note["published"], source=note["source"],
        jurisdiction=note["jurisdiction"], event_type=note["event_type"],
        officials=[Official(o["name"], o["title"], o["role"]) for o in note["officials"]],
        key_points=[Item(k) for k in note["key_points"]])
    return report


def kinds(found):
    return [(f["kind"], f["text"]) for f in found]


def test_faithful_chinese_summary_passes(report):
    note = json.loads((ROOT / "eval" / "references" / f"{STEM}.json").read_text(encoding="utf-8"))
    assert find_unsupported(note["summary_zh"], report, "zh") == []


def test_faithful_english_summary_passes(report):
    note = json.loads((ROOT / "eval" / "references" / f"{STEM}.json").read_text(encoding="utf-8"))
    assert find_unsupported(note["summary_en"], report, "en") == []


def test_invented_chinese_items_are_caught_with_offsets(report):
    output = "2021年5月30日，成都市召开会议。县委书记王建国讲话，要求苦干45天，完成三十七个项目。"
    found = find_unsupported(output, report, "zh")
    assert kinds(found) == [("date", "2021年5月30日"), ("place", "成都市"), ("name", "王建国"),
                            ("number", "45"), ("number", "三十七")]
    for item in found:
        assert output[item["start"]:item["end"]] == item["text"]


def test_invented_english_items_are_caught(report):
    output = ("On June 3, 2022, Chengdu City held a meeting chaired by Wang Jianguo, who announced 45 new "
              "projects worth 3 million yuan. Ma Shengchun spoke.")
    found = find_unsupported(output, report, "en")
    assert kinds(found) == [("date", "June 3, 2022"), ("place", "Chengdu"), ("name", "Wang Jianguo"),
                            ("number", "45"), ("number", "3 million")]
    assert all(output[f["start"]:f["end"]] == f["text"] for f in found)


def test_english_names_are_checked_through_pinyin_of_the_source(report):
    # 斯那扎史 and 黄龙新 are in the text; the romanisations are supported in either name order.
    assert find_unsupported("Sinazhashi and Huang Longxin reported; Longxin Huang agreed.", report, "en") == []
    assert kinds(find_unsupported("Huang Longfei reported.", report, "en")) == [("name", "Huang Longfei")]


def test_numbers_match_across_scripts_and_scales(report):
    # The text says 苦干30天: 三十天 and "thirty days" are the same number; 37 is not in the report.
    assert "37" not in report.text and "三十七" not in report.text
    assert find_unsupported("苦干三十天", report, "zh") == []
    assert find_unsupported("work hard for thirty days", report, "en") == []
    assert kinds(find_unsupported("work hard for thirty-seven days", report, "en")) == [("number", "thirty-seven")]
    assert kinds(find_unsupported("一是要正视问题，统一思想", report, "zh")) == []  # words, not numbers


def test_lang_is_checked(report):
    with pytest.raises(ValueError):
        find_unsupported("x", report, "fr")


def test_verifier_does_not_import_torch():
    code = ("from summarize.grounding import verifier\nfrom summarize.document import Report\n"
            "verifier.find_unsupported('马盛春讲话', Report(text='马盛春讲话'), 'zh')")
    assert heavy_imports_after(code) == []


NOTES = sorted((ROOT / "eval" / "references").glob("*.json"))


def note_and_report(path):
    note = json.loads(path.read_text(encoding="utf-8"))
    report = clean_file(ROOT / "seeds" / f"{path.stem}.txt")
    report.facts = Facts(title=note["title"], event_date=note["event_date"], published=note["published"],
                         source=note["source"], jurisdiction=note["jurisdiction"],
                         officials=[Official(o["name"], o["title"], o["role"]) for o in note["officials"]])
    return note, report


@pytest.mark.parametrize("index", range(len(NOTES)))
def test_reference_summaries_pass_and_their_corrupted_variants_fail(index):
    """Each hand-written summary passes; swapping in another report's officials or place, or shifting any
    number by 17, is caught (zh and en)."""
    note, report = note_and_report(NOTES[index])
    other = json.loads(NOTES[(index + 1) % len(NOTES)].read_text(encoding="utf-8"))
    checked = 0
    for lang, name_key, place in (("zh", "name", note["jurisdiction"]),
                                  ("en", "name_en", note["jurisdiction_en"].split(",")[0])):
        summary = note[f"summary_{lang}"]
        assert find_unsupported(summary, report, lang) == []
        names = [o[name_key] for o in note["officials"] if o[name_key] in summary]
        for name in names:
            for stranger in (o[name_key] for o in other["officials"]):
                found = find_unsupported(summary.replace(name, stranger, 1), report, lang)
                assert any(f["kind"] == "name" and f["text"] in stranger for f in found), (name, stranger)
                checked += 1
        new_place = other["jurisdiction"] if lang == "zh" else other["jurisdiction_en"].split(",")[0]
        if place in summary:
            assert find_unsupported(summary.replace(place, new_place, 1), report, lang), (place, new_place)
            checked += 1
        for m in re.finditer(r"\d+", summary):
            shifted = summary[:m.start()] + str(int(m.group()) + 17) + summary[m.end():]
            assert find_unsupported(shifted, report, lang), m.group()
            checked += 1
    assert checked >= 5


def test_capitalised_english_words_that_spell_pinyin_are_not_names(report):
    # Meeting (me-e-ting), Women (wo-men), Leading, June: English words, not romanised names.
    for text in ("Weixi County Holds Project Work Promotion Meeting",
                 "In June, the Leading Group of the Women's Federation met in the New Era."):
        assert find_unsupported(text, report, "en") == [], text
    assert kinds(find_unsupported("Zhang Wei and Li Na attended.", report, "en")) == [
        ("name", "Zhang Wei"), ("name", "Li Na")]


def test_words_after_a_title_are_not_names_unless_they_look_like_one(report):
    for text in ("会议由县委副书记主持。", "县委常委分别发言。", "市长亲自带队调研。", "县委书记在全县大会上讲话。"):
        assert find_unsupported(text, report, "zh") == [], text
    assert kinds(find_unsupported("副县长张伟主持。", report, "zh")) == [("name", "张伟")]


def test_numbers_inside_chinese_numeral_runs():
    from summarize.document import Report

    source = Report(text="认真落实“十四五”规划，苦干三十天。二〇二三年")
    assert find_unsupported("the 14th Five-Year Plan; 30 days; in 2023", source, "en") == []
    assert kinds(find_unsupported("work for 45 days", source, "en")) == [("number", "45")]  # not 四五
