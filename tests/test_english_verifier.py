"""summary_en: the verifier reads proper nouns through the glossary as well as pinyin; titles in news order."""

from __future__ import annotations

from summarize.api import clean_text
from summarize.model.verifier import find_unsupported


def test_glossary_rendering_of_a_source_word_is_supported():
    report = clean_text("宽甸满族自治县召开县委常委会议。会议要求，全力推进重点项目建设。\n")
    assert find_unsupported("Kuandian Manchu Autonomous County held a meeting.", report, "en") == []
    # The same English word without its Chinese in the source is still caught.
    other = clean_text("宽甸县召开县委常委会议。会议要求，全力推进重点项目建设。\n")
    assert [f["text"] for f in find_unsupported("Kuandian Manchu County held a meeting.", other, "en")] == \
        ["Kuandian Manchu"]


def test_local_title_puts_the_place_first():
    from summarize.english.summary import local_title

    assert local_title("District Party Secretary of Shangzhou", None) == "Shangzhou District Party Secretary"
    assert local_title("County Party Secretary", "Minquan County of Shangqiu") == "Minquan County Party Secretary"
    assert local_title("Mayor", "Jiande of Hangzhou") == "Mayor"  # no unit to attach the place to
