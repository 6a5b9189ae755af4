"""Each metric on known values: perfect output 1.0, empty output 0, hand-computed ROUGE and F1 cases."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from summarize.document import Report
from summarize.evaluation import metrics
from summarize.evaluation.matching import contains_match, match_sets
from summarize.evaluation.rouge import lcs_length, rouge_l, rouge_n
from summarize.evaluation.textnorm import canonical, en_tokens, to_simplified, zh_tokens

CRAFTED = Path(__file__).parents[1] / "data" / "eval_crafted"


def note(stem: str) -> dict:
    return json.loads((CRAFTED / "references" / f"{stem}.json").read_text(encoding="utf-8"))


def as_output(reference: dict, text: str) -> dict:
    """A result-shaped dict (list items as {"text", "start", "end", "en"} objects) that says exactly
    what the reference says."""
    items = {k: [{"text": t, "start": 0, "end": len(t), "en": None} for t in reference[k]]
             for k in ("projects", "campaigns", "key_points")}
    officials = [{**o, "start": 0, "end": 0} for o in reference["officials"]]
    keys = ("title", "title_en", "published", "event_date", "jurisdiction", "event_type", "summary_zh", "summary_en")
    return {**{k: reference.get(k) for k in keys}, **items, "officials": officials, "text": text}


def source_report(stem: str) -> Report:
    """What the clean stage hands on: the body in Simplified characters."""
    raw = (CRAFTED / "reports" / f"{stem}.txt").read_text(encoding="utf-8")
    return Report(path=f"{stem}.txt", raw_text=raw, text=to_simplified(raw))


# --- tokenisation ---------------------------------------------------------------------------------

def test_zh_tokens_are_characters_with_ascii_runs_whole_and_no_punctuation():
    assert zh_tokens("2023年6月7日，會議 OK!") == ["2023", "年", "6", "月", "7", "日", "会", "议", "ok"]


def test_canonical_ignores_script_width_punctuation_and_space():
    assert canonical("“開門紅” （一期） ") == canonical("开门红(一期)") == "开门红一期"


def test_en_tokens_lowercase_words():
    assert en_tokens("On May 20, Mayor Li Hua's visit.") == ["on", "may", "20", "mayor", "li", "hua's", "visit"]


# --- ROUGE: hand-computed -------------------------------------------------------------------------

def test_rouge_hand_computed_unequal_lengths():
    cand, ref = zh_tokens("今天天气很好"), zh_tokens("天气好")
    # unigrams: 天 (clipped to 1), 气, 好 -> 3 of 6 candidate, 3 of 3 reference
    assert rouge_n(cand, ref, 1).precision == pytest.approx(0.5)
    assert rouge_n(cand, ref, 1).recall == pytest.approx(1.0)
    assert rouge_n(cand, ref, 1).f == pytest.approx(2 / 3)
    # bigrams: only 天气 is shared: P = 1/5, R = 1/2, F = 2 * 0.1 / 0.7
    assert rouge_n(cand, ref, 2).f == pytest.approx(2 / 7)
    # LCS 天气好 = 3: P = 3/6, R = 3/3
    assert rouge_l(cand, ref).f == pytest.approx(2 / 3)


def test_rouge_l_hand_computed_reordering():
    cand, ref = zh_tokens("甲乙丙丁戊"), zh_tokens("甲丙乙丁己")
    assert lcs_length(cand, ref) == 3  # 甲乙丁 (or 甲丙丁)
    assert rouge_l(cand, ref).f == pytest.approx(0.6)
    assert rouge_n(cand, ref, 1).f == pytest.approx(0.8)
    assert rouge_n(cand, ref, 2).f == 0.0


def test_rouge_edge_cases():
    assert rouge_l([], []).f == 1.0
    assert rouge_l([], ["a"]).f == 0.0
    assert rouge_n(["a"], [], 1).f == 0.0


# --- set matching: hand-computed ------------------------------------------------------------------

def test_match_sets_hand_computed_f1():
    predicted = ["“三争”", "開門紅", "稳增长行动", "完全无关"]
    reference = ["三争", "开门红", "稳增长", "两个稳定", "一盘棋"]
    result = match_sets(predicted, reference)
    # 三争 = 三争 (quotes), 開門紅 = 开门红 (script), 稳增长 in 稳增长行动 (3/5 >= 0.5)
    assert result.pairs == ((0, 0), (1, 1), (2, 2))
    assert result.precision == pytest.approx(3 / 4)
    assert result.recall == pytest.approx(3 / 5)
    assert result.f1 == pytest.approx(2 / 3)


def test_containment_needs_half_the_longer_string():
    assert contains_match(canonical("二号渠"), canonical("二号渠项目")) == pytest.approx(0.6)
    assert contains_match(canonical("项目"), canonical("二号渠项目")) == 0.0


def test_one_item_matches_once():
    result = match_sets(["双过半", "双过半"], ["双过半"])
    assert (result.precision, result.recall) == (0.5, 1.0)


# --- officials: hand-computed ---------------------------------------------------------------------

def test_officials_hand_computed():
    reference = note("a_meeting")
    reference["officials"].append({"name": "周强", "title": "副县长", "role": "attended"})
    output = {"officials": [
        {"name": "王建國", "title": "县委书记", "role": "spoke", "name_en": "Wang Jianguo"},
        {"name": "李明", "title": "县委副书记、县长", "role": "spoke", "name_en": "Li  Ming"},
        {"name": "张三", "title": None, "role": "attended", "name_en": "Zhang San"},
    ]}
    scores = metrics.officials(output, reference)
    # 2 of 3 output names are officials, 2 of 3 officials found
    assert scores["officials.name_precision"] == pytest.approx(2 / 3)
    assert scores["officials.name_recall"] == pytest.approx(2 / 3)
    assert scores["officials.name_f1"] == pytest.approx(2 / 3)
    assert scores["officials.title_match"] == pytest.approx(0.5)  # 李明's title is wrong
    assert scores["officials.role_accuracy"] == pytest.approx(0.5)  # 李明 presided
    assert scores["officials.name_en_exact"] == pytest.approx(1.0)  # white space is not a difference


# --- fields and cleaning --------------------------------------------------------------------------

def test_fields_normalise_text_but_not_dates():
    reference = note("b_visit")
    output = {"title": "李華到白河鎮調研鄉村振興工作。", "event_date": "2024-05-20", "published": None,
              "jurisdiction": "白河镇", "event_type": "inspection"}
    scores = metrics.fields(output, reference)
    assert scores["fields.title"] == 1.0  # script and punctuation ignored
    assert scores["fields.event_date"] == 0.0  # the reference knows no year: inventing one is wrong
    assert scores["fields.published"] == 1.0  # null = null
    assert scores["fields.jurisdiction"] == 1.0
    assert scores["fields.event_type"] == 0.0
    assert scores["fields.mean"] == pytest.approx(3 / 5)


def test_cleaning_pass_rates():
    reference = note("a_meeting")
    text = "县委书记王建国出席会议并讲话。浏览次数：128"  # one must_drop survives, one must_keep missing
    scores = metrics.cleaning({"text": text}, reference)
    assert scores["cleaning.must_drop"] == pytest.approx(3 / 4)
    assert scores["cleaning.must_keep"] == pytest.approx(1 / 2)


def test_must_keep_compared_in_simplified_without_punctuation():
    reference = note("b_visit")
    text = "李華一行先後來到白河鎮農產品冷鏈物流中心項目, 和東坡村。"
    assert metrics.cleaning({"text": text}, reference)["cleaning.must_keep"] == 1.0


# --- whole outputs --------------------------------------------------------------------------------

@pytest.mark.parametrize("stem", ["a_meeting", "b_visit"])
def test_perfect_output_scores_one(stem):
    reference = note(stem)
    report = source_report(stem)
    text = "\n".join(reference["must_keep"])
    scores, _ = metrics.score_case(as_output(reference, text), reference, report)
    quality = {k: v for k, v in scores.items() if not k.startswith("faithfulness.")}
    assert quality and all(v == pytest.approx(1.0) for v in quality.values() if v is not None), quality
    expected_none = {"cleaning.must_drop"} if not reference["must_drop"] else set()
    assert {k for k, v in quality.items() if v is None} == expected_none
    assert len(quality) >= 30
    assert scores["faithfulness.unsupported"] == 0  # the notes state nothing the report does not


def test_empty_output_scores_zero():
    reference = note("a_meeting")
    empty = {"title": None, "title_en": None, "published": None, "event_date": None, "jurisdiction": None,
             "event_type": "other", "officials": [], "projects": [], "campaigns": [], "key_points": [],
             "summary_zh": "", "summary_en": "", "text": ""}
    scores, _ = metrics.score_case(empty, reference, source_report("a_meeting"))
    conditional = {"officials.title_match", "officials.role_accuracy", "officials.name_en_exact"}
    assert all(scores[k] is None for k in conditional)  # no matched name: nothing to judge
    assert scores["cleaning.must_drop"] == 1.0  # an empty text keeps no chrome: the one metric an empty text passes
    rest = {k: v for k, v in scores.items() if k not in conditional | {"cleaning.must_drop"}
            and not k.startswith("faithfulness.")}
    assert rest and all(v == 0.0 for v in rest.values()), rest


def test_missing_keys_are_not_scored():
    scores, _ = metrics.score_case({"summary_zh": "青山县召开推进会"}, {"summary_zh": "青山县召开推进会", "title": "x"})
    # no reference title in the output, no report to judge faithfulness against
    assert set(scores) == {"summary_zh.rouge1", "summary_zh.rouge2", "summary_zh.rougeL"}


def test_english_metrics_perfect_partial_and_null_reference():
    reference = note("a_meeting")
    perfect = metrics.english({"summary_en": reference["summary_en"], "title_en": reference["title_en"]}, reference)
    assert all(v == pytest.approx(1.0) for v in perfect.values())
    partial = metrics.english({"summary_en": "Qingshan County held a meeting.", "title_en": None}, reference)
    assert 0 < partial["summary_en.chrf"] < 1 and 0 <= partial["summary_en.bleu"] < 1
    # "qingshan county held ... meeting": LCS 4 of 5 output words, of the reference's 48 words
    ref_words = len(en_tokens(reference["summary_en"]))
    p, r = 4 / 5, 4 / ref_words
    assert partial["summary_en.rougeL"] == pytest.approx(2 * p * r / (p + r))
    assert partial["title_en.chrf"] == 0.0
    null_ref = metrics.english({"title_en": None}, {"title_en": None})
    assert null_ref["title_en.chrf"] == 1.0


def test_faithfulness_counts_an_invented_number():
    reference = note("a_meeting")
    output = {"summary_zh": "2024年3月11日，县委书记王建国要求完成投资15亿元。"}  # the report says 12
    scores, details = metrics.score_case(output, reference, source_report("a_meeting"))
    assert scores["faithfulness.unsupported"] == 1
    assert [(f["kind"], f["text"]) for f in details["unsupported"]] == [("number", "15")]
    # checked: the date, the name 王建国 and the number 15
    assert scores["faithfulness.checked"] == 3
    assert scores["faithfulness.unsupported_share"] == pytest.approx(1 / 3)


# --- properties -----------------------------------------------------------------------------------

tokens = st.lists(st.sampled_from(list("甲乙丙丁戊")), max_size=12)


@given(tokens, tokens)
def test_rouge_properties(a, b):
    assert rouge_l(a, b).f == pytest.approx(rouge_l(b, a).f)  # F with beta 1 is symmetric
    assert lcs_length(a, b) <= min(len(a), len(b))
    assert rouge_l(a, b).f <= rouge_n(a, b, 1).f + 1e-12  # a common subsequence is a common multiset
    assert rouge_l(a, a).f == 1.0


@given(st.lists(st.sampled_from(["双过半", "一盘棋", "开门红", "三争", "稳增长行动"]), max_size=6),
       st.lists(st.sampled_from(["双过半", "一盘棋", "開門紅", "稳增长"]), max_size=6))
def test_match_sets_properties(predicted, reference):
    result = match_sets(predicted, reference)
    assert len(result.pairs) <= min(len(predicted), len(reference))
    assert len({i for i, _ in result.pairs}) == len({j for _, j in result.pairs}) == len(result.pairs)
    assert 0.0 <= result.f1 <= 1.0
