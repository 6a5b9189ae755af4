"""Property tests: cleaning never crashes, is idempotent, and never loses a Han character silently."""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from seeds_util import SEEDS

from summarize.api import clean_text
from summarize.config import Settings
from summarize.errors import InputError
from summarize.pipeline.ingest import ingest_bytes
from summarize.pipeline.normalize import remove_annotations
from summarize.text.script import to_simplified

HAN = re.compile(r"[\u4e00-\u9fff]")
SEED_LINES = [line for path in SEEDS for line in path.read_text(encoding="utf-8").split("\n") if line.strip()]

chinese_text = st.text(
    alphabet=st.one_of(
        st.characters(min_codepoint=0x4E00, max_codepoint=0x4FFF),
        st.sampled_from(list("，。、；：“”（）() ,.:;!?-\n0123456789abcxyzāàǎ")),
    ),
    max_size=200,
)
seedish_text = st.lists(st.sampled_from(SEED_LINES), min_size=1, max_size=8).map("\n".join)
any_text = st.one_of(chinese_text, seedish_text, st.text(max_size=200))
FAST = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=400))
def test_arbitrary_bytes_never_crash(data):
    try:
        report = ingest_bytes(data, "fuzz.bin", Settings())
    except InputError as err:
        assert "fuzz.bin" in str(err)
        return
    assert isinstance(report.text, str)


@FAST
@given(any_text)
def test_cleaning_never_crashes_and_is_idempotent(text):
    try:
        once = clean_text(text).text
    except InputError:
        return  # empty or binary-looking input is refused, which is fine
    if not once.strip():
        return
    assert clean_text(once).text == once


@FAST
@given(st.one_of(chinese_text, seedish_text))
def test_no_han_character_is_lost_silently(text):
    try:
        report = clean_text(text)
    except InputError:
        return
    without_annotations = remove_annotations(text)[0]
    expected = HAN.findall(to_simplified(without_annotations))
    dropped = "".join(d.text for d in report.quality.boilerplate_dropped)
    # Orphaned pinyin is removed; mis-decoded characters are replaced by their repair.
    orphans = "".join(s.text for s in report.quality.corrupted_spans if s.kind in ("orphan_pinyin", "mojibake"))
    accounted = len(HAN.findall(report.text)) + len(HAN.findall(dropped)) + len(HAN.findall(orphans))
    assert accounted >= len(expected)
