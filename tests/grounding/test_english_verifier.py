"""summary_en: the verifier reads proper nouns through the glossary as well as pinyin; titles in news order."""

from __future__ import annotations

from summarize.api import clean_text
from summarize.grounding.verifier import find_unsupported


def test_glossary_rendering_of_a_source_word_is_supported():
    report = clean_text("宽甸满族自治县召开县委常委会议。会议要求，全力推进重点项目建设。\n")
    assert find_unsupported("Kuandian Manchu Autonomous County held a meeting.", report, "en") == []
    # The same English word without its Chinese in the source is still caught.
    other = clean_text("宽甸县召开县委常委会议。会议要求，全力推进重点项目建设。\n")
    assert [f["text"] for f in find_unsupported("Kuandian Manchu County held a meeting.", other, "en")] == \
        ["Kuandian Manchu"]


def test_capitalized_phrase_of_a_source_word_is_no_name():
    report = clean_text("市长调研永新长征学院项目。会议要求，全力推进重点项目建设。\n")
    assert find_unsupported("The mayor visited the Yongxin Long March college project.", report, "en") == []
    # Without 长征 in the source, "Long" is a name the source does not hold.
    other = clean_text("市长调研永新学院项目。会议要求，全力推进重点项目建设。\n")
    assert [f["text"] for f in find_unsupported("The mayor visited the Yongxin Long March college project.",
                                                other, "en")] == ["Yongxin Long"]


def test_local_title_puts_the_place_first():
    from summarize.compose.en import local_title

    assert local_title("District Party Secretary of Shangzhou", None) == "Shangzhou District Party Secretary"
    assert local_title("County Party Secretary", "Minquan County of Shangqiu") == "Minquan County Party Secretary"
    assert local_title("Mayor", "Jiande of Hangzhou") == "Mayor"  # no unit to attach the place to


def test_invented_name_number_date_and_place_in_summary_en_are_caught():
    report = clean_text("3月1日，宾县召开重点项目推进会。县委书记王刚主持会议，全县28个重点项目开工。\n")
    honest = "On March 1, County Party Secretary Wang Gang chaired a meeting in Bin County on 28 key projects."
    assert find_unsupported(honest, report, "en") == []
    invented = ("On May 9, County Party Secretary Li Hongwei chaired a meeting in Ningde on 35 key projects.")
    kinds = {(f["kind"], f["text"]) for f in find_unsupported(invented, report, "en")}
    assert {k for k, _ in kinds} >= {"date", "name", "number"}
    texts = " ".join(t for _, t in kinds)
    assert "Li Hongwei" in texts and "35" in texts and "Ningde" in texts and "May 9" in texts


def test_rendered_summary_of_a_dev_report_has_nothing_unsupported(dev_suite):
    from summarize.api import summarize_file

    for path in sorted((dev_suite / "reports").glob("d0[1-5].txt")):
        report = summarize_file(str(path), engine="rules")
        assert report.english.summary_en
        assert find_unsupported(report.english.summary_en, report, "en") == [], path.name


def test_invented_title_in_summary_en_is_caught():
    report = clean_text("3月1日，宾县召开重点项目推进会。县委书记王刚主持会议，副县长李明讲话。\n")
    honest = "On March 1, Bin County Party Secretary Wang Gang chaired a meeting. Deputy County Magistrate Li Ming spoke."
    assert [f for f in find_unsupported(honest, report, "en") if f["kind"] == "title"] == []
    # Wang Gang is no governor and Li Ming no mayor: both titles are invented.
    invented = "On March 1, Provincial Governor Wang Gang chaired a meeting. Mayor Li Ming spoke."
    titles = [f["text"] for f in find_unsupported(invented, report, "en") if f["kind"] == "title"]
    assert titles == ["Provincial Governor", "Mayor"]


def test_shared_title_of_several_attendees_is_supported_in_the_plural():
    report = clean_text("1月12日，市人大常委会召开会议，市人大常委会副主任夏喜生、吕建月参加会议。\n")
    text = "Vice Chairmen of the Municipal People's Congress Standing Committee Xia Xisheng and Lü Jianyue also attended."
    assert [f for f in find_unsupported(text, report, "en") if f["kind"] == "title"] == []
