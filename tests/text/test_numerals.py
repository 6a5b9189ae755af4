"""The one Chinese-numeral parser every stage uses (dates, counts, the verifier)."""

from __future__ import annotations

import pytest

from summarize.text.numerals import parse_numeral


@pytest.mark.parametrize(("text", "value"), [
    ("31", 31), ("三十", 30), ("十一", 11), ("十二", 12), ("三十一", 31),
    ("廿", 20), ("廿五", 25), ("卅", 30), ("卅一", 31),  # one-character tens, as dates write them
    ("两", 2), ("两千五百", 2500), ("〇", 0), ("零", 0),
    ("一百零五", 105), ("一千零二十", 1020), ("一百一十", 110),
    ("二〇二三", 2023), ("一二", 12),  # digits spelled one by one
    ("三万", 30_000), ("一亿二千万", 120_000_000), ("一万亿", 10**12),
    ("2万", 20_000), ("1.5亿", 150_000_000), ("3千", 3000),
])
def test_well_formed_numbers(text: str, value: int) -> None:
    assert parse_numeral(text) == value


@pytest.mark.parametrize("text", [
    "", "万", "亿", "十十", "百千", "二三十", "廿十", "万万",
    "一万二", "一百二",  # colloquial abbreviations are not guessed
    "1.5", "1.23456万", "三个", "abc",
])
def test_malformed_or_colloquial_forms_give_none(text: str) -> None:
    assert parse_numeral(text) is None


def test_dates_do_not_read_spelled_digits() -> None:
    # 一二月 is January and February, not December.
    assert parse_numeral("一二", spelled_digits=False) is None
    assert parse_numeral("十二", spelled_digits=False) == 12
    assert parse_numeral("五", spelled_digits=False) == 5

