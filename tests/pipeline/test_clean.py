"""Cleaning on the real seeds: chrome dropped, body kept, metadata recovered."""

from __future__ import annotations

import random

import pytest
from opencc import OpenCC
from seeds_util import seed_named, squash

from summarize.api import clean_file, clean_text
from summarize.pipeline.normalize import fullwidth_punctuation, remove_annotations

T2S = OpenCC("t2s")


def test_no_must_drop_survives(seed, reference):
    text = clean_file(seed).text
    for fragment in reference["must_drop"]:
        assert fragment not in text, fragment
        assert T2S.convert(fragment) not in text, fragment


def test_every_must_keep_survives(seed, reference):
    text = squash(clean_file(seed).text)
    for sentence in reference["must_keep"]:
        assert squash(T2S.convert(sentence)) in text, sentence


def test_metadata_matches_references(seed, reference):
    meta = clean_file(seed).metadata
    for key in ("title", "published", "source"):
        if reference[key] is not None:
            assert getattr(meta, key) == reference[key], key
    if reference["title"] is None:
        assert meta.title is None


def test_dropped_lines_are_reported(seed):
    report = clean_file(seed)
    for dropped in report.quality.boilerplate_dropped:
        assert dropped.reason and dropped.text
        if dropped.reason != "duplicate_title":
            assert dropped.text not in report.text.split("\n")


def test_cleaning_is_idempotent_on_seeds(seed):
    once = clean_file(seed).text
    assert clean_text(once).text == once


def test_shuffled_paragraphs_keep_every_sentence(seed):
    raw = seed.read_text(encoding="utf-8")
    paragraphs = raw.split("\n")
    head, rest = paragraphs[:3], paragraphs[3:]
    random.Random(7).shuffle(rest)
    shuffled = clean_text("\n".join(head + rest)).text
    assert sorted(shuffled.split("\n")) == sorted(clean_file(seed).text.split("\n"))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("動(dòng)態(tài)", "動態"),
        ("項(xiàng)目", "項目"),
        ("发展(fa1 zhan3)", "发展"),
        ("永春河流域生态治理及基础设施建设(一期)项目", "永春河流域生态治理及基础设施建设(一期)项目"),
        ("各镇(街道)、区级各部门", "各镇(街道)、区级各部门"),
        ("网站 (2023-06-12 15:56:55)", "网站 (2023-06-12 15:56:55)"),
        ("市政协(CPPCC)主席", "市政协(CPPCC)主席"),
        ("第一条(a)款", "第一条(a)款"),
    ],
)
def test_annotation_removal_is_conservative(raw, expected):
    assert remove_annotations(raw)[0] == expected


def test_punctuation_between_chinese_becomes_full_width():
    assert fullwidth_punctuation("会议指出,要抓好落实;确保实效:全力以赴!") == "会议指出，要抓好落实；确保实效：全力以赴！"
    assert fullwidth_punctuation("时间 15:56:55, version 1.2") == "时间 15:56:55, version 1.2"
    assert fullwidth_punctuation("建设(一期)项目") == "建设（一期）项目"


def test_fullwidth_digits_and_letters_fold():
    assert clean_text("２０２４年５月６日，ＡＢＣ公司召开会议。").text == "2024年5月6日，ABC公司召开会议。"


def test_mojibake_is_repaired_or_marked():
    seed = seed_named("003")
    report = clean_file(seed)
    kinds = {span.kind for span in report.quality.corrupted_spans}
    assert {"mojibake", "lost_character", "orphan_pinyin"} <= kinds
    assert "“双过半”" in report.text  # repaired from '!半p' (a stripped GBK high bit)
    for span in report.quality.corrupted_spans:
        if span.kind == "lost_character":
            assert report.text[span.start:span.end].strip("?\ufffd") == ""
    assert "lián)" not in report.text and "qū)" not in report.text


def test_keep_script_keeps_traditional(seed):
    report = clean_file(seed, keep_script=True)
    if report.quality.script_detected == "traditional":
        assert not report.quality.script_converted
        assert report.text != clean_file(seed).text


def test_inline_credits_become_metadata():
    report = clean_text("本网讯（通讯员张三）3月1日下午，区委书记李四带队调研重点项目。"
                        "会议要求抓好落实。（撰稿人：王五 审核人：赵六）")
    assert report.metadata.reporter == "张三"
    assert report.metadata.author == "王五"
    assert report.metadata.reviewer == "赵六"
    assert report.text.startswith("3月1日下午")
    assert "撰稿人" not in report.text
