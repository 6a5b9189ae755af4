"""Issue 11 property tests: any input gives a result or one of the tool's own errors, never a crash.

Invariants on random bytes, random Unicode (surrogates, controls, RTL, combining marks), truncated
multi-byte sequences, mixed encodings, deep and unclosed HTML, long lines without punctuation and
repeated annotations: only SummarizeError subclasses are raised; every item's offsets slice the clean
text to the item's text; every official's name occurs in it; the JSON result parses with the same
keys every time; the same input gives the same output; each example finishes within a time bound.

CI runs 2,000 examples in all (profile "ci"); SUMMARIZE_HYPOTHESIS_PROFILE=long runs 20x as many.
"""

from __future__ import annotations

import json
import os
import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from seeds_util import SEEDS

from summarize.api import summarize_text
from summarize.errors import SummarizeError
from summarize.output.result import to_result

settings.register_profile("ci", deadline=2000, suppress_health_check=[HealthCheck.too_slow], derandomize=True)
settings.register_profile("long", deadline=5000, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("SUMMARIZE_HYPOTHESIS_PROFILE", "ci"))
SCALE = 20 if os.environ.get("SUMMARIZE_HYPOTHESIS_PROFILE") == "long" else 1

SEED_TEXT = SEEDS[0].read_text(encoding="utf-8")
SEED_LINES = [line for path in SEEDS for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]
EXPECTED_KEYS = set(to_result(summarize_text(SEED_TEXT)))

weird_chars = st.one_of(
    st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
    st.characters(min_codepoint=0xD800, max_codepoint=0xDFFF),  # lone surrogates
    st.characters(min_codepoint=0, max_codepoint=0x1F),  # controls
    st.characters(min_codepoint=0x0590, max_codepoint=0x06FF),  # Hebrew, Arabic (RTL)
    st.characters(min_codepoint=0x0300, max_codepoint=0x036F),  # combining marks
    st.sampled_from(list("，。、；：“”（）()《》\n\u202e\u200f\x1b[0m县委书记张王李出席会议项目月日")),
)
seedish = st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=3).map("\n".join)
unicode_inputs = st.one_of(st.text(weird_chars, max_size=300), seedish,
                           st.tuples(seedish, st.text(weird_chars, max_size=40)).map("".join))
html_inputs = st.builds(
    lambda depth, body, close: "<html><body>" + "<div>" * depth + body + ("</div>" * depth if close else ""),
    st.integers(0, 120), seedish, st.booleans())
long_lines = st.builds(lambda unit, n: "力争30天" + unit * n,
                       st.sampled_from(["甲乙丙丁", "县委书记王伟", "(zì)", "3月5日", "路改造项目"]), st.integers(1, 400))


def _check(text: str | bytes) -> None:
    try:
        report = summarize_text(text)
    except SummarizeError:
        return
    clean = report.text
    facts = report.facts
    for item in [*facts.projects, *facts.campaigns, *facts.targets, *facts.key_points]:
        assert clean[item.start:item.end] == item.text
    for official in facts.officials:
        assert official.name in clean
    result = to_result(report)
    assert set(json.loads(json.dumps(result, ensure_ascii=False))) == EXPECTED_KEYS
    assert isinstance(result["summary_en"], str)
    again = to_result(summarize_text(text))
    strip = re.compile(r'"timings_ms": \{[^}]*\}')
    assert strip.sub("", json.dumps(again, sort_keys=True)) == strip.sub("", json.dumps(result, sort_keys=True))


@pytest.mark.slow
@settings(max_examples=700 * SCALE)
@given(unicode_inputs)
def test_any_unicode_text(text):
    _check(text)


@pytest.mark.slow
@settings(max_examples=600 * SCALE)
@given(st.one_of(st.binary(max_size=400),
                 st.builds(lambda cut, codec: SEED_TEXT.encode(codec, "replace")[:cut],
                           st.integers(1, 600), st.sampled_from(["utf-8", "gb18030", "big5", "utf-16"])),
                 st.builds(lambda a, b: a.encode("utf-8") + b.encode("gb18030"), seedish, seedish)))
def test_any_bytes(data):
    _check(data)


@pytest.mark.slow
@settings(max_examples=300 * SCALE)
@given(html_inputs)
def test_deep_and_unclosed_html(text):
    _check(text)


@pytest.mark.slow
@settings(max_examples=400 * SCALE)
@given(long_lines)
def test_long_lines_and_repeated_annotations(text):
    _check(text)
